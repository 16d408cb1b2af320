import pytest

from posdesk.core.barcodes import EmbeddedKind, EmbeddedLayout, is_valid_gtin, parse_embedded


@pytest.mark.parametrize("code", ["4006381333931", "96385074", "036000291452", "4012345678901"])
def test_valid_gtins(code):
    assert is_valid_gtin(code)


@pytest.mark.parametrize("code", ["4006381333932", "96385075", "12345", "40063813339a1", ""])
def test_invalid_gtins(code):
    assert not is_valid_gtin(code)


def test_price_embedded_code_carries_price_in_cents():
    emb = parse_embedded("2112345001999", (EmbeddedLayout(),))
    assert emb is not None and emb.item_ref == "2112345" and emb.kind is EmbeddedKind.PRICE
    assert emb.value == 199


def test_weight_embedded_layout_is_configurable():
    layout = EmbeddedLayout(prefixes=("20",), item_digits=4, price_check=True, kind=EmbeddedKind.WEIGHT)
    emb = parse_embedded("2001000012503", (layout,))
    assert emb is not None and emb.item_ref == "200100" and str(emb.weight_kg) == "1.25"


def test_regular_gtin_is_not_embedded():
    assert parse_embedded("4006381333931", (EmbeddedLayout(),)) is None
