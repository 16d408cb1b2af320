"""The shift's reports: the X report read during the shift, and the Z report that closes it,
stamped with the evidence chain head so the paper witnesses the chain (`ZWitness`)."""
from __future__ import annotations

import logging
from typing import Callable

from posdesk.core.money import Money
from posdesk.core.permissions import Permission
from posdesk.core.reports import XZReport
from posdesk.db.shifts import ShiftStore
from posdesk.db.writer import DbWriter

from .checkout import Checkout

log = logging.getLogger(__name__)

#: How long a report waits for the sales still queued for the database, in seconds.
FLUSH_TIMEOUT_S = 5

Stamp = Callable[[XZReport], XZReport]


def unstamped(report: XZReport) -> XZReport:
    return report


class ReportService:
    def __init__(self, *, checkout: Checkout, shifts: ShiftStore, writer: DbWriter,
                 stamp: Stamp = unstamped):
        self._checkout = checkout
        self._shifts = shifts
        self._writer = writer
        self._stamp = stamp

    def x_report(self) -> XZReport:
        """The shift so far; sales still being saved are counted in."""
        self._writer.flush(timeout=FLUSH_TIMEOUT_S)
        return self._shifts.x_report(self._checkout.lane)

    def close_shift(self, counted: Money, *, approved_by: str | None = None) -> XZReport:
        """Close the shift with the cash `counted` in the drawer: its Z report."""
        self._checkout.require(Permission.Z_REPORT, approved_by)
        self._writer.flush(timeout=FLUSH_TIMEOUT_S)
        return self._stamp(self._shifts.close(self._checkout.lane, counted,
                                              self._checkout.operator.name))
