"""When a sale is recorded: the recording policy read from the configuration."""
from __future__ import annotations

from dataclasses import dataclass

from posdesk.core.journal import JournalEvent, JournalKind
from posdesk.core.money import Currency, Money
from posdesk.core.sale import Sale, SaleKind

from .config import Config

#: Journal events that make a sale worth recording under the "rules" policy.
_RULE_EVENTS = {
    "void": (JournalKind.LINE_VOIDED, JournalKind.SALE_VOIDED),
    "override": (JournalKind.PRICE_OVERRIDDEN,),
    "card": (JournalKind.PAYMENT_STARTED,),
}


@dataclass(frozen=True)
class RecordingPolicy:
    """When to record: every sale (automatic), when the cashier says so (manual), or when a
    rule fires (rules). A rule firing mid-sale still catches the lead-up: the clip opens
    with the pre-roll."""

    mode: str = "automatic"
    threshold: Money | None = None
    categories: frozenset[str] = frozenset()
    rules: frozenset[str] = frozenset({"refund", "void", "override", "card"})

    def fires(self, sale: Sale, event: JournalEvent) -> bool:
        if self.mode == "automatic":
            return True
        if self.mode != "rules":
            return False
        if "refund" in self.rules and sale.kind is SaleKind.RETURN and event.kind == JournalKind.SALE_STARTED:
            return True
        if any(event.kind in _RULE_EVENTS.get(rule, ()) for rule in self.rules):
            return True
        if event.kind == JournalKind.LINE_ADDED and event.data.get("category") in self.categories:
            return True
        return self.threshold is not None \
            and event.kind in (JournalKind.LINE_ADDED, JournalKind.QUANTITY_CHANGED) \
            and abs(sale.total) >= self.threshold

    @classmethod
    def from_config(cls, config: Config, cur: Currency) -> RecordingPolicy:
        threshold = str(config.get("recording.rules.threshold"))
        return cls(mode=config.get("recording.mode"),
                   threshold=Money.of(threshold, cur) if threshold else None,
                   categories=frozenset(c for c in config.get("recording.rules.categories").split(",") if c),
                   rules=frozenset(r for r in config.get("recording.rules.events").split(",") if r))
