"""Real-time printer status: DLE EOT 1-4 asked over the port and parsed into one value.

The printer answers DLE EOT even while offline or out of paper, so the status can be read
before printing (do not send a receipt into a printer without paper) and after (did it
run out during this receipt?).
"""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Protocol

from posdesk.core.i18n import QT_TRANSLATE_NOOP, Text

from . import commands as cmd
from .errors import StatusUnavailable

log = logging.getLogger(__name__)

#: How long one DLE EOT answer may take; Epson answers within a few ms of receiving it.
STATUS_ANSWER_TIMEOUT_S: float = 0.5


@dataclass(frozen=True)
class PrinterStatus:
    online: bool
    cover_open: bool = False
    paper_out: bool = False
    paper_near_end: bool = False
    #: None when the printer's drawer switch is not wired or not asked.
    drawer_open: bool | None = None
    error: bool = False

    @property
    def can_print(self) -> bool:
        return self.online and not (self.cover_open or self.paper_out or self.error)

    def problem(self) -> Text | None:
        """What the cashier should fix, or None when the printer is ready."""
        if self.cover_open:
            return QT_TRANSLATE_NOOP("PrinterStatus", "The printer cover is open.")
        if self.paper_out:
            return QT_TRANSLATE_NOOP("PrinterStatus", "The printer is out of paper.")
        if self.error:
            return QT_TRANSLATE_NOOP("PrinterStatus", "The printer reports an error.")
        if not self.online:
            return QT_TRANSLATE_NOOP("PrinterStatus", "The printer is offline.")
        return None


def is_status_byte(b: int) -> bool:
    """Whether `b` has the fixed bits every DLE EOT answer carries."""
    return b & cmd.STATUS_FIXED_MASK == cmd.STATUS_FIXED_VALUE


def parse_status(printer: int, offline: int, error: int, paper: int, *,
                 drawer_open_level_high: bool | None = True) -> PrinterStatus:
    """The answers to DLE EOT 1, 2, 3 and 4 as one status.

    `drawer_open_level_high` says which pin-3 level means "open"; None when no drawer
    switch is wired (then the bit means nothing).
    """
    drawer: bool | None = None
    if drawer_open_level_high is not None:
        high = bool(printer & cmd.PRINTER_DRAWER_PIN3)
        drawer = high == drawer_open_level_high
    return PrinterStatus(
        online=not printer & cmd.PRINTER_OFFLINE,
        cover_open=bool(offline & cmd.OFFLINE_COVER_OPEN),
        paper_out=bool(offline & cmd.OFFLINE_PAPER_END) or paper & cmd.PAPER_END == cmd.PAPER_END,
        paper_near_end=paper & cmd.PAPER_NEAR_END == cmd.PAPER_NEAR_END,
        drawer_open=drawer,
        error=bool(offline & cmd.OFFLINE_ERROR)
        or bool(error & (cmd.ERROR_AUTOCUTTER | cmd.ERROR_UNRECOVERABLE | cmd.ERROR_AUTO_RECOVERABLE)),
    )


class StatusPort(Protocol):
    """What a status query needs of a port: pyserial's Serial fits."""

    name: str | None

    def write(self, data: bytes) -> int | None: ...
    def read(self, size: int = 1) -> bytes: ...
    def reset_input_buffer(self) -> None: ...


def ask(port: StatusPort, n: int, timeout_s: float = STATUS_ANSWER_TIMEOUT_S) -> int:
    """Send DLE EOT `n` and return the answer byte, or raise `StatusUnavailable`."""
    port.write(cmd.STATUS_QUERY + bytes((n,)))
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        for b in port.read(1):
            if is_status_byte(b):
                return b
            log.debug("ignoring non-status byte %02x from %s", b, port.name)
    raise StatusUnavailable(f"printer on {port.name} did not answer DLE EOT {n}")


def query_status(port: StatusPort, *, drawer_open_level_high: bool | None = True,
                 timeout_s: float = STATUS_ANSWER_TIMEOUT_S) -> PrinterStatus:
    """Ask all four real-time statuses of the printer on `port`."""
    port.reset_input_buffer()
    answers = [ask(port, n, timeout_s) for n in (
        cmd.STATUS_PRINTER, cmd.STATUS_OFFLINE_CAUSE, cmd.STATUS_ERROR_CAUSE, cmd.STATUS_PAPER)]
    return parse_status(*answers, drawer_open_level_high=drawer_open_level_high)
