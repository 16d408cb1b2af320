"""Money: exact decimal amounts in a currency with fixed minor units.

Amounts are `Decimal`, always quantized to the currency's minor unit; storage and wire
formats use integer minor units (`Money.minor`). Floats are refused outright, because a
single `0.1` would make a till count wrong forever.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from typing import Iterable

__all__ = ["Currency", "Money", "CURRENCIES", "currency", "ROUND_HALF_UP", "ROUND_HALF_EVEN"]


@dataclass(frozen=True)
class Currency:
    """An ISO 4217 currency.

    `cash_increment` is the smallest cash amount the law lets a till hand out (CHF 0.05);
    card payments are never rounded to it.
    """

    code: str
    #: ISO 4217 numeric code, as card terminals (ZVT) expect it.
    numeric: int
    minor_units: int
    cash_increment: Decimal | None = None
    symbol: str = ""

    @property
    def quantum(self) -> Decimal:
        return Decimal(1).scaleb(-self.minor_units)


#: Currencies a lane can be configured for. Add rows, never change existing ones.
CURRENCIES: dict[str, Currency] = {
    c.code: c
    for c in (
        Currency("EUR", 978, 2, symbol="€"),
        Currency("CNY", 156, 2, symbol="¥"),
        Currency("CHF", 756, 2, cash_increment=Decimal("0.05"), symbol="CHF"),
        Currency("USD", 840, 2, symbol="$"),
        Currency("GBP", 826, 2, symbol="£"),
        Currency("SEK", 752, 2, cash_increment=Decimal("1"), symbol="kr"),
        Currency("JPY", 392, 0, symbol="¥"),
    )
}


def currency(code: str) -> Currency:
    """Look a currency up by its ISO code; raise `KeyError` naming the code if unknown."""
    try:
        return CURRENCIES[code.upper()]
    except KeyError:
        raise KeyError(f"unknown currency {code!r}") from None


def _to_decimal(value: Decimal | int | str) -> Decimal:
    if isinstance(value, float):
        raise TypeError("money must not be built from float; use Decimal or str")
    if isinstance(value, bool):
        raise TypeError("money must not be built from bool")
    return value if isinstance(value, Decimal) else Decimal(value)


@dataclass(frozen=True, order=False)
class Money:
    """An amount of one currency, exact to the currency's minor unit."""

    amount: Decimal
    currency: Currency

    def __post_init__(self) -> None:
        amount = _to_decimal(self.amount)
        quantized = amount.quantize(self.currency.quantum, rounding=ROUND_HALF_UP)
        if quantized != amount:
            raise ValueError(
                f"{amount} has more decimals than {self.currency.code} allows; round explicitly"
            )
        object.__setattr__(self, "amount", quantized)

    # -- construction -------------------------------------------------------------------
    @classmethod
    def of(cls, value: Decimal | int | str, cur: Currency, rounding: str = ROUND_HALF_UP) -> Money:
        """Build from any exact value, rounding to the minor unit with `rounding`."""
        return cls(_to_decimal(value).quantize(cur.quantum, rounding=rounding), cur)

    @classmethod
    def from_minor(cls, minor: int, cur: Currency) -> Money:
        if not isinstance(minor, int) or isinstance(minor, bool):
            raise TypeError("minor units must be an int")
        return cls(Decimal(minor).scaleb(-cur.minor_units), cur)

    @classmethod
    def zero(cls, cur: Currency) -> Money:
        return cls(Decimal(0), cur)

    @classmethod
    def sum(cls, items: Iterable[Money], cur: Currency) -> Money:
        total = cls.zero(cur)
        for m in items:
            total = total + m
        return total

    # -- views ---------------------------------------------------------------------------
    @property
    def minor(self) -> int:
        """The amount in integer minor units (cents, fen): what the database stores."""
        return int(self.amount.scaleb(self.currency.minor_units))

    def is_zero(self) -> bool:
        return self.amount == 0

    def __str__(self) -> str:
        return f"{self.amount:,.{self.currency.minor_units}f}"

    def __repr__(self) -> str:
        return f"Money('{self.amount}', {self.currency.code})"

    # -- arithmetic ----------------------------------------------------------------------
    def _check(self, other: object) -> Money:
        if not isinstance(other, Money):
            raise TypeError(f"cannot combine Money with {type(other).__name__}")
        if other.currency != self.currency:
            raise ValueError(f"currency mismatch: {self.currency.code} vs {other.currency.code}")
        return other

    def __add__(self, other: Money) -> Money:
        return Money(self.amount + self._check(other).amount, self.currency)

    def __sub__(self, other: Money) -> Money:
        return Money(self.amount - self._check(other).amount, self.currency)

    def __neg__(self) -> Money:
        return Money(-self.amount, self.currency)

    def __abs__(self) -> Money:
        return Money(abs(self.amount), self.currency)

    def times(self, factor: Decimal | int | str, rounding: str = ROUND_HALF_UP) -> Money:
        """Multiply by an exact factor (a quantity, a percentage) and round explicitly."""
        return Money.of(self.amount * _to_decimal(factor), self.currency, rounding)

    def __lt__(self, other: Money) -> bool:
        return self.amount < self._check(other).amount

    def __le__(self, other: Money) -> bool:
        return self.amount <= self._check(other).amount

    def __gt__(self, other: Money) -> bool:
        return self.amount > self._check(other).amount

    def __ge__(self, other: Money) -> bool:
        return self.amount >= self._check(other).amount

    def allocate(self, weights: list[Decimal]) -> list[Money]:
        """Split into parts proportional to `weights` that sum exactly to self.

        Largest-remainder method: every part is off by less than one minor unit from its
        exact share, and the leftover units go to the largest remainders first.
        """
        if not weights:
            return []
        total_w = sum(weights, Decimal(0))
        if total_w == 0:
            return [Money.zero(self.currency) for _ in weights] if self.is_zero() else \
                self._allocate_even(len(weights))
        units = self.minor
        exact = [Decimal(units) * w / total_w for w in weights]
        floors = [int(e.to_integral_value(rounding="ROUND_FLOOR")) for e in exact]
        left = units - sum(floors)
        order = sorted(range(len(weights)), key=lambda i: exact[i] - floors[i], reverse=True)
        for i in order[:left]:
            floors[i] += 1
        return [Money.from_minor(u, self.currency) for u in floors]

    def _allocate_even(self, n: int) -> list[Money]:
        return self.allocate([Decimal(1)] * n)

    def cash_rounded(self) -> Money:
        """Round to the currency's legal cash increment (Swiss 5 Rappen), half up."""
        inc = self.currency.cash_increment
        if inc is None:
            return self
        steps = (self.amount / inc).quantize(Decimal(1), rounding=ROUND_HALF_UP)
        return Money.of(steps * inc, self.currency)
