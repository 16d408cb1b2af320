"""Named points in the completion and sealing sequence where a test stops the process dead.

A power cut can come between any two steps (sale committed / receipt printed / chain entry
written / manifest beside the clip / pending note removed). Racing a `kill -9` against those
steps proves little, so each step calls `reached(name)`, and a fault-injection run sets
`POSDESK_CRASH_AT=name` (or `name:N` for the N-th time) to have the process killed right
there, as abruptly as the kernel would: no `finally`, no flush, no atexit.

Without the variable `reached` returns at once; it imports nothing of posdesk, so every
layer may mark its steps.
"""
from __future__ import annotations

import os
import signal
import threading

#: The environment variable naming the crash point (and optionally the N-th pass).
ENV = "POSDESK_CRASH_AT"

_passes: dict[str, int] = {}
_lock = threading.Lock()


def reached(name: str) -> None:
    """Die here if this run was told to (see module docstring); otherwise do nothing."""
    wanted = os.environ.get(ENV)
    if not wanted or wanted.split(":", 1)[0] != name:
        return
    target = int(wanted.split(":", 1)[1]) if ":" in wanted else 1
    with _lock:
        _passes[name] = _passes.get(name, 0) + 1
        if _passes[name] != target:
            return
    if hasattr(signal, "SIGKILL"):
        os.kill(os.getpid(), signal.SIGKILL)
    os._exit(137)  # Windows: no SIGKILL, end without cleanup all the same
