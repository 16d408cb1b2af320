"""The PIN login screen: pick your name (or not), type your PIN, Enter.

Picking a name lets the database count wrong PINs against that person and lock the account
after too many; a PIN alone also logs in, for speed at a busy till.
"""
from __future__ import annotations

import logging
from typing import Any, Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QVBoxLayout, QWidget

from ..i18n import translate
from ..user_errors import user_text
from ..widgets.pin_field import PinField

log = logging.getLogger(__name__)

Login = Callable[[str, "str | None"], Any]


class LoginScreen(QWidget):
    """Signals:
        logged_in(object): the user record of whoever logged in.
    """

    logged_in = Signal(object)

    def __init__(self, *, login: Login, user_names: Callable[[], list[str]], store_name: str = "",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("loginScreen")
        self._login = login
        self._user_names = user_names
        title = QLabel(store_name or "posdesk", self)
        title.setObjectName("loginTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        prompt = QLabel(self.tr("Choose your name (↑↓) and type your PIN"), self)
        prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.users = QListWidget(self)
        self.users.setObjectName("loginUsers")
        self.users.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.users.setFixedWidth(240)
        self.pin = PinField(self)
        self.pin.setFixedWidth(320)
        self.pin.edit.installEventFilter(self)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.users)
        row.addSpacing(24)
        row.addWidget(self.pin)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(title)
        layout.addWidget(prompt)
        layout.addSpacing(16)
        layout.addLayout(row)
        layout.addStretch(2)
        self.pin.submitted.connect(self.on_pin_submitted)

    def reset(self) -> None:
        """Fresh for the next person: names reloaded, no name chosen, PIN empty."""
        self.users.clear()
        self.users.addItems(self._user_names())
        self.users.setCurrentRow(-1)
        self.users.clearSelection()
        self.pin.reset()

    def chosen_name(self) -> str | None:
        item = self.users.currentItem()
        return item.text() if item is not None and item.isSelected() else None

    def on_pin_submitted(self, pin: str) -> None:
        try:
            user = self._login(pin, self.chosen_name())
        except Exception as e:
            text = user_text(e)
            if text is None:
                raise
            log.info("login refused: %s", e)
            self.pin.show_error(translate(text))
            return
        self.pin.reset()
        self.logged_in.emit(user)

    def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802 - Qt's name
        """Up/Down in the PIN field choose the name, so the hands never leave the keys."""
        if watched is self.pin.edit and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                step = -1 if event.key() == Qt.Key.Key_Up else 1
                row = max(0, min(self.users.count() - 1, self.users.currentRow() + step))
                self.users.setCurrentRow(row)
                return True
        return super().eventFilter(watched, event)
