"""Errors of the media sub-package: sources, encoders, clip muxing and reading."""
from __future__ import annotations

from posdesk.recording.errors import RecordingError


class MediaError(RecordingError):
    """Base of every capture, encode, mux and decode failure."""


class SourceUnavailable(MediaError):
    """A camera, stream or file cannot be opened or has stopped delivering."""


class NoMicrophone(SourceUnavailable):
    """No audio input exists (no library, no device); record video-only and journal it."""


class EncoderError(MediaError):
    """The encoder refused a frame or its settings."""


class ClipError(MediaError):
    """A clip cannot be opened, written or finished."""
