"""Turn paths (files and folders) into a lazy stream of Documents and per-input errors.

One reader per input format. A reader yields a Document per article it finds and a
SourceError for each part it can't read, then carries on with the rest of the file.
Readers take a path; reading URLs later means adding a reader that takes a URL.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from marea.model import Document, SourceError
from marea.settings import Settings

Item = Document | SourceError
Reader = Callable[[Path, dict[str, Any], Settings], Iterator[Item]]

SIDECAR = "metadata.jsonl"
TEXT_COLUMNS = ("text", "content", "body")
HTML_COLUMNS = ("html", "raw_html")
# Record fields copied into document metadata under marea's own name.
METADATA_ALIASES = {
    "title": "title", "headline": "title",
    "author": "author", "authors": "author", "byline": "author",
    "published": "published", "date": "published", "pubdate": "published",
    "language": "language", "lang": "language",
    "url": "url", "link": "url",
    "site": "site", "source": "site", "sitename": "site",
    "kind": "kind",
}
IGNORED_FIELDS = {"file"}


def _normalise_metadata(record: dict[str, Any]) -> dict[str, Any]:
    """Return record fields under marea's metadata names; unknown fields kept under `extra`."""
    out: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for key, value in record.items():
        if value in (None, "") or key in IGNORED_FIELDS:
            continue
        name = METADATA_ALIASES.get(str(key).lower())
        if name and name not in out:
            out[name] = value if isinstance(value, str) else str(value)
        else:
            extra[str(key)] = value
    if extra:
        out["extra"] = extra
    return out


def _too_big(path: Path, settings: Settings) -> SourceError | None:
    size = path.stat().st_size
    if size > settings.max_file_mb * 1_000_000:
        return SourceError(
            str(path), "",
            f"file is {size / 1e6:.1f} MB, over the {settings.max_file_mb:g} MB limit "
            "(setting max_file_mb)",
        )
    return None


def _read_bytes(path: Path) -> bytes:
    """Return the file's bytes, gunzipped when its name ends in .gz."""
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    return data


def _single(content_type: str) -> Reader:
    def read(path: Path, meta: dict[str, Any], settings: Settings) -> Iterator[Item]:
        error = _too_big(path, settings)
        if error:
            yield error
            return
        yield Document(str(path), "", _read_bytes(path), content_type, dict(meta))

    return read


def _record_document(path: Path, locator: str, record: dict[str, Any]) -> Item:
    for column in HTML_COLUMNS + TEXT_COLUMNS:
        body = record.get(column)
        if isinstance(body, str) and body.strip():
            rest = {k: v for k, v in record.items() if k != column}
            kind = "html" if column in HTML_COLUMNS else "text"
            return Document(str(path), locator, body.encode("utf-8"), kind,
                            _normalise_metadata(rest))
    columns = ", ".join(HTML_COLUMNS + TEXT_COLUMNS)
    return SourceError(str(path), locator, f"record has no non-empty text column ({columns})")


def _open_text(path: Path) -> io.TextIOBase:
    """Open a (possibly gzipped) text file for streaming; bad UTF-8 bytes become U+FFFD."""
    raw = gzip.open(path, "rb") if path.suffix == ".gz" else path.open("rb")  # noqa: SIM115
    return io.TextIOWrapper(raw, encoding="utf-8", errors="replace", newline="")


def read_jsonl(path: Path, meta: dict[str, Any], settings: Settings) -> Iterator[Item]:
    """One document per JSON object line; a broken line is an error, the next line goes on."""
    limit = int(settings.max_file_mb * 1_000_000)
    with _open_text(path) as handle:
        for number, line in enumerate(handle, 1):
            locator = f"line:{number}"
            if not line.strip():
                continue
            if len(line) > limit:
                yield SourceError(str(path), locator, "line over the max_file_mb limit")
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield SourceError(str(path), locator,
                                  f"invalid JSON: {exc.msg} at column {exc.colno}")
                continue
            if not isinstance(record, dict):
                yield SourceError(str(path), locator, "JSON line is not an object")
                continue
            yield _record_document(path, locator, {**meta, **record})


def read_csv(path: Path, meta: dict[str, Any], settings: Settings) -> Iterator[Item]:
    """One document per CSV row with a text or html column; other columns become metadata."""
    csv.field_size_limit(int(settings.max_file_mb * 1_000_000))
    with _open_text(path) as handle:
        reader = csv.DictReader(handle)
        try:
            for number, row in enumerate(reader, 2):
                yield _record_document(path, f"row:{number}", {**meta, **row})
        except csv.Error as exc:
            yield SourceError(str(path), f"row:{reader.line_num}", f"invalid CSV: {exc}")


def read_feed(path: Path, meta: dict[str, Any], settings: Settings) -> Iterator[Item]:
    """One document per RSS/Atom entry, from its full content when present, else its summary."""
    import feedparser

    error = _too_big(path, settings)
    if error:
        yield error
        return
    feed = feedparser.parse(_read_bytes(path))
    if not feed.entries:
        reason = getattr(feed, "bozo_exception", None) or "no entries"
        yield SourceError(str(path), "", f"not a readable RSS/Atom feed: {reason}")
        return
    site = feed.feed.get("title")
    for number, entry in enumerate(feed.entries, 1):
        locator = f"item:{number}"
        body = ""
        if entry.get("content"):
            body = entry.content[0].get("value", "")
        body = body or entry.get("summary", "")
        if not body.strip():
            yield SourceError(str(path), locator, "feed entry has no content or summary")
            continue
        published = entry.get("published_parsed") or entry.get("updated_parsed")
        record = {
            "title": entry.get("title"),
            "author": entry.get("author"),
            "published": "{:04d}-{:02d}-{:02d}".format(*published[:3]) if published else None,
            "url": entry.get("link"),
            "site": site,
        }
        yield Document(str(path), locator, body.encode("utf-8"), "html",
                       {**meta, **_normalise_metadata(record)})
    problem = getattr(feed, "bozo_exception", None)
    if feed.get("bozo") and problem is not None and "SAX" in type(problem).__name__:
        yield SourceError(str(path), f"item:{len(feed.entries) + 1}",
                          f"malformed feed XML, items after this point lost: {problem}")


def read_warc(path: Path, meta: dict[str, Any], settings: Settings) -> Iterator[Item]:
    """One document per HTML response record; a truncated archive keeps the records before it."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    limit = settings.max_file_mb * 1_000_000
    number, end = 0, 0
    with path.open("rb") as handle:
        records = ArchiveIterator(handle)
        try:
            for number, record in enumerate(records, 1):
                body = record.content_stream().read(int(limit) + 1)
                records.read_to_end(record)
                end = records.get_record_offset() + records.get_record_length()
                if record.rec_type != "response" or not record.http_headers:
                    continue
                ctype = record.http_headers.get_header("Content-Type") or ""
                if "html" not in ctype.lower():
                    continue
                if len(body) > limit:
                    yield SourceError(str(path), f"record:{number}", "record over max_file_mb")
                    continue
                record_meta = {"url": record.rec_headers.get_header("WARC-Target-URI"),
                               "fetched": record.rec_headers.get_header("WARC-Date")}
                yield Document(str(path), f"record:{number}", body, "html",
                               {**meta, **_normalise_metadata(record_meta)})
        except (ArchiveLoadFailed, EOFError, OSError, zlib.error, ValueError) as exc:
            yield SourceError(str(path), f"record:{number + 1}",
                              f"truncated or corrupt WARC: {exc or type(exc).__name__}")
            return
    unread = path.stat().st_size - end
    if unread > 0:
        yield SourceError(str(path), f"record:{number + 1}",
                          f"truncated or corrupt WARC: {unread} bytes after the last whole record")


READERS: dict[str, Reader] = {
    ".txt": _single("text"),
    ".text": _single("text"),
    ".md": _single("markdown"),
    ".html": _single("html"),
    ".htm": _single("html"),
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".csv": read_csv,
    ".rss": read_feed,
    ".atom": read_feed,
    ".xml": read_feed,
    ".warc": read_warc,
}


def _format_of(path: Path) -> str:
    """Return the format suffix, looking through .gz (".warc.gz" -> ".warc")."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz" and len(suffixes) > 1:
        return suffixes[-2]
    return suffixes[-1] if suffixes else ""


def _sidecar(folder: Path) -> tuple[dict[str, dict[str, Any]], list[SourceError]]:
    """Read folder/metadata.jsonl into {file name: metadata}; bad lines become errors."""
    path = folder / SIDECAR
    found: dict[str, dict[str, Any]] = {}
    errors: list[SourceError] = []
    if not path.is_file():
        return found, errors
    for number, line in enumerate(path.read_text("utf-8", errors="replace").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            found[str(record["file"])] = _normalise_metadata(record)
        except (json.JSONDecodeError, KeyError, AttributeError, TypeError):
            errors.append(SourceError(str(path), f"line:{number}",
                                      "sidecar line is not a JSON object with a 'file' key"))
    return found, errors


def _files(paths: Iterable[str | Path]) -> Iterator[Path | SourceError]:
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.name.startswith(".") or child.name == SIDECAR:
                    continue
                if child.is_file() or child.is_symlink():
                    yield child
        elif path.exists() or path.is_symlink():
            yield path
        else:
            yield SourceError(str(path), "", "no such file or folder")


def read_inputs(paths: Iterable[str | Path], settings: Settings) -> Iterator[Item]:
    """Yield a Document for every article under `paths`, a SourceError for every failure."""
    sidecars: dict[Path, dict[str, dict[str, Any]]] = {}
    for path in _files(paths):
        if isinstance(path, SourceError):
            yield path
            continue
        if path.parent not in sidecars:
            sidecars[path.parent], errors = _sidecar(path.parent)
            yield from errors
        reader = READERS.get(_format_of(path))
        if reader is None:
            yield SourceError(str(path), "", f"unsupported file type '{''.join(path.suffixes)}'",
                              skipped=True)
            continue
        meta = sidecars[path.parent].get(path.name, {})
        try:
            yield from reader(path, meta, settings)
        except (OSError, EOFError, zlib.error, UnicodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            yield SourceError(str(path), "", f"can't read file: {reason}")
