from decimal import Decimal

import pytest

from posdesk.core.lines import Discount, DiscountKind, PaymentStatus
from posdesk.core.permissions import Role
from posdesk.core.receipt import ReceiptKind, StoreHeader, TenderKind
from posdesk.core.receipt_build import build_receipt

from .conftest import MILK, WINE, eur, new_sale

HEADER = StoreHeader("Corner shop", ("1 Market St",), "DE123")


def _completed(clock):
    sale = new_sale(clock, role=Role.MANAGER)
    sale.add_product(MILK, Decimal(2))
    sale.add_product(WINE, age_confirmed=True)
    sale.discount_line(2, Discount(DiscountKind.PERCENT, Decimal(10)))
    sale.start_tender()
    sale.pay_cash(eur("5"), "c1")
    sale.begin_card(sale.remaining, "k1")
    sale.card_result("k1", PaymentStatus.APPROVED, {"masked_pan": "************4771",
                                                    "slip_lines": ["VISA", "APPROVED"]})
    sale.complete("42")
    return sale


def test_receipt_carries_lines_vat_tenders_and_qr(clock):
    sale = _completed(clock)
    r = build_receipt(sale, header=HEADER, recording_id="rec-9")
    assert [ln.description for ln in r.lines] == ["Milk 1L", "Red wine"]
    assert r.total == sale.total and sum((v.gross.amount for v in r.vat), Decimal(0)) == r.total.amount
    assert [t.kind for t in r.tenders] == [TenderKind.CASH, TenderKind.CARD]
    assert "************4771" in r.tenders[1].details and r.card_slip == ("VISA", "APPROVED")
    assert f"sale={sale.id}" in r.qr_payload and "rec=rec-9" in r.qr_payload
    assert any("Discount" in n for n in r.lines[1].notes)
    assert r.receipt_no == "42" and r.kind is ReceiptKind.SALE


def test_open_sale_has_no_receipt(clock):
    sale = new_sale(clock)
    sale.add_product(MILK)
    with pytest.raises(ValueError):
        build_receipt(sale, header=HEADER)


def test_receipt_qr_carries_the_evidence_chain_head(clock):
    r = build_receipt(_completed(clock), header=HEADER, evidence_head="41:0123456789abcdef")
    assert r.qr_payload.endswith(";ev=41:0123456789abcdef")
