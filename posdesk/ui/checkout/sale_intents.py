"""What the checkout's keys and buttons ask for while ringing up a sale.

A small controller: each `on_<intent>` slot reads the selection or opens a dialog, then calls
the service through the `ActionRunner` (which handles manager approval and refusals). It
never changes widgets itself: the window redraws from the service's sale-changed signal.
"""
from __future__ import annotations

import functools
import logging
from decimal import Decimal
from typing import Any, Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from posdesk.core.errors import AgeCheckRequired
from posdesk.core.i18n import QT_TRANSLATE_NOOP, Text
from posdesk.core.sale import OriginalLine, SaleState
from posdesk.services.checkout import Checkout
from posdesk.services.returns import ReturnService
from posdesk.services.selling import SellingService
from posdesk.services.tender import TenderService

from ..actions import ActionRunner
from ..dialogs.amount import AmountDialog
from ..dialogs.confirm import ConfirmDialog
from ..dialogs.discount import DiscountDialog
from ..dialogs.opening import open_modal
from ..dialogs.returns import ReturnLinesDialog
from ..dialogs.search import SearchDialog
from ..dialogs.suspended import SuspendedDialog
from ..dialogs.tender import TenderDialog
from ..formatting import quantity_text
from ..payment.card_flow import CardFlow, approved_card_payments
from ..i18n import translate
from ..user_errors import user_text
from .cart_view import CartView
from .entry_line import EntryLine

log = logging.getLogger(__name__)


class SaleIntents(QObject):
    """Signals:
        info(object): a `Text` confirming something happened ("Sale parked.").
    """

    info = Signal(object)

    def __init__(self, *, checkout: Checkout, selling: SellingService, tender: TenderService,
                 returns: ReturnService, runner: ActionRunner, window: QWidget, cart: CartView,
                 entry: EntryLine, show_error: Callable[[Text], None], card: CardFlow):
        super().__init__(window)
        self._checkout = checkout
        self._selling = selling
        self._tender = tender
        self._returns = returns
        self._card = card
        self._runner = runner
        self._window = window
        self._cart = cart
        self._entry = entry
        self._show_error = show_error

    # -- items -----------------------------------------------------------------------------
    def on_entry_submitted(self, text: str, source: str) -> None:
        self._add(functools.partial(self._selling.enter, text, source=source),
                  functools.partial(self._selling.confirm_age_and_add, text, source=source))

    def _add(self, add: Callable[[], Any], add_confirmed: Callable[[], Any]) -> None:
        """Add an item; an age-restricted one waits for the cashier's confirmation."""
        try:
            add()
        except AgeCheckRequired as e:
            dialog = ConfirmDialog(name="ageCheckDialog", title=self.tr("Age check"),
                                   question=translate(e.text), hint=self.tr("Check an ID if in doubt."),
                                   yes=self.tr("Yes, confirmed (Enter)"), no=self.tr("No (Esc)"),
                                   parent=self._window)
            open_modal(dialog, lambda: self._runner.run(add_confirmed))
        except Exception as e:
            text = user_text(e)
            if text is None:
                raise
            self._show_error(text)

    def on_search(self) -> None:
        typed = self._entry.text().strip()
        initial = "" if typed.replace("*", "").isdigit() else typed
        dialog = SearchDialog(selling=self._selling, initial=initial, parent=self._window)

        def add_chosen() -> None:
            product = dialog.chosen()
            if product is None:
                return  # the dialog is accepted only with a product chosen
            self._entry.clear()
            self._add(functools.partial(self._selling.add_product, product),
                      functools.partial(self._selling.add_product, product, age_confirmed=True))
        open_modal(dialog, add_chosen)

    def _selected(self) -> Any:
        """The selected live line, or None with a message saying what to do."""
        sale = self._checkout.sale
        line_id = self._cart.selected_line_id()
        line = next((ln for ln in sale.lines if ln.id == line_id), None) if sale and line_id else None
        if line is None or line.voided:
            self._show_error(QT_TRANSLATE_NOOP("Checkout", "Select a line first."))
            return None
        return line

    def on_quantity(self) -> None:
        line = self._selected()
        if line is None:
            return
        dialog = AmountDialog(title=self.tr("Quantity"),
                              prompt=self.tr("New quantity for {name}").format(name=line.name),
                              initial=quantity_text(line.quantity), parent=self._window)

        def apply() -> None:
            quantity = dialog.value()
            if quantity is not None:
                self._runner.run(functools.partial(self._selling.set_quantity, line.id, quantity))
        open_modal(dialog, apply)

    def on_quantity_step(self, step: int) -> None:
        line = self._selected()
        if line is None:
            return
        quantity = line.quantity + Decimal(step)
        if quantity <= 0:
            self._show_error(QT_TRANSLATE_NOOP("Checkout", "Use Void line to remove the last one."))
            return
        self._runner.run(functools.partial(self._selling.set_quantity, line.id, quantity))

    def on_void_line(self) -> None:
        line = self._selected()
        if line is not None:
            self._runner.run(functools.partial(self._selling.void_line, line.id))

    def on_discount(self) -> None:
        if self._checkout.sale is None:
            self._show_error(QT_TRANSLATE_NOOP("Checkout", "There is no open sale."))
            return
        line_id = self._cart.selected_line_id()
        line = next((ln for ln in self._checkout.sale.lines if ln.id == line_id and not ln.voided), None)
        dialog = DiscountDialog(currency=self._checkout.currency,
                                line_name=line.name if line else None, parent=self._window)

        def apply() -> None:
            discount = dialog.discount()
            if discount is None:
                self._show_error(QT_TRANSLATE_NOOP("Checkout", "That is not an amount."))
            elif dialog.whole_sale() or line is None:
                self._runner.run(functools.partial(self._selling.discount_sale, discount))
            else:
                self._runner.run(functools.partial(self._selling.discount_line, line.id, discount))
        open_modal(dialog, apply)

    def on_price(self) -> None:
        line = self._selected()
        if line is None:
            return
        dialog = AmountDialog(title=self.tr("Price"),
                              prompt=self.tr("New unit price for {name}").format(name=line.name),
                              initial=str(line.unit_price), parent=self._window)

        def apply() -> None:
            price = dialog.money(self._checkout.currency)
            if price is None:
                self._show_error(QT_TRANSLATE_NOOP("Checkout", "That is not an amount."))
                return
            self._runner.run(functools.partial(self._selling.override_price, line.id, price))
        open_modal(dialog, apply)

    # -- parking, returns, voids -----------------------------------------------------------
    def on_suspend(self) -> None:
        self._runner.run(self._selling.suspend,
                         lambda _: self.info.emit(QT_TRANSLATE_NOOP("Checkout", "Sale parked.")))

    def on_resume(self) -> None:
        dialog = SuspendedDialog(summaries=self._selling.suspended(), parent=self._window)

        def resume_chosen() -> None:
            sale_id = dialog.chosen_id()
            if sale_id is not None:  # the dialog is accepted only with a sale chosen
                self._runner.run(functools.partial(self._selling.resume, sale_id))
        open_modal(dialog, resume_chosen)

    def on_return(self) -> None:
        if self._checkout.sale is not None:
            self._show_error(QT_TRANSLATE_NOOP("Checkout", "Finish or park the current sale first."))
            return
        dialog = AmountDialog(title=self.tr("Return"), prompt=self.tr("Receipt number"),
                              parent=self._window)

        def look_up() -> None:
            value = dialog.value()
            receipt_no = str(int(value)) if value is not None else ""
            self._runner.run(functools.partial(self._returns.start_return, receipt_no),
                             lambda originals: self._choose_returns(receipt_no, originals))
        open_modal(dialog, look_up)

    def _choose_returns(self, receipt_no: str, originals: list[OriginalLine]) -> None:
        approver = self._runner.last_approver
        dialog = ReturnLinesDialog(receipt_no=receipt_no, originals=originals, parent=self._window)

        def take_back() -> None:
            for original, quantity in dialog.chosen():
                self._runner.run(functools.partial(self._returns.return_line, original, quantity))
            if self._checkout.sale is not None and not self._checkout.sale.active_lines:
                cancel()

        def cancel() -> None:
            # An empty return is no sale: close it again, under the same approval.
            self._runner.run(functools.partial(self._selling.void_sale, approved_by=approver,
                                               reason="return cancelled"))
        open_modal(dialog, take_back, cancel)

    def on_void_sale(self) -> None:
        if self._checkout.sale is None:
            self._show_error(QT_TRANSLATE_NOOP("Checkout", "There is no open sale."))
            return
        if approved_card_payments(self._checkout.sale):
            self._show_error(QT_TRANSLATE_NOOP(
                "Checkout", "Reverse the card payment first: open the payment (F10) and choose Reverse."))
            return
        dialog = ConfirmDialog(name="confirmVoidSale", title=self.tr("Void sale"),
                               question=self.tr("Void the whole sale?"),
                               hint=self.tr("Every line stays in the journal and on the recording."),
                               yes=self.tr("Void sale (Enter)"), no=self.tr("Keep it (Esc)"),
                               parent=self._window)
        open_modal(dialog, lambda: self._runner.run(
            functools.partial(self._selling.void_sale, reason="voided at the till")))

    # -- paying ----------------------------------------------------------------------------
    def on_pay(self) -> None:
        """F10: the payment dialog, cash first."""
        self._take_payment(start_card=False)

    def on_card(self) -> None:
        """F11: the payment dialog with all that is left sent to the card terminal at once
        (for a split, F10 and type the cash part first)."""
        if not self._card.available:
            self._show_error(QT_TRANSLATE_NOOP("Devices", "No card terminal is set up on this lane."))
            return
        self._take_payment(start_card=True)

    def _take_payment(self, *, start_card: bool) -> None:
        sale = self._checkout.sale
        if sale is None:
            self._show_error(QT_TRANSLATE_NOOP("Checkout", "There is no open sale."))
            return
        # An unresolved card payment is checked first, whatever key was pressed.
        start_card = start_card and not sale.open_payments
        if sale.state is SaleState.TENDERING:
            self._open_tender(start_card)
        else:
            self._runner.run(self._tender.start_tender, lambda _: self._open_tender(start_card))

    def _open_tender(self, start_card: bool) -> None:
        dialog = TenderDialog(checkout=self._checkout, tender=self._tender, runner=self._runner,
                              card=self._card, start_card=start_card, parent=self._window)
        open_modal(dialog)
