"""What every wizard page has: the shared answers and a line for what went wrong."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget, QWizardPage

from posdesk.services.setup import SetupAnswers


class AnswerPage(QWizardPage):
    def __init__(self, *, answers: SetupAnswers, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self.answers = answers
        self.message = QLabel(self)
        self.message.setObjectName("pageMessage")
        self.message.setWordWrap(True)
        self.body = QVBoxLayout(self)

    def finish_layout(self) -> None:
        """Put the message line under the page's own widgets."""
        self.body.addStretch(1)
        self.body.addWidget(self.message)

    def say(self, text: str) -> None:
        self.message.setText(text)
