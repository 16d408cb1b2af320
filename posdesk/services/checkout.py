"""The checkout use case: log in, ring up, tender, finish — and never lose a sale.

Every journal event of the open sale is handed to the database writer thread the moment it
happens, so a crash leaves a sale that the next start can replay exactly. The GUI thread
calls in, gets an answer from memory, and never waits on the disk.
"""
from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Callable

from posdesk.core.catalog import Catalog, Product, resolve_code
from posdesk.core.clock import Clock
from posdesk.core.entry import parse_entry
from posdesk.core.errors import ApprovalRequired, DomainError
from posdesk.core.i18n import QT_TRANSLATE_NOOP, Text
from posdesk.core.journal import JournalEvent
from posdesk.core.lines import Discount, Line, Payment, PaymentStatus
from posdesk.core.money import Currency, Money
from posdesk.core.permissions import Permission, Policy, Role, allowed
from posdesk.core.sale import OriginalLine, Sale, SaleKind, SaleState
from posdesk.core.tax import TaxMode

from .completion import Completion, write_failed_text
from .dispatch import Dispatch
from .errors import NotLoggedIn, NotPermitted

log = logging.getLogger(__name__)

Listener = Callable[..., None]

#: Notes the till hands out, largest first, for the quick-cash buttons (major units).
_NOTES = (Decimal(5), Decimal(10), Decimal(20), Decimal(50), Decimal(100), Decimal(200))


@dataclass(frozen=True)
class Session:
    user: Any  # db UserRecord: .name, .role


class CheckoutService:
    """One lane's checkout. Listeners: `on_sale_changed(sale|None)`, `on_sale_finished(sale)`,
    `on_notice(Text)`; the first two fire on the caller's thread, notices may come from
    worker threads."""

    def __init__(self, *, lane: str, currency: Currency, tax_mode: TaxMode, policy: Policy,
                 catalog: Catalog, sales: Any, users: Any, shifts: Any, writer: Any,
                 clock: Clock, audit: Callable[..., None], dispatch: Dispatch,
                 drawer: Callable[[], None] | None = None):
        self.lane = lane
        self.currency = currency
        self.tax_mode = tax_mode
        self.policy = policy
        self.catalog = catalog
        self._sales = sales
        self._users = users
        self._shifts = shifts
        self._writer = writer
        self._clock = clock
        self._dispatch = dispatch
        self._drawer = drawer
        self._audit_log = audit
        self.session: Session | None = None
        self.sale: Sale | None = None
        self.last_sale: Sale | None = None
        self.on_sale_changed: list[Listener] = []
        self.on_sale_finished: list[Listener] = []
        self.on_notice: list[Listener] = []
        #: Extra observers of every journal event (the recorder's cue track, for one).
        self.on_event: list[Listener] = []
        self._completion = Completion(sales=sales, writer=writer, dispatch=dispatch, lane=lane,
                                      on_saved=self._saved, notice=self.notice)
        #: Adds the evidence chain head to a closing Z report (set by the composition root).
        self.stamp_report: Callable[[Any], Any] = lambda report: report

    # -- session ---------------------------------------------------------------------------
    @property
    def names_first(self) -> bool:
        """Whether a PIN must come with a name (setting `ui.login`, name + PIN by default)."""
        return not self._users.pin_only

    def user_names(self, permission: Permission | None = None) -> list[str]:
        """The active users to choose from, or those who may allow `permission`."""
        return [u.name for u in self._users.list()
                if u.active and (permission is None or allowed(u.role, permission))]

    def login(self, pin: str, *, name: str | None = None) -> Any:
        """Log in as `name` (or, with PIN-only login, by PIN alone); wrong PINs count toward
        the lane's lockout and a named user's."""
        user = self._users.check_pin(name, pin)
        self.session = Session(user)
        log.info("%s logged in", user.name)
        return user

    def logout(self) -> None:
        self.session = None

    def approve(self, pin: str, permission: Permission, *, name: str | None = None) -> str:
        """Check the PIN of manager `name` (or a PIN alone, with PIN-only login) for
        `permission`; return the approver's name for the journal."""
        user = self._users.check_pin(name, pin)
        if not allowed(user.role, permission):
            raise NotPermitted(user.name, permission.value)
        self._audit("approval", permission=permission.value, approver=user.name)
        return user.name

    @property
    def user(self) -> Any:
        if self.session is None:
            raise NotLoggedIn()
        return self.session.user

    # -- items -----------------------------------------------------------------------------
    def enter(self, text: str, *, source: str = "keyboard", age_confirmed: bool = False) -> Line:
        entry = parse_entry(text)
        resolved = resolve_code(entry.code, self.catalog)
        quantity = entry.quantity if entry.quantity is not None else resolved.quantity
        return self._add(resolved.product, quantity, price=resolved.embedded_price, source=source,
                         age_confirmed=age_confirmed)

    def add_product(self, product: Product, quantity: Decimal = Decimal(1), *,
                    age_confirmed: bool = False, source: str = "search") -> Line:
        return self._add(product, quantity, age_confirmed=age_confirmed, source=source)

    def confirm_age_and_add(self, text: str, *, source: str = "keyboard") -> Line:
        """Retry an entry that stopped for an age check, now that the cashier confirmed."""
        return self.enter(text, source=source, age_confirmed=True)

    def scan_from_device(self, code: str) -> None:
        """A code from a serial scanner: like a wedge scan, but errors become notices
        because no key press is waiting for an answer."""
        try:
            self.enter(code, source="scan")
        except DomainError as e:
            self.notice(e.text)

    def search(self, text: str) -> list[Product]:
        return self.catalog.search(text) if text.strip() else []

    def _add(self, product: Product, quantity: Decimal, *, price: Money | None = None,
             source: str, age_confirmed: bool = False) -> Line:
        sale = self._sale_for_items()
        return self._changing(lambda: sale.add_product(product, quantity, price=price,
                                                       source=source, age_confirmed=age_confirmed))

    def set_quantity(self, line_id: int, quantity: Decimal, *, approved_by: str | None = None) -> None:
        self._changing(lambda: self._current().set_quantity(line_id, quantity, approved_by=approved_by))

    def void_line(self, line_id: int, *, approved_by: str | None = None) -> None:
        self._changing(lambda: self._current().void_line(line_id, approved_by=approved_by))

    def override_price(self, line_id: int, price: Money, *, approved_by: str | None = None) -> None:
        self._changing(lambda: self._current().override_price(line_id, price, approved_by=approved_by))

    def discount_line(self, line_id: int, discount: Discount, *, approved_by: str | None = None) -> None:
        self._changing(lambda: self._current().discount_line(line_id, discount, approved_by=approved_by))

    def discount_sale(self, discount: Discount, *, approved_by: str | None = None) -> None:
        self._changing(lambda: self._current().discount_sale(discount, approved_by=approved_by))

    # -- tendering -------------------------------------------------------------------------
    def start_tender(self) -> None:
        self._changing(lambda: self._current().start_tender())

    def back_to_items(self) -> None:
        self._changing(lambda: self._current().back_to_items())

    def quick_cash(self) -> list[Money]:
        """The exact amount due, then the next notes above it: what customers hand over."""
        due = self._current().cash_due() if self.sale else Money.zero(self.currency)
        if due.amount <= 0:
            return []
        options = [due]
        for note in _NOTES:
            if note > due.amount and len(options) < 4:
                options.append(Money.of(note, self.currency))
        return options

    def pay_cash(self, tendered: Money) -> Payment:
        sale = self._current()
        payment = self._changing(lambda: sale.pay_cash(tendered, _new_id()))
        # Cash goes into (or out of) the drawer; the payment that completes the sale opens
        # it only once the sale is saved, so no change is handed out for an unsaved sale.
        if sale.remaining.is_zero() and not sale.open_payments:
            self._complete(sale, open_drawer=True)
        else:
            self._open_drawer(sale)
        return payment

    def begin_card(self, amount: Money, payment_id: str, details: dict[str, Any]) -> Payment:
        """Journal a card payment BEFORE it goes to the terminal (see `Sale.begin_card`)."""
        sale = self._current()
        return self._changing(lambda: sale.begin_card(amount, payment_id, details))

    def card_result(self, payment_id: str, status: PaymentStatus, details: dict[str, Any]) -> None:
        """The terminal's answer for the open sale; completes it when nothing is left to pay."""
        sale = self._current()
        self._changing(lambda: sale.card_result(payment_id, status, details))
        if status is PaymentStatus.APPROVED and sale.remaining.is_zero() and not sale.open_payments:
            self._complete(sale)

    def resolve_card_payment(self, payment_id: str, *, charged: bool, reason: str,
                             approved_by: str | None = None) -> None:
        """A manager settles a card payment the terminal cannot account for (it cannot repeat
        its last receipt), as checked on its journal or end-of-day report; journaled and
        audited. Charged may complete the sale; not charged may be taken again."""
        reason = reason.strip()
        if not reason:
            raise DomainError("a reason is needed", QT_TRANSLATE_NOOP(
                "Checkout", "Say where it was checked (terminal journal, end-of-day report)."))
        if not approved_by:
            if not allowed(self._role(), Permission.RESOLVE_PAYMENT):
                raise ApprovalRequired(Permission.RESOLVE_PAYMENT.value)
            approved_by = self.user.name
        sale = self._current()
        payment = sale.payment(payment_id)
        if not payment.open:
            raise DomainError(f"payment {payment_id} is {payment.status.value}", QT_TRANSLATE_NOOP(
                "Checkout", "This card payment is already settled."))
        resolution = "charged" if charged else "not-charged"
        self._audit("card_payment_resolved", sale=sale.id, payment_id=payment_id,
                    amount=str(payment.amount), resolution=resolution, reason=reason,
                    approver=approved_by)
        self.card_result(payment_id, PaymentStatus.APPROVED if charged else PaymentStatus.DECLINED,
                         {"resolved_by": approved_by, "resolution": resolution, "reason": reason})

    def card_reversed(self, payment_id: str, details: dict[str, Any]) -> None:
        sale = self._current()
        self._changing(lambda: sale.card_reversed(payment_id, details))

    def _complete(self, sale: Sale, *, open_drawer: bool = False) -> None:
        """`sale` stays the open one until its commit is on disk (see `Completion`)."""
        self._completion.complete(sale, open_drawer=open_drawer)
        self._changed()

    def _saved(self, sale: Sale, open_drawer: bool) -> None:
        if self.sale is not sale:
            return  # already finished (a second report of the same commit)
        if open_drawer:
            self._open_drawer(sale)
        self._finish(sale)

    @property
    def saving(self) -> bool:
        """Whether the open sale is completed and waiting for its commit."""
        return self.sale is not None and self.sale.state is SaleState.COMPLETED

    def set_drawer(self, kick: Callable[[], None] | None) -> None:
        """Install the drawer kick; it must return at once (the printer worker does the I/O
        and reports a failure as a printer status)."""
        self._drawer = kick

    def _open_drawer(self, sale: Sale | None) -> None:
        if self._drawer is None:
            return
        self._drawer()
        if sale is not None:
            sale.note("drawer_opened", {})

    # -- endings ---------------------------------------------------------------------------
    def void_sale(self, *, approved_by: str | None = None, reason: str = "") -> None:
        sale = self._current()
        self._changing(lambda: sale.void(approved_by=approved_by, reason=reason))
        self._writer.submit(lambda: self._sales.record_state(sale), self._write_failed)
        self._finish(sale)

    def suspend(self) -> None:
        sale = self._current()
        self._changing(lambda: sale.suspend())
        self._writer.submit(lambda: self._sales.record_state(sale), self._write_failed)
        self.sale = None
        self._changed()

    def suspended(self) -> list[Any]:
        return self._sales.suspended(self.lane)

    def resume(self, sale_id: str) -> None:
        if self.sale is not None:
            raise DomainError("a sale is open", QT_TRANSLATE_NOOP("Checkout", "Finish or park the current sale first."))
        sale = Sale.replay(self._sales.load_events(sale_id), self._clock, self.policy)
        self._attach(sale)
        self._changing(lambda: sale.resume(self.user.name))
        self._writer.submit(lambda: self._sales.record_state(sale), self._write_failed)

    def start_return(self, receipt_no: str, *, approved_by: str | None = None) -> list[OriginalLine]:
        if self.sale is not None:
            raise DomainError("a sale is open", QT_TRANSLATE_NOOP("Checkout", "Finish or park the current sale first."))
        found = self._sales.find_by_receipt(self.lane, receipt_no)
        if found is None:
            raise DomainError(f"no receipt {receipt_no}",
                              QT_TRANSLATE_NOOP("Checkout", "No sale with receipt number {no}.").format(no=receipt_no))
        _summary, originals = found
        sale = self._open(kind=SaleKind.RETURN, original_receipt=receipt_no, approved_by=approved_by)
        self._changed()
        log.info("return against receipt %s opened as %s", receipt_no, sale.id)
        return originals

    def return_line(self, original: OriginalLine, quantity: Decimal) -> Line:
        return self._changing(lambda: self._current().add_return_line(original, quantity))

    def recoverable(self) -> Any:
        """The sale a crash interrupted, if any, so the cashier can resume it."""
        events = self._sales.open_sale_events(self.lane)
        if not events:
            return None
        return Sale.replay(events, self._clock, self.policy)

    def resume_recovered(self) -> None:
        events = self._sales.open_sale_events(self.lane)
        if not events:
            return
        sale = Sale.replay(events, self._clock, self.policy)
        self._attach(sale)
        sale.note("sale_recovered", {"cashier": self.user.name})
        self._changed()

    def no_sale(self, *, approved_by: str | None = None) -> None:
        if not allowed(self._role(), Permission.NO_SALE) and not approved_by:
            raise ApprovalRequired(Permission.NO_SALE.value)
        self._audit("no_sale", approved_by=approved_by)
        self._open_drawer(None)

    # -- shifts and reports ----------------------------------------------------------------
    def current_shift(self) -> Any:
        return self._shifts.current(self.lane)

    def open_shift(self, float_amount: Money) -> None:
        self._shifts.open(self.lane, self.user.name, float_amount)

    def cash_movement(self, amount: Money, reason: str, *, out: bool) -> None:
        if out:
            self._shifts.cash_out(self.lane, amount, reason, self.user.name)
        else:
            self._shifts.cash_in(self.lane, amount, reason, self.user.name)

    def x_report(self) -> Any:
        self._writer.flush(timeout=5)
        return self._shifts.x_report(self.lane)

    def close_shift(self, counted: Money, *, approved_by: str | None = None) -> Any:
        if not allowed(self._role(), Permission.Z_REPORT) and not approved_by:
            raise ApprovalRequired(Permission.Z_REPORT.value)
        self._writer.flush(timeout=5)
        return self.stamp_report(self._shifts.close(self.lane, counted, self.user.name))

    # -- plumbing --------------------------------------------------------------------------
    def _role(self) -> Role:
        return self.user.role

    def _current(self) -> Sale:
        if self.sale is None:
            raise DomainError("no sale", QT_TRANSLATE_NOOP("Checkout", "There is no open sale."))
        return self.sale

    def _sale_for_items(self) -> Sale:
        """The open sale, opening one on the first item (the first scan starts the sale)."""
        if self.sale is None:
            self._open()
        elif self.saving:
            raise DomainError("last sale not saved yet", QT_TRANSLATE_NOOP(
                "Checkout", "The last sale is still being saved; wait until its receipt prints."))
        return self._current()

    def _open(self, *, kind: SaleKind = SaleKind.SALE, original_receipt: str | None = None,
              approved_by: str | None = None) -> Sale:
        user = self.user
        sale_id = _new_id()
        sale = Sale.open(sale_id=sale_id, lane=self.lane, cashier=user.name,
                         cashier_role=self._role(), cur=self.currency, tax_mode=self.tax_mode,
                         clock=self._clock, policy=self.policy, kind=kind,
                         original_receipt=original_receipt, approved_by=approved_by)
        # Listen only once the sale is current, so observers of `sale_started` see it.
        self._attach(sale)
        self._journal(sale_id, sale.events[0])
        return sale

    def _attach(self, sale: Sale) -> None:
        sale.listeners.append(lambda e: self._journal(sale.id, e))
        self.sale = sale

    def _journal(self, sale_id: str, event: JournalEvent) -> None:
        self._writer.submit(lambda: self._sales.append_event(sale_id, event), self._write_failed)
        for listener in self.on_event:
            listener(sale_id, event)

    def _changing(self, action: Callable[[], Any]) -> Any:
        result = action()
        self._changed()
        return result

    def _changed(self) -> None:
        for listener in self.on_sale_changed:
            listener(self.sale)

    def _finish(self, sale: Sale) -> None:
        self.last_sale = sale
        self.sale = None
        for listener in self.on_sale_finished:
            listener(sale)
        self._changed()

    def _write_failed(self, _result: Any, error: BaseException | None) -> None:
        if error is not None:
            self.notice(write_failed_text(error))

    def notice(self, text: Text) -> None:
        for listener in self.on_notice:
            listener(text)

    def _audit(self, action: str, **details: Any) -> None:
        who = self.session.user.name if self.session else ""
        self._writer.submit(lambda: self._audit_log(who, action, **details))


def _new_id() -> str:
    return uuid.uuid4().hex
