"""Fetching URLs as a careful crawler, against a small site served from 127.0.0.1."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from marea.ingest import fetch
from marea.ingest.fetch import Fetcher, FetchError, blocked_address
from marea.ingest.sources import read_inputs
from marea.ingest.web import WebSession
from marea.model import Document, SourceError
from marea.pipeline import ingest
from marea.settings import Settings
from marea.store import Store
from tests.site import Site


@pytest.fixture
def site() -> Iterator[Site]:
    with Site(slow_seconds=2.0) as served:
        yield served


@pytest.fixture
def local(settings: Settings) -> Settings:
    """Settings that may reach the local site, quickly: no spacing, short timeouts."""
    return settings.with_(fetch=replace(settings.fetch, allow_private=True,
                                        host_interval_seconds=0, timeout_seconds=1.0,
                                        response_seconds=1.0, retries=2, backoff_seconds=0.01))


@pytest.fixture
def waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Record the fetcher's waits instead of sleeping them."""
    taken: list[float] = []
    monkeypatch.setattr(fetch, "_sleep", taken.append)
    return taken


def read(urls: list[str], settings: Settings, **session: Any) -> list[Document | SourceError]:
    with Fetcher(settings.fetch, 10_000_000) as fetcher:
        return list(read_inputs(urls, settings, WebSession(fetcher, **session)))


def test_article_page_is_a_document_with_url_and_http_headers(site: Site, local: Settings
                                                               ) -> None:
    [doc] = read([site.url("/moved")], local)
    assert isinstance(doc, Document)
    assert doc.source == site.url("/moved")
    assert doc.metadata["url"] == site.url("/news/summit.html")  # after the redirect
    assert doc.metadata["extra"]["http"]["status"] == 200
    assert doc.metadata["extra"]["http"]["headers"]["content-type"].startswith("text/html")
    assert b"Brasilia" in doc.raw


def test_feed_entries_are_read_from_their_pages_with_the_entry_as_fallback(
        site: Site, local: Settings) -> None:
    found = read([site.url("/feed.xml")], local)
    docs = [d for d in found if isinstance(d, Document)]
    assert [d.source for d in docs] == [site.url("/news/castillo.html"),
                                        site.url("/news/summit.html"), site.url("/feed.xml")]
    assert b"sworn in as president" in docs[0].raw  # the article, not the 80-char teaser
    assert docs[0].metadata["published"] == "2022-12-07"
    fallback = docs[2]
    assert b"cabinet reshuffle" in fallback.raw
    assert fallback.metadata["extra"]["page_error"] == f"HTTP 500 from {site.url('/broken.html')}"
    assert site.hits["/broken.html"] == 3  # retried twice


def test_news_sitemap_gives_pages_with_publication_date(site: Site, local: Settings) -> None:
    [doc] = read([site.url("/news-sitemap.xml")], local)
    assert isinstance(doc, Document)
    assert doc.metadata["published"] == "2023-12-17"
    assert doc.metadata["title"] == "Chile votes on a new constitution"


def test_robots_txt_is_honoured_unless_overridden(site: Site, local: Settings) -> None:
    [error] = read([site.url("/private/memo.html")], local)
    assert isinstance(error, SourceError)
    assert error.message == (f"{site.url('/private/memo.html')} is disallowed by robots.txt "
                             "(fetch.obey_robots = false to override)")
    ignoring = local.with_(fetch=replace(local.fetch, obey_robots=False))
    [doc] = read([site.url("/private/memo.html")], ignoring)
    assert isinstance(doc, Document)
    assert site.hits["/robots.txt"] == 1


@pytest.mark.parametrize(("path", "message"), [
    ("/loop-a", "redirect loop: {base}/loop-a -> {base}/loop-b -> {base}/loop-a"),
    ("/error500", "HTTP 500 from {base}/error500"),
    ("/nowhere", "HTTP 404 from {base}/nowhere"),
])
def test_failures_are_one_line_errors_naming_the_url(site: Site, local: Settings, waits: list,
                                                     path: str, message: str) -> None:
    [error] = read([site.url(path)], local)
    assert isinstance(error, SourceError)
    assert error.source == site.url(path)
    assert error.message == message.format(base=site.base)


def test_slow_page_is_abandoned(site: Site, local: Settings) -> None:
    [error] = read([site.url("/slow.html")], local.with_(
        fetch=replace(local.fetch, retries=0)))
    assert isinstance(error, SourceError)
    assert error.message.startswith(f"can't fetch {site.url('/slow.html')}: ")
    assert "timed out" in error.message


def test_429_waits_for_retry_after(site: Site, local: Settings, waits: list[float]) -> None:
    [doc] = read([site.url("/busy")], local)
    assert isinstance(doc, Document)
    assert waits == [2.0]
    assert site.hits["/busy"] == 2


def test_server_errors_back_off_exponentially(site: Site, local: Settings,
                                              waits: list[float]) -> None:
    read([site.url("/error500")], local.with_(fetch=replace(local.fetch, backoff_seconds=1.5,
                                                           retries=3)))
    assert waits == [1.5, 3.0, 6.0]
    assert site.hits["/error500"] == 4


def test_images_are_skipped_not_failed(site: Site, local: Settings) -> None:
    [skip] = read([site.url("/image.png")], local)
    assert isinstance(skip, SourceError) and skip.skipped
    assert "unsupported content type 'image/png'" in skip.message


def test_response_budget(site: Site, local: Settings) -> None:
    with Fetcher(local.fetch, 500) as fetcher, pytest.raises(
            FetchError, match=r"response larger than 0 MB \(budget.input_mb\)"):
        fetcher.get(site.url("/news/chile.html"))


def test_per_host_connection_cap(site: Site, local: Settings) -> None:
    capped = local.with_(fetch=replace(local.fetch, host_connections=1, connections=8))
    read([site.url("/feed.xml")], capped)
    assert site.most_active == 1


# -- safety -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("address", "reason"), [
    ("127.0.0.1", "loopback"), ("::1", "loopback"), ("10.1.2.3", "private"),
    ("192.168.0.10", "private"), ("169.254.169.254", "link-local"), ("224.0.0.1", "multicast"),
    ("::ffff:127.0.0.1", "loopback"), ("100.64.0.1", "non-public"), ("0.0.0.0", "private"),
    ("fd00::1", "private"), ("8.8.8.8", None), ("2606:4700::1111", None)])
def test_blocked_addresses(address: str, reason: str | None) -> None:
    assert blocked_address(address) == reason


def test_loopback_refused_by_default(site: Site, settings: Settings) -> None:
    [error] = read([site.url("/news/chile.html")], settings)
    assert isinstance(error, SourceError)
    assert "blocked: 127.0.0.1 resolves to 127.0.0.1 is loopback (--allow-private to permit)" \
        in error.message
    assert site.hits == {}


def test_redirect_and_dns_change_to_private_addresses_are_refused(
        site: Site, settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    """Pretend 127.0.0.1 is public: the site's redirect to cloud metadata, and a name that
    resolves to the site first and to a private address next, must still be refused."""
    monkeypatch.setattr(fetch, "blocked_address", lambda a: None if a == "127.0.0.1"
                        else blocked_address(a))
    [error] = read([site.url("/to-metadata")], settings)
    assert isinstance(error, SourceError)
    assert "169.254.169.254 is link-local" in error.message

    answers = iter(["127.0.0.1", "10.0.0.7"])
    real = socket.getaddrinfo

    def resolve(host: str, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host == "news.test":
            return real(next(answers), port, *args, **kwargs)
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    port = site.base.rsplit(":", 1)[1]
    ignoring = settings.with_(fetch=replace(settings.fetch, obey_robots=False))
    with Fetcher(ignoring.fetch, 10_000_000) as fetcher:
        assert fetcher.get(f"http://news.test:{port}/news/chile.html").status == 200
    with Fetcher(ignoring.fetch, 10_000_000) as fetcher, pytest.raises(
            FetchError, match="news.test resolves to 10.0.0.7 is private"):
        fetcher.get(f"http://news.test:{port}/news/chile.html")


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "http:///x"])
def test_only_http_urls(url: str, settings: Settings) -> None:
    with Fetcher(settings.fetch, 1000) as fetcher, pytest.raises(
            FetchError, match="only http and https URLs with a host"):
        fetcher.get(url)


# -- through the store --------------------------------------------------------------------------

def test_ingest_feed_twice_fetches_nothing_new_and_writes_a_warc(
        site: Site, local: Settings, tmp_path: Path) -> None:
    from warcio.archiveiterator import ArchiveIterator

    from marea.pipeline import open_web_session

    warc = tmp_path / "fetched.warc.gz"
    with Store(local.db) as store:
        with open_web_session(store, local, str(warc)) as web:
            first = ingest([site.url("/feed.xml")], store, local, web=web)
        assert (first.stored, len(first.failed)) == (3, 0)
        hits = dict(site.hits)
        second = ingest([site.url("/feed.xml")], store, local)
        assert (second.stored, second.unchanged) == (0, 1)
        assert site.hits["/feed.xml"] == hits["/feed.xml"] + 1  # a conditional request: 304
        assert site.hits["/news/castillo.html"] == hits["/news/castillo.html"]
        site.feed_etag = '"feed-v2"'  # the feed changes; its known entries are not refetched
        third = ingest([site.url("/feed.xml")], store, local)
        assert third.stored == 0
        assert site.hits["/news/castillo.html"] == hits["/news/castillo.html"]
        rows = store.query("SELECT title, published, url FROM documents ORDER BY published")
        assert rows[0] == ("Peru's Congress removes Pedro Castillo", "2022-12-07",
                           site.url("/news/castillo.html"))
    with warc.open("rb") as handle:
        uris = [r.rec_headers.get_header("WARC-Target-URI") for r in ArchiveIterator(handle)
                if r.rec_type == "response"]
    assert site.url("/feed.xml") in uris and site.url("/news/summit.html") in uris


@pytest.mark.parametrize(("block", "message"), [
    ("retries = -1", "fetch.retries = -1: it must be an integer >= 0"),
    ("host_interval_seconds = \"1s\"", "fetch.host_interval_seconds = '1s': it must be a "
     "finite number >= 0"),
    ("allow_private = 1", "fetch.allow_private = 1: it must be true or false"),
    ("obey_robot = false", "Unknown setting fetch.obey_robot: the [fetch] block takes"),
])
def test_fetch_settings_are_checked(tmp_path: Path, block: str, message: str) -> None:
    from marea.errors import ConfigError
    from marea.settings import load_settings

    path = tmp_path / "marea.toml"
    path.write_text(f"[fetch]\n{block}\n", "utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(path)
    assert message in str(caught.value)
