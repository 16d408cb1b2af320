"""The catalog CSV format: reading it row by row with precise errors, and writing it.

Header: `sku,name,price,tax_code,barcodes,plu,category,unit,min_age`. Barcodes are separated
by `|`; price is a decimal string in major units ("2.49"); unit is empty for counted items
or `kg` for weighed ones. A bad row is reported (line, column, message) and skipped; the
good rows are still imported, so one typo does not block a 100,000-row price update.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Iterable, Iterator, TextIO

from posdesk.core.barcodes import GTIN_LENGTHS, is_valid_gtin, normalize_gtin
from posdesk.core.i18n import QT_TRANSLATE_NOOP, Text
from posdesk.core.money import Currency, Money
from posdesk.core.printable import printable, spreadsheet_safe

from .errors import CatalogFileError

#: Columns in the order they are written.
COLUMNS: tuple[str, ...] = ("sku", "name", "price", "tax_code", "barcodes", "plu", "category",
                            "unit", "min_age")
#: Columns a file must have; the others default to empty.
REQUIRED: frozenset[str] = frozenset({"sku", "name", "price", "tax_code"})
#: Separator between several barcodes of one product.
BARCODE_SEPARATOR: str = "|"
#: Longest field accepted, in characters (a product name is a line on a receipt).
MAX_FIELD: int = 1000
#: Units a product may have: counted ("") or weighed ("kg").
UNITS: frozenset[str] = frozenset({"", "kg"})


@dataclass(frozen=True)
class RowError:
    #: Line of the file (1 is the header), as a spreadsheet shows it.
    line: int
    column: str
    text: Text

    @property
    def message(self) -> str:
        return str(self.text)

    def __str__(self) -> str:
        return f"line {self.line}, {self.column}: {self.message}"


@dataclass
class ProductRow:
    """One product as stored: what the CSV and `CatalogStore.upsert` both produce."""

    sku: str
    name: str
    price_minor: int
    tax_code: str
    barcodes: tuple[str, ...] = ()
    plu: str | None = None
    category: str = ""
    unit: str = ""
    min_age: int = 0
    active: bool = True


@dataclass
class Known:
    """What is already in the database, to catch clashes before writing anything."""

    tax_codes: set[str]
    barcode_owner: dict[str, str] = field(default_factory=dict)
    plu_owner: dict[str, str] = field(default_factory=dict)


def _t(source: str) -> Text:
    return QT_TRANSLATE_NOOP("CatalogImport", source)


def _lines(reader: csv.DictReader) -> Iterator[tuple[int, dict[str, str | None] | None]]:
    """(line, row) for each row; row None for a line the csv module cannot read."""
    while True:
        try:
            raw = next(reader)
        except StopIteration:
            return
        except csv.Error:
            # The reader has skipped the broken line; its counter has not counted it yet.
            yield reader.line_num + 1, None
            continue
        yield reader.line_num, raw


def read_rows(stream: TextIO, known: Known, cur: Currency,
              source: str = "file") -> Iterator[ProductRow | list[RowError]]:
    """Yield each data row as a `ProductRow`, or as the list of its errors.

    Text is stripped of control and format characters (it is printed on receipts).
    """
    reader = csv.DictReader(stream)
    header = [h.strip() for h in reader.fieldnames or []]
    missing = REQUIRED - set(header)
    if missing:
        raise CatalogFileError(f"{source}: missing column(s) {', '.join(sorted(missing))}")
    reader.fieldnames = header
    seen_sku: dict[str, int] = {}
    seen_barcode: dict[str, int] = {}
    seen_plu: dict[str, int] = {}
    for line, raw in _lines(reader):
        if raw is None:
            yield [RowError(line, "", _t("The line cannot be read (a field is too long or "
                                         "a quote is not closed)."))]
            continue
        errors: list[RowError] = []
        too_long = [k for k, v in raw.items() if k is not None and len(v or "") > MAX_FIELD]
        if too_long:
            yield [RowError(line, too_long[0], _t("The field is longer than {n} characters.")
                            .format(n=MAX_FIELD))]
            continue
        values = {k: printable(v or "") for k, v in raw.items() if k is not None}

        def bad(column: str, text: Text) -> None:
            # Called only within this iteration, so the loop's current row is the right one.
            errors.append(RowError(line, column, text))  # noqa: B023

        sku = values.get("sku", "")
        if not sku:
            bad("sku", _t("The SKU is empty."))
        elif sku in seen_sku:
            bad("sku", _t("SKU {sku} is also on line {other}.").format(sku=sku, other=seen_sku[sku]))
        name = values.get("name", "")
        if not name:
            bad("name", _t("The name is empty."))
        price_minor = _price(values.get("price", ""), cur, bad)
        tax_code = values.get("tax_code", "")
        if tax_code not in known.tax_codes:
            bad("tax_code", _t("Unknown tax code {code}.").format(code=tax_code))
        barcodes = _barcodes(values.get("barcodes", ""), sku, line, known, seen_barcode, bad)
        plu = values.get("plu") or None
        if plu is not None:
            if plu in seen_plu:
                bad("plu", _t("PLU {plu} is also on line {other}.").format(plu=plu, other=seen_plu[plu]))
            elif known.plu_owner.get(plu, sku) != sku:
                bad("plu", _t("PLU {plu} belongs to {owner}.").format(plu=plu, owner=known.plu_owner[plu]))
        unit = values.get("unit", "").lower()
        if unit == "pc":
            unit = ""
        if unit not in UNITS:
            bad("unit", _t("Unit must be empty or kg, not {unit}.").format(unit=unit))
        min_age = _min_age(values.get("min_age", ""), bad)
        if errors:
            yield errors
            continue
        seen_sku[sku] = line
        seen_barcode.update((b, line) for b in barcodes)
        if plu is not None:
            seen_plu[plu] = line
        yield ProductRow(sku, name, price_minor, tax_code, barcodes, plu,
                         values.get("category", ""), unit, min_age)


def _price(text: str, cur: Currency, bad) -> int:
    try:
        amount = Decimal(text)
        if not amount.is_finite() or amount < 0:
            raise ValueError(text)
        return Money(amount, cur).minor
    except (InvalidOperation, ValueError):
        bad("price", _t("Bad price {price}: use a number like 2.49.").format(price=text))
        return 0


def _min_age(text: str, bad) -> int:
    if not text:
        return 0
    if not (text.isascii() and text.isdigit()) or int(text) > 99:
        bad("min_age", _t("Bad minimum age {age}.").format(age=text))
        return 0
    return int(text)


def _barcodes(text: str, sku: str, line: int, known: Known, seen: dict[str, int],
              bad) -> tuple[str, ...]:
    codes: list[str] = []
    for code in (c.strip() for c in text.split(BARCODE_SEPARATOR)):
        if not code:
            continue
        if not (code.isascii() and code.isdigit()) or len(code) not in GTIN_LENGTHS:
            bad("barcodes", _t("{code} is not an EAN/UPC barcode (8, 12, 13 or 14 digits).").format(code=code))
            continue
        if not is_valid_gtin(code):
            bad("barcodes", _t("Barcode {code} has a bad check digit.").format(code=code))
            continue
        code = normalize_gtin(code)
        if code in seen:
            bad("barcodes", _t("Barcode {code} is also on line {other}.").format(code=code, other=seen[code]))
        elif known.barcode_owner.get(code, sku) != sku:
            bad("barcodes", _t("Barcode {code} belongs to {owner}.").format(code=code, owner=known.barcode_owner[code]))
        elif code not in codes:
            codes.append(code)
    return tuple(codes)


def write_rows(stream: TextIO, rows: Iterable[ProductRow], cur: Currency) -> int:
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(COLUMNS)
    count = 0
    for r in rows:
        price = Money.from_minor(r.price_minor, cur).amount
        cells = (r.sku, r.name, str(price), r.tax_code, BARCODE_SEPARATOR.join(r.barcodes),
                 r.plu or "", r.category, r.unit, r.min_age or "")
        writer.writerow([spreadsheet_safe(c) if isinstance(c, str) else c for c in cells])
        count += 1
    return count
