"""Who works the till: logging in and out, and a manager's approval of one action.

PINs are checked by the lane's throttled user store, so wrong PINs typed here (login or the
approval box) count toward the lane's lockout and the named user's.
"""
from __future__ import annotations

import logging

from posdesk.core.permissions import Operator, Permission, allowed
from posdesk.db.users import UserRecord, UserStore

from .checkout import Checkout
from .errors import NotPermitted

log = logging.getLogger(__name__)


class SessionService:
    def __init__(self, *, checkout: Checkout, users: UserStore):
        self._checkout = checkout
        self._users = users

    @property
    def names_first(self) -> bool:
        """Whether a PIN must come with a name (setting `ui.login`, name + PIN by default)."""
        return not self._users.pin_only

    def user_names(self, permission: Permission | None = None) -> list[str]:
        """The active users to choose from, or those who may allow `permission`."""
        return [u.name for u in self._users.list()
                if u.active and (permission is None or allowed(u.role, permission))]

    def login(self, pin: str, *, name: str | None = None) -> Operator:
        """Log in as `name` (or, with PIN-only login, by PIN alone)."""
        operator = _operator(self._users.check_pin(name, pin))
        self._checkout.logged_in = operator
        log.info("%s logged in", operator.name)
        return operator

    def logout(self) -> None:
        self._checkout.logged_in = None

    def approve(self, pin: str, permission: Permission, *, name: str | None = None) -> str:
        """Check the PIN of manager `name` (or a PIN alone, with PIN-only login) for
        `permission`; return the approver's name for the journal."""
        approver = _operator(self._users.check_pin(name, pin))
        if not approver.may(permission):
            raise NotPermitted(approver.name, permission.value)
        self._checkout.audit("approval", permission=permission.value, approver=approver.name)
        return approver.name


def _operator(user: UserRecord) -> Operator:
    return Operator(user.name, user.role)
