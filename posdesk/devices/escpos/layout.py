"""Receipt and report layout: a `Receipt` becomes styled lines for a fixed column width.

Pure text work, no bytes: amounts are right-aligned, long names wrap, and a CJK character
counts as two columns because the printer draws it twice as wide as a Latin one. A
double-size line has half the columns. The renderer turns the blocks into ESC/POS bytes.
"""
from __future__ import annotations

import enum
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from posdesk.core.receipt import Receipt, ReceiptKind, ReceiptLine, TextReport


class Align(enum.Enum):
    LEFT = "left"
    CENTER = "center"


@dataclass(frozen=True)
class TextBlock:
    text: str
    bold: bool = False
    #: Double width and double height (the total line, the COPY mark).
    double: bool = False
    align: Align = Align.LEFT


@dataclass(frozen=True)
class QrBlock:
    payload: str


@dataclass(frozen=True)
class BarcodeBlock:
    data: str


@dataclass(frozen=True)
class LogoBlock:
    path: str


Block = TextBlock | QrBlock | BarcodeBlock | LogoBlock


# -- column arithmetic ------------------------------------------------------------------
def char_width(ch: str) -> int:
    """Columns `ch` takes on the paper: 2 for wide/full-width (CJK), 0 for combining marks."""
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def display_width(text: str) -> int:
    return sum(char_width(ch) for ch in text)


def wrap(text: str, width: int) -> list[str]:
    """Break `text` into lines of at most `width` columns, at spaces where possible.
    Leading spaces (an indent) are kept on every line."""
    body = text.lstrip(" ")
    indent = " " * min(len(text) - len(body), max(width - 1, 0))
    return [indent + part for part in _wrap_words(body, width - len(indent))]


def _wrap_words(text: str, width: int) -> list[str]:
    lines: list[str] = []
    current, current_w = "", 0
    for word in text.split(" "):
        word_w = display_width(word)
        sep_w = 1 if current else 0
        if current_w + sep_w + word_w <= width:
            current = f"{current} {word}" if current else word
            current_w += sep_w + word_w
            continue
        if current:
            lines.append(current)
            current, current_w = "", 0
        # A word longer than the line (or CJK text without spaces) is cut by columns.
        for ch in word:
            w = char_width(ch)
            if current_w + w > width:
                lines.append(current)
                current, current_w = "", 0
            current += ch
            current_w += w
    if current or not lines:
        lines.append(current)
    return lines


def two_columns(left: str, right: str, width: int) -> list[str]:
    """`left` wrapped, `right` right-aligned on the first line."""
    room = width - display_width(right) - 1
    parts = wrap(left, max(room, 1))
    first = parts[0]
    pad = width - display_width(first) - display_width(right)
    return [first + " " * max(pad, 1) + right, *parts[1:]]


# -- receipts ---------------------------------------------------------------------------
def _quantity_text(line: ReceiptLine) -> str | None:
    """The "2 x 1.50" line, or None for one piece at its list price."""
    if line.quantity == 1 and not line.unit:
        return None
    qty = format(line.quantity.normalize(), "f")
    unit = f" {line.unit}" if line.unit else ""
    per = f"/{line.unit}" if line.unit else ""
    return f"  {qty}{unit} x {line.unit_price}{per}"


def _line_blocks(line: ReceiptLine, width: int) -> list[TextBlock]:
    texts = two_columns(line.description, f"{line.amount} {line.tax_code}", width)
    if (qty := _quantity_text(line)) is not None:
        texts.extend(wrap(qty, width))
    for note in line.notes:
        texts.extend(wrap(f"  {note}", width))
    return [TextBlock(t) for t in texts]


def _vat_blocks(receipt: Receipt, width: int) -> list[TextBlock]:
    if not receipt.vat:
        return []
    col = (width - 8) // 3
    head = f"{receipt.label('vat'):<8}"[:8] + "".join(
        f"{receipt.label(k):>{col}}" for k in ("net", "tax", "gross"))
    rows = [TextBlock(head)]
    for row in receipt.vat:
        rate = format(Decimal(row.rate_percent).normalize(), "f")
        lead = f"{row.code} {rate}%"
        rows.append(TextBlock(f"{lead:<8}"[:8] + "".join(
            f"{str(m):>{col}}" for m in (row.net, row.tax, row.gross))))
    return rows


def layout_receipt(receipt: Receipt, width: int) -> list[Block]:
    """The blocks of `receipt` for a `width`-column printer, top to bottom."""
    rule = TextBlock("-" * width)
    half = width // 2
    blocks: list[Block] = []
    copy_mark = TextBlock(f"*** {receipt.label('copy')} ***", bold=True, double=True,
                          align=Align.CENTER)
    if receipt.kind is ReceiptKind.COPY:
        blocks.append(copy_mark)
    if receipt.logo_path:
        blocks.append(LogoBlock(receipt.logo_path))
    header = receipt.header
    blocks += [TextBlock(t, bold=True, double=True, align=Align.CENTER)
               for t in wrap(header.name, half)]
    for text in (*header.address_lines, header.tax_id):
        blocks += [TextBlock(t, align=Align.CENTER) for t in wrap(text, width) if t]
    if receipt.kind is ReceiptKind.REFUND:
        blocks.append(TextBlock(receipt.label("refund"), bold=True, double=True,
                                align=Align.CENTER))
    blocks.append(rule)
    for left, right in (
        (f"{receipt.label('receipt_no')} {receipt.receipt_no}",
         f"{receipt.label('lane')} {receipt.lane_id}"),
        (f"{receipt.label('cashier')}: {receipt.cashier}", receipt.local_time_text),
    ):
        blocks += [TextBlock(t) for t in two_columns(left, right, width)]
    blocks.append(rule)
    for line in receipt.lines:
        blocks += _line_blocks(line, width)
    blocks.append(rule)
    blocks += [TextBlock(t) for t in two_columns(receipt.label("subtotal"),
                                                  str(receipt.subtotal), width)]
    for adj in receipt.adjustments:
        blocks += [TextBlock(t) for t in two_columns(adj.label, str(adj.amount), width)]
    blocks += [TextBlock(t, bold=True, double=True)
               for t in two_columns(receipt.label("total"), str(receipt.total), half)]
    for tender in receipt.tenders:
        blocks += [TextBlock(t) for t in two_columns(tender.label, str(tender.amount), width)]
        for detail in tender.details:
            blocks += [TextBlock(t) for t in wrap(f"  {detail}", width)]
    if receipt.change is not None:
        blocks += [TextBlock(t, bold=True)
                   for t in two_columns(receipt.label("change"), str(receipt.change), width)]
    vat = _vat_blocks(receipt, width)
    if vat:
        blocks += [rule, *vat]
    if receipt.card_slip:
        blocks.append(rule)
        for slip_line in receipt.card_slip:
            blocks += [TextBlock(t) for t in wrap(slip_line, width)]
    if receipt.footer_lines:
        blocks.append(rule)
        for text in receipt.footer_lines:
            blocks += [TextBlock(t, align=Align.CENTER) for t in wrap(text, width)]
    if receipt.barcode:
        blocks.append(BarcodeBlock(receipt.barcode))
    if receipt.qr_payload:
        blocks.append(QrBlock(receipt.qr_payload))
    if receipt.kind is ReceiptKind.COPY:
        blocks.append(copy_mark)
    return blocks


def layout_report(report: TextReport, width: int) -> list[Block]:
    """An X/Z report: bold centered title, label/value rows, footer."""
    blocks: list[Block] = [TextBlock(t, bold=True, double=True, align=Align.CENTER)
                           for t in wrap(report.title, width // 2)]
    blocks.append(TextBlock("-" * width))
    for label, value in report.rows:
        blocks += [TextBlock(t) for t in two_columns(label, value, width)]
    if report.footer_lines:
        blocks.append(TextBlock("-" * width))
        for text in report.footer_lines:
            blocks += [TextBlock(t, align=Align.CENTER) for t in wrap(text, width)]
    return blocks
