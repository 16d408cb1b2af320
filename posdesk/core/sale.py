"""A sale as a state machine whose every step is a journal event.

Commands (`add_product`, `void_line`, `pay_cash`, ...) check the rules, then emit an event;
the ledger's `apply` is the only code that changes state, and it does so from the event
alone. So `Sale.replay(events)` rebuilds a sale exactly — after a crash, or from the
database — and the journal can never disagree with what the cashier saw.

    open ──tender──▶ tendering ──complete──▶ completed
     │ ▲               │
     │ └──back─────────┘
     ├──suspend──▶ suspended ──resume──▶ open
     └──void (manager)──▶ voided   (also from tendering)

The parts: `sale_ledger` (state and `apply`), `sale_data` (event data both ways),
`sale_journaled` (emitting events, shared rules), `sale_lines`, `sale_returns` and
`sale_tender` (the commands); this module opens a sale and ends it.
"""
from __future__ import annotations

from typing import Any

from .clock import Clock
from .errors import DomainError
from .i18n import QT_TRANSLATE_NOOP
from .journal import JournalKind
from .lines import Tender
from .money import Currency
from .permissions import Permission, Policy, Role
from .sale_journaled import Listener
from .sale_ledger import SaleKind, SaleState
from .sale_lines import LineCommands
from .sale_returns import OriginalLine, ReturnCommands
from .sale_tender import TenderCommands
from .tax import TaxMode

__all__ = ["Listener", "OriginalLine", "Sale", "SaleKind", "SaleState"]


class Sale(LineCommands, ReturnCommands, TenderCommands):
    """One customer transaction. Build with `Sale.open(...)` or `Sale.replay(...)`."""

    @classmethod
    def open(cls, *, sale_id: str, lane: str, cashier: str, cashier_role: Role, cur: Currency,
             tax_mode: TaxMode, clock: Clock, policy: Policy | None = None,
             kind: SaleKind = SaleKind.SALE, original_receipt: str | None = None,
             approved_by: str | None = None, listener: Listener | None = None) -> Sale:
        sale = cls(clock, policy)
        if listener:
            sale.listeners.append(listener)
        data: dict[str, Any] = {
            "sale_id": sale_id, "lane": lane, "cashier": cashier, "role": cashier_role.value,
            "currency": cur.code, "tax_mode": tax_mode.value, "kind": kind.value,
        }
        if kind is SaleKind.RETURN:
            sale.cashier_role = cashier_role
            sale._require(Permission.REFUND, approved_by)
            data.update(original_receipt=original_receipt, approved_by=approved_by)
        sale._emit(JournalKind.SALE_STARTED, data)
        return sale

    def complete(self, receipt_no: str) -> None:
        self._expect("complete", SaleState.TENDERING)
        self._no_open_payment()
        if not self.remaining.is_zero():
            raise DomainError(f"{self.remaining} still to pay", QT_TRANSLATE_NOOP(
                "Domain", "{rest} is still to be paid.").format(rest=str(self.remaining)))
        self._emit(JournalKind.SALE_COMPLETED, {"receipt_no": receipt_no, "total": self.total.minor,
                                                "change": self.change.minor})

    def void(self, *, approved_by: str | None = None, reason: str = "") -> None:
        self._expect("void sale", SaleState.OPEN, SaleState.TENDERING)
        self._no_open_payment()
        if any(p.counts and p.tender is Tender.CARD for p in self.payments):
            raise DomainError("card payment approved",
                              QT_TRANSLATE_NOOP("Domain", "Reverse the card payment before voiding the sale."))
        self._require(Permission.VOID_SALE, approved_by)
        self._emit(JournalKind.SALE_VOIDED, {"approved_by": approved_by, "reason": reason})

    def suspend(self) -> None:
        self._expect("suspend", SaleState.OPEN)
        if not self.active_lines:
            raise DomainError("empty sale", QT_TRANSLATE_NOOP("Domain", "An empty sale cannot be parked."))
        self._emit(JournalKind.SALE_SUSPENDED, {})

    def resume(self, cashier: str) -> None:
        self._expect("resume", SaleState.SUSPENDED)
        self._emit(JournalKind.SALE_RESUMED, {"cashier": cashier})
