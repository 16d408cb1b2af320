"""Errors of the evidence layer (manifests, chain, recovery, retention)."""
from __future__ import annotations

from ..errors import RecordingError


class EvidenceError(RecordingError):
    """Base of every evidence failure; the message names the file."""


class ChainLogCorrupt(EvidenceError):
    """The chain log holds a line that is not a signed entry (not a torn last line)."""


class ClipNotFound(EvidenceError):
    """A clip the caller named does not exist under the data dir."""


class NotRecoverable(EvidenceError):
    """An interrupted sealed clip has no whole encrypted chunk to keep."""


class UnsafePath(EvidenceError):
    """A path read from the chain, a manifest or a pending note leads outside the data dir."""
