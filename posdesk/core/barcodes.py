"""Retail barcodes: GTIN check digits and price/weight-embedded in-store codes.

In-store codes (EAN-13 with prefix 20-29) carry an item reference and a price or weight.
Shops print them with different layouts, so the layout is data: which prefixes, how many
digits of item reference, and whether the value is a price (minor units) or a weight (grams).
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

GTIN_LENGTHS = (8, 12, 13, 14)


def gtin_check_digit(body: str) -> int:
    """Check digit for the GTIN digits `body` (everything but the last digit)."""
    if not body.isdigit():
        raise ValueError(f"not digits: {body!r}")
    total = 0
    # Weights alternate 3,1,3,... counted from the rightmost body digit.
    for i, ch in enumerate(reversed(body)):
        total += int(ch) * (3 if i % 2 == 0 else 1)
    return (10 - total % 10) % 10


def is_valid_gtin(code: str) -> bool:
    """True for a well-formed EAN-8, UPC-A, EAN-13 or GTIN-14 with a correct check digit."""
    return (
        code.isdigit()
        and len(code) in GTIN_LENGTHS
        and gtin_check_digit(code[:-1]) == int(code[-1])
    )


def normalize_gtin(code: str) -> str:
    """UPC-A is EAN-13 with a leading zero; store both under the 13-digit form."""
    return "0" + code if len(code) == 12 else code


class EmbeddedKind(Enum):
    PRICE = "price"
    WEIGHT = "weight"


@dataclass(frozen=True)
class EmbeddedLayout:
    """Layout of an in-store EAN-13: `PP IIIII [C] VVVVV K`.

    `prefixes` are the two-digit prefixes using this layout; `item_digits` the item reference
    length after the prefix; `price_check` whether a price check digit precedes the value.
    """

    prefixes: tuple[str, ...] = ("20", "21", "22", "23", "24", "25", "26", "27", "28", "29")
    item_digits: int = 5
    price_check: bool = False
    kind: EmbeddedKind = EmbeddedKind.PRICE


@dataclass(frozen=True)
class EmbeddedCode:
    #: The item reference, as stored in the catalog as PLU (prefix + item digits).
    item_ref: str
    kind: EmbeddedKind
    #: Minor units of currency for PRICE, grams for WEIGHT.
    value: int

    @property
    def weight_kg(self) -> Decimal:
        return Decimal(self.value) / 1000


def parse_embedded(code: str, layouts: tuple[EmbeddedLayout, ...]) -> EmbeddedCode | None:
    """Decode an in-store code with the first layout whose prefix matches, else None."""
    if len(code) != 13 or not is_valid_gtin(code):
        return None
    for layout in layouts:
        if code[:2] not in layout.prefixes:
            continue
        ref_end = 2 + layout.item_digits
        value_start = ref_end + (1 if layout.price_check else 0)
        value_digits = code[value_start:12]
        if not value_digits:
            continue
        return EmbeddedCode(code[:ref_end], layout.kind, int(value_digits))
    return None
