"""REST API tests against a real uvicorn server on loopback."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import EXAMPLES, running_server

TOKEN = "test-token-123"


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    db = str(tmp_path_factory.mktemp("api") / "api.duckdb")
    subprocess.run([sys.executable, "-m", "marea.cli", "ingest", str(EXAMPLES / "html"),
                    "--db", db], check=True, capture_output=True, timeout=600)
    with running_server(db, {**os.environ, "MAREA_TOKEN": TOKEN}) as base, httpx.Client(
            base_url=base, timeout=60) as client:
        yield client


def test_openapi_and_reads(api: httpx.Client) -> None:
    schema = api.get("/openapi.json").json()
    assert {"/documents", "/events", "/search", "/ingest", "/actors/{name}"} <= set(
        schema["paths"])
    page = api.get("/documents", params={"limit": 3}).json()
    assert len(page["items"]) == 3 and page["limit"] == 3
    second = api.get("/documents", params={"limit": 3, "offset": 3}).json()
    assert {d["doc_id"] for d in page["items"]}.isdisjoint(d["doc_id"] for d in second["items"])
    known = api.get("/actors", params={"limit": 2}).json()
    unknown = api.get("/actors", params={"limit": 2, "unknown": True}).json()
    assert known["left_out"] == unknown["total"] > 0
    assert known["note"] == (f"{unknown['total']} names not in the knowledge base left out "
                             "(unknown=true lists them)")
    amlo = api.get("/actors/AMLO").json()
    assert amlo["actor_id"] == "andres-manuel-lopez-obrador"
    events = api.get("/events", params={"actor": "Pedro Castillo", "type": "COERCE"}).json()
    # the syndicated copy's "Congress removes Castillo" is collapsed into the original's;
    # Peru's Congress removed him (the "LIMA, Peru —" dateline is no subject)
    assert any(e["source_actor_id"] == "PERLEG" and e["trigger"] == "removed"
               and e["date"] == "2022-12-07" for e in events["items"])
    hits = api.get("/search", params={"q": "Castillo Congress", "language": "en"}).json()
    one = api.get("/search", params={"q": "Castillo Congress", "language": "en", "limit": 1,
                                     "mode": "text"}).json()
    every = api.get("/search", params={"q": "Castillo Congress", "language": "en",
                                       "limit": 500, "mode": "text"}).json()
    assert one["shown"] == 1 and one["total"] == every["shown"] == every["total"] >= 1
    assert hits["total"] >= every["total"]  # hybrid: the semantic side ranks every document
    assert hits["items"][0]["title"].startswith(("Peru's Congress removes", "Peru ousts"))
    doc = api.get(f"/documents/{hits['items'][0]['doc_id'][:10]}").json()
    assert doc["mentions"] and doc["events"] and "Castillo" in doc["text"]


def test_opinion_reads_and_search_modes(api: httpx.Client) -> None:
    schema = api.get("/openapi.json").json()
    assert {"/stances/{name}", "/stances/{name}/timeline", "/themes", "/claims",
            "/narratives", "/narratives/{narrative_id}"} <= set(schema["paths"])
    stances = api.get("/stances/United States").json()["items"]
    praised = [s for s in stances if "steady hand" in (s["title"] or "")]
    assert praised and praised[0]["label"] == "favor" and praised[0]["cue"]
    timeline = api.get("/stances/USA/timeline", params={"period": "month"}).json()["items"]
    assert timeline and all(len(row["period"]) == 7 for row in timeline)
    assert any(t["theme"] == "elections" for t in api.get("/themes").json()["items"])
    claims = api.get("/claims", params={"kind": "figure"}).json()["items"]
    assert claims and all("figure" in c["kinds"] for c in claims)
    narratives = api.get("/narratives").json()["items"]
    assert narratives
    one = api.get(f"/narratives/{narratives[0]['narrative_id']}").json()
    assert len(one["members"]) == one["sentences"] >= 3 and one["label"]
    semantic = api.get("/search", params={"q": "the president was removed from office by "
                                          "lawmakers", "mode": "semantic"}).json()["items"]
    assert semantic[0]["sentence"] is not None and "Castillo" in semantic[0]["snippet"] + \
        (semantic[0]["title"] or "")
    doc = api.get(f"/documents/{semantic[0]['doc_id']}").json()
    assert {"stances", "frames", "claims", "themes"} <= set(doc)
    filtered = api.get("/search", params={"q": "Castillo", "actor": "USA",
                                          "stance": "against"}).json()["items"]
    unfiltered = api.get("/search", params={"q": "Castillo"}).json()["items"]
    assert len(filtered) < len(unfiltered)


@pytest.mark.parametrize("path, params, status", [
    ("/search", {"q": "x", "stance": "favor"}, 400),
    ("/search", {"q": "x", "mode": "magic"}, 422),
    ("/search", {"q": "x", "stance": "love", "actor": "USA"}, 422),
    ("/stances/USA/timeline", {"period": "week"}, 422),
    ("/claims", {"kind": "rumour"}, 422),
    ("/narratives/0", {}, 422),
    ("/narratives/999999", {}, 404),
    ("/stances/Nobody At All", {}, 404),
    ("/documents", {"limit": 0}, 422),
    ("/documents", {"limit": 100000}, 422),
    ("/documents", {"offset": -1}, 422),
    ("/events", {"since": "yesterday"}, 400),
    ("/events", {"since": "2022-13-45"}, 400),
    ("/events", {"type": "PROTST"}, 400),
    ("/themes", {"language": "xx"}, 400),
    ("/actors", {"type": "robot"}, 400),
    ("/search", {"q": ""}, 422),
    ("/search", {"q": "x' OR 1=1 --"}, 200),
    ("/documents/ffffffffff", {}, 404),
    ("/actors/Nobody At All", {}, 404),
    ("/jobs/nope", {}, 401),
])
def test_bad_requests_are_clear_4xx(api: httpx.Client, path: str, params: dict[str, object],
                                    status: int) -> None:
    response = api.get(path, params=params)
    assert response.status_code == status, response.text
    assert "detail" in response.json() or status == 200
    if status == 400 and "since" in params:  # the same message as the CLI and Python
        assert "use YYYY, YYYY-MM or YYYY-MM-DD" in response.json()["detail"]


def test_listings_say_how_many_of_how_many(api: httpx.Client) -> None:
    first = api.get("/events", params={"limit": 5}).json()
    assert first["shown"] == 5 and first["total"] > 5 and first["offset"] == 0
    everything = api.get("/events", params={"limit": 500}).json()
    assert everything["shown"] == everything["total"] == first["total"]
    with_copies = api.get("/events", params={"limit": 500, "duplicates": True}).json()
    assert with_copies["total"] > first["total"]  # the syndicated copy's events
    series = api.get("/attention/USA", params={"period": "year"}).json()
    assert series["items"] and all(len(row["period"]) == 4 for row in series["items"])


def test_ingest_needs_the_token_and_keeps_script_inert(api: httpx.Client) -> None:
    page = b"<p>Mexico <script>alert('x')</script> protested against Peru on Monday.</p>" * 3
    files = {"files": ("evil.txt", page, "text/plain")}
    assert api.post("/ingest", files=files).status_code == 401
    wrong = api.post("/ingest", files=files, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401
    accepted = api.post("/ingest", files=files, headers={"Authorization": f"Bearer {TOKEN}"})
    assert accepted.status_code == 202
    job = accepted.json()["id"]
    deadline = time.monotonic() + 120
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert api.get(f"/jobs/{job}").status_code == 401
    assert api.get("/jobs/nope", headers=auth).status_code == 404
    while (state := api.get(f"/jobs/{job}", headers=auth).json())["status"] in (
            "queued", "running"):
        assert time.monotonic() < deadline
        time.sleep(0.5)
    assert state["status"] == "done" and state["stored"] == 1, state
    hits = api.get("/search", params={"q": "alert protested"}).json()["items"]
    doc = api.get(f"/documents/{hits[0]['doc_id']}")
    assert doc.headers["content-type"].startswith("application/json")
    assert "<script>alert('x')</script>" in doc.json()["text"]  # stored verbatim, served as data


def test_request_size_limit(api: httpx.Client) -> None:
    big = {"files": ("big.txt", b"x" * 21_000_000, "text/plain")}
    response = api.post("/ingest", files=big, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 413


def test_upload_names_cannot_escape(api: httpx.Client, tmp_path: Path) -> None:
    files = {"files": ("../../etc/evil.txt", b"Chile protested against Bolivia.", "text/plain")}
    response = api.post("/ingest", files=files, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 202
