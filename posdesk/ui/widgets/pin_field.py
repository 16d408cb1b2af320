"""A masked PIN field with its keypad and a line for what went wrong."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from .keypad import Keypad

#: PINs are 4 to 8 digits.
PIN_PATTERN: str = r"\d{0,8}"


class PinField(QWidget):
    """Type or touch a PIN; Enter submits it.

    Signals:
        submitted(str): the PIN the user entered.
    """

    submitted = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("pinEdit")
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setValidator(QRegularExpressionValidator(PIN_PATTERN, self.edit))
        self.edit.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.edit.setPlaceholderText(self.tr("PIN"))
        self.message = QLabel(self)
        self.message.setObjectName("errorMessage")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.keypad = Keypad(parent=self)
        self.keypad.attach(self.edit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.message)
        layout.addWidget(self.keypad)
        self.edit.returnPressed.connect(self._submit)
        self.keypad.submitted.connect(self._submit)

    def show_error(self, text: str) -> None:
        """Say what went wrong and clear the PIN for the next try."""
        self.message.setText(text)
        self.edit.clear()
        self.edit.setFocus()

    def reset(self) -> None:
        self.message.clear()
        self.edit.clear()
        self.edit.setFocus()

    def _submit(self) -> None:
        if self.edit.text():
            self.submitted.emit(self.edit.text())
