"""What a printed receipt says, independent of any printer.

The app builds a `Receipt` from a completed sale; the printer layer lays it out for its
paper width and code page. Every fixed word ("TOTAL", "Change", ...) comes from `labels`,
which the app fills with translated words, because the printer layer cannot reach Qt.
A `TextReport` is the simpler shape of X/Z reports: a title, label/value rows, a footer.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal
from types import MappingProxyType
from typing import Mapping

from .money import Money

#: English defaults of the fixed words; the app passes translated ones in `Receipt.labels`.
DEFAULT_LABELS: Mapping[str, str] = MappingProxyType({
    "subtotal": "Subtotal",
    "total": "TOTAL",
    "change": "Change",
    "vat": "VAT",
    "net": "Net",
    "tax": "Tax",
    "gross": "Gross",
    "cashier": "Cashier",
    "lane": "Lane",
    "receipt_no": "Receipt",
    "copy": "COPY",
    "refund": "REFUND",
    "cash": "Cash",
    "card": "Card",
})


class ReceiptKind(enum.Enum):
    SALE = "sale"
    REFUND = "refund"
    #: A reprint: the same receipt again, visibly marked as a copy.
    COPY = "copy"


class TenderKind(enum.Enum):
    CASH = "cash"
    CARD = "card"


@dataclass(frozen=True)
class StoreHeader:
    name: str
    address_lines: tuple[str, ...] = ()
    tax_id: str = ""


@dataclass(frozen=True)
class ReceiptLine:
    description: str
    quantity: Decimal
    unit_price: Money
    amount: Money
    tax_code: str
    #: Unit of a weighed or measured quantity ("kg"); empty for pieces.
    unit: str = ""
    #: Already-worded notes printed under the line ("Discount -1.00", "Price override").
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class AdjustmentLine:
    """A sale-level discount or surcharge, already worded by the app."""

    label: str
    amount: Money


@dataclass(frozen=True)
class VatRow:
    code: str
    rate_percent: Decimal
    net: Money
    tax: Money
    gross: Money


@dataclass(frozen=True)
class Tender:
    kind: TenderKind
    label: str
    amount: Money
    #: Short facts under the tender, e.g. masked card number and authorisation code.
    details: tuple[str, ...] = ()


@dataclass(frozen=True)
class Receipt:
    header: StoreHeader
    lane_id: str
    receipt_no: str
    cashier: str
    time_utc: datetime
    #: Local time as the store prints it; the app formats it, this layer has no time zones.
    local_time_text: str
    lines: tuple[ReceiptLine, ...]
    subtotal: Money
    total: Money
    kind: ReceiptKind = ReceiptKind.SALE
    adjustments: tuple[AdjustmentLine, ...] = ()
    vat: tuple[VatRow, ...] = ()
    tenders: tuple[Tender, ...] = ()
    change: Money | None = None
    #: Lines of the card terminal's customer slip, printed as they came.
    card_slip: tuple[str, ...] = ()
    #: Carries sale id and recording id, so a manager can jump from paper to evidence.
    qr_payload: str = ""
    #: Printed as a CODE128 barcode when set (usually the receipt number).
    barcode: str = ""
    footer_lines: tuple[str, ...] = ()
    logo_path: str | None = None
    labels: Mapping[str, str] = field(default_factory=lambda: DEFAULT_LABELS)

    def label(self, key: str) -> str:
        """The (translated) fixed word for `key`, falling back to English."""
        return self.labels.get(key) or DEFAULT_LABELS[key]

    def as_copy(self) -> Receipt:
        """The same receipt marked COPY, for a reprint."""
        return replace(self, kind=ReceiptKind.COPY)


@dataclass(frozen=True)
class TextReport:
    """X/Z reports and other plain listings: a title, (label, value) rows, footer lines."""

    title: str
    rows: tuple[tuple[str, str], ...]
    footer_lines: tuple[str, ...] = ()
