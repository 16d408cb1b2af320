"""The cart table: big rows, whole-row selection, the newest line kept in view."""
from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from .cart_model import LINE_ID_ROLE, CartModel, Column


class CartView(QTableView):
    """Shows a `CartModel`; `selected_line_id()` is what F2/F4/F5/F6 act on."""

    def __init__(self, model: CartModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("cartView")
        self.setModel(model)
        self._model = model
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(40)
        header = self.horizontalHeader()
        header.setSectionResizeMode(Column.ITEM, QHeaderView.ResizeMode.Stretch)
        for column in (Column.NUMBER, Column.QUANTITY, Column.PRICE, Column.AMOUNT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    def selected_line_id(self) -> int | None:
        rows = self.selectionModel().selectedRows()
        return rows[0].data(LINE_ID_ROLE) if rows else None

    def select_line(self, line_id: int | None) -> None:
        """Select the row of `line_id`, or the last row when it is gone or None."""
        row = self._model.row_of(line_id) if line_id is not None else None
        if row is None:
            row = self._model.rowCount() - 1
        if row < 0:
            return
        index = self._model.index(row, 0)
        self.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.scrollTo(index)

    def move_selection(self, step: int) -> None:
        """Up/Down from the entry line walks the cart without leaving the entry line."""
        rows = self.selectionModel().selectedRows()
        current = rows[0].row() if rows else self._model.rowCount()
        target = max(0, min(self._model.rowCount() - 1, current + step))
        line = self._model.line_at(target)
        if line is not None:
            self.select_line(line.id)
