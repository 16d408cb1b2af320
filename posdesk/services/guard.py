"""Commands that change evidence, keys, users or recording policy need a manager or admin.

The CLI is as much a door into the lane as the window: `clips purge`, `user add`,
`config set recording.*` and the like ask for a manager's or admin's PIN and leave an audit
row naming who did what, when. On a lane with no manager or admin yet (first set-up) the
command runs and the audit row says so.
"""
from __future__ import annotations

import logging
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterator

from posdesk.core.permissions import Role
from posdesk.db import audit as db_audit
from posdesk.db.database import close_database, open_database
from posdesk.db.errors import SharedPins, StoreError
from posdesk.db.users import UserStore

from .pin_throttle import ThrottledUsers

log = logging.getLogger(__name__)

#: Settings whose change needs a manager: what is recorded, which devices, which lane.
GUARDED_SETTINGS = ("recording.", "devices.", "lane.", "ui.login")
#: Roles that may run a guarded command.
APPROVERS = (Role.MANAGER, Role.ADMIN)
#: Who the audit row names when the lane has no manager yet.
SETUP_USER = "(first set-up)"


class NotAuthorized(Exception):
    """A guarded command was refused; the message says why in one line."""


@dataclass(frozen=True)
class Credentials:
    """A PIN, and the name it belongs to when the person gave one."""

    pin: str
    name: str | None = None


def is_guarded_setting(key: str) -> bool:
    return key.startswith(GUARDED_SETTINGS)


class Guard:
    """Checks the approver of a guarded command and writes its audit row."""

    def __init__(self, users: UserStore, audit: Callable[..., None] = db_audit.audit):
        self._users = users
        self._audit = audit

    def needs_pin(self) -> bool:
        return any(u.role in APPROVERS and u.active for u in self._users.list())

    def authorize(self, credentials: Credentials | None, action: str, **details: object) -> str:
        """The approver's name, after writing the audit row; `NotAuthorized` otherwise."""
        if not self.needs_pin():
            self._audit(SETUP_USER, action, **details)
            return SETUP_USER
        if credentials is None:
            raise NotAuthorized(f"{action} needs a manager or admin PIN "
                                "(--pin-file FILE, or run it on a terminal)")
        try:
            user = self._users.check_pin(credentials.name, credentials.pin)
        except StoreError as e:
            self._audit(credentials.name or "", f"{action}_refused", reason=str(e), **details)
            raise NotAuthorized(f"{action} refused: {e}") from e
        if user.role not in APPROVERS:
            self._audit(user.name, f"{action}_refused", reason="not a manager", **details)
            raise NotAuthorized(f"{action} refused: {user.name} is not a manager or admin")
        self._audit(user.name, action, **details)
        log.info("%s approved %s", user.name, action)
        return user.name


def shared_pins(users: UserStore) -> str | None:
    """Why PIN-only login could not tell the users apart, or None when it can."""
    try:
        users.require_unique_pins()
    except SharedPins as e:
        return str(e)
    return None


@contextmanager
def lane_users(data_dir: Path, lane: str, *, pin_only: bool = False) -> Iterator[UserStore]:
    """The users of the lane in `data_dir`, PIN tries throttled, without the rest of the
    lane: `config set` must work (to repair it) even when the configuration does not load."""
    open_database(data_dir / "posdesk.db")
    try:
        yield ThrottledUsers(lane, now=lambda: datetime.now(timezone.utc), pin_only=pin_only)
    finally:
        close_database()
