"""The prompt at login when a crash left an unfinished sale behind."""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from ..formatting import local_time_text, money_text


class RecoveryDialog(QDialog):
    """One way out: resume. A sale the camera and journal began is never silently dropped;
    the cashier can void it (with a manager) once it is back on screen."""

    def __init__(self, *, sale: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Unfinished sale"))
        self.setObjectName("recoveryDialog")
        headline = QLabel(self.tr("An unfinished sale was found — resume it."), self)
        headline.setObjectName("dialogHeadline")
        headline.setWordWrap(True)
        started = sale.events[0].utc if sale.events else None
        details = QLabel(self.tr("{lines} lines, total {total}, started {time} by {cashier}").format(
            lines=len(sale.active_lines), total=money_text(sale.total),
            time=local_time_text(started) if started else "?", cashier=sale.cashier), self)
        details.setWordWrap(True)
        resume = QPushButton(self.tr("Resume (Enter)"), self)
        resume.setObjectName("resumeRecovered")
        resume.setDefault(True)
        resume.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(headline)
        layout.addWidget(details)
        layout.addWidget(resume)
        resume.setFocus()

    def reject(self) -> None:
        """Esc resumes too: there is nothing else to do with an interrupted sale."""
        self.accept()
