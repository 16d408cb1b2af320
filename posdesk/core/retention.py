"""Retention classes: how long a sale's clip is kept, read from the sale's own journal.

Ordinary sales are kept briefly; sales that rules may ask about years later are *flagged*
and kept per class: an item of a regulated category (insurance, financial products,
age-restricted goods), a refund, a void (a line or the whole sale), a price override.
A sale in several classes is kept for the longest of them. Legal hold is not a class: it
overrides every period and is decided by whoever purges. Insurance rules ask for up to
ten years (e.g. China's Insurance Law art. 87), the longest period allowed here.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from enum import StrEnum
from typing import Iterable, Mapping

from .journal import JournalEvent, JournalKind


class RetentionClass(StrEnum):
    ORDINARY = "ordinary"
    REGULATED = "regulated"
    REFUND = "refund"
    VOID = "void"
    OVERRIDE = "override"


#: Ten years and the leap days in them: the longest keep period a class may have.
MAX_KEEP_DAYS = 3653
#: Default keep periods in days (the `recording.retention.*_days` settings).
DEFAULT_KEEP_DAYS: Mapping[RetentionClass, int] = {
    RetentionClass.ORDINARY: 30,
    RetentionClass.REGULATED: MAX_KEEP_DAYS,
    RetentionClass.REFUND: 365,
    RetentionClass.VOID: 365,
    RetentionClass.OVERRIDE: 365,
}
#: Default regulated categories (catalog `category` values); age-restricted goods are
#: regulated whatever their category, by their `min_age`.
DEFAULT_REGULATED_CATEGORIES = frozenset({"insurance", "financial"})

#: Journal events that put a sale into a class by themselves.
_CLASS_OF_EVENT: Mapping[str, RetentionClass] = {
    JournalKind.AGE_CONFIRMED: RetentionClass.REGULATED,
    JournalKind.LINE_VOIDED: RetentionClass.VOID,
    JournalKind.SALE_VOIDED: RetentionClass.VOID,
    JournalKind.PRICE_OVERRIDDEN: RetentionClass.OVERRIDE,
    JournalKind.PAYMENT_REVERSED: RetentionClass.REFUND,
}


def classify(events: Iterable[JournalEvent],
             regulated_categories: Iterable[str] = DEFAULT_REGULATED_CATEGORIES
             ) -> frozenset[RetentionClass]:
    """Every class a sale's journal puts it in; always includes ORDINARY."""
    regulated = {c.strip().casefold() for c in regulated_categories if c.strip()}
    classes = {RetentionClass.ORDINARY}
    for event in events:
        if event.kind in _CLASS_OF_EVENT:
            classes.add(_CLASS_OF_EVENT[event.kind])
        elif event.kind == JournalKind.SALE_STARTED and event.data.get("kind") == "return":
            classes.add(RetentionClass.REFUND)
        elif event.kind == JournalKind.LINE_ADDED:
            if str(event.data.get("category", "")).casefold() in regulated:
                classes.add(RetentionClass.REGULATED)
            if event.data.get("source") == "return":
                classes.add(RetentionClass.REFUND)
    return frozenset(classes)


@dataclass(frozen=True)
class RetentionPolicy:
    """Keep periods per class, in days (0 .. MAX_KEEP_DAYS; 0: purged at the next run)."""

    keep_days: Mapping[RetentionClass, int] = field(
        default_factory=lambda: dict(DEFAULT_KEEP_DAYS))

    def __post_init__(self) -> None:
        for cls in RetentionClass:
            days = self.keep_days.get(cls)
            if days is None:
                raise ValueError(f"no keep period for {cls} sales")
            if not 0 <= days <= MAX_KEEP_DAYS:
                raise ValueError(f"{cls} sales: keep period {days} days is outside "
                                 f"0..{MAX_KEEP_DAYS}")

    def keep_for(self, classes: Iterable[RetentionClass]) -> timedelta:
        """The longest period of `classes` (ordinary sales' if there are none)."""
        return timedelta(days=max((self.keep_days[c] for c in classes),
                                  default=self.keep_days[RetentionClass.ORDINARY]))
