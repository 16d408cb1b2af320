from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from posdesk.core.money import Money, currency

EUR, CHF, JPY = currency("EUR"), currency("CHF"), currency("JPY")


def test_money_refuses_float():
    with pytest.raises(TypeError):
        Money.of(0.1, EUR)


def test_money_refuses_hidden_rounding():
    with pytest.raises(ValueError):
        Money(Decimal("1.005"), EUR)
    assert Money.of("1.005", EUR).amount == Decimal("1.01")


def test_minor_units_round_trip_per_currency():
    assert Money.from_minor(1999, EUR).amount == Decimal("19.99")
    assert Money.from_minor(1999, JPY).amount == Decimal("1999")
    assert Money.of("19.99", EUR).minor == 1999


def test_currencies_do_not_mix():
    with pytest.raises(ValueError):
        Money.of("1", EUR) + Money.of("1", CHF)


@pytest.mark.parametrize("amount,rounded", [("10.02", "10.00"), ("10.03", "10.05"),
                                            ("10.07", "10.05"), ("10.08", "10.10")])
def test_swiss_cash_rounding_to_five_rappen(amount, rounded):
    assert Money.of(amount, CHF).cash_rounded() == Money.of(rounded, CHF)


def test_euro_cash_is_not_rounded():
    assert Money.of("10.02", EUR).cash_rounded() == Money.of("10.02", EUR)


@given(st.integers(-10**9, 10**9), st.lists(st.integers(0, 1000), min_size=1, max_size=20))
def test_allocate_sums_exactly(minor, weights):
    parts = Money.from_minor(minor, EUR).allocate([Decimal(w) for w in weights])
    assert sum(p.minor for p in parts) == minor
