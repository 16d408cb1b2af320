"""Text that goes to a printer or a spreadsheet, made harmless.

A product name is printed on every receipt: an ESC byte inside it would be an ESC/POS
command (cut the paper, open the drawer, switch code pages), and a bidi override would make
the printed line say something else than the stored one. A spreadsheet runs a cell starting
with `=`, `+`, `-` or `@` as a formula (CSV injection).
"""
from __future__ import annotations

import unicodedata

#: Unicode categories removed: controls, format characters (bidi overrides, zero-width),
#: line and paragraph separators, unassigned and private-use code points.
REMOVED_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cn", "Co", "Cs"})
#: Cell starts a spreadsheet treats as a formula (tab and CR too: some programs strip them).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def printable(text: str) -> str:
    """`text` without control or format characters; whitespace runs become one space."""
    kept = "".join(" " if _is_space(ch) else ch for ch in text
                   if _is_space(ch) or unicodedata.category(ch) not in REMOVED_CATEGORIES)
    return " ".join(kept.split())


def _is_space(ch: str) -> bool:
    # Not str.isspace(): it counts the separator controls 0x1C-0x1F as spaces.
    return ch in "\t\n\r" or unicodedata.category(ch) == "Zs"


def spreadsheet_safe(cell: str) -> str:
    """`cell` as a spreadsheet shows it, never run as a formula (an apostrophe in front)."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell
