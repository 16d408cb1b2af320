"""Errors raised by the user interface itself."""
from __future__ import annotations

from posdesk.core.i18n import QT_TRANSLATE_NOOP, Text


class UiError(Exception):
    """Base of the UI's own failures."""


class DemoStepFailed(UiError):
    """A scripted demo step did not lead where it should (a dialog did not open, a sale did
    not finish): the message says which step and what was on screen instead."""


class UiRefusal(UiError):
    """A request the window turns down; `text` tells the user why."""

    def __init__(self, message: str, text: Text):
        super().__init__(message)
        self.text = text


class DeviceMissing(UiRefusal):
    """The cashier asked for a device this lane does not have."""


def no_card_terminal() -> DeviceMissing:
    return DeviceMissing("no card terminal is configured",
                         QT_TRANSLATE_NOOP("Devices", "No card terminal is set up on this lane."))


def no_printer() -> DeviceMissing:
    return DeviceMissing("no receipt printer is configured",
                         QT_TRANSLATE_NOOP("Devices", "No receipt printer is set up on this lane."))
