"""Asking the manager passphrase that unlocks the recordings (scrypt runs on the worker)."""
from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout,
                               QWidget)

from posdesk.core.i18n import Text

from ..i18n import translate
from ..user_errors import user_text
from .tasks import BackgroundTasks


class UnlockDialog(QDialog):
    """Accepted once `unlock(passphrase)` succeeded; a refusal is shown and it asks again."""

    def __init__(self, *, unlock: Callable[[str], None], tasks: BackgroundTasks,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("unlockDialog")
        self.setWindowTitle(self.tr("Unlock recordings"))
        self._unlock, self._tasks = unlock, tasks
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Manager passphrase:"), self))
        self.passphrase = QLineEdit(self)
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        layout.addWidget(self.passphrase)
        self.message = QLabel("", self)
        self.message.setObjectName("unlockMessage")
        self.message.setStyleSheet("color: #b00020;")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.on_submit)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout.addWidget(buttons)
        self.passphrase.setFocus()

    def on_submit(self) -> None:
        if not self.ok_button.isEnabled():
            return
        self.ok_button.setEnabled(False)
        self.message.setText(self.tr("Unlocking…"))
        self._tasks.run(lambda: self._unlock(self.passphrase.text()), lambda _: self.accept(),
                        self.on_refused)

    def on_refused(self, error: BaseException) -> None:
        text = user_text(error)
        self.message.setText(translate(text) if isinstance(text, Text) else str(error))
        self.passphrase.selectAll()
        self.passphrase.setFocus()
        self.ok_button.setEnabled(True)
