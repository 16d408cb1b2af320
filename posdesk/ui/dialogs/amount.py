"""A dialog asking for one number: a cash amount, a price, a quantity, a percentage."""
from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from posdesk.core.money import Currency, Money

from ..widgets.keypad import Keypad

#: Digits with at most one decimal separator (comma or point) and up to three decimals.
NUMBER_PATTERN: str = r"\d{0,7}([.,]\d{0,3})?"


def parse_number(text: str) -> Decimal | None:
    """`12,5` and `12.5` both mean 12.5; None when the text is no number."""
    try:
        return Decimal(text.strip().replace(",", "."))
    except InvalidOperation:
        return None


class AmountDialog(QDialog):
    """Type or touch a number; Enter accepts. `value()` is the Decimal typed."""

    def __init__(self, *, title: str, prompt: str, initial: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("amountDialog")
        self.prompt = QLabel(prompt, self)
        self.prompt.setObjectName("dialogHeadline")
        self.prompt.setWordWrap(True)
        self.edit = QLineEdit(initial, self)
        self.edit.setObjectName("amountEdit")
        self.edit.setValidator(QRegularExpressionValidator(NUMBER_PATTERN, self.edit))
        self.edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.edit.selectAll()
        self.message = QLabel(self)
        self.message.setObjectName("errorMessage")
        keypad = Keypad(extra_keys=".", parent=self)
        keypad.attach(self.edit)
        keypad.submitted.connect(self._try_accept)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._try_accept)
        buttons.rejected.connect(self.reject)
        self._layout = QVBoxLayout(self)
        for widget in (self.prompt, self.edit, self.message, keypad, buttons):
            self._layout.addWidget(widget)
        self.edit.setFocus()

    def add_field(self, widget: QWidget) -> None:
        """Put an extra field (a reason, a choice) under the number."""
        self._layout.insertWidget(2, widget)

    def value(self) -> Decimal | None:
        return parse_number(self.edit.text())

    def money(self, currency: Currency) -> Money | None:
        """The typed amount as money; None unless it fits the currency's minor unit."""
        value = self.value()
        if value is None:
            return None
        try:
            return Money(value, currency)
        except ValueError:
            return None

    def _try_accept(self) -> None:
        if self.value() is None:
            self.message.setText(self.tr("Enter a number."))
            return
        self.accept()
