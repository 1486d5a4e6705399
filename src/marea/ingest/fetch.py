"""Fetch web resources as a careful crawler: safe addresses, robots.txt, politeness, budgets.

Every connection goes through an address guard that resolves the host itself and connects
only to an address it has checked, so a redirect or a DNS answer that changes between two
requests cannot reach loopback, private, link-local (cloud metadata) or multicast ranges
unless `allow_private` is set. Redirects are followed one hop at a time so each hop is
checked for scheme, robots.txt and address like the first request.
"""

from __future__ import annotations

import email.utils
import io
import ipaddress
import socket
import threading
import time
import urllib.robotparser
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from marea import __version__
from marea.settings import FetchSettings

REDIRECTS = {301, 302, 303, 307, 308}
RETRIED = {429, 500, 502, 503, 504}
# Headers that describe the transfer, not the body we keep (httpx has already decoded it).
TRANSFER_HEADERS = {"content-encoding", "transfer-encoding", "content-length"}


_sleep = time.sleep  # one name for every wait, so tests can record waits instead of taking them


class FetchError(Exception):
    """A URL that could not be fetched; the message is one line naming the reason."""


class BlockedAddress(FetchError):
    """The URL's host resolves only to addresses the guard refuses."""


def blocked_address(address: str) -> str | None:
    """Return why a resolved address must not be contacted, or None when it is public."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    for name in ("loopback", "link_local", "multicast", "private", "reserved", "unspecified"):
        if getattr(ip, f"is_{name}"):
            return name.replace("_", "-")
    return None if ip.is_global else "non-public"


class _GuardedBackend(httpcore.NetworkBackend):
    """Resolve the host here and connect only to an address that passed the guard."""

    def __init__(self, allow_private: bool) -> None:
        self.allow_private = allow_private
        self.inner = httpcore.SyncBackend()

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None,
                    socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except socket.gaierror as exc:
            raise httpcore.ConnectError(f"can't resolve {host}: {exc.strerror}") from exc
        reasons = []
        for *_, sockaddr in infos:
            address = str(sockaddr[0])
            reason = None if self.allow_private else blocked_address(address)
            if reason is None:
                return self.inner.connect_tcp(address, port, timeout, local_address,
                                              socket_options)
            reasons.append(f"{address} is {reason}")
        raise httpcore.ConnectError(
            f"blocked: {host} resolves to {', '.join(reasons)} (--allow-private to permit)")


class _GuardedTransport(httpx.HTTPTransport):
    def __init__(self, allow_private: bool, connections: int) -> None:
        super().__init__(trust_env=False)
        # httpx has no public hook for the network backend; its pool is the one place to set it
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_connections=connections, network_backend=_GuardedBackend(allow_private))


@dataclass
class Response:
    """A fetched resource: the URL asked for, the URL answered after redirects, the body."""

    url: str
    final_url: str
    status: int
    headers: dict[str, str]
    body: bytes
    fetched_at: str
    seconds: float

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass
class _Host:
    """Politeness state of one host: a connection cap and the earliest next request time."""

    slots: threading.Semaphore
    next_at: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)


class Fetcher:
    """One HTTP client shared by every fetch of a run (thread-safe; close() when done)."""

    def __init__(self, options: FetchSettings, max_bytes: int, warc: str | Path | None = None
                 ) -> None:
        self.options = options
        self.max_bytes = max_bytes
        self.user_agent = options.user_agent.replace("{version}", __version__)
        self.client = httpx.Client(
            transport=_GuardedTransport(options.allow_private, options.connections),
            timeout=httpx.Timeout(options.timeout_seconds), follow_redirects=False,
            trust_env=False, headers={"User-Agent": self.user_agent})
        self._hosts: dict[str, _Host] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self._lock = threading.Lock()
        self._warc = _WarcLog(warc) if warc else None

    def close(self) -> None:
        self.client.close()
        if self._warc:
            self._warc.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None
            ) -> Response:
        """GET url following redirects within limits; 304 comes back as a Response."""
        started = time.monotonic()
        seen = [url]
        current = url
        while True:
            _check_scheme(current)
            if not self.allowed_by_robots(current):
                raise FetchError(f"{current} is disallowed by robots.txt "
                                 "(fetch.obey_robots = false to override)")
            headers = {}
            if etag and current == url:
                headers["If-None-Match"] = etag
            if last_modified and current == url:
                headers["If-Modified-Since"] = last_modified
            status, response_headers, body = self._request(current, headers)
            if status in REDIRECTS and "location" in response_headers:
                target = urljoin(current, response_headers["location"])
                if target in seen:
                    raise FetchError(f"redirect loop: {' -> '.join(seen + [target])}")
                if len(seen) > self.options.max_redirects:
                    raise FetchError(f"more than {self.options.max_redirects} redirects "
                                     f"from {url}")
                seen.append(target)
                current = target
                continue
            response = Response(url, current, status, response_headers, body,
                                datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                                time.monotonic() - started)
            if self._warc and status != 304:
                self._warc.write(response)
            if status >= 400:
                raise FetchError(f"HTTP {status} from {current}")
            return response

    def post(self, url: str, body: bytes) -> int:
        """POST a JSON body (no redirects followed); return the status."""
        _check_scheme(url)
        try:
            with self._polite(url):
                response = self.client.post(url, content=body,
                                            headers={"Content-Type": "application/json"})
        except httpx.TransportError as exc:
            raise FetchError(f"can't post to {url}: {_one_line(exc)}") from exc
        return response.status_code

    def allowed_by_robots(self, url: str) -> bool:
        """Whether robots.txt of url's origin lets our user agent fetch it (cached per origin)."""
        if not self.options.obey_robots:
            return True
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            known = origin in self._robots
        if not known:
            parser = self._read_robots(origin)
            with self._lock:
                self._robots[origin] = parser
        parser = self._robots[origin]
        return parser is None or parser.can_fetch(self.user_agent, url)

    def _read_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | None:
        """Parse origin's robots.txt; None (all allowed) when it has none (4xx, RFC 9309)."""
        parser = urllib.robotparser.RobotFileParser()
        try:
            status, _, body = self._request(origin + "/robots.txt", {}, retry=False)
        except BlockedAddress:
            raise
        except FetchError:
            status, body = 503, b""
        if 400 <= status < 500 or status in REDIRECTS:
            return None
        if status >= 500:  # unreachable: RFC 9309 says assume complete disallow
            parser.parse(["User-agent: *", "Disallow: /"])
            return parser
        parser.parse(body.decode("utf-8", "replace").splitlines())
        return parser

    def _request(self, url: str, headers: dict[str, str], retry: bool = True
                 ) -> tuple[int, dict[str, str], bytes]:
        """One request with retries on connection errors, 429 and 5xx; body within budget."""
        attempts = self.options.retries + 1 if retry else 1
        for attempt in range(attempts):
            last = attempt == attempts - 1
            try:
                with self._polite(url), self.client.stream("GET", url, headers=headers) as response:
                    status = response.status_code
                    found = {k.lower(): v for k, v in response.headers.items()}
                    if status in RETRIED and not last:
                        wait = self._backoff(attempt, found.get("retry-after"))
                    else:
                        return status, found, self._body(url, response)
            except httpx.TransportError as exc:
                if "blocked:" in str(exc):
                    raise BlockedAddress(f"can't fetch {url}: {_one_line(exc)}") from exc
                if last:
                    raise FetchError(f"can't fetch {url}: {_one_line(exc)}") from exc
                wait = self._backoff(attempt, None)
            _sleep(wait)
        raise AssertionError("unreachable")

    def _body(self, url: str, response: httpx.Response) -> bytes:
        deadline = time.monotonic() + self.options.response_seconds
        buffer = io.BytesIO()
        for chunk in response.iter_bytes():
            buffer.write(chunk)
            if buffer.tell() > self.max_bytes:
                raise FetchError(f"{url}: response larger than {self.max_bytes // 1_000_000} "
                                 "MB (budget.input_mb)")
            if time.monotonic() > deadline:
                raise FetchError(f"{url}: response took over {self.options.response_seconds:g}"
                                 " s (fetch.response_seconds)")
        return buffer.getvalue()

    def _backoff(self, attempt: int, retry_after: str | None) -> float:
        """Seconds to wait before the next attempt: Retry-After if given, else exponential."""
        wait = self.options.backoff_seconds * 2 ** attempt
        if retry_after:
            if retry_after.strip().isdigit():
                wait = float(retry_after)
            elif (when := email.utils.parsedate_to_datetime(retry_after)) is not None:
                wait = (when - datetime.now(UTC)).total_seconds()
        return min(max(wait, 0.0), self.options.max_wait_seconds)

    @contextmanager
    def _polite(self, url: str) -> Iterator[None]:
        """Hold one of the host's connection slots, spaced by fetch.host_interval_seconds."""
        host = urlsplit(url).netloc.lower()
        with self._lock:
            state = self._hosts.setdefault(
                host, _Host(threading.Semaphore(self.options.host_connections)))
        with state.slots:
            with state.lock:
                now = time.monotonic()
                wait = state.next_at - now
                state.next_at = max(now, state.next_at) + self.options.host_interval_seconds
            if wait > 0:
                _sleep(wait)
            yield


def _check_scheme(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise FetchError(f"{url}: only http and https URLs with a host are fetched")


def _one_line(exc: object) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


class _WarcLog:
    """Append every fetched response to a gzipped WARC file, one record per response."""

    def __init__(self, path: str | Path) -> None:
        from warcio.warcwriter import WARCWriter

        self.handle = open(path, "ab")  # noqa: SIM115 - closed by close()
        self.writer = WARCWriter(self.handle, gzip=True)
        self.lock = threading.Lock()

    def write(self, response: Response) -> None:
        from warcio.statusandheaders import StatusAndHeaders

        kept = [(k, v) for k, v in response.headers.items() if k not in TRANSFER_HEADERS]
        kept.append(("content-length", str(len(response.body))))
        http = StatusAndHeaders(f"{response.status} -", kept, protocol="HTTP/1.1")
        record = self.writer.create_warc_record(
            response.final_url, "response", payload=io.BytesIO(response.body),
            length=len(response.body),  # known length: warcio then buffers nothing
            http_headers=http, warc_headers_dict={"WARC-Date": response.fetched_at})
        with self.lock:
            self.writer.write_record(record)

    def close(self) -> None:
        self.handle.close()
