"""Masking card numbers (PANs) in free text, the way card slips print them.

A card number is 13 to 19 digits; slips and terminal texts write it in one run or in groups
split by single spaces or dashes. Everything that looks like one keeps its last four digits
and its layout, every other digit becomes '*' ("Card 6725123412344771" ->
"Card ************4771"), so what is left can go into the journal, onto the receipt and into
a log. Longer digit runs are no card number and are left alone, as are shorter ones (dates,
amounts, terminal ids) and digits glued to letters.
"""
from __future__ import annotations

import re

#: Digits of a card number that may be shown.
VISIBLE_DIGITS = 4
#: Shortest and longest card numbers (ISO/IEC 7812).
MIN_DIGITS = 13
MAX_DIGITS = 19
#: A digit run of card-number length, single spaces or dashes allowed between digits, with
#: no letter or digit directly before or after it (an AID like A0000000043060 is no PAN).
_CARD_NUMBER = re.compile(rf"(?<!\w)(?:\d[ -]?){{{MIN_DIGITS - 1},{MAX_DIGITS - 1}}}\d(?!\w)")


def _mask(match: re.Match[str]) -> str:
    run = match.group()
    keep_from = len(run)
    seen = 0
    while seen < VISIBLE_DIGITS:  # find where the last four digits start
        keep_from -= 1
        seen += run[keep_from].isdigit()
    return re.sub(r"\d", "*", run[:keep_from]) + run[keep_from:]


def mask_card_numbers(text: str) -> str:
    """`text` with every card-number-like digit run reduced to its last four digits."""
    return _CARD_NUMBER.sub(_mask, text)
