"""What the recording side reports to the app: the recorder's life and the evidence signed.

The process supervisor reports `RecorderUp`, `RecorderDown` and the recorder's own
`RecorderWarning`s; the evidence service reports `ManifestSigned` and `EvidenceFailed`.
Both call one listener from their own threads; the app's recording service turns the
events into journal notes, database rows and what the cashier sees.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Callable, TypeVar

from ..core.clock import Instant
from .evidence.manifest import Entry
from .messages import RecorderWarning

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RecorderUp:
    pid: int
    restarts: int


@dataclass(frozen=True)
class RecorderDown:
    """The recorder died; the app journals a recording gap for every sale in `sales`."""

    at: Instant
    reason: str
    sales: tuple[str, ...]


@dataclass(frozen=True)
class ManifestSigned:
    """A sale's evidence entry is in the chain (status complete, truncated or no-clip)."""

    sale_id: str
    entry: Entry


@dataclass(frozen=True)
class EvidenceFailed:
    sale_id: str
    error: str


RecorderEvent = RecorderUp | RecorderDown | ManifestSigned | EvidenceFailed | RecorderWarning

EventT = TypeVar("EventT")


def notify(listener: Callable[[EventT], None], event: EventT) -> None:
    """Hand `event` to `listener`; a listener that raises is logged, because it must not
    stop the thread that watches the recorder or signs the evidence."""
    try:
        listener(event)
    except Exception:  # noqa: BLE001 - see the docstring
        log.exception("recording event listener failed on %s", type(event).__name__)
