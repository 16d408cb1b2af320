"""A return against a receipt: the original lines, what may still come back, and how much.

The receipt number is asked first (`AmountDialog`); once the service opened the return,
this dialog lists the original lines and the cashier types the quantity per line.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QRegularExpressionValidator, QShortcut
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QGridLayout, QLabel, QLineEdit,
                               QScrollArea, QVBoxLayout, QWidget)

from ..formatting import money_text, quantity_text
from .amount import NUMBER_PATTERN, parse_number


class ReturnLinesDialog(QDialog):
    """One quantity field per returnable line; Tab walks them, F1 fills in everything."""

    def __init__(self, *, receipt_no: str, originals: list[Any], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Return — receipt {no}").format(no=receipt_no))
        self.setObjectName("returnLinesDialog")
        self.resize(700, 460)
        self._originals = originals
        self.fields: list[QLineEdit] = []
        table = QWidget(self)
        grid = QGridLayout(table)
        for col, title in enumerate((self.tr("Item"), self.tr("Sold"), self.tr("Returnable"),
                                     self.tr("Unit refund"), self.tr("Return"))):
            header = QLabel(title, table)
            header.setObjectName("columnHeader")
            grid.addWidget(header, 0, col)
        for row, original in enumerate(originals, start=1):
            grid.addWidget(QLabel(original.name, table), row, 0)
            grid.addWidget(QLabel(quantity_text(original.quantity, original.unit), table), row, 1)
            grid.addWidget(QLabel(quantity_text(original.returnable, original.unit), table), row, 2)
            unit_refund = original.net_amount.times(Decimal(1) / original.quantity)
            grid.addWidget(QLabel(money_text(unit_refund), table), row, 3)
            field = QLineEdit(table)
            field.setObjectName("returnQuantity")
            field.setValidator(QRegularExpressionValidator(NUMBER_PATTERN, field))
            field.setAlignment(Qt.AlignmentFlag.AlignRight)
            field.setPlaceholderText("0")
            field.setEnabled(original.returnable > 0)
            grid.addWidget(field, row, 4)
            self.fields.append(field)
        grid.setColumnStretch(0, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(table)
        self.message = QLabel(self.tr("Type the quantity to return · F1 all · Enter accept · Esc cancel"), self)
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence("F1"), self, self.return_everything)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        enabled = [f for f in self.fields if f.isEnabled()]
        if enabled:
            enabled[0].setFocus()

    def return_everything(self) -> None:
        for original, field in zip(self._originals, self.fields, strict=True):
            if field.isEnabled():
                field.setText(quantity_text(original.returnable))

    def chosen(self) -> list[tuple[Any, Decimal]]:
        """(original line, quantity) for every line with a quantity above zero."""
        picks = []
        for original, field in zip(self._originals, self.fields, strict=True):
            quantity = parse_number(field.text()) if field.text() else None
            if quantity is not None and quantity > 0:
                picks.append((original, quantity))
        return picks
