"""Named points where the kill tests stop an ingest with SIGKILL, as a power cut would.

Only tests set MAREA_TEST_KILL_AT; unset (always, outside tests) crash_point does nothing.
"""

from __future__ import annotations

import os
import signal

KILL_ENV = "MAREA_TEST_KILL_AT"


def crash_point(phase: str) -> None:
    """Kill this process here, now, if the tests asked for `phase`."""
    if os.environ.get(KILL_ENV) == phase:
        os.kill(os.getpid(), signal.SIGKILL)
