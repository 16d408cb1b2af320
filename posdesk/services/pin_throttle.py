"""Lockout for PINs typed at the lane (login, the approval box), per lane.

After `Policy.max_pin_tries` wrong PINs in a row the lane waits before it takes the next
one, and the wait doubles with each further wrong PIN: a 4-digit PIN then takes months
instead of minutes. This holds whether the PIN comes with a name or alone; a named user is
also locked after as many wrong PINs (`UserStore.check_pin`), since trying other names
must not restart the count.
"""
from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Callable

from posdesk.db import pin_attempts
from posdesk.db.errors import PinLockedOut, UserLocked, WrongPin
from posdesk.db.users import UserRecord, UserStore

log = logging.getLogger(__name__)

#: The first wait, once the allowed wrong tries are used up; it doubles per wrong PIN.
FIRST_DELAY = timedelta(seconds=30)
#: The longest wait between two tries.
MAX_DELAY = timedelta(hours=1)


class ThrottledUsers(UserStore):
    """A `UserStore` whose PIN checks are throttled per lane and audited."""

    def __init__(self, lane: str, now: Callable[[], datetime], **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.lane = lane
        self._now = now

    def wait_needed(self) -> timedelta:
        """How long the lane must wait before it takes the next PIN."""
        failures, newest = pin_attempts.failures_in_a_row(self.lane)
        allowed = self.policy.max_pin_tries
        if failures < allowed or newest is None:
            return timedelta(0)
        delay = min(FIRST_DELAY * 2 ** (failures - allowed), MAX_DELAY)
        wait: timedelta = newest + delay - self._now()
        return max(timedelta(0), wait)

    def check_pin(self, name: str | None, pin: str) -> UserRecord:
        if name is None and not self.pin_only:
            return super().check_pin(name, pin)  # refused before any PIN is compared
        wait = self.wait_needed()
        if wait > timedelta(0):
            seconds = int(wait.total_seconds()) + 1
            pin_attempts.record(self.lane, pin_attempts.LOCKED_OUT, self._now(), wait_s=seconds)
            raise PinLockedOut(self.lane, seconds)
        try:
            user = super().check_pin(name, pin)
        except (WrongPin, UserLocked):
            named = {"name": name} if name is not None else {}
            pin_attempts.record(self.lane, pin_attempts.REJECTED, self._now(), **named)
            log.warning("lane %s: wrong PIN%s", self.lane, f" for {name}" if name else " without a name")
            raise
        pin_attempts.record(self.lane, pin_attempts.ACCEPTED, self._now(), user=user.name)
        return user
