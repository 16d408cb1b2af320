"""The item entry line: barcodes, PLUs, `qty*code`, and search text."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget


#: Where an entry came from, as the journal records it.
SOURCE_SCAN: str = "scan"
SOURCE_KEYBOARD: str = "keyboard"
SOURCE_TOUCH: str = "touch"


class EntryLine(QLineEdit):
    """Signals:
        submitted(str, str): the entered text and its source (scan, keyboard, touch).
        navigate(int): Up (-1) or Down (+1): walk the cart without leaving the line.
    """

    submitted = Signal(str, str)
    navigate = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("entryLine")
        self.setPlaceholderText(self.tr("Scan or type a barcode, PLU or 3*code"))
        self.setClearButtonEnabled(True)
        self.returnPressed.connect(lambda: self.submit(SOURCE_KEYBOARD))

    def submit(self, source: str) -> None:
        """Hand the text on and clear the line; empty lines are ignored."""
        text = self.text().strip()
        self.clear()
        if text:
            self.submitted.emit(text, source)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Up:
            self.navigate.emit(-1)
        elif event.key() == Qt.Key.Key_Down:
            self.navigate.emit(1)
        else:
            super().keyPressEvent(event)
