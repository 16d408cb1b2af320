"""Errors of the recording layer. Sub-packages subclass `RecordingError`."""
from __future__ import annotations


class RecordingError(Exception):
    """Base of every recording, sealing and verification failure."""
