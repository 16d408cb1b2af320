"""The large totals a customer can read from across the counter."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QWidget

from posdesk.core.money import Currency, Money
from posdesk.core.sale import SaleKind, SaleState

from ..formatting import money_text, quantity_text


class TotalsPanel(QFrame):
    """Total, item count, and what is left to pay — or the change after a cash sale."""

    def __init__(self, currency: Currency, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("totalsPanel")
        self._currency = currency
        self.total_caption = QLabel(self)
        self.total_value = self._value("totalValue")
        self.items_caption = QLabel(self.tr("Items"), self)
        self.items_value = self._value("itemsValue")
        self.rest_caption = QLabel(self)
        self.rest_value = self._value("restValue")
        grid = QGridLayout(self)
        for row, (caption, value) in enumerate(((self.total_caption, self.total_value),
                                                (self.items_caption, self.items_value),
                                                (self.rest_caption, self.rest_value))):
            caption.setObjectName("totalsCaption")
            grid.addWidget(caption, row, 0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(value, row, 1)
        grid.setColumnStretch(1, 1)
        self.show_sale(None, None)

    def _value(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return label

    def show_sale(self, sale: Any, last_sale: Any) -> None:
        """The open sale's totals; between sales (and while a completed sale is being saved),
        the last sale's total and change."""
        if sale is not None and sale.state is SaleState.COMPLETED:
            self._show_finished(sale)
            return
        if sale is None and last_sale is not None and last_sale.state is SaleState.COMPLETED:
            self._show_finished(last_sale)
            return
        if sale is None:
            self.total_caption.setText(self.tr("Total"))
            self.total_value.setText(money_text(Money.zero(self._currency)))
            self.items_value.setText("0")
            self.rest_caption.setText(self.tr("To pay"))
            self.rest_value.setText(money_text(Money.zero(self._currency)))
            return
        refund = sale.kind is SaleKind.RETURN
        self.total_caption.setText(self.tr("Refund") if refund else self.tr("Total"))
        self.total_value.setText(money_text(sale.total))
        self.items_value.setText(_count(sale.active_lines))
        if sale.state is SaleState.TENDERING and not sale.paid.is_zero():
            self.rest_caption.setText(self.tr("Remaining"))
        else:
            self.rest_caption.setText(self.tr("To pay out") if refund else self.tr("To pay"))
        self.rest_value.setText(money_text(abs(sale.remaining)))

    def _show_finished(self, sale: Any) -> None:
        self.total_caption.setText(self.tr("Last sale"))
        self.total_value.setText(money_text(sale.total))
        self.items_value.setText(_count(sale.active_lines))
        self.rest_caption.setText(self.tr("Change"))
        self.rest_value.setText(money_text(sale.change))


def _count(lines: list[Any]) -> str:
    """Counted items by quantity; a weighed item counts once."""
    count = sum((abs(ln.quantity) if not ln.unit else Decimal(1) for ln in lines), Decimal(0))
    return quantity_text(count)
