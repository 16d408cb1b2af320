"""Errors raised by the application services."""
from __future__ import annotations

from posdesk.core.errors import DomainError
from posdesk.core.i18n import QT_TRANSLATE_NOOP


class NotPermitted(DomainError):
    def __init__(self, who: str, permission: str):
        super().__init__(f"{who} may not {permission}",
                         QT_TRANSLATE_NOOP("Domain", "{who} is not allowed to approve this.").format(who=who))


class NotLoggedIn(DomainError):
    def __init__(self) -> None:
        super().__init__("no cashier is logged in", QT_TRANSLATE_NOOP("Domain", "Log in first."))


class NoShift(DomainError):
    def __init__(self) -> None:
        super().__init__("no shift is open", QT_TRANSLATE_NOOP("Domain", "Open a shift first."))
