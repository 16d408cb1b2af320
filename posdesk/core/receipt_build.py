"""From a finished sale to the receipt model the printer lays out.

The words of the receipt come in as `labels` (translated by the UI) and the store facts as a
`StoreHeader`; this module only decides what is printed, in which order, with which amounts.
"""
from __future__ import annotations

from datetime import tzinfo
from typing import Mapping

from .lines import DiscountKind, PaymentStatus, Tender as SaleTender
from .receipt import (DEFAULT_LABELS, AdjustmentLine, Receipt, ReceiptKind, ReceiptLine, StoreHeader,
                      Tender, TenderKind, VatRow)
from .sale import Sale, SaleKind


def build_receipt(sale: Sale, *, header: StoreHeader, labels: Mapping[str, str] = DEFAULT_LABELS,
                  local_tz: tzinfo | None = None, recording_id: str = "",
                  footer: tuple[str, ...] = (), evidence_head: str = "") -> Receipt:
    """The receipt of a completed sale. `recording_id` goes into the QR code so a manager
    can go from the paper straight to the evidence; `evidence_head` (`SEQ:HASH`, the
    lane's chain head when the receipt printed) makes the paper a witness of the chain."""
    if sale.receipt_no is None:
        raise ValueError("only a completed sale has a receipt")
    totals = sale.totals()
    started = sale.events[0].utc
    ended = sale.events[-1].utc
    local = ended.astimezone(local_tz) if local_tz else ended.astimezone()
    lines = []
    for ln in sale.active_lines:
        notes = []
        if ln.original_price is not None:
            notes.append(f"{labels.get('price_override', 'Price override')} {ln.original_price} -> {ln.unit_price}")
        if ln.discount is not None:
            pct = f" {ln.discount.value}%" if ln.discount.kind is DiscountKind.PERCENT else ""
            notes.append(f"{labels.get('discount', 'Discount')}{pct} -{ln.discount_amount}")
        lines.append(ReceiptLine(ln.name, ln.quantity, ln.unit_price, ln.amount, ln.tax.code,
                                 unit=ln.unit, notes=tuple(notes)))
    adjustments: tuple[AdjustmentLine, ...] = ()
    if not totals.sale_discount.is_zero():
        adjustments = (AdjustmentLine(labels.get("discount", "Discount"), -totals.sale_discount),)
    tenders = []
    slip: list[str] = []
    for p in sale.payments:
        if p.status is not PaymentStatus.APPROVED:
            continue
        if p.tender is SaleTender.CASH:
            shown = p.tendered if p.tendered is not None and sale.kind is SaleKind.SALE else p.amount
            tenders.append(Tender(TenderKind.CASH, labels.get("cash", "Cash"), shown))
        else:
            details = tuple(str(p.details[k]) for k in ("card_name", "masked_pan")
                            if p.details.get(k))
            tenders.append(Tender(TenderKind.CARD, labels.get("card", "Card"), p.amount, details))
            slip += [str(s) for s in p.details.get("slip_lines", ())]
    qr = f"posdesk:sale={sale.id};lane={sale.lane};receipt={sale.receipt_no}"
    if recording_id:
        qr += f";rec={recording_id}"
    if evidence_head:
        qr += f";ev={evidence_head}"
    return Receipt(
        header=header, lane_id=sale.lane, receipt_no=sale.receipt_no, cashier=sale.cashier,
        time_utc=started, local_time_text=local.strftime("%Y-%m-%d %H:%M"),
        lines=tuple(lines), subtotal=totals.subtotal, total=totals.total,
        kind=ReceiptKind.REFUND if sale.kind is SaleKind.RETURN else ReceiptKind.SALE,
        adjustments=adjustments,
        vat=tuple(VatRow(r.rate.code, r.rate.percent, r.net, r.tax, r.gross) for r in totals.taxes),
        tenders=tuple(tenders), change=sale.change if not sale.change.is_zero() else None,
        card_slip=tuple(slip), qr_payload=qr, barcode=sale.receipt_no, footer_lines=footer,
        labels=labels)
