"""Cash tender: the amount due, quick-cash notes, a typed amount, and the change at the end.

Enter on an empty field takes the exact amount, so a keyboard-only cashier pays with F10,
Enter. A smaller amount is a partial payment: the dialog stays open with what remains, for
more cash (or, with a later issue, a card).
"""
from __future__ import annotations

import functools
import logging
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QRegularExpressionValidator, QShortcut
from PySide6.QtWidgets import (QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout,
                               QWidget)

from posdesk.core.i18n import Text
from posdesk.core.money import Money

from ..actions import ActionRunner
from ..formatting import money_text
from ..i18n import translate
from ..widgets.keypad import Keypad
from .amount import NUMBER_PATTERN, parse_number

log = logging.getLogger(__name__)

#: Keys of the quick-cash buttons, in the order `quick_cash()` lists the amounts.
QUICK_KEYS: tuple[Qt.Key, ...] = (Qt.Key.Key_F1, Qt.Key.Key_F2, Qt.Key.Key_F3, Qt.Key.Key_F4)


class TenderDialog(QDialog):
    """Signals:
        completed(object): the sale was fully paid and is finished.
    """

    completed = Signal(object)

    def __init__(self, *, checkout: Any, runner: ActionRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._checkout = checkout
        self._runner = runner
        self._finished_sale: Any = None
        self.setWindowTitle(self.tr("Cash"))
        self.setObjectName("tenderDialog")
        self.due_caption = QLabel(self)
        self.due_caption.setObjectName("totalsCaption")
        self.due_value = QLabel(self)
        self.due_value.setObjectName("dueValue")
        self.due_value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.quick_row = QHBoxLayout()
        self.quick_buttons: list[QPushButton] = []
        for i, key in enumerate(QUICK_KEYS):
            button = QPushButton(self)
            button.setObjectName("quickCash")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumHeight(56)
            button.clicked.connect(functools.partial(self._pay_quick, i))
            QShortcut(QKeySequence(key), self, functools.partial(self._pay_quick, i))
            self.quick_row.addWidget(button)
            self.quick_buttons.append(button)
        self.amount = QLineEdit(self)
        self.amount.setObjectName("tenderedEdit")
        self.amount.setValidator(QRegularExpressionValidator(NUMBER_PATTERN, self.amount))
        self.amount.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.amount.setPlaceholderText(self.tr("Cash received (Enter = exact)"))
        self.message = QLabel(self)
        self.message.setObjectName("errorMessage")
        self.message.setWordWrap(True)
        self.keypad = Keypad(extra_keys=".", parent=self)
        self.keypad.attach(self.amount)
        self.keypad.submitted.connect(self._pay_typed)
        self.pay_button = QPushButton(self.tr("Pay (Enter)"), self)
        self.pay_button.setObjectName("payButton")
        self.pay_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pay_button.clicked.connect(self._pay_typed)
        self.back_button = QPushButton(self.tr("Back (Esc)"), self)
        self.back_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.back_button.clicked.connect(self.reject)
        actions = QHBoxLayout()
        actions.addWidget(self.back_button)
        actions.addWidget(self.pay_button)
        due = QHBoxLayout()
        due.addWidget(self.due_caption)
        due.addWidget(self.due_value, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(due)
        layout.addLayout(self.quick_row)
        layout.addWidget(self.amount)
        layout.addWidget(self.message)
        layout.addWidget(self.keypad)
        layout.addLayout(actions)
        self.amount.returnPressed.connect(self._on_enter)
        self._show_due()
        self.amount.setFocus()

    @property
    def is_complete(self) -> bool:
        return self._finished_sale is not None

    # -- paying ----------------------------------------------------------------------------
    def _on_enter(self) -> None:
        if self.is_complete:
            self.accept()
        else:
            self._pay_typed()

    def _pay_typed(self) -> None:
        if self.is_complete:
            self.accept()
            return
        text = self.amount.text()
        if not text:
            # The exact amount; on a return, what is paid out.
            self._pay(self._checkout.sale.cash_due())
            return
        value = parse_number(text)
        try:
            money = Money(value, self._checkout.currency) if value is not None else None
        except ValueError:
            money = None
        if money is None:
            self.message.setText(self.tr("Enter the cash received."))
            return
        self._pay(money)

    def _pay_quick(self, index: int) -> None:
        options = self._checkout.quick_cash()
        if not self.is_complete and index < len(options):
            self._pay(options[index])

    def _pay(self, tendered: Money) -> None:
        sale = self._checkout.sale
        self._runner.run(functools.partial(self._checkout.pay_cash, tendered),
                         lambda _payment: self._after_payment(sale), on_error=self._show_error)

    def _after_payment(self, sale: Any) -> None:
        self.amount.clear()
        self.message.clear()
        if self._checkout.sale is None:
            self._finished_sale = sale
            self._show_change(sale)
            self.completed.emit(sale)
        else:
            self._show_due()

    def _show_error(self, text: Text) -> None:
        self.message.setText(translate(text))

    # -- display ---------------------------------------------------------------------------
    def _show_due(self) -> None:
        sale = self._checkout.sale
        if sale is None:
            return
        refund = sale.remaining.amount < 0
        partly_paid = not sale.paid.is_zero()
        if refund:
            self.due_caption.setText(self.tr("Pay out"))
        else:
            self.due_caption.setText(self.tr("Remaining") if partly_paid else self.tr("Amount due"))
        self.due_value.setText(money_text(abs(sale.cash_due())))
        options = self._checkout.quick_cash()
        for i, button in enumerate(self.quick_buttons):
            if i < len(options):
                key = QKeySequence(QUICK_KEYS[i]).toString(QKeySequence.SequenceFormat.NativeText)
                button.setText(f"{key}\n{money_text(options[i])}")
                button.show()
            else:
                button.hide()
        if refund:
            self.amount.setPlaceholderText(self.tr("Enter pays out"))

    def _show_change(self, sale: Any) -> None:
        refund = sale.total.amount < 0
        self.due_caption.setText(self.tr("Paid out") if refund else self.tr("Change"))
        self.due_value.setText(money_text(abs(sale.total) if refund else sale.change))
        self.due_value.setObjectName("changeValue")
        self.due_value.style().unpolish(self.due_value)
        self.due_value.style().polish(self.due_value)
        for button in self.quick_buttons:
            button.hide()
        self.amount.setReadOnly(True)
        self.amount.setPlaceholderText("")
        self.keypad.hide()
        self.back_button.hide()
        self.pay_button.setText(self.tr("Done (Enter)"))
        self.amount.setFocus()

    # -- leaving ---------------------------------------------------------------------------
    def reject(self) -> None:
        """Esc: back to the items when nothing was paid yet; the sale stays in tender
        otherwise (finish it or void it), and F10 brings this dialog back."""
        sale = self._checkout.sale
        if not self.is_complete and sale is not None and sale.paid.is_zero():
            self._runner.run(self._checkout.back_to_items, on_error=self._show_error)
        super().reject()
