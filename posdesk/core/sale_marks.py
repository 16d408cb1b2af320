"""Exception marks: what makes a sale interesting to a manager looking for disputes or fraud.

A mark is read from the sale's journal alone (plus its kind), so it is the same whenever it
is computed; each names the journal event it comes from, so the viewer can jump to the
second it happened. Recording problems of the clip itself (truncated, missing) are not
marks: they come from the evidence index, which can change after the sale (a purge).
A drawer opened during a sale is its cash payment; a no-sale opening is no sale at all and
lives in the audit log.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Iterable

from .journal import JournalEvent, JournalKind


class Mark(Enum):
    VOIDED = "voided"
    LINE_VOID = "line_void"
    REFUND = "refund"
    PRICE_OVERRIDE = "price_override"
    DISCOUNT = "discount"
    CARD_DECLINED = "card_declined"
    CARD_ABORTED = "card_aborted"
    CARD_UNKNOWN = "card_unknown"
    RECORDING_GAP = "recording_gap"
    RECORDING_STOPPED = "recording_stopped"
    #: A drawer opened without a sale: in the audit log, never on a sale (the exception
    #: report lists it; a sale search cannot find it).
    NO_SALE = "no_sale"


#: Marks a sale can carry (all but the no-sale drawer opening).
SALE_MARKS: tuple[Mark, ...] = tuple(m for m in Mark if m is not Mark.NO_SALE)


#: Journal event kind -> the mark it sets.
EVENT_MARKS: dict[str, Mark] = {
    JournalKind.SALE_VOIDED: Mark.VOIDED,
    JournalKind.LINE_VOIDED: Mark.LINE_VOID,
    JournalKind.PRICE_OVERRIDDEN: Mark.PRICE_OVERRIDE,
    JournalKind.LINE_DISCOUNTED: Mark.DISCOUNT,
    JournalKind.SALE_DISCOUNTED: Mark.DISCOUNT,
    JournalKind.PAYMENT_DECLINED: Mark.CARD_DECLINED,
    JournalKind.PAYMENT_ABORTED: Mark.CARD_ABORTED,
    JournalKind.PAYMENT_UNKNOWN: Mark.CARD_UNKNOWN,
    JournalKind.RECORDING_GAP: Mark.RECORDING_GAP,
    JournalKind.RECORDING_STOPPED: Mark.RECORDING_STOPPED,
}


@dataclass(frozen=True)
class MarkAt:
    """A mark and the journal event (sequence number) that set it; None for the whole sale."""

    mark: Mark
    seq: int | None


def marks_of(events: Iterable[JournalEvent], *, is_return: bool) -> list[MarkAt]:
    """Every mark of a sale, in journal order; a refund is marked at its first event."""
    found: list[MarkAt] = [MarkAt(Mark.REFUND, 1)] if is_return else []
    for event in events:
        mark = EVENT_MARKS.get(event.kind)
        if mark is not None:
            found.append(MarkAt(mark, event.seq))
    return found
