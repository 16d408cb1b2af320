"""Lockout for PINs typed without a name (PIN-only login, the approval box), per lane.

After `Policy.max_pin_tries` wrong PINs in a row the lane waits before it takes the next
one, and the wait doubles with each further wrong PIN: a 4-digit PIN then takes months
instead of minutes. Named logins keep their per-user lockout (`UserStore.check_pin`).
"""
from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Callable

from posdesk.db import pin_attempts
from posdesk.db.errors import PinLockedOut, WrongPin
from posdesk.db.users import UserRecord, UserStore

log = logging.getLogger(__name__)

#: The first wait, once the allowed wrong tries are used up; it doubles per wrong PIN.
FIRST_DELAY = timedelta(seconds=30)
#: The longest wait between two tries.
MAX_DELAY = timedelta(hours=1)


class ThrottledUsers(UserStore):
    """A `UserStore` whose name-less PIN checks are throttled per lane and audited."""

    def __init__(self, lane: str, now: Callable[[], datetime], **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.lane = lane
        self._now = now

    def wait_needed(self) -> timedelta:
        """How long the lane must wait before it takes a PIN without a name."""
        failures, newest = pin_attempts.failures_in_a_row(self.lane)
        allowed = self.policy.max_pin_tries
        if failures < allowed or newest is None:
            return timedelta(0)
        delay = min(FIRST_DELAY * 2 ** (failures - allowed), MAX_DELAY)
        return max(timedelta(0), newest + delay - self._now())

    def check_pin(self, name: str | None, pin: str) -> UserRecord:
        if name is not None:
            return super().check_pin(name, pin)
        wait = self.wait_needed()
        if wait > timedelta(0):
            seconds = int(wait.total_seconds()) + 1
            pin_attempts.record(self.lane, pin_attempts.LOCKED_OUT, self._now(), wait_s=seconds)
            raise PinLockedOut(self.lane, seconds)
        try:
            user = super().check_pin(None, pin)
        except WrongPin:
            pin_attempts.record(self.lane, pin_attempts.REJECTED, self._now())
            log.warning("lane %s: wrong PIN without a name", self.lane)
            raise
        pin_attempts.record(self.lane, pin_attempts.ACCEPTED, self._now(), user=user.name)
        return user
