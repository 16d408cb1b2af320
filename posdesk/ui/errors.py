"""Errors raised by the user interface itself."""
from __future__ import annotations


class UiError(Exception):
    """Base of the UI's own failures."""


class DemoStepFailed(UiError):
    """A scripted demo step did not lead where it should (a dialog did not open, a sale did
    not finish): the message says which step and what was on screen instead."""
