"""`marea ingest --server URL`: upload files to a running server's ingest jobs and wait.

While `marea serve` holds a store, no other process may write it (see marea.store.sharing),
so new inputs go through the server: POST /ingest with the bearer token, then /jobs/{id}
polled until the job is over. Files are sent in uploads below the server's size limit.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from marea.errors import ConfigError, StoreError

UPLOAD_BYTES = 16_000_000  # per request; the server refuses bodies over 20 MB by default
POLL_SECONDS = 0.5


def files_under(paths: list[str]) -> Iterator[Path]:
    """The regular files named or inside the folders named (hidden ones left out), sorted;
    what each is read as is decided by the server as for a local ingest."""
    for name in paths:
        path = Path(name)
        if path.is_file():
            yield path
        elif path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file()
                              and not any(part.startswith(".")
                                          for part in p.relative_to(path).parts))
        else:
            raise ConfigError(f"[E162] No file or folder {name}.")


def uploads(files: list[Path]) -> Iterator[list[Path]]:
    """Group files into uploads of at most UPLOAD_BYTES (a larger file goes alone)."""
    group: list[Path] = []
    size = 0
    for path in files:
        bytes_ = path.stat().st_size
        if group and size + bytes_ > UPLOAD_BYTES:
            yield group
            group, size = [], 0
        group.append(path)
        size += bytes_
    if group:
        yield group


def ingest_through(url: str, paths: list[str], token: str | None,
                   on_job: Any = None) -> list[dict[str, Any]]:
    """Upload the inputs to the server at `url` and return each finished job's record
    (status, counts, errors); `on_job(record)` is called as each one ends."""
    import httpx

    if not token:
        raise ConfigError("[E163] Set MAREA_TOKEN to the server's token to ingest through it.")
    files = list(files_under(paths))
    headers = {"Authorization": f"Bearer {token}"}
    done: list[dict[str, Any]] = []
    try:
        with httpx.Client(base_url=url.rstrip("/"), headers=headers, timeout=120) as client:
            for group in uploads(files):
                handles = [path.open("rb") for path in group]
                try:
                    response = client.post("/ingest", files=[
                        ("files", (path.name, handle)) for path, handle in zip(
                            group, handles, strict=True)])
                finally:
                    for handle in handles:
                        handle.close()
                job = _answer(response, url)
                while job["status"] in ("queued", "running"):
                    time.sleep(POLL_SECONDS)
                    job = _answer(client.get(f"/jobs/{job['id']}"), url)
                done.append(job)
                if on_job:
                    on_job(job)
    except httpx.HTTPError as exc:
        raise StoreError(f"[E164] Server {url} did not answer: {exc}") from exc
    return done


def _answer(response: Any, url: str) -> dict[str, Any]:
    if response.status_code >= 400:
        try:
            detail = response.json().get("detail", response.text)
        except ValueError:
            detail = response.text
        raise StoreError(f"[E165] Server {url} refused ({response.status_code}): "
                         f"{' '.join(str(detail).split())[:300]}")
    found: dict[str, Any] = response.json()
    return found
