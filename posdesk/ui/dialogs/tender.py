"""Taking payment: cash with quick-cash notes and change, or the card terminal, or both.

Enter on an empty field takes the exact amount in cash, so a keyboard-only cashier pays with
F10, Enter; F11 sends the typed amount (or, empty, all that is left) to the card terminal.
A smaller amount is a partial payment: the dialog stays open with what remains. While the
terminal has a card payment, Esc cancels it; a payment whose answer was lost leaves only one
way on: "Check with terminal".
"""
from __future__ import annotations

import functools
import logging
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QRegularExpressionValidator, QShortcut
from PySide6.QtWidgets import (QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout,
                               QWidget)

from posdesk.core.i18n import Text
from posdesk.core.money import Money
from posdesk.core.sale import Sale, SaleState
from posdesk.services.checkout import Checkout
from posdesk.services.tender import TenderService

from ..actions import ActionRunner
from ..formatting import money_text
from ..i18n import translate
from ..payment.card_flow import CardFlow, CardStage, approved_card_payments
from ..payment.card_panel import CardPanel
from ..payment.resolve_dialog import ResolvePaymentDialog
from ..widgets.keypad import Keypad
from .amount import NUMBER_PATTERN, parse_number

log = logging.getLogger(__name__)

#: Keys of the quick-cash buttons, in the order `quick_cash()` lists the amounts.
QUICK_KEYS: tuple[Qt.Key, ...] = (Qt.Key.Key_F1, Qt.Key.Key_F2, Qt.Key.Key_F3, Qt.Key.Key_F4)
#: The card key, the same as on the checkout screen.
CARD_KEY: Qt.Key = Qt.Key.Key_F11


class TenderDialog(QDialog):
    """Signals:
        completed(object): the sale was fully paid and is finished.
    """

    completed = Signal(object)

    def __init__(self, *, checkout: Checkout, tender: TenderService, runner: ActionRunner,
                 card: CardFlow | None = None, start_card: bool = False,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._checkout = checkout
        self._tender = tender
        self._runner = runner
        self._card = card
        self._sale = checkout.sale
        self._finished_sale: Sale | None = None
        self._shown_stage: CardStage | None = None
        self.setWindowTitle(self.tr("Payment"))
        self.setObjectName("tenderDialog")
        self.setMinimumWidth(620)
        self.due_caption = QLabel(self)
        self.due_caption.setObjectName("totalsCaption")
        self.due_value = QLabel(self)
        self.due_value.setObjectName("dueValue")
        self.due_value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.quick_row = QHBoxLayout()
        self.quick_buttons: list[QPushButton] = []
        for i, key in enumerate(QUICK_KEYS):
            button = self._button("quickCash", "", functools.partial(self._pay_quick, i))
            QShortcut(QKeySequence(key), self, functools.partial(self._pay_quick, i))
            self.quick_row.addWidget(button)
            self.quick_buttons.append(button)
        self.amount = QLineEdit(self)
        self.amount.setObjectName("tenderedEdit")
        self.amount.setValidator(QRegularExpressionValidator(NUMBER_PATTERN, self.amount))
        self.amount.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.message = QLabel(self)
        self.message.setObjectName("errorMessage")
        self.message.setWordWrap(True)
        self.card_panel = CardPanel(self)
        self.keypad = Keypad(extra_keys=".", parent=self)
        self.keypad.attach(self.amount)
        self.keypad.submitted.connect(self._pay_typed)
        self.back_button = self._button("backButton", self.tr("Back (Esc)"), self.reject)
        self.card_button = self._button("cardButton", self.tr("Card (F11)"), self._on_card_key)
        self.pay_button = self._button("payButton", self.tr("Cash (Enter)"), self._on_enter)
        self.reverse_button = self._button("reverseButton", "", self._reverse)
        QShortcut(QKeySequence(CARD_KEY), self, self._on_card_key)
        self._layout()
        self.amount.returnPressed.connect(self._on_enter)
        self.card_panel.cancel_button.clicked.connect(self.reject)
        self.card_panel.other_button.clicked.connect(self.reject)
        self.card_panel.check_button.clicked.connect(self._on_enter)
        self.card_panel.retry_button.clicked.connect(self._on_card_key)
        self.card_panel.resolve_button.clicked.connect(self._resolve)
        if card is not None:
            card.changed.connect(self._on_card_changed)
        self._redraw()
        self.amount.setFocus()
        if start_card:
            self._pay_card()

    def _button(self, name: str, text: str, slot: Any) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setMinimumHeight(56)
        button.clicked.connect(slot)
        return button

    def _layout(self) -> None:
        due = QHBoxLayout()
        due.addWidget(self.due_caption)
        due.addWidget(self.due_value, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.back_button)
        actions.addWidget(self.card_button)
        actions.addWidget(self.pay_button)
        layout = QVBoxLayout(self)
        layout.addLayout(due)
        layout.addLayout(self.quick_row)
        layout.addWidget(self.amount)
        layout.addWidget(self.message)
        layout.addWidget(self.card_panel)
        layout.addWidget(self.keypad)
        layout.addWidget(self.reverse_button)
        layout.addLayout(actions)

    @property
    def is_complete(self) -> bool:
        return self._finished_sale is not None

    @property
    def card_stage(self) -> CardStage:
        return self._card.stage if self._card is not None else CardStage.NONE

    # -- keys ------------------------------------------------------------------------------
    def _on_enter(self) -> None:
        stage = self.card_stage
        if self.is_complete:
            self.accept()
        elif stage is CardStage.UNKNOWN:
            self._runner.run(self._card.reconcile, on_error=self._show_error)
        elif stage is CardStage.NONE:
            self._pay_typed()

    def _on_card_key(self) -> None:
        stage = self.card_stage
        if self.is_complete:
            return
        if stage is CardStage.DECLINED:
            self._runner.run(self._card.retry, on_error=self._show_error)
        elif stage is CardStage.NONE:
            self._pay_card()

    def reject(self) -> None:
        """Esc: cancels a running card payment; puts a declined card aside; otherwise back
        to the items when nothing was paid yet. The sale stays in tender when something was
        paid (finish it or void it), and F10 brings this dialog back."""
        stage = self.card_stage
        if stage is CardStage.WAITING:
            self._card.cancel()
            return
        if stage is CardStage.DECLINED:
            self._card.dismiss_decline()
            self.amount.setFocus()
            return
        if stage in (CardStage.CANCELLING, CardStage.CHECKING, CardStage.REVERSING):
            return  # the terminal has the word; its answer decides what comes next
        sale = self._checkout.sale
        if not self.is_complete and sale is not None and not _has_payments(sale):
            self._runner.run(self._tender.back_to_items, on_error=self._show_error)
        super().reject()

    # -- cash ------------------------------------------------------------------------------
    def _pay_typed(self) -> None:
        if self.is_complete:
            self.accept()
            return
        text = self.amount.text()
        if not text:
            # The exact amount; on a return, what is paid out.
            self._pay(self._checkout.sale.cash_due())
            return
        money = self._typed_money()
        if money is None:
            self._set_message(self.tr("Enter the cash received."), warning=True)
            return
        self._pay(money)

    def _typed_money(self) -> Money | None:
        value = parse_number(self.amount.text())
        try:
            return Money(value, self._checkout.currency) if value is not None else None
        except ValueError:
            return None

    def _pay_quick(self, index: int) -> None:
        options = self._tender.quick_cash()
        if not self.is_complete and self.card_stage is CardStage.NONE and index < len(options):
            self._pay(options[index])

    def _pay(self, tendered: Money) -> None:
        self._runner.run(functools.partial(self._tender.pay_cash, tendered),
                         lambda _payment: self._after_cash(), on_error=self._show_error)

    def _after_cash(self) -> None:
        self.amount.clear()
        self.message.clear()
        self._redraw()

    # -- card ------------------------------------------------------------------------------
    def _pay_card(self) -> None:
        """The typed amount, or all that is left, to the card (out to it on a return)."""
        if self._card is None or not self._card.available:
            self._set_message(self.tr("No card terminal is set up on this lane."), warning=True)
            return
        rest = self._checkout.sale.remaining
        amount = rest
        if self.amount.text():
            typed = self._typed_money()
            if typed is None:
                self._set_message(self.tr("Enter the amount for the card."), warning=True)
                return
            amount = -typed if rest.amount < 0 else typed
        self.amount.clear()
        self._runner.run(functools.partial(self._card.pay, amount), on_error=self._show_error)

    def _reverse(self) -> None:
        sale = self._checkout.sale
        approved = approved_card_payments(sale) if sale is not None and self._card is not None else []
        if approved:
            self._runner.run(functools.partial(self._card.reverse, approved[-1].id),
                             on_error=self._show_error)

    def _resolve(self) -> None:
        """The terminal cannot tell what became of the payment: a manager settles it."""
        sale = self._checkout.sale
        if sale is None or not sale.open_payments:
            return
        payment = sale.open_payments[0]
        dialog = ResolvePaymentDialog(amount=money_text(abs(payment.amount)), parent=self)

        def chosen() -> None:
            call = functools.partial(self._tender.resolve_card_payment, payment.id,
                                     charged=bool(dialog.charged), reason=dialog.reason.text())
            self._runner.run(call, lambda _result: self._resolved(), on_error=self._show_error)
        dialog.accepted.connect(chosen)
        dialog.open()

    def _resolved(self) -> None:
        self.message.clear()
        self._redraw()
        self.amount.setFocus()  # back to paying, from the keyboard

    def _show_error(self, text: Text) -> None:
        self._set_message(translate(text), warning=True)

    def _set_message(self, text: str, *, warning: bool) -> None:
        self.message.setText(text)
        self.message.setProperty("level", "warning" if warning else "info")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)

    # -- display ---------------------------------------------------------------------------
    def _redraw(self) -> None:
        if self.is_complete:
            return
        sale = self._sale
        if sale is not None and sale.state is SaleState.COMPLETED:
            self._finished_sale = sale
            self._show_change(sale)
            self.completed.emit(sale)
            return
        stage = self.card_stage
        taking = stage is CardStage.NONE
        for widget in (self.keypad, self.back_button, self.pay_button):
            widget.setVisible(taking)
        if stage is not self._shown_stage:
            self._shown_stage = stage
            # Fit the dialog to what is shown now: the keypad comes and goes with the card.
            QTimer.singleShot(0, self.adjustSize)
        self.card_button.setVisible(taking and self._card is not None and self._card.available)
        self.amount.setReadOnly(not taking)
        if self._card is not None:
            self.card_panel.show_flow(self._card)
        else:
            self.card_panel.hide()
        self._show_due(taking)
        self._show_reverse(taking)

    def _on_card_changed(self) -> None:
        card = self._card
        assert card is not None
        # A declined card's reason is in the panel; everything else on the message line.
        shown = "" if self.card_stage is CardStage.DECLINED else card.message
        self._set_message(shown, warning=card.warning)
        self._redraw()

    def _show_due(self, taking: bool) -> None:
        sale = self._checkout.sale
        if sale is None:
            return
        refund = sale.remaining.amount < 0
        if refund:
            self.due_caption.setText(self.tr("Pay out"))
        else:
            self.due_caption.setText(self.tr("Remaining") if not sale.paid.is_zero() else self.tr("Amount due"))
        self.due_value.setText(money_text(abs(sale.cash_due())))
        options = self._tender.quick_cash() if taking else []
        for i, button in enumerate(self.quick_buttons):
            if i < len(options):
                key = QKeySequence(QUICK_KEYS[i]).toString(QKeySequence.SequenceFormat.NativeText)
                button.setText(f"{key}\n{money_text(options[i])}")
                button.show()
            else:
                button.hide()
        if not taking:
            self.amount.setPlaceholderText("")
        elif refund:
            self.amount.setPlaceholderText(self.tr("Enter pays out cash, F11 to the card"))
        else:
            self.amount.setPlaceholderText(self.tr("Amount (Enter = cash exact, F11 = card)"))

    def _show_reverse(self, taking: bool) -> None:
        sale = self._checkout.sale
        approved = approved_card_payments(sale) if sale is not None and self._card is not None else []
        self.reverse_button.setVisible(taking and bool(approved))
        if approved:
            self.reverse_button.setText(self.tr("Reverse card payment {amount}").format(
                amount=money_text(approved[-1].amount)))

    def _show_change(self, sale: Any) -> None:
        refund = sale.total.amount < 0
        by_card = sale.change.is_zero() and bool(approved_card_payments(sale))
        if refund:
            caption, value = self.tr("Paid out"), money_text(abs(sale.total))
        elif by_card:
            caption, value = self.tr("Paid"), money_text(sale.total)
        else:
            caption, value = self.tr("Change"), money_text(sale.change)
        self.due_caption.setText(caption)
        self.due_value.setText(value)
        self.due_value.setObjectName("changeValue")
        self.due_value.style().unpolish(self.due_value)
        self.due_value.style().polish(self.due_value)
        for widget in (*self.quick_buttons, self.keypad, self.back_button, self.card_button,
                       self.card_panel, self.reverse_button):
            widget.hide()
        self.amount.setReadOnly(True)
        self.amount.setPlaceholderText("")
        self.pay_button.show()
        self.pay_button.setText(self.tr("Done (Enter)"))
        self.amount.setFocus()


def _has_payments(sale: Any) -> bool:
    """Whether money moved (or may have): then the sale cannot go back to the items."""
    return any(p.counts or p.open for p in sale.payments)
