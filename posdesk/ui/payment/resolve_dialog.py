"""A manager settles a card payment the terminal cannot account for.

Shown when the terminal cannot repeat its last receipt: the manager looks the payment up on
the terminal's own journal or end-of-day report and says whether the card was charged, and
where that was checked. The choice is journaled and audited by the service.
"""
from __future__ import annotations

from PySide6.QtWidgets import (QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout,
                               QWidget)


class ResolvePaymentDialog(QDialog):
    """Accepted with `charged` (True/False) and `reason` set; rejected leaves it unknown."""

    def __init__(self, *, amount: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("resolvePaymentDialog")
        self.setWindowTitle(self.tr("Resolve card payment"))
        self.charged: bool | None = None
        headline = QLabel(self.tr("Was the card charged {amount}?").format(amount=amount), self)
        headline.setObjectName("dialogHeadline")
        hint = QLabel(self.tr("Look it up on the terminal's own journal or end-of-day report, "
                              "then say where you checked."), self)
        hint.setWordWrap(True)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("resolveReason")
        self.reason.setPlaceholderText(self.tr("Checked on (e.g. terminal journal)"))
        self.charged_button = QPushButton(self.tr("Charged"), self)
        self.charged_button.setObjectName("resolveCharged")
        self.not_charged_button = QPushButton(self.tr("Not charged"), self)
        self.not_charged_button.setObjectName("resolveNotCharged")
        cancel = QPushButton(self.tr("Back (Esc)"), self)
        for button in (self.charged_button, self.not_charged_button, cancel):
            button.setAutoDefault(False)
            button.setMinimumHeight(52)
        self.charged_button.clicked.connect(lambda: self._choose(True))
        self.not_charged_button.clicked.connect(lambda: self._choose(False))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(cancel)
        buttons.addWidget(self.not_charged_button)
        buttons.addWidget(self.charged_button)
        layout = QVBoxLayout(self)
        layout.addWidget(headline)
        layout.addWidget(hint)
        layout.addWidget(self.reason)
        layout.addLayout(buttons)
        self.reason.setFocus()

    def _choose(self, charged: bool) -> None:
        self.charged = charged
        self.accept()
