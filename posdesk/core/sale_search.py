"""What a manager asks of the sales (a search filter) and what one found sale shows.

Plain values shared by the database query, the viewer service, the CLI and the window.
Amounts are integer minor units of the store currency, times aware UTC datetimes.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum

from .sale_marks import Mark


class ClipProblem(Enum):
    """Recording states a manager searches for, from the evidence index."""

    TRUNCATED = "truncated"
    MISSING = "missing"


@dataclass(frozen=True)
class SearchFilter:
    """Every given filter must hold; `marks` and `clip_problems` match any one of theirs."""

    since: datetime | None = None
    until: datetime | None = None
    lane: str | None = None
    cashier: str | None = None
    receipt_no: int | None = None
    min_total_minor: int | None = None
    max_total_minor: int | None = None
    #: A barcode (digits) or part of a product name.
    product: str | None = None
    #: "cash" or "card": an approved payment by it.
    tender: str | None = None
    marks: frozenset[Mark] = frozenset()
    #: Sales whose discount is at least this percent of their subtotal.
    discount_above_percent: int | None = None
    clip_problems: frozenset[ClipProblem] = frozenset()
    #: One sale by its id (opening a sale reads it through the same query).
    sale_id: str | None = None
    #: The newest this many (a page of the results table).
    limit: int = 200


@dataclass(frozen=True)
class FoundSale:
    """One row of the results table."""

    id: str
    lane: str
    cashier: str
    started_utc: datetime
    receipt_no: int | None
    kind: str
    state: str
    total_minor: int
    currency: str
    tenders: tuple[str, ...]
    marks: tuple[Mark, ...]
    #: The evidence index's status ("complete", "truncated", "no-clip", "purged") or None.
    recording: str | None
    legal_hold: bool = False


@dataclass(frozen=True)
class ExceptionRow:
    """One mark of one sale in the exception report: where to jump in its video."""

    group: str
    mark: Mark
    sale_id: str
    seq: int | None
    started_utc: datetime


@dataclass(frozen=True)
class ExceptionReport:
    """Marks grouped by day, cashier or lane: counts per group and mark, and every row."""

    by: str
    counts: dict[tuple[str, Mark], int] = field(default_factory=dict)
    rows: tuple[ExceptionRow, ...] = ()
