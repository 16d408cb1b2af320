"""The base every sale command builds on: journal an event, and the rules commands share.

A command checks its rules, then `_emit`s one event: the event is applied to the ledger
first and journaled only if that worked, so an event that cannot apply never reaches the
journal. Listeners (the database writer, the recorder's cues) see each event after it is
journaled.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any, Callable, Iterable, Self

from .clock import Clock
from .errors import ApprovalRequired, DomainError, IllegalTransition, InvalidAmount
from .i18n import QT_TRANSLATE_NOOP
from .journal import NOTE_KINDS, JournalEvent, JournalKind
from .lines import Line
from .permissions import Permission, Policy, allowed
from .sale_ledger import SaleKind, SaleLedger, SaleState

Listener = Callable[[JournalEvent], None]

#: Largest quantity one line takes (a typo guard: 10 000 of anything is not a till sale).
MAX_QUANTITY = 9999


class JournaledSale(SaleLedger):
    """A ledger whose every change is a journaled event, stamped by `clock`."""

    def __init__(self, clock: Clock, policy: Policy | None = None):
        super().__init__()
        self._clock = clock
        self.policy = policy or Policy()
        self.events: list[JournalEvent] = []
        self.listeners: list[Listener] = []

    @classmethod
    def replay(cls, events: Iterable[JournalEvent], clock: Clock,
               policy: Policy | None = None) -> Self:
        """The sale exactly as its journal left it (after a crash, or from the database)."""
        sale = cls(clock, policy)
        for e in events:
            sale.events.append(e)
            sale.apply(e)
        return sale

    def note(self, kind: JournalKind, data: dict[str, Any] | None = None) -> JournalEvent:
        """Journal something that happened around the sale (drawer opened, receipt printed,
        recording gap): it changes no state but belongs to the evidence."""
        if kind not in NOTE_KINDS:
            raise ValueError(f"{kind!r} is not a note: only the sale's own commands journal it")
        return self._emit(JournalKind(kind), dict(data or {}))

    def _emit(self, kind: JournalKind, data: dict[str, Any]) -> JournalEvent:
        now = self._clock.now()
        event = JournalEvent(len(self.events) + 1, kind, now.utc, now.mono_ns, data)
        self.apply(event)  # apply first: an event that cannot apply is never journaled
        self.events.append(event)
        for listener in self.listeners:
            listener(event)
        return event

    # -- rules more than one command checks --------------------------------------------------
    def _expect(self, action: str, *states: SaleState) -> None:
        if self.state not in states:
            raise IllegalTransition(action, self.state.value)

    def _expect_kind(self, kind: SaleKind) -> None:
        if self.kind is not kind:
            raise IllegalTransition(f"{kind.value} item", self.kind.value)

    def _require(self, permission: Permission, approved_by: str | None) -> None:
        if not allowed(self.cashier_role, permission) and not approved_by:
            raise ApprovalRequired(permission.value)

    def _live_line(self, line_id: int) -> Line:
        ln = self.line(line_id)
        if ln.voided:
            raise DomainError(f"line {line_id} is voided", QT_TRANSLATE_NOOP("Domain", "That line is voided."))
        return ln

    def _check_quantity(self, quantity: Decimal, *, weighed: bool) -> None:
        if not isinstance(quantity, Decimal) or quantity <= 0 or quantity > MAX_QUANTITY:
            raise InvalidAmount(f"bad quantity {quantity}",
                                QT_TRANSLATE_NOOP("Domain", "Quantity must be between 0 and 9999."))
        if not weighed and quantity != quantity.to_integral_value():
            raise InvalidAmount(f"fractional quantity {quantity}",
                                QT_TRANSLATE_NOOP("Domain", "Only weighed items take a fractional quantity."))

    def _no_open_payment(self) -> None:
        if self.open_payments:
            raise DomainError("card payment unresolved", QT_TRANSLATE_NOOP(
                "Domain", "A card payment is still unresolved; check it with the terminal first."))

    def _next_line_id(self) -> int:
        return max((ln.id for ln in self.lines), default=0) + 1
