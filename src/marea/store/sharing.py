"""Sharing a store with a running server: a published snapshot for readers in other processes.

DuckDB lets one process open a database file to write, and then no other process may open it
at all, not even read-only (checked on DuckDB 1.5.5: the second open fails with "Could not
set lock on file ... Conflicting lock is held"); read-only opens coexist only with other
read-only opens. So `marea serve`, which writes (ingest jobs), holds the file, and publishes:

- `STORE.serving`: its URL and process id, while it runs, so that a writer (`marea ingest`)
  is told in one line to ingest through the server instead;
- `STORE.snapshot`: a copy of the store taken after a checkpoint, at start and after every
  ingest job, written beside and renamed over the last one (a reader that has the old one
  open keeps reading it). A reader (`marea status`, `marea.open()`) that finds the store
  locked by the server opens the snapshot read-only: it sees the corpus as of the server's
  last completed job.

The copy is `cp --reflink=auto`: on file systems with reflinks (XFS, btrfs) a copy-on-write
clone, instant and without doubling the disk used; elsewhere a plain copy.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

from marea.errors import StoreError

LOCK_MESSAGE = "Could not set lock on file"  # DuckDB's IOException for a file held elsewhere


def marker_path(db: str) -> Path:
    return Path(db + ".serving")


def snapshot_path(db: str) -> Path:
    return Path(db + ".snapshot")


def locked(exc: BaseException) -> bool:
    """Whether DuckDB refused to open a file because another process holds it."""
    return LOCK_MESSAGE in str(exc)


def server_of(db: str) -> dict[str, Any] | None:
    """The running server that holds `db` ({"url", "pid"}), or None when none announced
    itself or its process is gone (a killed server leaves its marker behind)."""
    try:
        found = json.loads(marker_path(db).read_text(encoding="utf-8"))
        os.kill(int(found["pid"]), 0)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return found if isinstance(found, dict) else None


def announce(db: str, url: str) -> None:
    """Write the marker saying this process serves `db` at `url`."""
    marker = marker_path(db)
    temporary = marker.with_name(marker.name + ".tmp")
    temporary.write_text(json.dumps({"url": url, "pid": os.getpid()}), encoding="utf-8")
    os.replace(temporary, marker)


def withdraw(db: str) -> None:
    """Remove the marker and the snapshot (a stopped server's snapshot would go stale)."""
    for path in (marker_path(db), snapshot_path(db)):
        path.unlink(missing_ok=True)


def publish_snapshot(db: str) -> Path:
    """Copy the checkpointed store file to its snapshot, atomically (the caller checkpointed
    and holds the only writer, so the file does not change during the copy)."""
    target = snapshot_path(db)
    temporary = target.with_name(target.name + ".tmp")
    _copy(Path(db), temporary)
    os.replace(temporary, target)
    return target


def _copy(source: Path, target: Path) -> None:
    """Copy a file in a child process (`cp --reflink=auto`: a clone where the file system can).

    Not in this process: POSIX drops every lock a process holds on a file when it closes any
    descriptor of that file, so opening and closing the store here would release DuckDB's
    lock and let other processes write under the server.
    """
    done = subprocess.run(["cp", "--reflink=auto", str(source), str(target)],
                          capture_output=True, text=True, check=False)
    if done.returncode:
        raise StoreError(f"[E166] Can't publish a snapshot of {source}: "
                         f"{done.stderr.strip() or done.returncode}")
