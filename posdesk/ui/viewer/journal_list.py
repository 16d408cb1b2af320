"""The journal beside the video: one line per event, the current one highlighted, and a
click (or Enter) on a line seeks the player to it."""
from __future__ import annotations

import bisect

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from posdesk.services.viewer import JournalLine

from .labels import mark_label

def event_text(line: JournalLine) -> str:
    # The event's own words, as burnt into the clip's subtitles (the PDF and JSON have all
    # of its data); a gap's cause is what a manager most needs to see of it.
    at = f"{line.offset_s:7.2f}s" if line.offset_s is not None else "      —"
    cause = line.data.get("cause") or line.data.get("reason")
    detail = f" — {cause}" if cause else ""
    mark = f"  ⚑ {mark_label(line.mark)}" if line.mark else ""
    return f"{at}  #{line.seq} {line.text or line.kind}{detail}{mark}"


class JournalList(QListWidget):
    """Signals:
        seek_requested(float): seconds of the clicked event.
    """

    seek_requested = Signal(float)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("journal")
        self._offsets: list[float] = []
        self._lines: list[JournalLine] = []
        self.current_seq: int | None = None
        self.itemClicked.connect(self._clicked)

    def show_journal(self, lines: tuple[JournalLine, ...]) -> None:
        self.clear()
        self._lines = [ln for ln in lines]
        self._offsets = [ln.offset_s if ln.offset_s is not None else 0.0 for ln in lines]
        for line in lines:
            item = QListWidgetItem(event_text(line), self)
            item.setData(Qt.ItemDataRole.UserRole, line.seq)
            if line.mark:
                item.setForeground(QBrush(QColor("#b71c1c")))
        self.current_seq = None

    def follow(self, position_s: float) -> None:
        """Highlight the last event at or before `position_s`."""
        index = bisect.bisect_right(self._offsets, position_s + 1e-6) - 1
        seq = self._lines[index].seq if index >= 0 else None
        if seq == self.current_seq:
            return
        self.current_seq = seq
        for row in range(self.count()):
            item = self.item(row)
            item.setBackground(QBrush(QColor("#fff59d")) if row == index else QBrush())
        if index >= 0:
            self.scrollToItem(self.item(index))

    def offset_of(self, seq: int) -> float | None:
        for line in self._lines:
            if line.seq == seq:
                return line.offset_s
        return None

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem():
            self._clicked(self.currentItem())
            return
        super().keyPressEvent(event)

    def _clicked(self, item: QListWidgetItem) -> None:
        offset = self.offset_of(item.data(Qt.ItemDataRole.UserRole))
        if offset is not None:
            self.seek_requested.emit(offset)
