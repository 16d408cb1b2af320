"""The login screen: choose your name, type your PIN, Enter (or, with PIN-only login, the
PIN alone).

The name comes first so that two people may share a PIN without either learning it, and so
wrong PINs count against the person they were typed for (`ui.login` in the settings).
"""
from __future__ import annotations

import logging
from typing import Any, Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from posdesk.core.permissions import Operator

from ..i18n import translate
from ..user_errors import user_text
from ..widgets.name_picker import NamePicker
from ..widgets.pin_field import PinField

log = logging.getLogger(__name__)

Login = Callable[[str, "str | None"], Operator]


class LoginScreen(QWidget):
    """Signals:
        logged_in(object): the `Operator` who logged in.
    """

    logged_in = Signal(object)

    def __init__(self, *, login: Login, user_names: Callable[[], list[str]], names_first: bool = True,
                 store_name: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("loginScreen")
        self._login = login
        self._user_names = user_names
        self.names_first = names_first
        self._name: str | None = None
        title = QLabel(store_name or "posdesk", self)
        title.setObjectName("loginTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.prompt = QLabel(self)
        self.prompt.setObjectName("loginPrompt")
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.users = NamePicker(self)
        self.users.setFixedWidth(260)
        self.users.setVisible(names_first)
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
        layout.addWidget(self.prompt)
        layout.addSpacing(16)
        layout.addLayout(row)
        layout.addStretch(2)
        self.users.chosen.connect(self.on_name_chosen)
        self.pin.submitted.connect(self.on_pin_submitted)

    def reset(self) -> None:
        """Fresh for the next person: names reloaded, no name chosen, PIN empty."""
        if self.names_first:
            self.users.set_names(self._user_names())
        self.pin.reset()
        self._choose(None)

    def take_focus(self) -> None:
        """Keys go where the next person starts: the name filter, or the PIN."""
        (self.users.filter if self.names_first and self._name is None else self.pin.edit).setFocus()

    def chosen_name(self) -> str | None:
        return self._name

    def on_name_chosen(self, name: str) -> None:
        self._choose(name)
        self.pin.reset()

    def on_pin_submitted(self, pin: str) -> None:
        try:
            user = self._login(pin, self._name)
        except Exception as e:
            text = user_text(e)
            if text is None:
                raise
            log.info("login refused: %s", e)
            self.pin.show_error(translate(text))
            self.take_focus()
            return
        self.pin.reset()
        self.logged_in.emit(user)

    def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802 - Qt's name
        """In the PIN field, ↑↓ choose another name and Esc goes back to the names, so the
        hands never leave the keys."""
        if (self.names_first and watched is self.pin.edit and isinstance(event, QKeyEvent)
                and event.type() == QKeyEvent.Type.KeyPress):
            if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self.users.step(-1 if event.key() == Qt.Key.Key_Up else 1)
                name = self.users.current_name()
                if name is not None:
                    self._choose(name)
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.pin.reset()
                self._choose(None)
                self.users.filter.selectAll()
                self.take_focus()
                return True
        return super().eventFilter(watched, event)

    def _choose(self, name: str | None) -> None:
        self._name = name
        if not self.names_first:
            self.prompt.setText(self.tr("Type your PIN"))
        elif name is None:
            self.prompt.setText(self.tr("Choose your name (type it, ↑↓, Enter), then type your PIN"))
        else:
            self.prompt.setText(self.tr("PIN for {name} (Esc: another name)").format(name=name))
