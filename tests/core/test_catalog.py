from decimal import Decimal

import pytest

from posdesk.core.catalog import resolve_code
from posdesk.core.errors import UnknownCode

from .conftest import CHEESE, MILK, eur


def test_scan_finds_product_by_barcode(catalog):
    r = resolve_code("4006381333931", catalog)
    assert r.product == MILK and r.quantity == 1



def test_misread_barcode_is_reported_as_check_digit_error(catalog):
    with pytest.raises(UnknownCode) as e:
        resolve_code("4006381333932", catalog)
    assert e.value.reason == "check digit"


def test_unknown_barcode_is_reported(catalog):
    with pytest.raises(UnknownCode) as e:
        resolve_code("4000000000006", catalog)
    assert e.value.reason == "not in catalog" and "4000000000006" in str(e.value.text)


def test_plu_finds_product(catalog):
    assert resolve_code("2001", catalog).product.name == "Apples"


def test_price_embedded_label_sets_line_price(catalog):
    r = resolve_code("2112345001999", catalog)
    assert r.product == CHEESE and r.embedded_price == eur("1.99") and r.quantity == Decimal(1)
