"""glibc malloc settings for a long ingest, so its resident memory stays flat as the corpus grows.

glibc serves a large allocation with its own mmap (returned to the system when freed) until one
such block is freed; it then raises its mmap threshold to that block's size, up to 32 MB, and
serves later large allocations (spaCy's and numpy's per-batch arrays, the ONNX feature
buffers) from the heap, where they fragment it and stay resident after they are freed. Setting
the threshold once fixes it, so temporary arrays over it always go back to the system.
"""

from __future__ import annotations

import ctypes
import ctypes.util

# Allocations of at least this many bytes get their own mmap. glibc's starting value, set
# explicitly so it is never raised: over the first 160 articles of benchmarks/ingest.py the
# after-batch RSS rose 786 -> 1042 MB with glibc's moving threshold and 740 -> 935 MB with it
# fixed from process start (MALLOC_MMAP_THRESHOLD_=131072; one process each, same corpus),
# the rest of that rise being DuckDB's; other values were not measured.
MMAP_THRESHOLD = 128 * 1024
M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3  # mallopt's parameter numbers in glibc's malloc.h


def fix_mmap_threshold() -> bool:
    """Fix glibc's mmap threshold at MMAP_THRESHOLD for this process; False where the C
    library is not glibc (nothing to do there)."""
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name)
    except OSError:
        return False
    mallopt = getattr(libc, "mallopt", None)
    if mallopt is None or not hasattr(libc, "gnu_get_libc_version"):
        return False
    # the heap's free top is given back past the same size (glibc raises it with the other)
    return bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD)
                and mallopt(M_TRIM_THRESHOLD, MMAP_THRESHOLD))
