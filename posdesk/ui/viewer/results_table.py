"""The search results: a sortable table, one sale a row, thumbnails as they arrive."""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QImage, QKeyEvent, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from posdesk.core.money import Money, currency
from posdesk.core.picture import Picture
from posdesk.core.sale_search import FoundSale

from ..formatting import money_text
from .labels import mark_label, recording_label, tender_label

#: Row height with a thumbnail.
THUMB_HEIGHT = 54


def picture_image(picture: Picture) -> QImage:
    """A QImage owning a copy of the picture's bytes."""
    return QImage(picture.rgb, picture.width, picture.height, picture.width * 3,
                  QImage.Format.Format_RGB888).copy()


class _SortItem(QTableWidgetItem):
    """An item that sorts by a value of its own (times, amounts) rather than by its text."""

    def __init__(self, text: str, key: object):
        super().__init__(text)
        self.setData(Qt.ItemDataRole.UserRole + 1, key)

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.data(Qt.ItemDataRole.UserRole + 1), other.data(Qt.ItemDataRole.UserRole + 1)
        if mine is None or theirs is None:
            return super().__lt__(other)
        return mine < theirs


class ResultsTable(QTableWidget):
    """Signals:
        open_requested(str): a sale id (Enter or double-click on its row).
    """

    open_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(0, 8, parent)
        self.setObjectName("results")
        self.setHorizontalHeaderLabels([
            self.tr("Time"), self.tr("Lane"), self.tr("Cashier"), self.tr("Receipt"),
            self.tr("Total"), self.tr("Tenders"), self.tr("Exceptions"), self.tr("Recording")])
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setIconSize(QSize(THUMB_HEIGHT * 16 // 9, THUMB_HEIGHT))
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.verticalHeader().setVisible(False)
        self.setSortingEnabled(True)
        #: The sales shown, by id.
        self.sales: dict[str, FoundSale] = {}
        self.cellDoubleClicked.connect(lambda row, _col: self._open(row))

    def show_sales(self, sales: list[FoundSale]) -> None:
        self.setSortingEnabled(False)
        self.sales = {sale.id: sale for sale in sales}
        self.setRowCount(len(sales))
        for row, sale in enumerate(sales):
            total = Money.from_minor(sale.total_minor, currency(sale.currency))
            receipt = str(sale.receipt_no) if sale.receipt_no is not None else "—"
            cells = [
                _SortItem(sale.started_utc.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
                          sale.started_utc.timestamp()),
                QTableWidgetItem(sale.lane), QTableWidgetItem(sale.cashier),
                _SortItem(receipt, sale.receipt_no if sale.receipt_no is not None else -1),
                _SortItem(money_text(total), sale.total_minor),
                QTableWidgetItem(", ".join(tender_label(t) for t in sale.tenders)),
                QTableWidgetItem(", ".join(mark_label(m) for m in dict.fromkeys(sale.marks))),
                QTableWidgetItem(recording_label(sale.recording)),
            ]
            cells[0].setData(Qt.ItemDataRole.UserRole, sale.id)
            for column, item in enumerate(cells):
                self.setItem(row, column, item)
        self.setSortingEnabled(True)
        if sales:
            self.selectRow(0)

    def sale_ids(self) -> list[str]:
        """Sale ids in the order shown."""
        return [self.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(self.rowCount())]

    def selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.selectedIndexes()})
        return [self.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in rows]

    def set_thumbnail(self, sale_id: str, picture: Picture | None) -> None:
        if picture is None:
            return
        for row in range(self.rowCount()):
            item = self.item(row, 0)
            if item.data(Qt.ItemDataRole.UserRole) == sale_id:
                item.setIcon(QPixmap.fromImage(picture_image(picture)))
                self.setRowHeight(row, THUMB_HEIGHT + 4)
                return

    def clear_thumbnails(self) -> None:
        for row in range(self.rowCount()):
            self.item(row, 0).setIcon(QPixmap())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentRow() >= 0:
            self._open(self.currentRow())
            return
        super().keyPressEvent(event)

    def _open(self, row: int) -> None:
        self.open_requested.emit(self.item(row, 0).data(Qt.ItemDataRole.UserRole))
