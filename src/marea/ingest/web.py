"""Turn URLs into Documents: an article page, a feed's entries, a sitemap's pages.

A feed entry's own page is fetched (the article, not the teaser); when that fails the entry's
content stands in. A sitemap (or a Google News sitemap with `<news:publication_date>`) lists
pages; a sitemap index lists sitemaps. Items whose URL the store already holds are not fetched
again, and a feed or sitemap unchanged since the last run (ETag / Last-Modified) is not read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from marea.ingest.fetch import Fetcher, FetchError, Response
from marea.ingest.sources import ISO_DATE_PREFIX, Item, feed_entry, sanitise
from marea.model import Document, SourceError
from marea.settings import Settings

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS_NS = "{http://www.google.com/schemas/sitemap-news/0.9}"
PAGE_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")
TEXT_TYPES = ("text/plain",)
SITEMAP_DEPTH = 2  # a sitemap index of sitemap indexes, no deeper


@dataclass
class WebSession:
    """What reading URLs needs besides settings: one fetcher and the store's memory of URLs.

    `known(url)` says whether a document from that URL is stored; `validators` holds the
    ETag/Last-Modified of feeds and sitemaps read before. New validators are only kept in
    `fetched` until the caller saves them after the run's documents are stored, so a killed
    run never marks as read a feed whose entries it did not store.
    """

    fetcher: Fetcher
    meta: dict[str, Any] = field(default_factory=dict)
    known: Callable[[str], bool] = lambda url: False
    validators: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    fetched: dict[str, Response] = field(default_factory=dict)
    unchanged: list[str] = field(default_factory=list)  # feeds/sitemaps not modified, and
    # items they list whose URL the store already holds (not fetched)


def read_url(url: str, meta: dict[str, Any], settings: Settings, web: WebSession
             ) -> Iterator[Item]:
    """Yield the Documents reachable from url (page, feed or sitemap) and one error per failure."""
    yield from _read(url, {**web.meta, **meta}, settings, web, depth=0)


def _read(url: str, meta: dict[str, Any], settings: Settings, web: WebSession, depth: int
          ) -> Iterator[Item]:
    etag, modified = web.validators.get(url, (None, None))
    try:
        response = web.fetcher.get(url, etag, modified)
    except FetchError as exc:
        yield SourceError(url, "", str(exc))
        return
    if response.not_modified:
        web.unchanged.append(url)
        return
    kind = _kind(response)
    if kind == "page":
        yield _page(response, meta)
    elif kind == "feed":
        web.fetched[url] = response
        yield from _feed(response, meta, settings, web)
    elif kind == "sitemap":
        web.fetched[url] = response
        yield from _sitemap(response, meta, settings, web, depth)
    else:
        yield SourceError(url, "", f"unsupported content type '{response.content_type}' "
                          "(pages, RSS/Atom feeds and sitemaps are read)", skipped=True)


def _kind(response: Response) -> str:
    """Tell a page from a feed or a sitemap by Content-Type, then by the body's first tag."""
    head = response.body[:2000].lstrip().lower()
    if b"<urlset" in head or b"<sitemapindex" in head:
        return "sitemap"
    if response.content_type in FEED_TYPES or b"<rss" in head or b"<feed" in head \
            or b"<rdf:rdf" in head:
        return "feed"
    if response.content_type in PAGE_TYPES + TEXT_TYPES or (
            response.content_type in ("", "application/octet-stream") and b"<html" in head):
        return "page"
    return "other"


def _page(response: Response, meta: dict[str, Any]) -> Document:
    """A fetched page as a Document: source is the URL asked for, `url` the one answered."""
    kind = "text" if response.content_type in TEXT_TYPES else "html"
    http = {"status": response.status, "fetched_at": response.fetched_at,
            "headers": sanitise(response.headers)}
    return Document(response.url, "", response.body, kind,
                    {**meta, "url": response.final_url, "extra": {"http": http}})


def _feed(response: Response, meta: dict[str, Any], settings: Settings, web: WebSession
          ) -> Iterator[Item]:
    import feedparser

    feed = feedparser.parse(response.body)
    if not feed.entries:
        reason = getattr(feed, "bozo_exception", None) or "no entries"
        yield SourceError(response.url, "", f"not a readable RSS/Atom feed: {reason}")
        return
    site = feed.feed.get("title")
    entries = list(enumerate(feed.entries, 1))
    yield from _limit_note(response.url, len(entries), settings)
    fallbacks: dict[str, Item] = {}
    links = []
    for number, entry in entries[:settings.fetch.max_items]:
        link = entry.get("link")
        fallback = feed_entry(response.url, f"item:{number}", entry, site, meta)
        if not link:
            yield fallback
        elif web.known(link):
            web.unchanged.append(link)
        else:
            fallbacks[link] = fallback
            links.append(link)
    for link, item in _fetch_pages(links, meta, web):
        entry = fallbacks[link]
        if isinstance(item, Document):
            entry_meta = entry.metadata if isinstance(entry, Document) else {}
            item.metadata = {**_defaults(entry_meta), **item.metadata}
            yield item
        else:  # the entry's own content stands in for a page we could not fetch
            if isinstance(entry, Document):
                entry.metadata.setdefault("extra", {})["page_error"] = item.message
            yield entry


def _defaults(entry_meta: dict[str, Any]) -> dict[str, Any]:
    """Feed-entry fields that a page's own metadata may override (title, date, author)."""
    return {k: v for k, v in entry_meta.items() if k in ("title", "published", "author", "site")}


def _sitemap(response: Response, meta: dict[str, Any], settings: Settings, web: WebSession,
             depth: int) -> Iterator[Item]:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(response.body, parser)
    except etree.XMLSyntaxError as exc:
        yield SourceError(response.url, "", f"malformed sitemap XML: {exc}")
        return
    if root.tag == f"{SITEMAP_NS}sitemapindex":
        children = [_text(node, "loc") for node in root.iter(f"{SITEMAP_NS}sitemap")]
        for child in filter(None, children[:settings.fetch.max_items]):
            if depth >= SITEMAP_DEPTH:
                yield SourceError(child, "", "sitemap index nested too deep, not read")
                continue
            yield from _read(child, meta, settings, web, depth + 1)
        return
    pages: dict[str, dict[str, Any]] = {}
    for node in root.iter(f"{SITEMAP_NS}url"):
        loc = _text(node, "loc")
        if not loc:
            continue
        news = node.find(f"{NEWS_NS}news")
        published = (_text(news, "publication_date", NEWS_NS) if news is not None else None) \
            or _text(node, "lastmod")
        title = _text(news, "title", NEWS_NS) if news is not None else None
        if published and ISO_DATE_PREFIX.match(published):  # a timestamp's day is the date
            published = published[:10]
        pages[loc] = {k: v for k, v in (("published", published), ("title", title)) if v}
    yield from _limit_note(response.url, len(pages), settings)
    links: list[str] = []
    for loc in list(pages)[:settings.fetch.max_items]:
        (web.unchanged if web.known(loc) else links).append(loc)
    for link, item in _fetch_pages(links, meta, web):
        if isinstance(item, Document):
            item.metadata = {**pages[link], **item.metadata}
        yield item


def _text(node: Any, name: str, namespace: str = SITEMAP_NS) -> str | None:
    child = node.find(f"{namespace}{name}")
    return child.text.strip() if child is not None and child.text else None


def _limit_note(url: str, count: int, settings: Settings) -> Iterator[SourceError]:
    if count > settings.fetch.max_items:
        yield SourceError(url, "", f"lists {count:,} items; the first {settings.fetch.max_items:,}"
                          " were read (fetch.max_items)", skipped=True)


def _fetch_pages(links: list[str], meta: dict[str, Any], web: WebSession
                 ) -> Iterator[tuple[str, Item]]:
    """Fetch pages concurrently (the fetcher keeps per-host limits), yielding in list order."""
    def one(link: str) -> Item:
        try:
            response = web.fetcher.get(link)
        except FetchError as exc:
            return SourceError(link, "", str(exc))
        if _kind(response) != "page":
            return SourceError(link, "", f"not a page: '{response.content_type}'")
        return _page(response, meta)

    with ThreadPoolExecutor(web.fetcher.options.connections) as pool:
        yield from zip(links, pool.map(one, links), strict=True)
