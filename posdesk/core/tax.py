"""Tax rates and the per-rate breakdown of a sale.

Inclusive mode (EU VAT, China VAT): shelf prices contain the tax; the tax of each rate is
carved out of that rate's gross. Exclusive mode (US sales tax): prices are net; the tax of
each rate is added on top. Either way the breakdown is computed per rate on the summed
amounts, so its rows add up exactly to the sale total.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from typing import Iterable

from .money import Currency, Money


class TaxMode(Enum):
    INCLUSIVE = "inclusive"
    EXCLUSIVE = "exclusive"


@dataclass(frozen=True)
class TaxRate:
    #: Short code printed beside each receipt line ("A", "B").
    code: str
    #: Percent, e.g. Decimal("19") or Decimal("13").
    percent: Decimal
    name: str = ""


#: Common rate sets; a store's rates come from its configuration.
PRESETS: dict[str, tuple[TaxRate, ...]] = {
    "DE": (TaxRate("A", Decimal("19"), "MwSt 19%"), TaxRate("B", Decimal("7"), "MwSt 7%"),
           TaxRate("C", Decimal("0"), "0%")),
    "CN": (TaxRate("A", Decimal("13"), "VAT 13%"), TaxRate("B", Decimal("9"), "VAT 9%"),
           TaxRate("C", Decimal("6"), "VAT 6%"), TaxRate("Z", Decimal("0"), "0%")),
    "CH": (TaxRate("A", Decimal("8.1"), "MWST 8.1%"), TaxRate("B", Decimal("2.6"), "MWST 2.6%")),
    "US": (TaxRate("A", Decimal("8.875"), "Sales tax"), TaxRate("N", Decimal("0"), "Non-taxable")),
}


@dataclass(frozen=True)
class TaxRow:
    rate: TaxRate
    net: Money
    tax: Money
    gross: Money


def breakdown(amounts: Iterable[tuple[TaxRate, Money]], mode: TaxMode,
              cur: Currency) -> list[TaxRow]:
    """Group line amounts (after discounts) by rate and compute net/tax/gross per rate.

    In inclusive mode the amounts are gross; in exclusive mode they are net.
    """
    by_code: dict[str, tuple[TaxRate, Money]] = {}
    for rate, amount in amounts:
        prev = by_code.get(rate.code)
        by_code[rate.code] = (rate, amount if prev is None else prev[1] + amount)
    rows = []
    for code in sorted(by_code):
        rate, amount = by_code[code]
        if mode is TaxMode.INCLUSIVE:
            tax = amount.times(rate.percent / (Decimal(100) + rate.percent))
            rows.append(TaxRow(rate, amount - tax, tax, amount))
        else:
            tax = amount.times(rate.percent / Decimal(100))
            rows.append(TaxRow(rate, amount, tax, amount + tax))
    return rows
