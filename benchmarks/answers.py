"""The REST answers of some 500 requests over a store, saved to compare two versions of marea.

    python benchmarks/answers.py DB OUT.json [--only PATH_PREFIX] [--against EARLIER.json]

Requests every read endpoint the API benchmark measures, with varied filters, offsets past the
end and ids of copies, in-process (FastAPI's test client) against DB opened as the server
opens it; writes {request: [status, body]} to OUT.json. With --against, says how many answers
differ from an earlier run's (of another branch, say) and shows the first difference of each
of the first five. Query rewrites must leave every answer as it was.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import Any

from fastapi.testclient import TestClient

from marea.server import create_app
from marea.settings import load_settings
from marea.store import Store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("db")
    parser.add_argument("out")
    parser.add_argument("--only", default="", help="only requests whose path starts so")
    parser.add_argument("--against", help="answers saved by an earlier run, to compare with")
    args = parser.parse_args()
    db = args.db
    with Store(db, read_only=True) as store:
        doc_ids = [r[0] for r in store.query(
            "SELECT doc_id FROM documents USING SAMPLE reservoir(60 ROWS) REPEATABLE (3)")]
        doc_ids += [r[0] for r in store.query(
            "SELECT doc_id FROM documents WHERE duplicate_of IS NOT NULL LIMIT 5")]
        doc_ids += [r[0] for r in store.query(
            "SELECT doc_id FROM documents WHERE doc_id NOT IN (SELECT doc_id FROM events) LIMIT 3")]
        actors = [r[0] for r in store.query(
            "SELECT a.name FROM actor_stats s JOIN actors a USING (actor_id) "
            "ORDER BY s.mentions DESC, a.name LIMIT 12")]
        sites = [r[0] for r in store.query(
            "SELECT DISTINCT site FROM documents WHERE site IS NOT NULL ORDER BY 1 LIMIT 3")]
        narratives = [r[0] for r in store.query("SELECT narrative_id FROM narratives LIMIT 3")]
        total = store.query("SELECT count(*) FROM documents")[0][0]

    requests: list[tuple[str, dict[str, Any]]] = []
    for d in doc_ids:
        requests.append((f"/documents/{d}", {}))
    requests.append((f"/documents/{doc_ids[0][:10]}", {}))
    requests.append(("/documents/nosuchdocument", {}))
    for off in (0, 7, total // 2, total - 3, total + 5):
        requests.append(("/documents", {"limit": 20, "offset": off}))
    for a in actors + ["Pedro Castillo", "Evo Morales", "USA", "AMLO"]:
        for off in (0, 3, 50, 400):
            requests.append(("/events", {"actor": a, "limit": 50, "offset": off}))
        requests.append(("/events", {"actor": a, "type": "COERCE"}))
        requests.append(("/events", {"actor": a, "since": "2010", "until": "2020-06"}))
        requests.append(("/events", {"actor": a, "duplicates": True, "limit": 30}))
        requests.append(("/timeline/" + a, {}))
        requests.append(("/timeline/" + a, {"limit": 5, "offset": 2}))
        for off in (0, 5, 100, 700):
            requests.append((f"/stances/{a}", {"limit": 50, "offset": off}))
        requests.append((f"/stances/{a}", {"since": "2005", "until": "2019-03"}))
        for s in sites:
            requests.append((f"/stances/{a}", {"site": s}))
            requests.append(("/events", {"actor": a, "site": s}))
        requests.append((f"/stances/{a}/timeline", {"period": "year"}))
        requests.append((f"/stances/{a}/timeline", {"period": "month"}))
        requests.append(("/claims", {"actor": a}))
    for t in ("COERCE", "STATEMENT", "PROTEST"):
        for off in (0, 50, 500):
            requests.append(("/events", {"type": t, "since": "2010", "until": "2020",
                                         "limit": 50, "offset": off}))
    requests.append(("/events", {}))
    requests.append(("/events", {"duplicates": True, "limit": 100}))
    for k in (None, "figure", "poll", "ranking", "comparison", "superlative"):
        for off in (0, 40):
            requests.append(("/claims", {"kind": k, "limit": 50, "offset": off} if k else
                             {"limit": 50, "offset": off}))
        requests.append(("/claims", {"kind": k, "duplicates": True} if k else {"duplicates": True}))
    for off in (0, 2, 100):
        requests.append(("/narratives", {"offset": off, "limit": 5}))
    requests.append(("/narratives", {}))
    for n in narratives:
        requests.append((f"/narratives/{n}", {}))
    requests.append(("/themes", {}))
    requests.append(("/themes", {"language": "es", "since": "2012"}))
    for q in ("Castillo", "Congress", "protest", "sanciones", "Lula", "coup", "OAS", "election",
              "Castillo Congress", "Venezuela migration", "the president was removed by congress",
              "protestas contra el gobierno"):
        for mode in ("text", "semantic", "hybrid"):
            requests.append(("/search", {"q": q, "mode": mode}))
        requests.append(("/search", {"q": q, "mode": "text", "language": "es", "since": "2010"}))
        requests.append(("/search", {"q": q, "actor": "USA", "stance": "against",
                                     "theme": "us_foreign_policy"}))
        requests.append(("/search", {"q": q, "mode": "text", "limit": 5, "offset": 40}))
    for a in actors[:4]:
        requests.append((f"/actors/{a}", {}))
        requests.append((f"/attention/{a}", {}))
    requests.append(("/actors", {"limit": 50}))

    requests = [r for r in requests if r[0].startswith(args.only)]
    app = create_app(load_settings().with_(db=db), token=None)
    answers: dict[str, Any] = {}
    started = time.perf_counter()
    with TestClient(app) as client:
        for path, params in requests:
            response = client.get(path, params=params)
            answers[path + "?" + json.dumps(params, sort_keys=True)] = [response.status_code,
                                                                          response.json()]
    print(f"{len(answers)} requests in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    with open(args.out, "w") as f:
        json.dump(answers, f, indent=1, sort_keys=True, ensure_ascii=False)
    if args.against:
        with open(args.against) as f:
            earlier = json.load(f)
        shared = [key for key in answers if key in earlier]
        differ = [key for key in shared if answers[key] != earlier[key]]
        print(f"{len(shared)} answers compared, {len(differ)} differ")
        for key in differ[:5]:
            old, new = (json.dumps(a[key], sort_keys=True) for a in (earlier, answers))
            at = next((i for i, (x, y) in enumerate(zip(old, new, strict=False)) if x != y),
                      min(len(old), len(new)))
            print(f"{key}\n  before: ...{old[max(0, at - 80):at + 120]}\n"
                  f"  after:  ...{new[max(0, at - 80):at + 120]}")


if __name__ == "__main__":
    main()
