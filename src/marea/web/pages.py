"""Dashboard pages: overview, actor, events, document and search, as server-rendered HTML.

Article text is untrusted: templates autoescape everything, and data for the charts travels
as JSON inside <script type="application/json"> (Jinja's tojson escapes "<", ">", "&").
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from importlib import resources
from pathlib import Path, PurePath
from typing import Annotated, Any

import pandas as pd
from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from marea import params as check
from marea.corpus import SOURCE_NAME, Corpus, actors_left_out, records
from marea.errors import MareaError
from marea.events.lexicon import ontology
from marea.events.views import reported_by
from marea.opinion.lexicon import theme_catalogue
from marea.search import Filters, search, term_pattern

TEMPLATES = Jinja2Templates(directory=str(resources.files("marea").joinpath("web", "templates")))
NETWORK_SIZE = 25  # co-mentioned actors drawn around an actor
OUR_STATIC = ("marea.css", "actor.js", "overview.js", "narrative.js", "docs.js")
URL_NOISE = re.compile(r"[\t\n\r]")  # browsers drop these anywhere in a URL


def safe_url(value: object) -> str:
    """Return a link target only when it is http(s); anything else ("javascript:") is "".

    Browsers ignore leading spaces and control characters, and tabs and newlines anywhere,
    and read the scheme in any case: the check does the same before looking at it.
    """
    url = URL_NOISE.sub("", str(value or "")).lstrip("".join(map(chr, range(33))))
    return url if url.lower().startswith(("http://", "https://")) else ""


def source_name(source: object) -> str:
    """Return what a client may see of a source: a URL as is, a server path by its file name."""
    text = str(source or "")
    return text if safe_url(text) else PurePath(text).name


def marked(text: object, query: str) -> Markup:
    """Return text escaped, with the query's words (and inflections) in <mark>."""
    value, pattern = str(text or ""), term_pattern(query or "")
    if pattern is None:
        return escape(value)
    pieces, end = [], 0
    for match in pattern.finditer(value):
        pieces += [escape(value[end:match.start()]), Markup("<mark>%s</mark>") % match.group()]
        end = match.end()
    return Markup("").join([*pieces, escape(value[end:])])


TEMPLATES.env.filters["safe_url"] = safe_url
TEMPLATES.env.filters["source_name"] = source_name
TEMPLATES.env.filters["marked"] = marked
TEMPLATES.env.filters["reported_by"] = lambda e: reported_by(e.get("articles"), e.get("sources"))
PAGE = 50  # rows per listing page


def pager(request: Request, total: int, offset: int, shown: int) -> dict[str, Any]:
    """What a listing says about its page: "showing first–last of total", prev/next links
    (the same URL with another offset)."""
    def at(start: int) -> str:
        url = request.url.include_query_params(offset=start)
        return f"{url.path}?{url.query}"

    return {"first": offset + 1 if shown else 0, "last": offset + shown, "total": total,
            "prev": at(max(0, offset - PAGE)) if offset > 0 else None,
            "next": at(offset + PAGE) if offset + shown < total else None}


def page(request: Request, name: str, context: dict[str, Any], error: str | None = None
         ) -> Response:
    """Render a page; a refused filter value shows its one-line message (status 400)."""
    return TEMPLATES.TemplateResponse(request, name, {**context, "error": error},
                                      status_code=400 if error else 200)


def listing(request: Request, name: str, key: str, filters: dict[str, Any], offset: str,
            fetch: Callable[[int], pd.DataFrame]) -> Response:
    """Render a paged listing page: its rows under `key` with "showing X–Y of N", or the
    one-line message of a refused filter value or offset."""
    try:
        start = check.offset(offset)
        found = fetch(start)
    except MareaError as exc:
        return page(request, name, {"filters": filters, key: []}, str(exc))
    return page(request, name, {
        "filters": filters, key: records(found),
        "paging": pager(request, found.attrs["total"], start, len(found)),
        "left_out": actors_left_out(found, False, "`marea actors --unknown`")
        if "left_out" in found.attrs else ""})


def not_found(request: Request, message: str) -> Response:
    return TEMPLATES.TemplateResponse(request, "missing.html", {"message": message},
                                      status_code=404)


def unavailable(request: Request, message: str) -> Response:
    """A page this corpus can't show yet (a Parquet dataset before `marea merge`)."""
    return TEMPLATES.TemplateResponse(request, "unavailable.html", {"message": message},
                                      status_code=400)


def _static_files() -> dict[str, Path]:
    """Return the files served under /static: ours, and plotly.js, vis-network and Swagger UI
    from their packages (nothing is loaded from a CDN, so pages work offline)."""
    import plotly
    import pyvis

    ours = resources.files("marea").joinpath("web", "static")
    swagger = resources.files("swagger_ui").joinpath("static")  # swagger-ui-py: Swagger UI 5
    return {
        **{name: Path(str(ours.joinpath(name))) for name in OUR_STATIC},
        **{name: Path(str(swagger.joinpath(name)))
           for name in ("swagger-ui.css", "swagger-ui-bundle.js")},
        "plotly.min.js": Path(plotly.__file__).parent / "package_data" / "plotly.min.js",
        "vis-network.min.js": Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"
        / "vis-network.min.js",
    }


def _rows(corpus: Corpus, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    with corpus.store.cursor() as cursor:
        cursor.execute(sql, params or [])
        names = [c[0] for c in cursor.description or []]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]




def router(corpus: Corpus, encoder: str | None = None) -> APIRouter:
    """Return the dashboard routes over a corpus (`encoder`: for semantic search)."""
    pages = APIRouter(include_in_schema=False)
    static = _static_files()

    @pages.get("/static/{name}")
    def static_file(name: str) -> Response:
        if name not in static:
            raise HTTPException(404, "no such file")
        media = "text/css" if name.endswith(".css") else "text/javascript"
        return FileResponse(static[name], media_type=media)

    @pages.get("/docs", response_class=HTMLResponse)
    def api_docs(request: Request) -> Response:
        return TEMPLATES.TemplateResponse(request, "docs.html", {})

    @pages.get("/", response_class=HTMLResponse)
    def overview(request: Request) -> Response:
        # Counted as the listings count them: near-duplicate copies once, actors that the
        # documents name.
        counts = {
            "documents": corpus.documents(limit=1, text=False).attrs["total"],
            "actors": corpus.actors(limit=1).attrs["total"],
            "events": corpus.events(limit=1).attrs["total"],
            **_rows(corpus, "SELECT count(*) FILTER (WHERE d.duplicate_of IS NULL) AS sentences, "
                            "count(DISTINCT d.doc_id) FILTER (WHERE d.duplicate_of IS NOT NULL) "
                            "AS copies FROM sentences s JOIN documents d USING (doc_id)")[0]}
        series = {
            key: _rows(corpus, "SELECT CASE WHEN length(d.published) >= 7 THEN "
                               "left(d.published, 7) ELSE 'undated' END AS month, "
                               f"coalesce({column}, 'unknown') AS grp, count(*) AS n "
                               "FROM documents d WHERE d.duplicate_of IS NULL "
                               "GROUP BY ALL ORDER BY month, grp")
            for key, column in (("language", "d.language"), ("site", SOURCE_NAME))
        }
        return TEMPLATES.TemplateResponse(request, "overview.html", {
            "counts": counts, "series": series,
            "actors": records(top := corpus.actors(limit=20)),
            "actors_left_out": actors_left_out(top, False, "`marea actors --unknown`"),
            "documents": records(corpus.documents(limit=50, text=False)),
        })

    @pages.get("/ui/actor/{name}", response_class=HTMLResponse)
    def actor(request: Request, name: str) -> Response:
        try:
            actor_id = corpus.actor_id(name)
        except MareaError as exc:
            return not_found(request, str(exc))
        return TEMPLATES.TemplateResponse(request, "actor.html", actor_page(corpus, actor_id))

    @pages.get("/ui/actors", response_class=HTMLResponse)
    def actors(request: Request, type: str | None = None, offset: str = "0") -> Response:
        return listing(request, "actors.html", "actors", {"type": type}, offset,
                       lambda start: corpus.actors(type or None, PAGE, start))

    @pages.get("/ui/documents", response_class=HTMLResponse)
    def documents(request: Request, language: str | None = None, site: str | None = None,
                  since: str | None = None, until: str | None = None, offset: str = "0"
                  ) -> Response:
        filters = {"language": language, "site": site, "since": since, "until": until}
        return listing(request, "documents.html", "documents", filters, offset,
                       lambda start: corpus.documents(language or None, None, since or None,
                                                      until or None, PAGE, start,
                                                site=site or None, text=False))

    @pages.get("/ui/themes", response_class=HTMLResponse)
    def themes(request: Request, language: str | None = None, since: str | None = None,
               until: str | None = None) -> Response:
        filters = {"language": language, "since": since, "until": until}
        catalogue = theme_catalogue()
        try:
            found = records(corpus.themes(language=language or None, since=since or None,
                                          until=until or None))
        except MareaError as exc:
            return page(request, "themes.html", {"filters": filters, "themes": []}, str(exc))
        for row in found:
            row["label"] = (catalogue.get(row["theme"]) or {}).get("label") or row["theme"]
        return page(request, "themes.html", {
            "filters": filters, "themes": found,
            "paging": pager(request, len(found), 0, len(found))})

    @pages.get("/ui/claims", response_class=HTMLResponse)
    def claims(request: Request, kind: str | None = None, actor: str | None = None,
               offset: str = "0") -> Response:
        return listing(request, "claims.html", "claims", {"kind": kind, "actor": actor}, offset,
                       lambda start: corpus.claims(actor or None, kind or None, limit=PAGE,
                                                   offset=start))

    @pages.get("/ui/alerts", response_class=HTMLResponse)
    def alerts(request: Request, kind: str | None = None, since: str | None = None,
               offset: str = "0") -> Response:
        return listing(request, "alerts.html", "alerts", {"kind": kind, "since": since}, offset,
                       lambda start: corpus.alerts(kind or None, since or None, limit=PAGE,
                                                   offset=start))

    @pages.get("/ui/events", response_class=HTMLResponse)
    def events(request: Request, actor: str | None = None, type: str | None = None,
               site: str | None = None, since: str | None = None, until: str | None = None,
               offset: str = "0") -> Response:
        filters = {"actor": actor, "type": type, "site": site, "since": since, "until": until}
        context: dict[str, Any] = {"filters": filters, "types": sorted(ontology()),
                                   "events": []}
        try:
            start = check.offset(offset)
            found = corpus.events(actor or None, type or None, since or None, until or None,
                                  limit=PAGE, offset=start, site=site or None)
        except MareaError as exc:
            return page(request, "events.html", context, str(exc))
        return page(request, "events.html", {
            **context, "events": records(found),
            "paging": pager(request, found.attrs["total"], start, len(found))})

    @pages.get("/ui/doc/{doc_id}", response_class=HTMLResponse)
    def document(request: Request, doc_id: str,
                 hl: Annotated[str | None, Query(pattern=r"^\d{1,9}-\d{1,9}$")] = None
                 ) -> Response:
        try:
            full = corpus.store.resolve_doc_id(doc_id)
        except MareaError as exc:
            return not_found(request, str(exc))
        doc = _rows(corpus, "SELECT d.doc_id, d.title, d.author, d.published, d.language, "
                            f"{SOURCE_NAME} AS site, d.source AS path, d.url, d.text, "
                            "d.opinion_score, t.tone, t.positive, t.negative "
                            "FROM documents d LEFT JOIN tone t ON t.doc_id = d.doc_id "
                            "AND t.sentence = -1 WHERE d.doc_id = ?",
                    [full])[0]
        focus = tuple(int(v) for v in hl.split("-")) if hl else None
        drawn = document_spans(corpus, full, focus if focus and len(focus) == 2 else None)
        return TEMPLATES.TemplateResponse(request, "document.html", {
            "doc": doc, **drawn, "segments": segments(doc["text"], drawn["spans"]),
            "stances": records(corpus.document_stances(full)),
            "themes": _rows(corpus, "SELECT theme, score, terms FROM themes WHERE doc_id = ? "
                                    "AND sentence = -1 ORDER BY score DESC", [full])})

    @pages.get("/ui/narratives", response_class=HTMLResponse)
    def narratives(request: Request, offset: str = "0") -> Response:
        # On a Parquet dataset the listing shows the refusal naming `marea merge`.
        return listing(request, "narratives.html", "narratives", {}, offset,
                       lambda start: corpus.narratives(PAGE, offset=start))

    @pages.get("/ui/narrative/{narrative_id}", response_class=HTMLResponse)
    def narrative(request: Request, narrative_id: int) -> Response:
        try:
            found = records(corpus.narratives(narrative_id=narrative_id))
        except MareaError as exc:
            return unavailable(request, str(exc))
        if not found:
            return not_found(request, f"No narrative {narrative_id}.")
        sentences = records(corpus.narrative(narrative_id))
        per_month = _rows(corpus, "SELECT CASE WHEN length(d.published) >= 7 THEN "
                                  "left(d.published, 7) ELSE 'undated' END AS month, "
                                  f"{SOURCE_NAME} AS site, count(*) AS n "
                                  "FROM narrative_sentences m JOIN documents d USING (doc_id) "
                                  "WHERE m.narrative_id = ? GROUP BY ALL ORDER BY month, site",
                          [narrative_id])
        ids = found[0]["actor_ids"] or []
        names = {r["actor_id"]: r["name"] for r in _rows(
            corpus, "SELECT actor_id, name FROM actors WHERE list_contains(?, actor_id)", [ids])}
        return TEMPLATES.TemplateResponse(request, "narrative.html", {
            "narrative": found[0], "sentences": sentences, "data": {"per_month": per_month},
            "actors": [(key, names.get(key, key)) for key in ids]})

    @pages.get("/ui/search", response_class=HTMLResponse)
    def search_page(request: Request, q: str = "", actor: str | None = None,
                    type: str | None = None, language: str | None = None,
                    site: str | None = None, since: str | None = None,
                    until: str | None = None, theme: str | None = None,
                    stance: str | None = None, mode: str = "hybrid", offset: str = "0"
                    ) -> Response:
        filters = {"actor": actor, "type": type, "language": language, "site": site,
                   "since": since, "until": until, "theme": theme, "stance": stance,
                   "mode": mode}
        context: dict[str, Any] = {"q": q, "hits": [], "filters": filters,
                                   "themes": sorted(theme_catalogue()),
                                   "types": sorted(ontology())}
        if not q.strip():
            return page(request, "search.html", context)
        try:
            who = corpus.actor_id(actor) if actor else None
            start = check.offset(offset)
            hits = search(corpus.store, q, Filters(
                actor=who, event_type=type or None, language=language or None,
                site=site or None, since=since or None, until=until or None,
                theme=theme or None, stance=stance or None),
                limit=PAGE, offset=start, mode=mode, encoder=encoder)
        except MareaError as exc:
            return page(request, "search.html", context, str(exc))
        return page(request, "search.html", {
            **context, "hits": hits, "paging": pager(request, hits.total, start, len(hits))})

    return pages


def actor_events(corpus: Corpus, actor_id: str, limit: int) -> Any:
    """An actor's timeline, one event per story; on a Parquet dataset, whose stories only
    `marea merge` computes, every event of the actor, oldest first."""
    if corpus.store.dataset:
        return corpus.events(actor_id, limit=limit, newest_first=False)
    return corpus.timeline(actor_id, limit=limit)


def actor_page(corpus: Corpus, actor_id: str) -> dict[str, Any]:
    """Return what an actor's page shows: identity, roles, volume, stance, network, events."""
    info = _rows(corpus, "SELECT * FROM actors WHERE actor_id = ?", [actor_id])[0]
    attention = corpus.attention(actor_id, "month")
    partners = _rows(corpus, "SELECT a.actor_id, a.name, a.type, "
                             "count(DISTINCT o.doc_id) AS docs FROM mentions m "
                             "JOIN mentions o ON o.doc_id = m.doc_id AND o.actor_id <> m.actor_id "
                             "JOIN actors a ON a.actor_id = o.actor_id "
                             "WHERE m.actor_id = ? AND a.origin <> 'unknown' GROUP BY ALL "
                             "ORDER BY docs DESC, a.name, a.actor_id LIMIT ?",
                     [actor_id, NETWORK_SIZE])
    nodes, edges = network(info, partners)
    stances = records(corpus.stances(actor_id, limit=200))
    dates = sorted(str(s["published"]) for s in stances if s["published"])
    period = "month" if dates and dates[0][:4] == dates[-1][:4] else "year"
    coarse = sum(1 for s in stances if len(str(s["published"] or "")) < (7 if period == "month"
                                                                          else 4))
    return {
        "actor": info, "aliases": json.loads(info["aliases"] or "[]"),
        "roles": json.loads(info["roles"] or "[]"),
        "events": records(actor_events(corpus, actor_id, 200)),
        "stances": stances,
        "undated": {"mentions": attention.attrs["undated"], "stance": coarse},
        "legend": {kind: NODE_COLOURS[kind] for kind in
                   sorted({p["type"] for p in partners if p["type"] in NODE_COLOURS})},
        "labelled": min(LABELLED, len(partners)), "focus_colour": FOCUS_COLOUR,
        "data": {"volume": months(records(attention)), "nodes": nodes, "edges": edges,
                 "stance": records(corpus.stance_timeline(actor_id, period)),
                 "period": period},
    }


NODE_COLOURS = {"country": "#2ca02c", "person": "#1f77b4", "org": "#9467bd",
                "party": "#ff7f0e", "agent": "#8c564b"}
FOCUS_COLOUR = "#c0392b"
LABELLED = 10  # co-actors named on the network; the rest show their name on hover
LABEL_CHARS = 22  # a longer name is cut on the graph (whole on hover)
OUTER, INNER = (430, 230), (260, 130)  # ellipse radii (x, y) of the named and other rings


def network(actor: dict[str, Any], partners: list[dict[str, Any]]
            ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The co-actor network's nodes and edges for vis-network, strongest partners first.

    Colours say an actor's type (the page's legend lists them); node size and edge width say
    in how many documents both are named. The actor sits in the middle, the LABELLED
    strongest partners on an outer ellipse 36 degrees apart, named (cut to LABEL_CHARS), the
    others unnamed on an inner one: fixed places far enough apart that no two names overlap,
    which a force layout does not promise. Every node names itself on hover.
    """
    from marea.console import shorten

    largest = max((p["docs"] for p in partners), default=1)
    nodes = [{"id": actor["actor_id"], "label": actor["name"], "value": largest, "x": 0,
              "y": 0, "color": FOCUS_COLOUR, "title": f"{actor['name']} ({actor['type']})",
              "font": {"size": 22}}]
    named, others = partners[:LABELLED], partners[LABELLED:]
    for ring, (rx, ry), offset in ((named, OUTER, 18), (others, INNER, 0)):
        for number, p in enumerate(ring):
            angle = math.radians(offset + 360 * number / len(ring))
            together = f"{p['docs']} document{'s' if p['docs'] != 1 else ''} naming both"
            node = {"id": p["actor_id"], "value": p["docs"], "x": round(rx * math.cos(angle)),
                    "y": round(ry * math.sin(angle)),
                    "color": NODE_COLOURS.get(p["type"], "#7f7f7f"),
                    "title": f"{p['name']} ({p['type']}): {together}"}
            if ring is named:
                node["label"] = shorten(p["name"], LABEL_CHARS)
            nodes.append(node)
    edges = [{"from": actor["actor_id"], "to": p["actor_id"], "value": p["docs"],
              "title": f"{p['docs']} documents"} for p in partners]
    return nodes, edges


def months(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Monthly counts with the empty months between the first and last as zeros, so a line
    drops to zero in a quiet month instead of running straight across it."""
    counts = {str(r["period"]): r for r in rows}
    if not counts:
        return []
    first, last = min(counts), max(counts)
    year, month = int(first[:4]), int(first[5:7])
    filled = []
    while f"{year:04d}-{month:02d}" <= last:
        key = f"{year:04d}-{month:02d}"
        filled.append(counts.get(key) or {"period": key, "mentions": 0, "documents": 0})
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return filled


LAYERS = ("focus", "claim", "frame", "mention", "event")  # outermost first when nested


def segments(text: str, spans: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Cut a text at every span boundary; each piece names, per layer, the span covering it.

    Spans may overlap across layers (a frame over a mention); within a layer the first span
    wins. A span's `anchor` is set only on its first piece, so ids stay unique.
    """
    cuts = sorted({0, len(text), *(int(s["start"]) for s in spans),
                   *(int(s["end"]) for s in spans)})
    ordered = sorted(spans, key=lambda s: (int(s["start"]), -int(s["end"])))
    pieces = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        if start >= end or end > len(text):
            continue
        piece: dict[str, Any] = {"text": text[start:end]}
        for span in ordered:
            if int(span["start"]) > start:
                break
            if int(span["end"]) >= end and span["layer"] not in piece:
                piece[span["layer"]] = {**span, "first": int(span["start"]) == start}
        pieces.append(piece)
    return pieces


def document_spans(corpus: Corpus, doc_id: str, focus: tuple[int, int] | None
                   ) -> dict[str, Any]:
    """Everything the document view draws over the text, and the tables under it."""
    mentions = _rows(corpus, "SELECT start_char, end_char, label, actor_id, role "
                             "FROM mentions WHERE doc_id = ? AND label NOT IN "
                             "('CARDINAL', 'ORDINAL', 'QUANTITY', 'PERCENT', 'MONEY', "
                             "'CONTAINER')", [doc_id])
    events = records(corpus.events(limit=500, doc_id=doc_id))
    frames = records(corpus.frames(doc_id))
    claims = records(corpus.claims(doc_id=doc_id, limit=500))
    spans: list[dict[str, Any]] = []
    for m in mentions:
        spans.append({"layer": "mention", "start": m["start_char"], "end": m["end_char"],
                      "title": m["label"] + (f" · {m['role']}" if m["role"] else ""),
                      "label": m["label"], "actor_id": m["actor_id"]})
    for e in events:
        who, whom = e.get("source_actor") or "-", e.get("target_actor") or "-"
        spans.append({"layer": "event", "start": e["start_char"], "end": e["end_char"],
                      "anchor": f"ev-{e['idx']}", "title": f"{e['type']} {who} → {whom}"})
    for f in frames:
        spans.append({"layer": "frame", "start": f["start_char"], "end": f["end_char"],
                      "anchor": f"fr-{f['idx']}",
                      "title": f"{f['technique']} ({f['method']}, {f['score']:.2f})"})
    for c in claims:
        spans.append({"layer": "claim", "start": c["start_char"], "end": c["end_char"],
                      "anchor": f"cl-{c['idx']}",
                      "title": f"claim: {c['kinds']} · {c['claimant'] or 'unattributed'}"})
    if focus:
        spans.append({"layer": "focus", "start": focus[0], "end": focus[1], "anchor": "focus",
                      "title": "evidence"})
    return {"events": events, "frames": frames, "claims": claims, "spans": spans}
