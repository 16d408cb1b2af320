"""Finding a product by name: type, walk the list with the arrow keys, Enter takes it."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from posdesk.core.catalog import Product
from posdesk.services.selling import SellingService

from ..formatting import money_text

Index = QModelIndex | QPersistentModelIndex


class ProductListModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.products: list[Product] = []

    def set_products(self, products: list[Product]) -> None:
        self.beginResetModel()
        self.products = list(products)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self.products)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        product = self.products[index.row()]
        per = f" / {product.unit}" if product.unit else ""
        return f"{product.name}    {money_text(product.price)}{per}"


class _QueryLine(QLineEdit):
    """Up/Down/PageUp/PageDown move through the results while the text keeps the focus."""

    def __init__(self, results: QListView, parent: QWidget | None = None):
        super().__init__(parent)
        self._results = results

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self._results.keyPressEvent(event)
        else:
            super().keyPressEvent(event)


class SearchDialog(QDialog):
    """`chosen()` is the product picked when the dialog is accepted."""

    def __init__(self, *, selling: SellingService, initial: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self._selling = selling
        self.setWindowTitle(self.tr("Find a product"))
        self.setObjectName("searchDialog")
        self.resize(560, 520)
        self.model = ProductListModel(self)
        self.results = QListView(self)
        self.results.setObjectName("searchResults")
        self.results.setModel(self.model)
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.results.activated.connect(lambda _index: self._choose())
        self.results.clicked.connect(lambda _index: self._choose())
        self.query = _QueryLine(self.results, self)
        self.query.setObjectName("searchQuery")
        self.query.setPlaceholderText(self.tr("Type part of the name"))
        self.hint = QLabel(self.tr("↑↓ choose · Enter take · Esc close"), self)
        self.hint.setObjectName("hint")
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.hint)
        self.query.textChanged.connect(self.on_query_changed)
        self.query.returnPressed.connect(self._choose)
        self.query.setText(initial)
        self.query.setFocus()

    def on_query_changed(self, text: str) -> None:
        products = self._selling.search(text)
        self.model.set_products(products)
        if products:
            self.results.setCurrentIndex(self.model.index(0))
            self.hint.setText(self.tr("↑↓ choose · Enter take · Esc close"))
        elif text.strip():
            self.hint.setText(self.tr("Nothing found for \"{text}\".").format(text=text.strip()))

    def chosen(self) -> Product | None:
        index = self.results.currentIndex()
        return self.model.products[index.row()] if index.isValid() else None

    def _choose(self) -> None:
        if self.chosen() is not None:
            self.accept()
