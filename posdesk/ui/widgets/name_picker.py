"""Choosing one's name from a list: type to narrow it, ↑↓ to move, Enter or a tap to choose."""
from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

log = logging.getLogger(__name__)


class NamePicker(QWidget):
    """A filter line above the list of names. The list never takes the focus, so the keys
    stay in the filter line; a tap on a name chooses it at once.

    Signals:
        chosen(str): the name picked with Enter or a tap.
    """

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.filter = QLineEdit(self)
        self.filter.setObjectName("nameFilter")
        self.filter.setPlaceholderText(self.tr("Type your name"))
        self.names = QListWidget(self)
        self.names.setObjectName("nameList")
        self.names.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # Rows big enough for a finger on a touch screen.
        font = self.names.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.names.setFont(font)
        self.names.setSpacing(4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.names)
        self.filter.textChanged.connect(self.on_filter_changed)
        self.filter.returnPressed.connect(self.on_return_pressed)
        self.names.itemClicked.connect(self.on_item_clicked)
        self.filter.installEventFilter(self)

    def set_names(self, names: list[str]) -> None:
        self.names.clear()
        self.names.addItems(names)
        self.filter.clear()
        self.on_filter_changed("")

    def current_name(self) -> str | None:
        """The highlighted name, if it is one the filter still shows."""
        item = self.names.currentItem()
        return item.text() if item is not None and not item.isHidden() else None

    def step(self, by: int) -> None:
        """Move the highlight `by` rows among the names the filter shows."""
        shown = self._shown()
        if not shown:
            return
        here = shown.index(self.names.currentItem()) if self.names.currentItem() in shown else -1
        self.names.setCurrentItem(shown[max(0, min(len(shown) - 1, here + by))])

    def on_filter_changed(self, text: str) -> None:
        wanted = text.strip().casefold()
        for row in range(self.names.count()):
            item = self.names.item(row)
            item.setHidden(wanted not in item.text().casefold())
        shown = self._shown()
        # The best guess is highlighted, so Enter alone chooses it.
        self.names.setCurrentItem(shown[0] if shown and wanted else None)

    def on_return_pressed(self) -> None:
        name = self.current_name()
        if name is not None:
            self.chosen.emit(name)

    def on_item_clicked(self, item: QListWidgetItem) -> None:
        self.names.setCurrentItem(item)
        self.chosen.emit(item.text())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.filter and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self.step(-1 if event.key() == Qt.Key.Key_Up else 1)
                return True
        return super().eventFilter(watched, event)

    def _shown(self) -> list[QListWidgetItem]:
        return [self.names.item(r) for r in range(self.names.count()) if not self.names.item(r).isHidden()]
