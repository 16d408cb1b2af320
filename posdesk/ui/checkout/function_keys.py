"""The big function buttons, each labelled with its key, each also a keyboard shortcut."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QGridLayout, QPushButton, QSizePolicy, QWidget


@dataclass(frozen=True)
class FunctionKey:
    #: Object name, for tests and the stylesheet ("payKey").
    name: str
    #: The key as printed on the button ("F2", "+").
    caption: str
    label: str
    action: Callable[[], None]
    #: Shortcuts registered for it; empty when another part handles the key (`+`, `-`).
    shortcuts: tuple[str, ...] = ()


class FunctionKeys(QWidget):
    """A grid of touch-sized buttons; the same actions fire from their keys.

    Shortcuts live on `shortcut_scope` (the checkout screen) so they work wherever the
    focus is inside it, and never while a dialog is in front.
    """

    def __init__(self, keys: list[FunctionKey], *, shortcut_scope: QWidget, columns: int = 6,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(6)
        for i, spec in enumerate(keys):
            button = QPushButton(f"{spec.caption}\n{spec.label}", self)
            button.setObjectName(spec.name)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            button.setMinimumHeight(58)
            button.clicked.connect(spec.action)
            grid.addWidget(button, i // columns, i % columns)
            self.buttons[spec.name] = button
            for key in spec.shortcuts:
                shortcut = QShortcut(QKeySequence(key), shortcut_scope)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(spec.action)
