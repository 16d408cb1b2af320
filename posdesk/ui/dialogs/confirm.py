"""A yes/no question: Enter says yes, Esc says no.

Used for the age check before an age-restricted item and before voiding a whole sale.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class ConfirmDialog(QDialog):
    """Accepted on yes; rejected on no."""

    def __init__(self, *, name: str, title: str, question: str, yes: str, no: str, hint: str = "",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        label = QLabel(question, self)
        label.setObjectName("dialogHeadline")
        label.setWordWrap(True)
        yes_button = QPushButton(yes, self)
        yes_button.setObjectName("confirmYes")
        yes_button.setDefault(True)
        no_button = QPushButton(no, self)
        no_button.setAutoDefault(False)
        no_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        yes_button.clicked.connect(self.accept)
        no_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(no_button)
        buttons.addWidget(yes_button)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        if hint:
            layout.addWidget(QLabel(hint, self))
        layout.addLayout(buttons)
        yes_button.setFocus()
