"""Export the store's tables to a folder as JSON Lines or Parquet, one file per table.

Every stage that adds a table registers its SELECT here; docs/schema.md documents the fields.
"""

from __future__ import annotations

from pathlib import Path

from marea.errors import MareaError
from marea.store import Store

EXPORT_TABLES: dict[str, str] = {
    "documents": (
        "SELECT doc_id, source, locator, raw_sha, content_type, title, author, published, site, "
        "url, kind, language, language_detected, language_confidence, duplicate_of, n_chars, "
        "n_words, text, metadata, ingested_at FROM documents ORDER BY doc_id"
    ),
    "sentences": (
        "SELECT doc_id, idx, start_char, end_char FROM sentences ORDER BY doc_id, idx"
    ),
    "mentions": (
        "SELECT doc_id, idx, sentence, start_char, end_char, text, label, actor_id, role, link "
        "FROM mentions ORDER BY doc_id, idx"
    ),
    "actors": (
        "SELECT actor_id, type, name, country, cameo, origin, aliases, roles FROM actors "
        "ORDER BY actor_id"
    ),
}
FORMATS = {"jsonl": ("jsonl", "(FORMAT json)"), "parquet": ("parquet", "(FORMAT parquet)")}


def export(store: Store, out: str | Path, fmt: str = "jsonl") -> dict[str, Path]:
    """Write each export table to out/<table>.<ext>; return the paths written."""
    if fmt not in FORMATS:
        raise MareaError(f"[E030] Unknown export format '{fmt}': choose {', '.join(FORMATS)}.")
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    ext, options = FORMATS[fmt]
    written = {}
    for table, select in EXPORT_TABLES.items():
        path = folder / f"{table}.{ext}"
        literal = str(path).replace("'", "''")  # COPY takes no parameters; quote the path
        store.con.execute(f"COPY ({select}) TO '{literal}' {options}")
        written[table] = path
    return written
