"""A non-blocking message line in the checkout window.

Unknown barcodes, refused actions and device warnings appear here instead of in a modal box:
the cashier keeps scanning, and the message stays until the next good entry or a timeout.
"""
from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

#: How long a message stays when nothing replaces it.
SHOW_MS: int = 8000


class Level(Enum):
    INFO = "info"
    WARNING = "warning"


class NoticeBar(QLabel):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("noticeBar")
        self.setWordWrap(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.dismiss)
        self.dismiss()

    def show_message(self, text: str, level: Level = Level.WARNING) -> None:
        self.setText(text)
        self.setProperty("level", level.value)
        # Re-polish so the stylesheet picks up the new level.
        self.style().unpolish(self)
        self.style().polish(self)
        self.setVisible(True)
        self._timer.start(SHOW_MS)

    def dismiss(self) -> None:
        self.clear()
        self.setVisible(False)
