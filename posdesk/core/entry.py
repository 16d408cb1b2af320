"""What the cashier typed or scanned into the item entry line.

`3*4006381333931` rings three of an item; `1.250*2001` a weighed PLU by hand. A scan is
just the code. Parsing is pure so the window and the demo driver agree on it.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .errors import InvalidAmount
from .i18n import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Entry:
    code: str
    quantity: Decimal | None  # None: the default for the item (1, or the embedded weight)


def parse_entry(text: str) -> Entry:
    text = text.strip()
    if "*" not in text:
        return Entry(text, None)
    qty_text, _, code = text.partition("*")
    try:
        qty = Decimal(qty_text.strip().replace(",", "."))
    except InvalidOperation:
        raise InvalidAmount(f"bad quantity {qty_text!r}", QT_TRANSLATE_NOOP(
            "Domain", "\"{text}\" is not a quantity.").format(text=qty_text)) from None
    return Entry(code.strip(), qty)
