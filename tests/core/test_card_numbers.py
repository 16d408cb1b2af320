"""Card numbers in free text keep only their last four digits, like a card slip."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from posdesk.core.card_numbers import mask_card_numbers


@pytest.mark.parametrize(("text", "masked"), [
    ("Card 6725123412344771", "Card ************4771"),
    ("4111 1111 1111 1234", "**** **** **** 1234"),
    ("PAN: 4111-1111-1111-1111 exp 12/29", "PAN: ****-****-****-1111 exp 12/29"),
    ("1234567890123", "*********0123"),  # 13 digits: the shortest card number
    ("1234567890123456789", "***************6789"),  # 19 digits: the longest
])
def test_card_number_runs_keep_their_last_four_digits_and_layout(text, masked):
    assert mask_card_numbers(text) == masked


@pytest.mark.parametrize("text", [
    "Terminal-ID 52500001",
    "Trace 000123 Receipt 0042",
    "123456789012",  # 12 digits: too short for a card number
    "12345678901234567890",  # 20 digits: too long
    "AID A0000000043060",  # glued to a letter: an application id, not a card
    "02.12.2026 15:30:12",
    "AMOUNT EUR 4.78",
])
def test_text_without_a_card_number_is_left_alone(text):
    assert mask_card_numbers(text) == text


def test_every_card_number_in_a_line_is_masked():
    assert mask_card_numbers("6725123412344771 / 4111111111111111") == \
        "************4771 / ************1111"


WORDS = st.text(alphabet="Card NrPAN:./", max_size=8)


@given(st.text(alphabet="0123456789", min_size=13, max_size=19), WORDS, WORDS)
def test_no_card_number_survives_between_any_words(pan, before, after):
    text = f"{before} {pan} {after}"
    masked = mask_card_numbers(text)
    assert pan not in masked and pan[-4:] in masked and len(masked) == len(text)
