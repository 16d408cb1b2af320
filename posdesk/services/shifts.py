"""The cashier's shift at the till: the float counted in, cash put in or taken out, and the
drawer opened without a sale. The shift's reports are `services/reports.py`."""
from __future__ import annotations

import logging

from posdesk.core.money import Money
from posdesk.core.permissions import Permission
from posdesk.db.shifts import ShiftRecord, ShiftStore

from .checkout import Checkout

log = logging.getLogger(__name__)


class ShiftService:
    def __init__(self, *, checkout: Checkout, shifts: ShiftStore):
        self._checkout = checkout
        self._shifts = shifts

    def current_shift(self) -> ShiftRecord | None:
        return self._shifts.current(self._checkout.lane)

    def open_shift(self, float_amount: Money) -> None:
        self._shifts.open(self._checkout.lane, self._checkout.operator.name, float_amount)

    def cash_movement(self, amount: Money, reason: str, *, out: bool) -> None:
        move = self._shifts.cash_out if out else self._shifts.cash_in
        move(self._checkout.lane, amount, reason, self._checkout.operator.name)

    def no_sale(self, *, approved_by: str | None = None) -> None:
        """Open the drawer without a sale (change for a note, say): audited."""
        self._checkout.require(Permission.NO_SALE, approved_by)
        self._checkout.audit("no_sale", approved_by=approved_by)
        self._checkout.open_drawer(None)
