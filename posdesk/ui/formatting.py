"""How money, quantities and times look on screen."""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from posdesk.core.money import Money


def money_text(amount: Money) -> str:
    """`€ 12.50`, `-€ 2.00`: the symbol keeps the sign outside so columns line up."""
    symbol = amount.currency.symbol or amount.currency.code
    sign = "-" if amount.amount < 0 else ""
    return f"{sign}{symbol} {abs(amount)}"


def quantity_text(quantity: Decimal, unit: str = "") -> str:
    """`3`, `1.25 kg`, `-2`: no trailing zeros, the unit only when there is one."""
    normal = quantity.normalize()
    # normalize() turns 10 into 1E+1; quantize back to plain digits.
    text = f"{normal:f}"
    return f"{text} {unit}" if unit else text


def local_time_text(when: datetime) -> str:
    """A UTC time as the cashier's wall clock shows it."""
    return when.astimezone().strftime("%Y-%m-%d %H:%M")
