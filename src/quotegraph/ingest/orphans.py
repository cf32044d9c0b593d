"""Worker processes end when the process that started them dies, however it dies.

A worker blocked reading its task pipe would otherwise outlive a parent killed with SIGKILL,
re-parented to init and holding its spaCy pipeline's memory for good. On Linux the kernel is
asked to send the worker SIGKILL when its parent goes (prctl PR_SET_PDEATHSIG); everywhere, a
daemon thread also watches the parent's pid and ends the worker when it changes, which covers
systems without prctl and the moment between fork and the prctl call.
"""
from __future__ import annotations

import os
import signal
import sys
import threading

PR_SET_PDEATHSIG = 1  # linux/prctl.h
WATCH_SECONDS = 0.5


def end_with_parent(parent: int) -> None:
    """Make this process end when the process `parent` (its parent when called) is gone."""
    _ask_the_kernel()
    if os.getppid() != parent:  # the parent died before we were bound to it
        os._exit(1)
    threading.Thread(target=_watch, args=(parent,), name="quotegraph-parent-watch", daemon=True).start()


def _ask_the_kernel() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch(parent: int) -> None:
    import time

    while os.getppid() == parent:
        time.sleep(WATCH_SECONDS)
    os._exit(1)
