"""Cashier shifts: opening float, cash in/out, X report during the shift, Z report at close.

A shift belongs to a lane; at most one is open per lane. Sales committed while it is open are
counted in it. Closing takes the counted cash and produces the Z report in the same
transaction that marks the shift closed, so a Z can never be taken twice for one shift.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from posdesk.core.clock import Clock, SystemClock
from posdesk.core.i18n import QT_TRANSLATE_NOOP
from posdesk.core.money import Money, currency
from posdesk.core.reports import ReportKind, XZReport

from .errors import ShiftError
from .models import CashMovement, Shift, db
from .reports import shift_report

log = logging.getLogger(__name__)

OPEN = "open"
CLOSED = "closed"


@dataclass(frozen=True)
class ShiftRecord:
    id: int
    lane: str
    user: str
    opened_utc: datetime
    float_amount: Money
    state: str
    closed_utc: datetime | None = None
    counted: Money | None = None


def _record(row: Shift) -> ShiftRecord:
    cur = currency(row.currency)
    return ShiftRecord(row.id, row.lane, row.user, row.opened_utc,
                       Money.from_minor(row.float_minor, cur), row.state, row.closed_utc,
                       None if row.counted_minor is None else Money.from_minor(row.counted_minor, cur))


def open_shift_row(lane: str) -> Shift | None:
    """The lane's open shift row, if any."""
    return Shift.select().where(Shift.lane == lane, Shift.state == OPEN).order_by(Shift.id.desc()).first()


def _no_shift(lane: str) -> ShiftError:
    return ShiftError(f"no shift is open on lane {lane}",
                      QT_TRANSLATE_NOOP("Storage", "No shift is open on this till."))


class ShiftStore:
    def __init__(self, clock: Clock | None = None):
        self._clock = clock or SystemClock()

    def open(self, lane: str, user: str, float_amount: Money) -> ShiftRecord:
        if float_amount.amount < 0:
            raise ValueError("a float cannot be negative")
        with db.atomic():
            if open_shift_row(lane) is not None:
                raise ShiftError(f"a shift is already open on lane {lane}", QT_TRANSLATE_NOOP(
                    "Storage", "A shift is already open on this till."))
            row = Shift.create(lane=lane, user=user, currency=float_amount.currency.code,
                               opened_utc=self._clock.now().utc, float_minor=float_amount.minor)
        log.info("shift %d opened on %s by %s with float %s", row.id, lane, user, float_amount)
        return _record(row)

    def current(self, lane: str) -> ShiftRecord | None:
        row = open_shift_row(lane)
        return _record(row) if row else None

    def cash_in(self, lane: str, amount: Money, reason: str, user: str) -> None:
        self._move(lane, amount, reason, user, "in")

    def cash_out(self, lane: str, amount: Money, reason: str, user: str) -> None:
        self._move(lane, amount, reason, user, "out")

    def x_report(self, lane: str) -> XZReport:
        """The running figures of the lane's open shift; changes nothing."""
        row = open_shift_row(lane)
        if row is None:
            raise _no_shift(lane)
        return shift_report(row, ReportKind.X)

    def close(self, lane: str, counted: Money, user: str) -> XZReport:
        """Close the open shift with the counted cash and return its Z report."""
        with db.atomic():
            row = open_shift_row(lane)
            if row is None:
                raise _no_shift(lane)
            changed = (Shift.update(state=CLOSED, closed_utc=self._clock.now().utc, closed_by=user,
                                    counted_minor=counted.minor)
                       .where(Shift.id == row.id, Shift.state == OPEN).execute())
            if changed != 1:
                raise ShiftError(f"shift {row.id} was closed meanwhile")
            report = shift_report(Shift.get_by_id(row.id), ReportKind.Z)
        log.info("shift %d closed by %s, difference %s", row.id, user, report.difference)
        return report

    def last_closed(self, lane: str) -> ShiftRecord | None:
        row = (Shift.select().where(Shift.lane == lane, Shift.state == CLOSED)
               .order_by(Shift.id.desc()).first())
        return _record(row) if row else None

    def z_report(self, shift_id: int) -> XZReport:
        """The Z report of a closed shift again (a reprint)."""
        row = Shift.get_or_none(Shift.id == shift_id)
        if row is None or row.state != CLOSED:
            raise ShiftError(f"shift {shift_id} is not closed")
        return shift_report(row, ReportKind.Z)

    def _move(self, lane: str, amount: Money, reason: str, user: str, direction: str) -> None:
        if amount.amount <= 0:
            raise ValueError("a cash movement is a positive amount")
        with db.atomic():
            row = open_shift_row(lane)
            if row is None:
                raise _no_shift(lane)
            CashMovement.create(shift=row.id, direction=direction, amount_minor=amount.minor,
                                reason=reason, user=user, utc=self._clock.now().utc)
