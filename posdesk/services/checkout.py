"""What a lane's checkout use cases share: who is logged in, the open sale, and who listens.

Login, selling, tender, returns, shifts and reports are separate services (`services/till.py`
builds them), but there is one till: one operator, one open sale, one drawer. That state
lives here, once, together with the two rules every use case leans on: whether the operator
may do something (`require`) and the audit row of what was done (`audit`).

Every journal event of the open sale is handed to the database writer thread the moment it
happens, so a crash leaves a sale that the next start can replay exactly. The GUI thread
calls in, gets an answer from memory, and never waits on the disk.
"""
from __future__ import annotations

import logging
import uuid
from typing import Callable, Protocol, TypeVar

from posdesk.core.clock import Clock
from posdesk.core.errors import ApprovalRequired, DomainError
from posdesk.core.i18n import QT_TRANSLATE_NOOP, Text
from posdesk.core.journal import JournalEvent, JournalKind
from posdesk.core.money import Currency
from posdesk.core.permissions import Operator, Permission, Policy
from posdesk.core.sale import Sale, SaleKind, SaleState
from posdesk.core.tax import TaxMode
from posdesk.db.sales import SaleStore
from posdesk.db.writer import DbWriter

from .completion import write_failed_text
from .errors import NotLoggedIn

log = logging.getLogger(__name__)

T = TypeVar("T")

SaleListener = Callable[[Sale | None], None]
FinishedListener = Callable[[Sale], None]
NoticeListener = Callable[[Text], None]
EventListener = Callable[[str, JournalEvent], None]
#: An audit detail: names, amounts as text, permission values.
AuditValue = str | None


class AuditLog(Protocol):
    def __call__(self, user: str, action: str, **details: AuditValue) -> None: ...


def new_id() -> str:
    return uuid.uuid4().hex


class Checkout:
    """One lane's till. Listeners: `on_sale_changed(sale|None)`, `on_sale_finished(sale)`,
    `on_notice(Text)`, `on_event(sale_id, event)`; the sale listeners fire on the caller's
    thread, notices may come from worker threads."""

    def __init__(self, *, lane: str, currency: Currency, tax_mode: TaxMode, policy: Policy,
                 clock: Clock, sales: SaleStore, writer: DbWriter, audit: AuditLog,
                 drawer: Callable[[], None] | None = None):
        self.lane = lane
        self.currency = currency
        self.tax_mode = tax_mode
        self.policy = policy
        self._clock = clock
        self._sales = sales
        self._writer = writer
        self._audit_log = audit
        self._drawer = drawer
        #: Who is logged in; `SessionService` sets it.
        self.logged_in: Operator | None = None
        self.sale: Sale | None = None
        self.last_sale: Sale | None = None
        self.on_sale_changed: list[SaleListener] = []
        self.on_sale_finished: list[FinishedListener] = []
        self.on_notice: list[NoticeListener] = []
        #: Extra observers of every journal event (the recorder's cue track, for one).
        self.on_event: list[EventListener] = []

    # -- who, and what they may do ---------------------------------------------------------
    @property
    def operator(self) -> Operator:
        if self.logged_in is None:
            raise NotLoggedIn()
        return self.logged_in

    def require(self, permission: Permission, approved_by: str | None) -> None:
        """Raise `ApprovalRequired` unless the operator may, or a manager approved."""
        if not self.operator.may(permission) and not approved_by:
            raise ApprovalRequired(permission.value)

    def audit(self, action: str, **details: AuditValue) -> None:
        who = self.logged_in.name if self.logged_in is not None else ""
        self._writer.submit(lambda: self._audit_log(who, action, **details))

    # -- the open sale ---------------------------------------------------------------------
    @property
    def saving(self) -> bool:
        """Whether the open sale is completed and waiting for its commit."""
        return self.sale is not None and self.sale.state is SaleState.COMPLETED

    def current(self) -> Sale:
        if self.sale is None:
            raise DomainError("no sale", QT_TRANSLATE_NOOP("Checkout", "There is no open sale."))
        return self.sale

    def require_no_sale(self) -> None:
        if self.sale is not None:
            raise DomainError("a sale is open", QT_TRANSLATE_NOOP(
                "Checkout", "Finish or park the current sale first."))

    def open_sale(self, *, kind: SaleKind = SaleKind.SALE, original_receipt: str | None = None,
                  approved_by: str | None = None) -> Sale:
        operator = self.operator
        sale = Sale.open(sale_id=new_id(), lane=self.lane, cashier=operator.name,
                         cashier_role=operator.role, cur=self.currency, tax_mode=self.tax_mode,
                         clock=self._clock, policy=self.policy, kind=kind,
                         original_receipt=original_receipt, approved_by=approved_by)
        # Listen only once the sale is current, so observers of `sale_started` see it.
        self.attach(sale)
        self._journal(sale.id, sale.events[0])
        return sale

    def replay(self, events: list[JournalEvent]) -> Sale:
        """A sale rebuilt from its journal (parked, or interrupted by a crash)."""
        return Sale.replay(events, self._clock, self.policy)

    def attach(self, sale: Sale) -> None:
        """Make `sale` the open one; each of its events goes to the journal from now on."""
        sale.listeners.append(lambda e: self._journal(sale.id, e))
        self.sale = sale

    def changing(self, action: Callable[[], T]) -> T:
        """Run a change of the open sale, then tell the listeners."""
        result = action()
        self.changed()
        return result

    def changed(self) -> None:
        for listener in self.on_sale_changed:
            listener(self.sale)

    def save_state(self, sale: Sale) -> None:
        """Store the sale's state (parked, resumed, voided) after its journal events."""
        self._writer.submit(lambda: self._sales.record_state(sale), self._write_failed)

    def finish(self, sale: Sale) -> None:
        self.last_sale = sale
        self.sale = None
        for listener in self.on_sale_finished:
            listener(sale)
        self.changed()

    def notice(self, text: Text) -> None:
        for listener in self.on_notice:
            listener(text)

    # -- the drawer ------------------------------------------------------------------------
    def set_drawer(self, kick: Callable[[], None] | None) -> None:
        """Install the drawer kick; it must return at once (the printer worker does the I/O
        and reports a failure as a printer status)."""
        self._drawer = kick

    def open_drawer(self, sale: Sale | None) -> None:
        if self._drawer is None:
            return
        self._drawer()
        if sale is not None:
            sale.note(JournalKind.DRAWER_OPENED, {})

    # -- plumbing --------------------------------------------------------------------------
    def _journal(self, sale_id: str, event: JournalEvent) -> None:
        self._writer.submit(lambda: self._sales.append_event(sale_id, event), self._write_failed)
        for listener in self.on_event:
            listener(sale_id, event)

    def _write_failed(self, _result: object, error: BaseException | None) -> None:
        if error is not None:
            self.notice(write_failed_text(error))
