"""Logging that stays readable when things go wrong: never a flood, never a crash.

A full disk makes every write fail, and every failure is logged: without limits the
terminal fills with hundreds of copies of one line and, because the log file lives on the
same full disk, with `--- Logging error ---` tracebacks from the logging module itself.
Here a message repeated within a window is shown once (then a count of what was held back),
and a log file that cannot be written says so once per window on stderr, in one line.
"""
from __future__ import annotations

import logging
import logging.handlers
import sys
import time
from typing import Callable, TextIO

#: Seconds within which a repeated message (same logger, level and text) is shown once.
REPEAT_WINDOW_S: float = 30.0


class RepeatFilter(logging.Filter):
    """Lets a message through once per `window` seconds; the next one that passes says how
    many copies were held back."""

    def __init__(self, window: float = REPEAT_WINDOW_S, clock: Callable[[], float] = time.monotonic):
        super().__init__()
        self._window = window
        self._clock = clock
        self._seen: dict[tuple[str, int, str], tuple[float, int]] = {}

    def filter(self, record: logging.LogRecord) -> bool:
        # Each handler has its own filter and sees the same record: key on the text as logged,
        # before any filter added its count.
        original = record.__dict__.setdefault("repeat_key", str(record.msg))
        key = (record.name, record.levelno, original)
        now = self._clock()
        shown_at, held = self._seen.get(key, (float("-inf"), 0))
        if now - shown_at < self._window:
            self._seen[key] = (shown_at, held + 1)
            return False
        self._seen[key] = (now, 0)
        if held:
            record.msg = f"{original} (and {held} more like it)"
        if len(self._seen) > 1000:  # a bounded memory of messages, oldest first out
            del self._seen[next(iter(self._seen))]
        return True


class SafeFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log file whose own write errors (disk full, removed folder) become one
    line on stderr per window instead of a traceback per record."""

    def __init__(self, *args: object, window: float = REPEAT_WINDOW_S, **kwargs: object):
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._window = window
        self._complained_at = float("-inf")

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        now = time.monotonic()
        if now - self._complained_at < self._window:
            return
        self._complained_at = now
        error = sys.exc_info()[1]
        try:
            sys.stderr.write(f"posdesk: cannot write the log file {self.baseFilename}: {error}\n")
        except Exception:  # noqa: BLE001 - nowhere left to report to
            pass


    def close(self) -> None:
        try:
            super().close()
        except OSError:  # the last buffered lines could not be written: already reported
            pass


class SafeStreamHandler(logging.StreamHandler[TextIO]):
    """The terminal handler; a closed or broken terminal never raises into the till."""

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        pass
