"""Who may do what. Each action names the permission it needs; some need a manager's PIN.

The cashier keeps working: an action beyond their role raises `ApprovalRequired`, the UI
asks a manager for a PIN, and the action is retried with `approved_by` — journaled.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import Enum


class Role(Enum):
    CASHIER = "cashier"
    MANAGER = "manager"
    ADMIN = "admin"


class Permission(Enum):
    SELL = "sell"
    VOID_LINE = "void_line"
    VOID_SALE = "void_sale"
    PRICE_OVERRIDE = "price_override"
    REFUND = "refund"
    NO_SALE = "no_sale"
    LARGE_DISCOUNT = "large_discount"
    CASH_IN_OUT = "cash_in_out"
    SHIFT_CLOSE = "shift_close"
    Z_REPORT = "z_report"
    MANAGE_USERS = "manage_users"
    VIEW_RECORDINGS = "view_recordings"
    DEVICE_SETTINGS = "device_settings"
    #: Settle a card payment the terminal cannot account for (charged or not).
    RESOLVE_PAYMENT = "resolve_payment"


_MANAGER_ONLY = {
    Permission.VOID_LINE, Permission.VOID_SALE, Permission.PRICE_OVERRIDE, Permission.REFUND,
    Permission.NO_SALE, Permission.LARGE_DISCOUNT, Permission.Z_REPORT,
    Permission.VIEW_RECORDINGS, Permission.DEVICE_SETTINGS, Permission.RESOLVE_PAYMENT,
}
_ADMIN_ONLY = {Permission.MANAGE_USERS}


def allowed(role: Role, permission: Permission) -> bool:
    if permission in _ADMIN_ONLY:
        return role is Role.ADMIN
    if permission in _MANAGER_ONLY:
        return role in (Role.MANAGER, Role.ADMIN)
    return True


@dataclass(frozen=True)
class Operator:
    """Who is at the till, or who approved an action: what the journal names and what the
    role allows, without the stored user's PIN hash or lockout count."""

    name: str
    role: Role

    def may(self, permission: Permission) -> bool:
        return allowed(self.role, permission)


@dataclass(frozen=True)
class Policy:
    """Store rules that decide when approval is needed."""

    #: Discounts above this percent of the discounted amount need a manager.
    discount_threshold_percent: Decimal = Decimal("10")
    #: Wrong PIN tries before a user is locked out.
    max_pin_tries: int = 5
