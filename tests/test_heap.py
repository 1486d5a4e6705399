"""glibc's mmap threshold fixed for an ingest (marea/heap.py): a large block freed no longer
sends the next large allocations to the heap, where they would stay resident."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from pathlib import Path

import pytest

SRC = str(Path(__file__).resolve().parents[1] / "src")

# In a fresh process: optionally fix the threshold, then allocate and free a block larger
# than all the heap's free space (so glibc must map it), then one 1 MB smaller; print
# whether each was given its own mmap (mallinfo2's count of mapped blocks rose).
PROBE = """
import ctypes, sys
from marea.heap import fix_mmap_threshold
libc = ctypes.CDLL("libc.so.6")
libc.malloc.restype, libc.malloc.argtypes = ctypes.c_void_p, [ctypes.c_size_t]
libc.free.argtypes = [ctypes.c_void_p]
class Info(ctypes.Structure):
    _fields_ = [(n, ctypes.c_size_t) for n in ("arena", "ordblks", "smblks", "hblks",
                "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")]
libc.mallinfo2.restype = Info
def mapped(size):
    before = libc.mallinfo2().hblks
    block = libc.malloc(size)
    own = libc.mallinfo2().hblks > before
    libc.free(block)
    return own
fixed = sys.argv[1] == "fix" and fix_mmap_threshold()
size = libc.mallinfo2().fordblks + (2 << 20)
print(fixed, mapped(size), mapped(size - (1 << 20)))
"""


def probe(fix: bool) -> list[str]:
    env = {**os.environ, "PYTHONPATH": SRC}
    env.pop("MALLOC_MMAP_THRESHOLD_", None)
    out = subprocess.run([sys.executable, "-c", PROBE, "fix" if fix else "no"], env=env,
                         check=True, capture_output=True, text=True).stdout
    return out.split()


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="glibc's malloc only")
def test_fixed_threshold_keeps_large_blocks_mapped_after_a_larger_one_is_freed() -> None:
    assert probe(fix=False) == ["False", "True", "False"]  # glibc raised its threshold
    assert probe(fix=True) == ["True", "True", "True"]
