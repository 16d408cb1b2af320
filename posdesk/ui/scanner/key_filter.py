"""Routing keys to the item entry line, so a scan lands there whatever has the focus.

An application-wide event filter watches key presses meant for the checkout window (never
for a dialog on top of it). Printable keys always go to the entry line: a scan that started
while the cashier's focus was on the cart must not trigger anything. Because every printable
key is claimed already at the shortcut stage, no shortcut can fire from a scanner's burst.
`+`/`-` are quantity keys only when a person types them on an empty entry line; inside a
burst they are part of the code. The timing decision is `BurstClassifier`'s.
"""
from __future__ import annotations

import logging
import time
from typing import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from ..checkout.entry_line import SOURCE_KEYBOARD, SOURCE_SCAN, EntryLine
from .burst import BurstClassifier, KeyKind

log = logging.getLogger(__name__)

#: Keys a scanner sends around characters (Shift for capitals) that must not break a burst.
MODIFIER_KEYS: frozenset[int] = frozenset({
    Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta, Qt.Key.Key_AltGr})
#: Enter on the main keyboard and on the number block.
ENTER_KEYS: frozenset[int] = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter})
#: Characters that are quantity keys when a person types them on an empty entry line.
QUANTITY_STEPS: dict[str, int] = {"+": 1, "-": -1}


class WedgeKeyFilter(QObject):
    """Install with `QApplication.instance().installEventFilter(filter)`.

    Signals:
        quantity_step(int): a person typed + (1) or - (-1) on an empty entry line.
    """

    quantity_step = Signal(int)

    def __init__(self, *, scope: QWidget, entry: EntryLine,
                 classifier: BurstClassifier | None = None,
                 now_ns: Callable[[], int] = time.monotonic_ns):
        super().__init__(scope)
        self._scope = scope
        self._entry = entry
        self._classifier = classifier or BurstClassifier()
        self._now_ns = now_ns

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return False
        if not self._is_ours(watched):
            return False
        assert isinstance(event, QKeyEvent)
        if kind == QEvent.Type.ShortcutOverride:
            return self._claim_printable(event)
        return self._on_key_press(watched, event)

    def _is_ours(self, watched: QObject) -> bool:
        """Only the first delivery of a key to the checkout window, with no dialog on top."""
        if not isinstance(watched, QWidget) or not self._scope.isVisible():
            return False
        if QApplication.activeModalWidget() is not None:
            return False
        focus = QApplication.focusWidget()
        target = focus if focus is not None else watched.window()
        if watched is not target or watched.window() is not self._scope.window():
            return False
        # Keys reach the bare window when nothing inside it has the focus.
        return watched is self._scope.window() or watched is self._scope or self._scope.isAncestorOf(watched)

    @staticmethod
    def _printable(event: QKeyEvent) -> str:
        text = event.text()
        mods = event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        return text if len(text) == 1 and text.isprintable() and not mods else ""

    def _claim_printable(self, event: QKeyEvent) -> bool:
        if self._printable(event):
            event.accept()  # accepted override: no shortcut fires, the key press follows
            return True
        return False

    def _on_key_press(self, watched: QObject, event: QKeyEvent) -> bool:
        key = event.key()
        if key in MODIFIER_KEYS:
            return False
        now = self._now_ns()
        if key in ENTER_KEYS:
            return self._on_enter(watched, self._classifier.feed_enter(now))
        char = self._printable(event)
        if not char:
            self._classifier.reset()
            return self._on_edit_key(watched, key)
        typed_alone = self._classifier.feed_char(now) is KeyKind.TYPED
        if typed_alone and char in QUANTITY_STEPS and not self._entry.text():
            self.quantity_step.emit(QUANTITY_STEPS[char])
            return True
        if watched is self._entry:
            return False
        # The focus stays where it is: the rest of a burst may already be on its way there.
        self._entry.insert(char)
        return True

    def _on_enter(self, watched: QObject, kind: KeyKind) -> bool:
        if kind is KeyKind.SCAN_END:
            log.debug("scan burst ended")
            self._entry.submit(SOURCE_SCAN)
            return True
        if watched is not self._entry and self._entry.text():
            self._entry.submit(SOURCE_KEYBOARD)
            return True
        return False

    def _on_edit_key(self, watched: QObject, key: int) -> bool:
        """Backspace fixes the entry line even while the focus is on the cart."""
        if key == Qt.Key.Key_Backspace and watched is not self._entry and self._entry.text():
            self._entry.backspace()
            return True
        return False
