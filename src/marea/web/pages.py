"""Dashboard pages: overview, actor, events, document and search, as server-rendered HTML.

Article text is untrusted: templates autoescape everything, and data for the charts travels
as JSON inside <script type="application/json"> (Jinja's tojson escapes "<", ">", "&").
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import FileResponse, HTMLResponse, Response
from fastapi.templating import Jinja2Templates

from marea.corpus import Corpus, records
from marea.errors import MareaError
from marea.events.lexicon import ontology
from marea.search import Filters, search

TEMPLATES = Jinja2Templates(directory=str(resources.files("marea").joinpath("web", "templates")))
NETWORK_SIZE = 25  # co-mentioned actors drawn around an actor


def _static_files() -> dict[str, Path]:
    """Return the files served under /static: ours, plotly.js and vis-network from packages."""
    import plotly
    import pyvis

    return {
        "marea.css": Path(str(resources.files("marea").joinpath("web", "static", "marea.css"))),
        "plotly.min.js": Path(plotly.__file__).parent / "package_data" / "plotly.min.js",
        "vis-network.min.js": Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"
        / "vis-network.min.js",
    }


def _rows(corpus: Corpus, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    cursor = corpus.store.con.cursor().execute(sql, params or [])
    names = [c[0] for c in cursor.description or []]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]




def router(corpus: Corpus) -> APIRouter:
    """Return the dashboard routes over a corpus."""
    pages = APIRouter(include_in_schema=False)
    static = _static_files()

    @pages.get("/static/{name}")
    def static_file(name: str) -> Response:
        if name not in static:
            raise HTTPException(404, "no such file")
        media = "text/css" if name.endswith(".css") else "text/javascript"
        return FileResponse(static[name], media_type=media)

    @pages.get("/", response_class=HTMLResponse)
    def overview(request: Request) -> Response:
        counts = _rows(corpus, "SELECT (SELECT count(*) FROM documents) AS documents, "
                               "(SELECT count(*) FROM actors) AS actors, "
                               "(SELECT count(*) FROM events) AS events, "
                               "(SELECT count(*) FROM sentences) AS sentences")[0]
        series = {
            key: _rows(corpus, f"SELECT coalesce(left(published, 7), 'undated') AS month, "
                               f"coalesce({column}, 'unknown') AS grp, count(*) AS n "
                               "FROM documents GROUP BY ALL ORDER BY month")
            for key, column in (("language", "language"), ("site", "site"))
        }
        return TEMPLATES.TemplateResponse(request, "overview.html", {
            "counts": counts, "series": series,
            "actors": records(corpus.actors(top=20)),
            "documents": records(corpus.documents(limit=50).drop(columns=["text"])),
        })

    @pages.get("/ui/actor/{name}", response_class=HTMLResponse)
    def actor(request: Request, name: str) -> Response:
        try:
            actor_id = corpus.actor_id(name)
        except MareaError as exc:
            raise HTTPException(404, str(exc)) from exc
        return TEMPLATES.TemplateResponse(request, "actor.html", actor_page(corpus, actor_id))

    @pages.get("/ui/events", response_class=HTMLResponse)
    def events(request: Request, actor: str | None = None, type: str | None = None,
               since: str | None = None, until: str | None = None) -> Response:
        filters = {"actor": actor, "type": type, "since": since, "until": until}
        error, found = None, []
        try:
            found = records(corpus.events(actor or None, type or None, since or None,
                                           until or None, limit=300))
        except MareaError as exc:
            error = str(exc)
        return TEMPLATES.TemplateResponse(request, "events.html", {
            "events": found, "filters": filters, "types": sorted(ontology()), "error": error})

    @pages.get("/ui/doc/{doc_id}", response_class=HTMLResponse)
    def document(request: Request, doc_id: str) -> Response:
        try:
            full = corpus.store.resolve_doc_id(doc_id)
        except MareaError as exc:
            raise HTTPException(404, str(exc)) from exc
        doc = _rows(corpus, "SELECT doc_id, title, author, published, language, site, source, "
                            "url, text FROM documents WHERE doc_id = ?", [full])[0]
        mentions = _rows(corpus, "SELECT start_char, end_char, label, actor_id, role "
                                 "FROM mentions WHERE doc_id = ? AND label NOT IN "
                                 "('CARDINAL', 'ORDINAL', 'QUANTITY', 'PERCENT', 'MONEY', "
                                 "'CONTAINER')", [full])
        events = records(corpus.events(limit=500, doc_id=full))
        return TEMPLATES.TemplateResponse(request, "document.html", {
            "doc": doc, "events": events, "segments": segments(doc["text"], mentions, events)})

    @pages.get("/ui/search", response_class=HTMLResponse)
    def search_page(request: Request, q: str = "", actor: str | None = None,
                    language: str | None = None, since: str | None = None) -> Response:
        filters = {"actor": actor, "language": language, "since": since}
        hits: list[dict[str, Any]] = []
        error = None
        if q.strip():
            try:
                who = corpus.actor_id(actor) if actor else None
                hits = search(corpus.store, q, Filters(actor=who, language=language or None,
                                                       since=since or None), limit=50)
            except MareaError as exc:
                error = str(exc)
        return TEMPLATES.TemplateResponse(request, "search.html", {
            "q": q, "hits": hits, "filters": filters, "error": error})

    return pages


def actor_page(corpus: Corpus, actor_id: str) -> dict[str, Any]:
    """Return what an actor's page shows: identity, roles, volume, network, events."""
    info = _rows(corpus, "SELECT * FROM actors WHERE actor_id = ?", [actor_id])[0]
    volume = _rows(corpus, "SELECT coalesce(left(d.published, 7), 'undated') AS month, "
                           "count(*) AS n FROM mentions m JOIN documents d USING (doc_id) "
                           "WHERE m.actor_id = ? GROUP BY ALL ORDER BY month", [actor_id])
    partners = _rows(corpus, "SELECT a.actor_id, a.name, a.type, "
                             "count(DISTINCT o.doc_id) AS docs FROM mentions m "
                             "JOIN mentions o ON o.doc_id = m.doc_id AND o.actor_id <> m.actor_id "
                             "JOIN actors a ON a.actor_id = o.actor_id "
                             "WHERE m.actor_id = ? AND a.origin <> 'unknown' GROUP BY ALL "
                             "ORDER BY docs DESC, a.name LIMIT ?", [actor_id, NETWORK_SIZE])
    nodes = [{"id": actor_id, "label": info["name"], "value": 3, "color": "#c0392b"}]
    nodes += [{"id": p["actor_id"], "label": p["name"], "value": 1, "group": p["type"]}
              for p in partners]
    edges = [{"from": actor_id, "to": p["actor_id"], "value": p["docs"]} for p in partners]
    return {
        "actor": info, "aliases": json.loads(info["aliases"] or "[]"),
        "roles": json.loads(info["roles"] or "[]"),
        "events": records(corpus.events(actor=actor_id, limit=200)),
        "data": {"volume": volume, "nodes": nodes, "edges": edges},
    }


def write_report(corpus: Corpus, name: str, out: Path) -> Path:
    """Write a self-contained HTML page about an actor (scripts inlined), to send around."""
    context = actor_page(corpus, corpus.actor_id(name))
    scripts = {key: path.read_text("utf-8").replace("</script", "<\\/script")
               for key, path in _static_files().items() if key.endswith(".js")}
    css = _static_files()["marea.css"].read_text("utf-8")
    page = TEMPLATES.get_template("report.html").render(**context, css=css, scripts=scripts)
    out.write_text(page, "utf-8")
    return out


def segments(text: str, mentions: list[dict[str, Any]], events: list[dict[str, Any]]
             ) -> list[dict[str, Any]]:
    """Cut a text into plain, mention and event-trigger segments (no overlaps, in order)."""
    spans: list[tuple[int, int, dict[str, Any]]] = []
    for e in events:
        title = f"{e['type']} {e.get('source') or '-'} → {e.get('target') or '-'}"
        spans.append((int(e["start_char"]), int(e["end_char"]),
                      {"kind": "event", "idx": e["idx"], "title": title}))
    for m in mentions:
        spans.append((int(m["start_char"]), int(m["end_char"]),
                      {"kind": "mention", "label": m["label"], "actor_id": m["actor_id"],
                       "role": m["role"]}))
    spans.sort(key=lambda s: (s[0], -s[1]))
    found, position = [], 0
    for start, end, info in spans:
        if start < position:
            continue  # overlaps a span already placed
        if start > position:
            found.append({"kind": "text", "text": text[position:start]})
        found.append({**info, "text": text[start:end]})
        position = end
    found.append({"kind": "text", "text": text[position:]})
    return found
