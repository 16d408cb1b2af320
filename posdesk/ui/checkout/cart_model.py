"""The cart as a Qt table model over the sale's lines.

The model holds no copy of the sale's state: it reads the lines of the sale it was given,
and the window resets it whenever the service says the sale changed. Voided lines stay in
view, struck through and dimmed, because the cashier and the camera both saw them.
"""
from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from posdesk.core.lines import DiscountKind, Line

from ..formatting import money_text, quantity_text

#: Colour of voided lines' text.
VOIDED_COLOUR: str = "#9a9a9a"

Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    NUMBER = 0
    ITEM = 1
    QUANTITY = 2
    PRICE = 3
    AMOUNT = 4


#: The role that returns the line id of a row.
LINE_ID_ROLE: int = Qt.ItemDataRole.UserRole + 1


class CartModel(QAbstractTableModel):
    """Rows are the sale's lines in the order they were rung up."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._lines: list[Line] = []

    def set_sale(self, sale: Any) -> None:
        """Show `sale`'s lines (or an empty cart for None)."""
        self.beginResetModel()
        self._lines = list(sale.lines) if sale is not None else []
        self.endResetModel()

    def line_at(self, row: int) -> Line | None:
        return self._lines[row] if 0 <= row < len(self._lines) else None

    def row_of(self, line_id: int) -> int | None:
        for row, line in enumerate(self._lines):
            if line.id == line_id:
                return row
        return None

    # -- QAbstractTableModel ---------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt's name
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                Column.NUMBER: self.tr("#"),
                Column.ITEM: self.tr("Item"),
                Column.QUANTITY: self.tr("Qty"),
                Column.PRICE: self.tr("Price"),
                Column.AMOUNT: self.tr("Amount"),
            }[Column(section)]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _alignment(Column(section))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        line = self.line_at(index.row()) if index.isValid() else None
        if line is None:
            return None
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(line, index.row(), column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _alignment(column)
        if role == Qt.ItemDataRole.FontRole and line.voided:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and line.voided:
            return QBrush(QColor(VOIDED_COLOUR))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(line)
        if role == LINE_ID_ROLE:
            return line.id
        return None

    def _display(self, line: Line, row: int, column: Column) -> str:
        if column is Column.NUMBER:
            return str(row + 1)
        if column is Column.ITEM:
            return self._item_text(line)
        if column is Column.QUANTITY:
            return quantity_text(line.quantity, line.unit)
        if column is Column.PRICE:
            return money_text(line.unit_price)
        return money_text(line.amount)

    def _item_text(self, line: Line) -> str:
        parts = [line.name]
        if line.voided:
            parts.append(self.tr("(voided)"))
        if line.discount is not None:
            if line.discount.kind is DiscountKind.PERCENT:
                parts.append(self.tr("(-{percent}%)").format(percent=quantity_text(line.discount.value)))
            else:
                parts.append(self.tr("(-{amount})").format(amount=money_text(line.discount_amount)))
        if line.original_price is not None:
            parts.append(self.tr("(price changed)"))
        if line.returns_line is not None:
            parts.append(self.tr("(return)"))
        return " ".join(parts)

    def _tooltip(self, line: Line) -> str | None:
        if line.original_price is not None:
            return self.tr("Catalog price {price}").format(price=money_text(line.original_price))
        return None


def _alignment(column: Column) -> Qt.AlignmentFlag:
    if column in (Column.QUANTITY, Column.PRICE, Column.AMOUNT, Column.NUMBER):
        return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
