"""The receipt of a sale as the printer printed it, rebuilt from its journal, as text lines.

The same receipt model and printer layout as the till, so the manager reads what the
customer got (the QR code and barcode appear as their contents in brackets).
"""
from __future__ import annotations

from typing import Iterable, Mapping

from posdesk.core.clock import SystemClock
from posdesk.core.journal import JournalEvent
from posdesk.core.receipt import DEFAULT_LABELS, StoreHeader
from posdesk.core.receipt_build import build_receipt
from posdesk.core.sale import Sale
from posdesk.devices.escpos.layout import BarcodeBlock, QrBlock, TextBlock, layout_receipt

#: Columns of the receipt printer the text imitates (80 mm paper, font A).
RECEIPT_WIDTH = 42


def receipt_lines(events: Iterable[JournalEvent], *, header: StoreHeader,
                  labels: Mapping[str, str] = DEFAULT_LABELS, recording_id: str = "",
                  width: int = RECEIPT_WIDTH) -> tuple[str, ...]:
    """The printed lines; empty for a sale that never completed (no receipt was printed)."""
    sale = Sale.replay(events, SystemClock())
    if sale.receipt_no is None:
        return ()
    receipt = build_receipt(sale, header=header, labels=labels, recording_id=recording_id)
    lines: list[str] = []
    for block in layout_receipt(receipt, width):
        if isinstance(block, TextBlock):
            lines.append(block.text.center(width) if block.align.name == "CENTER" else block.text)
        elif isinstance(block, QrBlock):
            lines.append(f"[QR: {block.payload}]")
        elif isinstance(block, BarcodeBlock):
            lines.append(f"[{block.data}]")
    return tuple(lines)
