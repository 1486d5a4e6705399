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
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from marea.errors import InputError
from marea.model import Document, SourceError
from marea.settings import Settings

if TYPE_CHECKING:
    from marea.ingest.web import WebSession

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
# A CSV field longer than this many documents' budget is taken for an unclosed quote.
CSV_FIELD_DOCUMENTS = 5
SURROGATE = re.compile("[\ud800-\udfff]")
# A date, month or year at the start of a value: "2021", "2021-07", "2021-07-12T10:00Z".
ISO_DATE_PREFIX = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?![\d-])")


def _normalise_metadata(record: dict[str, Any]) -> dict[str, Any]:
    """Return record fields under marea's metadata names; unknown fields kept under `extra`."""
    out: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for key, value in sanitise(record).items():
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


def sanitise(value: Any) -> Any:
    """Return value with lone surrogates (from JSON escapes or file names) replaced by U+FFFD.

    They can't be encoded as UTF-8, so one of them would fail the store write of a whole batch.
    """
    if isinstance(value, str):
        return SURROGATE.sub("\ufffd", value)
    if isinstance(value, dict):
        return {sanitise(k): sanitise(v) for k, v in value.items()}
    if isinstance(value, list):
        return [sanitise(v) for v in value]
    return value


def label(path: Path) -> str:
    """Return the path as storable text: undecodable bytes in a file name become U+FFFD."""
    return sanitise(str(path))


def _one_line(exc: object) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 300 else text[:300] + "..."


class _Budgeted(io.RawIOBase):
    """A byte stream that raises InputError once more than `limit` bytes have come out of it.

    Wrapped around the gzip stream, it bounds the decompressed size, not the file size.
    """

    def __init__(self, inner: Any, limit: int) -> None:
        super().__init__()
        self.inner, self.limit, self.count = inner, limit, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self.inner.read(min(len(buffer), self.limit + 1 - self.count) or 1)
        self.count += len(data)
        if self.count > self.limit:
            raise InputError(f"over {self.limit / 1e6:g} MB when decompressed or read "
                             "(setting budget.input_mb)")
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self.inner.close()
        super().close()


def _regular_file(path: Path) -> os.stat_result:
    """Return the file's stat; InputError for FIFOs, devices and sockets (they may never end)."""
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        raise InputError("not a regular file (a FIFO, device, socket or link to one)")
    return info


def _open_input(path: Path, settings: Settings) -> io.BufferedReader:
    """Open a regular file for reading within the input budget, gunzipping a .gz name."""
    size = _regular_file(path).st_size
    if size > settings.max_file_mb * 1_000_000:
        raise InputError(f"file is {size / 1e6:.1f} MB, over the {settings.max_file_mb:g} MB "
                         "limit (setting max_file_mb)")
    gzipped = path.suffix.lower() == ".gz"
    inner: Any = gzip.open(path, "rb") if gzipped else path.open("rb")  # noqa: SIM115
    return io.BufferedReader(_Budgeted(inner, int(settings.max_input_mb * 1_000_000)))


def _open_text(path: Path, settings: Settings) -> io.TextIOWrapper:
    """Open a (possibly gzipped) text file for streaming; bad UTF-8 bytes become U+FFFD."""
    return io.TextIOWrapper(_open_input(path, settings), encoding="utf-8", errors="replace",
                            newline="")


def _single(content_type: str) -> Reader:
    def read(path: Path, meta: dict[str, Any], settings: Settings) -> Iterator[Item]:
        with _open_input(path, settings) as handle:
            yield Document(label(path), "", handle.read(), content_type, dict(meta))

    return read


def _record_document(path: Path, locator: str, record: dict[str, Any]) -> Item:
    record = sanitise(record)
    for column in HTML_COLUMNS + TEXT_COLUMNS:
        body = record.get(column)
        if isinstance(body, str) and body.strip():
            rest = {k: v for k, v in record.items() if k != column}
            kind = "html" if column in HTML_COLUMNS else "text"
            return Document(label(path), locator, body.encode("utf-8"), kind,
                            _normalise_metadata(rest))
    columns = ", ".join(HTML_COLUMNS + TEXT_COLUMNS)
    return SourceError(label(path), locator, f"record has no non-empty text column ({columns})")


def _json_record(path: Path, locator: str, line: str, meta: dict[str, Any]) -> Item:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return SourceError(label(path), locator, f"invalid JSON: {exc.msg} at column {exc.colno}")
    if not isinstance(record, dict):
        return SourceError(label(path), locator, "JSON line is not an object")
    return _record_document(path, locator, {**meta, **record})


def read_jsonl(path: Path, meta: dict[str, Any], settings: Settings) -> Iterator[Item]:
    """One document per JSON object line; a broken line is an error, the next line goes on."""
    with _open_text(path, settings) as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                yield _json_record(path, f"line:{number}", line, meta)
            except Exception as exc:  # noqa: BLE001 - deep nesting, huge integers: this line only
                yield SourceError(label(path), f"line:{number}",
                                  f"unreadable JSON line: {_one_line(exc)}")


def read_csv(path: Path, meta: dict[str, Any], settings: Settings) -> Iterator[Item]:
    """One document per CSV row with a text or html column; other columns become metadata.

    Rows are numbered as records (the header is row 1), whatever lines they span; a row the
    csv module refuses (a field over the limit is mostly an unclosed quote swallowing the rows
    after it) is that row's error and the rows after it are still read.
    """
    csv.field_size_limit(settings.max_document_chars * CSV_FIELD_DOCUMENTS)
    with _open_text(path, settings) as handle:
        rows = csv.reader(handle)
        header: list[str] | None = None
        number, failed_at = 0, -1
        while True:
            try:
                row = next(rows)
            except StopIteration:
                return
            except csv.Error as exc:
                if rows.line_num == failed_at:
                    return  # the parser is stuck on this line: nothing more can be read
                failed_at, number = rows.line_num, number + 1
                yield SourceError(label(path), f"row:{number}", f"invalid CSV: {exc}")
                continue
            if not row:
                continue  # a blank line
            number += 1
            if header is None:
                header = row
                continue
            record = {**meta, **dict(zip(header, row, strict=False))}
            yield _record_document(path, f"row:{number}", record)


def read_feed(path: Path, meta: dict[str, Any], settings: Settings) -> Iterator[Item]:
    """One document per RSS/Atom entry, from its full content when present, else its summary."""
    import feedparser

    with _open_input(path, settings) as handle:
        feed = feedparser.parse(handle.read())
    if not feed.entries:
        reason = getattr(feed, "bozo_exception", None) or "no entries"
        yield SourceError(label(path), "", f"not a readable RSS/Atom feed: {reason}")
        return
    site = feed.feed.get("title")
    for number, entry in enumerate(feed.entries, 1):
        try:
            yield feed_entry(label(path), f"item:{number}", entry, site, meta)
        except Exception as exc:  # noqa: BLE001 - one odd entry costs only itself
            yield SourceError(label(path), f"item:{number}",
                              f"unreadable feed entry: {_one_line(exc)}")
    problem = getattr(feed, "bozo_exception", None)
    if feed.get("bozo") and problem is not None and "SAX" in type(problem).__name__:
        yield SourceError(label(path), f"item:{len(feed.entries) + 1}",
                          f"malformed feed XML, items after this point lost: {problem}")


def feed_entry(name: str, locator: str, entry: Any, site: Any, meta: dict[str, Any]) -> Item:
    """One feed entry as a Document from its content (or summary); an error when it has none."""
    body = ""
    if entry.get("content"):
        body = entry.content[0].get("value", "")
    body = sanitise(body or entry.get("summary", ""))
    if not body.strip():
        return SourceError(name, locator, "feed entry has no content or summary")
    published = entry.get("published_parsed") or entry.get("updated_parsed")
    record = {
        "title": entry.get("title"),
        "author": entry.get("author"),
        "published": "{:04d}-{:02d}-{:02d}".format(*published[:3]) if published else None,
        "url": entry.get("link"),
        "site": site,
    }
    return Document(name, locator, body.encode("utf-8"), "html",
                    {**meta, **_normalise_metadata(record)})


def read_warc(path: Path, meta: dict[str, Any], settings: Settings) -> Iterator[Item]:
    """One document per HTML response record; a truncated archive keeps the records before it.

    A record whose body ends before its Content-Length, or bytes after the last whole record,
    are reported as a truncated archive.
    """
    from warcio.archiveiterator import ArchiveIterator

    limit = int(settings.max_input_mb * 1_000_000)
    number, end = 0, 0
    size = _regular_file(path).st_size
    with path.open("rb") as handle:
        records = ArchiveIterator(handle)
        try:
            for number, record in enumerate(records, 1):
                body = record.content_stream().read(limit + 1)
                records.read_to_end(record)
                if getattr(record.raw_stream, "limit", 0) > 0:
                    raise EOFError("record ends before its Content-Length")
                end = records.get_record_offset() + records.get_record_length()
                if record.rec_type != "response" or not record.http_headers:
                    continue
                ctype = record.http_headers.get_header("Content-Type") or ""
                if "html" not in ctype.lower():
                    continue
                if len(body) > limit:
                    yield SourceError(label(path), f"record:{number}",
                                      "record over the input budget (setting budget.input_mb)")
                    continue
                record_meta = {"url": record.rec_headers.get_header("WARC-Target-URI"),
                               "fetched": record.rec_headers.get_header("WARC-Date")}
                yield Document(label(path), f"record:{number}", body, "html",
                               {**meta, **_normalise_metadata(record_meta)})
        except Exception as exc:  # noqa: BLE001 - whatever breaks, the records before it stay
            yield SourceError(label(path), f"record:{number or 1}",
                              f"truncated or corrupt WARC: {_one_line(exc)}")
            return
        handle.seek(end)
        tail = handle.read(8)
    if size - end > 4 or tail.strip():  # an uncompressed record ends with "\r\n\r\n"
        yield SourceError(label(path), f"record:{number + 1}",
                          f"truncated or corrupt WARC: {size - end} bytes after the last whole "
                          "record")


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


def _sidecar(folder: Path, settings: Settings
             ) -> tuple[dict[str, dict[str, Any]], list[SourceError]]:
    """Read folder/metadata.jsonl into {file name: metadata}; bad lines and values are errors.

    A value that fails its check is reported and left out; the rest of the line still applies.
    """
    path = folder / SIDECAR
    found: dict[str, dict[str, Any]] = {}
    errors: list[SourceError] = []
    if not path.is_file():
        return found, errors
    try:
        with _open_text(path, settings) as handle:
            for number, line in enumerate(handle, 1):
                if line.strip():
                    _sidecar_line(path, f"line:{number}", line, settings, found, errors)
    except Exception as exc:  # noqa: BLE001 - over budget or unreadable: the lines before stay
        errors.append(SourceError(label(path), "", f"can't read sidecar: {_one_line(exc)}"))
    return found, errors


def _sidecar_line(path: Path, locator: str, line: str, settings: Settings,
                  found: dict[str, dict[str, Any]], errors: list[SourceError]) -> None:
    try:
        record = json.loads(line)
        meta = _normalise_metadata(record)
        name = str(record["file"])
    except Exception:  # noqa: BLE001 - any broken line is that line's error
        errors.append(SourceError(label(path), locator,
                                  "sidecar line is not a JSON object with a 'file' key"))
        return
    for problem in _bad_values(meta, settings):
        errors.append(SourceError(label(path), locator, problem))
    found[name] = meta


def _bad_values(meta: dict[str, Any], settings: Settings) -> list[str]:
    """Remove metadata values marea can't use from `meta`; return why, one line each."""
    problems = []
    published = meta.get("published")
    if published is not None and not _is_iso_date(published):
        problems.append(f"published {published!r} is not an ISO date (YYYY, YYYY-MM or "
                        "YYYY-MM-DD)")
        del meta["published"]
    language = meta.get("language")
    if language is not None and language.lower() not in settings.language_candidates:
        problems.append(f"language {language!r} is not one of the configured candidates "
                        f"({', '.join(settings.language_candidates)})")
        del meta["language"]
    return problems


def _is_iso_date(value: str) -> bool:
    """True for "2021", "2021-07", "2021-07-12" and those followed by a time; False for
    "2021-13-45"."""
    match = ISO_DATE_PREFIX.match(value.strip())
    if not match:
        return False
    year, month, day = (int(part) if part else 1 for part in match.groups())
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


# A folder's own documentation is not an article: README.md beside the articles would add
# its bare names as actors. Named on the command line, such a file is read like any other.
DOCUMENTATION = re.compile(r"(?i)^(?:readme|license|licence|changelog|contributing|copying)"
                           r"(?:\.[\w.]+)?$")


def _files(paths: Iterable[str | Path], store_files: frozenset[Path] = frozenset()
           ) -> Iterator[Path | SourceError]:
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.name.startswith(".") or child.name == SIDECAR or child.is_dir():
                    continue
                if child.resolve() in store_files:
                    continue  # the store being written, in the folder it reads
                if DOCUMENTATION.match(child.name):
                    yield SourceError(label(child), "", "a folder's documentation file, not an "
                                      "article (name the file itself to ingest it)",
                                      skipped=True)
                    continue
                yield child  # not only regular files: a FIFO here is reported, not skipped
        elif path.exists() or path.is_symlink():
            yield path
        else:
            yield SourceError(label(path), "", "no such file or folder")


def is_url(value: str) -> bool:
    """True for an http(s) URL given where a path could be."""
    return value.lower().startswith(("http://", "https://"))


def read_inputs(paths: Iterable[str | Path], settings: Settings, web: WebSession | None = None,
                store_path: str | None = None) -> Iterator[Item]:
    """Yield a Document for every article under `paths` (files, folders, URLs), a SourceError
    for every failure. URLs are fetched through `web`. A folder walk passes over the store at
    `store_path` and its write-ahead log: a user ingesting `.` beside the store means the
    articles, not the database."""
    store_files = frozenset() if store_path is None else frozenset(
        Path(store_path + suffix).resolve() for suffix in ("", ".wal"))
    from marea.ingest.web import read_url

    files: list[str | Path] = []
    for given in paths:
        if isinstance(given, str) and is_url(given):
            yield from _read_files(files, settings, store_files)
            files = []
            if web is None:
                yield SourceError(given, "", "URLs are read by `marea ingest` and `marea watch`")
            else:
                yield from read_url(given, {}, settings, web)
        else:
            files.append(given)
    yield from _read_files(files, settings, store_files)


def _read_files(paths: Iterable[str | Path], settings: Settings,
                store_files: frozenset[Path]) -> Iterator[Item]:
    sidecars: dict[Path, dict[str, dict[str, Any]]] = {}
    for path in _files(paths, store_files):
        if isinstance(path, SourceError):
            yield path
            continue
        if path.parent not in sidecars:
            sidecars[path.parent], errors = _sidecar(path.parent, settings)
            yield from errors
        reader = READERS.get(_format_of(path))
        if reader is None:
            yield SourceError(label(path), "",
                              f"unsupported file type '{label(Path(''.join(path.suffixes)))}'",
                              skipped=True)
            continue
        meta = sidecars[path.parent].get(path.name, {})
        if path.parent == Path(".") and "site" not in meta:
            # A file named without its folder: its site falls back to the folder's name as
            # for any other file (search.SOURCE_NAME), read here where the folder is known.
            meta = {**meta, "folder": path.resolve().parent.name}
        try:
            yield from reader(path, meta, settings)
        except InputError as exc:
            yield SourceError(label(path), "", str(exc))
        except Exception as exc:  # noqa: BLE001 - one unreadable file never stops the run
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
            yield SourceError(label(path), "", f"can't read file: {_one_line(reason)}")
