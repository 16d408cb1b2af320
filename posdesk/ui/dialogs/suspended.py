"""The parked sales of this lane: pick one to resume."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ..formatting import local_time_text, money_text


class SuspendedDialog(QDialog):
    """`chosen_id()` is the sale to resume once accepted."""

    def __init__(self, *, summaries: list[Any], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Parked sales"))
        self.setObjectName("suspendedDialog")
        self.resize(560, 420)
        self.list = QListWidget(self)
        self.list.setObjectName("suspendedList")
        for summary in summaries:
            text = self.tr("{time}   {total}   {cashier}").format(
                time=local_time_text(summary.started_utc), total=money_text(summary.total),
                cashier=summary.cashier)
            item = QListWidgetItem(text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, summary.id)
        if summaries:
            self.list.setCurrentRow(0)
        hint = QLabel(self.tr("↑↓ choose · Enter resume · Esc close") if summaries
                      else self.tr("No parked sales."), self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(hint)
        self.list.itemActivated.connect(lambda _item: self.accept())
        self.list.setFocus()

    def chosen_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def accept(self) -> None:
        if self.chosen_id() is not None:
            super().accept()
