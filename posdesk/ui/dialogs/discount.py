"""A discount: percent or amount, on the selected line or on the whole sale."""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QRadioButton, QWidget

from posdesk.core.lines import Discount, DiscountKind
from posdesk.core.money import Currency

from .amount import AmountDialog


class DiscountDialog(AmountDialog):
    """F1 percent / F2 amount, F3 this line / F4 whole sale; the number, then Enter."""

    def __init__(self, *, currency: Currency, line_name: str | None, parent: QWidget | None = None):
        super().__init__(title="", prompt="", parent=parent)
        self.setWindowTitle(self.tr("Discount"))
        self.prompt.setText(self.tr("Discount in percent or as an amount"))
        self.setObjectName("discountDialog")
        self._currency = currency
        self.percent = QRadioButton(self.tr("Percent (F1)"), self)
        self.percent.setShortcut(QKeySequence("F1"))
        self.amount_kind = QRadioButton(self.tr("Amount (F2)"), self)
        self.amount_kind.setShortcut(QKeySequence("F2"))
        self.percent.setChecked(True)
        self.on_line = QRadioButton(self.tr("Line: {name} (F3)").format(name=line_name or "-"), self)
        self.on_line.setShortcut(QKeySequence("F3"))
        self.on_line.setEnabled(line_name is not None)
        self.on_sale = QRadioButton(self.tr("Whole sale (F4)"), self)
        self.on_sale.setShortcut(QKeySequence("F4"))
        (self.on_line if line_name is not None else self.on_sale).setChecked(True)
        kinds, targets = QButtonGroup(self), QButtonGroup(self)
        for button in (self.percent, self.amount_kind):
            kinds.addButton(button)
        for button in (self.on_line, self.on_sale):
            targets.addButton(button)
        box = QWidget(self)
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.percent, 0, 0)
        grid.addWidget(self.amount_kind, 0, 1)
        grid.addWidget(self.on_line, 1, 0)
        grid.addWidget(self.on_sale, 1, 1)
        for button in (self.percent, self.amount_kind, self.on_line, self.on_sale):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.add_field(box)
        self.edit.setFocus()

    def whole_sale(self) -> bool:
        return self.on_sale.isChecked()

    def discount(self) -> Discount | None:
        value = self.value()
        if value is None:
            return None
        if self.percent.isChecked():
            return Discount(DiscountKind.PERCENT, value)
        money = self.money(self._currency)
        return Discount(DiscountKind.AMOUNT, Decimal(money.minor)) if money is not None else None
