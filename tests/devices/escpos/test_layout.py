"""Column arithmetic of the receipt layout: nothing spills past the paper edge."""
from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from posdesk.core.receipt import ReceiptLine
from posdesk.devices.escpos.layout import TextBlock, display_width, layout_receipt, two_columns, wrap

from .samples import eur, latin_receipt

words = st.text(alphabet=st.sampled_from("abcXYZ éü苹果水超市 -"), min_size=0, max_size=80)


def test_cjk_characters_take_two_columns():
    assert display_width("苹果") == 4
    assert display_width("Äpfel") == 5
    assert display_width("ｱ") == 1  # half-width katakana is narrow


@given(words, st.sampled_from([32, 42, 48]))
def test_wrapped_lines_never_exceed_the_width(text, width):
    for line in wrap(text, width):
        assert display_width(line) <= width


@given(words)
def test_wrapping_keeps_every_non_space_character(text):
    assert "".join(wrap(text, 10)).replace(" ", "") == text.replace(" ", "")


@given(words, st.sampled_from([32, 42, 48]))
def test_any_item_name_lays_out_within_the_paper_width(name, width):
    line = ReceiptLine(name or "x", Decimal(3), eur("1.99"), eur("5.97"), "A")
    receipt = latin_receipt(lines=(line,))
    for block in layout_receipt(receipt, width):
        if isinstance(block, TextBlock):
            limit = width // 2 if block.double else width
            assert display_width(block.text) <= limit, block


def test_amount_column_is_flush_right():
    assert two_columns("Bread", "4.20 B", 20) == ["Bread         4.20 B"]
