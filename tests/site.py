"""A small news site served from 127.0.0.1 for the fetching tests: pages with chrome, a feed,
a news sitemap, robots.txt, and the pathologies a crawler meets (slow, loops, 500, 429)."""

from __future__ import annotations

import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ARTICLES = {
    "castillo": ("Peru's Congress removes Pedro Castillo",
                 "2022-12-07",
                 "Peru's Congress voted on Wednesday to remove President Pedro Castillo from "
                 "office, hours after he announced that he would dissolve the legislature. "
                 "Lawmakers approved the motion by 101 votes. Vice President Dina Boluarte was "
                 "sworn in as president in Lima the same afternoon. Police detained Castillo "
                 "as he travelled through the capital. The Organization of American States "
                 "called for calm and urged all parties to respect the constitution."),
    "summit": ("Leaders meet in Brasilia on regional integration",
               "2023-05-30",
               "South American presidents met in Brasilia on Tuesday at the invitation of "
               "Brazil's president Luiz Inacio Lula da Silva to discuss regional integration. "
               "Argentina's president Alberto Fernandez backed a common currency for trade. "
               "Uruguay's president Luis Lacalle Pou criticised the meeting, saying that "
               "Venezuela's government could not be described as a democracy. The leaders "
               "agreed to form a group that will report within four months."),
    "chile": ("Chile votes on a new constitution",
              "2023-12-17",
              "Voters in Chile rejected a proposed constitution on Sunday, the second draft "
              "turned down in two years. President Gabriel Boric said the government would "
              "not open a third process during his term. Opposition leaders welcomed the "
              "result and said the country needed stability. Turnout was high because voting "
              "is compulsory."),
    "bolivia": ("Bolivia's president reshuffles his cabinet",
                "2024-01-22",
                "Bolivia's president Luis Arce replaced eleven ministers on Monday after weeks "
                "of road blockades by supporters of former president Evo Morales. Arce said "
                "the new cabinet would focus on fuel supplies and the economy. Morales "
                "accused the government of persecuting his allies."),
}

CHROME = """<!doctype html><html><head><meta charset="utf-8"><title>{title} | Diario Test</title>
<meta property="og:site_name" content="Diario Test">
<meta property="article:published_time" content="{date}T10:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/politics">Politics</a> <a href="/sport">Sport</a></nav>
<article><h1>{title}</h1><p class="byline">By Ana Torres</p>{paragraphs}</article>
<footer>Subscribe to our newsletter. Copyright Diario Test.</footer></body></html>"""


def page(slug: str, version: int = 0) -> bytes:
    title, date, text = ARTICLES[slug]
    sentences = text.split(". ")
    paragraphs = "".join(f"<p>{s.rstrip('.')}.</p>" for s in sentences)
    if version:
        paragraphs += f"<p>Update {version}: the story was updated with new reporting.</p>"
    return CHROME.format(title=title, date=date, paragraphs=paragraphs).encode()


def feed(base: str) -> bytes:
    items = "".join(
        f"<item><title>{ARTICLES[s][0]}</title><link>{base}/news/{s}.html</link>"
        f"<description>{ARTICLES[s][2][:80]}...</description>"
        f"<pubDate>Wed, 07 Dec 2022 10:00:00 GMT</pubDate></item>"
        for s in ("castillo", "summit"))
    items += (f"<item><title>A story whose page fails</title><link>{base}/broken.html</link>"
              "<description>Bolivia's president Luis Arce announced a cabinet reshuffle on "
              "Monday after protests in La Paz.</description></item>")
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Diario Test</title>'
            f"<link>{base}/</link>{items}</channel></rss>").encode()


def sitemap(base: str) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?>'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
            f"<url><loc>{base}/news/chile.html</loc><news:news><news:publication>"
            f"<news:name>Diario Test</news:name><news:language>en</news:language>"
            f"</news:publication><news:publication_date>2023-12-17T21:00:00Z"
            f"</news:publication_date><news:title>Chile votes on a new constitution"
            f"</news:title></news:news></url></urlset>").encode()


class Site:
    """Start with `with Site() as site:`; `site.url(path)`, `site.hits[path]` counts requests."""

    def __init__(self, slow_seconds: float = 3.0) -> None:
        self.hits: Counter[str] = Counter()
        self.slow_seconds = slow_seconds
        self.version = 0          # bump to change /changing.html
        self.feed_etag = '"feed-v1"'
        self.active = 0
        self.most_active = 0
        self.lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                with site.lock:
                    site.hits[self.path] += 1
                    site.active += 1
                    site.most_active = max(site.most_active, site.active)
                self.answering = True
                try:
                    site.answer(self)
                finally:
                    self.done()

            def send_response(self, code: int, message: str | None = None) -> None:
                # A request stops counting as in flight before its first byte goes out: the
                # client may send its next one as soon as it has read this response.
                self.done()
                super().send_response(code, message)

            def done(self) -> None:
                if getattr(self, "answering", False):
                    self.answering = False
                    with site.lock:
                        site.active -= 1

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return self.base + path

    def __enter__(self) -> Site:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def answer(self, h: BaseHTTPRequestHandler) -> None:
        path = h.path
        if path == "/robots.txt":
            return self.send(h, 200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
        if path.startswith("/news/") and path.endswith(".html"):
            slug = path[len("/news/"):-len(".html")]
            if slug in ARTICLES:
                return self.send(h, 200, page(slug), "text/html; charset=utf-8")
        if path == "/private/memo.html":
            return self.send(h, 200, page("chile"), "text/html")
        if path == "/feed.xml":
            if h.headers.get("If-None-Match") == self.feed_etag:
                return self.send(h, 304, b"", "application/rss+xml")
            return self.send(h, 200, feed(self.base), "application/rss+xml",
                             {"ETag": self.feed_etag})
        if path == "/news-sitemap.xml":
            return self.send(h, 200, sitemap(self.base), "application/xml")
        if path == "/slow.html":
            time.sleep(self.slow_seconds)
            return self.send(h, 200, page("chile"), "text/html")
        if path in ("/loop-a", "/loop-b"):
            other = "/loop-b" if path == "/loop-a" else "/loop-a"
            return self.send(h, 302, b"", "text/html", {"Location": other})
        if path == "/to-metadata":
            return self.send(h, 302, b"", "text/html",
                             {"Location": "http://169.254.169.254/latest/meta-data/"})
        if path == "/moved":
            return self.send(h, 301, b"", "text/html", {"Location": "/news/summit.html"})
        if path == "/changing.html":
            return self.send(h, 200, page("bolivia", self.version), "text/html")
        if path in ("/broken.html", "/error500"):
            return self.send(h, 500, b"internal error", "text/plain")
        if path == "/busy":
            if self.hits[path] == 1:
                return self.send(h, 429, b"slow down", "text/plain", {"Retry-After": "2"})
            return self.send(h, 200, page("castillo"), "text/html")
        if path == "/image.png":
            return self.send(h, 200, b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image/png")
        return self.send(h, 404, b"not found", "text/plain")

    @staticmethod
    def send(h: BaseHTTPRequestHandler, status: int, body: bytes, content_type: str,
             headers: dict[str, str] | None = None) -> None:
        h.send_response(status)
        h.send_header("Content-Type", content_type)
        h.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            h.send_header(key, value)
        h.end_headers()
        if body:
            h.wfile.write(body)
