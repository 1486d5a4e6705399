from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from marea.ingest.clean import clean
from marea.ingest.sources import read_inputs
from marea.model import Document, SourceError
from marea.settings import Settings

PAGE = (b"<html><head><title>Vote in Lima</title></head><body><nav>Home | World</nav>"
        b"<article><h1>Vote in Lima</h1><p>" + b"Congress voted to remove the president. " * 20
        + b"</p></article></body></html>")


def items(paths: list[Path], settings: Settings) -> list[Document | SourceError]:
    return list(read_inputs([str(p) for p in paths], settings))


def test_folder_with_sidecar_metadata(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "a.txt").write_text("Lula won.", "utf-8")
    (tmp_path / "b.md").write_text("# Title\n\nBody.", "utf-8")
    (tmp_path / "metadata.jsonl").write_text(
        json.dumps({"file": "a.txt", "author": "Ana", "published": "2021-06", "language": "es"})
        + "\n", "utf-8")
    found = items([tmp_path], settings)
    assert [(d.source.split("/")[-1], d.content_type) for d in found if isinstance(d, Document)
            ] == [("a.txt", "text"), ("b.md", "markdown")]
    first = found[0]
    assert isinstance(first, Document)
    assert first.metadata == {"author": "Ana", "published": "2021-06", "language": "es"}


def test_jsonl_records_and_broken_line(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join([
        json.dumps({"text": "First article.", "title": "One", "date": "2022-12-07", "x": 1}),
        '{"text": "broken',
        json.dumps({"html": "<p>Second</p>", "url": "https://example.com/2"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"title": "no body"}),
    ]), "utf-8")
    found = items([path], settings)
    assert [type(i).__name__ for i in found] == [
        "Document", "SourceError", "Document", "SourceError", "SourceError"]
    first, broken, second = found[0], found[1], found[2]
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.metadata == {"title": "One", "published": "2022-12-07", "extra": {"x": 1}}
    assert first.locator == "line:1" and second.content_type == "html"
    assert isinstance(broken, SourceError) and broken.name.endswith("batch.jsonl#line:2")
    assert "invalid JSON" in broken.message


def test_csv_rows_with_metadata_columns(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "batch.csv"
    path.write_text('title,body,author\n"One","Castillo spoke, then left.",Ana\n', "utf-8")
    (doc,) = items([path], settings)
    assert isinstance(doc, Document)
    assert doc.raw == b"Castillo spoke, then left." and doc.locator == "row:2"
    assert doc.metadata == {"title": "One", "author": "Ana"}


def test_rss_feed_entries(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "feed.xml"
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        "<item><title>Petro sworn in</title><link>https://example.com/petro</link>"
        "<pubDate>Sun, 07 Aug 2022 18:00:00 GMT</pubDate>"
        "<description>Gustavo Petro took office in Bogota.</description></item>"
        "</channel></rss>", "utf-8")
    (doc,) = items([path], settings)
    assert isinstance(doc, Document)
    assert doc.metadata == {"title": "Petro sworn in", "published": "2022-08-07",
                            "url": "https://example.com/petro", "site": "Wire"}


def test_truncated_feed_keeps_whole_items_and_reports_the_cut(
        tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "broken.rss"
    path.write_text("<rss><channel><item><title>Whole</title><description>Arce spoke."
                    "</description></item><item><title>cut", "utf-8")
    found = items([path], settings)
    assert isinstance(found[0], Document) and found[0].raw == b"Arce spoke."
    assert isinstance(found[-1], SourceError) and "malformed feed XML" in found[-1].message


def test_junk_feed_is_one_error(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "junk.xml"
    path.write_bytes(b"\x00\x01 not xml at all")
    (error,) = items([path], settings)
    assert isinstance(error, SourceError) and "not a readable RSS/Atom feed" in error.message


def write_warc(path: Path, pages: int) -> None:
    """Write a gzipped WARC of HTML response records, one gzip member per record."""
    with path.open("wb") as out:
        for n in range(pages):
            http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                    b"Content-Length: %d\r\n\r\n" % len(PAGE)) + PAGE
            head = (f"WARC/1.0\r\nWARC-Type: response\r\n"
                    f"WARC-Target-URI: https://example.com/{n}\r\n"
                    f"WARC-Date: 2023-01-0{n + 1}T00:00:00Z\r\n"
                    f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-00000000000{n}>\r\n"
                    f"Content-Type: application/http; msgtype=response\r\n"
                    f"Content-Length: {len(http)}\r\n\r\n").encode()
            out.write(gzip.compress(head + http + b"\r\n\r\n"))


def test_warc_response_records(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, 3)
    found = items([path], settings)
    assert [d.locator for d in found if isinstance(d, Document)] == [
        "record:1", "record:2", "record:3"]
    assert all(isinstance(d, Document) and d.raw == PAGE for d in found)


def test_truncated_warc_keeps_records_before_the_cut(tmp_path: Path, settings: Settings) -> None:
    whole = tmp_path / "whole.warc.gz"
    write_warc(whole, 3)
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole.read_bytes()[: int(whole.stat().st_size * 0.8)])
    found = items([cut], settings)
    assert sum(isinstance(d, Document) for d in found) == 2
    assert isinstance(found[-1], SourceError) and "truncated or corrupt WARC" in found[-1].message


def test_gzipped_text_and_truncated_gzip(tmp_path: Path, settings: Settings) -> None:
    good = tmp_path / "a.txt.gz"
    good.write_bytes(gzip.compress(b"Boric spoke in Santiago."))
    bad = tmp_path / "b.jsonl.gz"
    lines = "".join(json.dumps({"text": f"article {n} " + str(n * 7919 % 104729)}) + "\n"
                    for n in range(3000))
    whole = gzip.compress(lines.encode())
    bad.write_bytes(whole[: len(whole) // 2])
    found = items([good, bad], settings)
    assert isinstance(found[0], Document) and found[0].raw == b"Boric spoke in Santiago."
    assert 1 < sum(isinstance(d, Document) for d in found) < 3000
    assert isinstance(found[-1], SourceError) and "can't read file" in found[-1].message


def test_huge_missing_and_unsupported_files(tmp_path: Path, settings: Settings) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as out:
        out.truncate(200_000_000)  # sparse: 200 MB on paper, nothing read
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    found = items([huge, tmp_path / "missing.txt", tmp_path / "photo.jpg"], settings)
    assert [(type(e).__name__, e.message) for e in found if isinstance(e, SourceError)] == [
        ("SourceError", "file is 200.0 MB, over the 50 MB limit (setting max_file_mb)"),
        ("SourceError", "no such file or folder"),
        ("SourceError", "unsupported file type '.jpg'"),
    ]
    assert isinstance(found[2], SourceError) and found[2].skipped


def test_file_named_without_its_folder_takes_the_folder_as_site(
        tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "cronicas"
    folder.mkdir()
    (folder / "nota.txt").write_text("El Congreso votó la vacancia del presidente.", "utf-8")
    (folder / "page.html").write_bytes(PAGE.replace(b"<head>", b'<head><link rel="canonical" '
                                                    b'href="https://diario.example/vote">'))
    monkeypatch.chdir(folder)
    text, page = clean([d for d in items([Path("nota.txt"), Path("page.html")], settings)
                        if isinstance(d, Document)], settings)
    assert (text.source, text.metadata["site"]) == ("nota.txt", "cronicas")
    assert "folder" not in page.metadata  # a page's own site wins over its folder
    assert (page.metadata["site"], page.metadata["url"]) == (
        "diario.example", "https://diario.example/vote")
