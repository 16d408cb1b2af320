"""Sample receipts shared by the printer tests: one Western, one Chinese."""
from __future__ import annotations

from datetime import datetime, timezone
from decimal import Decimal

from posdesk.core.money import Money, currency
from posdesk.core.receipt import (AdjustmentLine, Receipt, ReceiptLine, StoreHeader, Tender,
                                  TenderKind, VatRow)

EUR = currency("EUR")
CNY = currency("CNY")


def eur(text: str) -> Money:
    return Money.of(text, EUR)


def cny(text: str) -> Money:
    return Money.of(text, CNY)


def latin_receipt(**changes) -> Receipt:
    fields = dict(
        header=StoreHeader("Café Müller", ("Hauptstraße 5", "10115 Berlin"), "DE123456789"),
        lane_id="L1",
        receipt_no="R-000123",
        cashier="Zoë",
        time_utc=datetime(2026, 3, 1, 9, 30, tzinfo=timezone.utc),
        local_time_text="01.03.2026 10:30",
        lines=(
            ReceiptLine("Crème brûlée", Decimal(2), eur("3.50"), eur("7.00"), "A",
                        notes=("Discount -1.00",)),
            ReceiptLine("Extra long organic wholegrain sourdough bread with seeds",
                        Decimal(1), eur("4.20"), eur("4.20"), "B"),
            ReceiptLine("Äpfel", Decimal("0.755"), eur("2.99"), eur("2.26"), "B", unit="kg"),
        ),
        adjustments=(AdjustmentLine("Staff discount 5%", eur("-0.67")),),
        subtotal=eur("13.46"),
        total=eur("12.79"),
        vat=(VatRow("A", Decimal(19), eur("5.04"), eur("0.96"), eur("6.00")),
             VatRow("B", Decimal(7), eur("6.34"), eur("0.45"), eur("6.79"))),
        tenders=(Tender(TenderKind.CASH, "Cash", eur("20.00")),),
        change=eur("7.21"),
        qr_payload="posdesk:sale=4711;rec=9f1c2e",
        barcode="R-000123",
        footer_lines=("Danke für Ihren Einkauf!",),
    )
    fields.update(changes)
    return Receipt(**fields)


def chinese_receipt(**changes) -> Receipt:
    fields = dict(
        header=StoreHeader("幸福超市", ("北京市朝阳区建国路88号",), "91110000MA01"),
        lane_id="L2",
        receipt_no="R-000888",
        cashier="王芳",
        time_utc=datetime(2026, 3, 1, 2, 0, tzinfo=timezone.utc),
        local_time_text="2026-03-01 10:00",
        lines=(
            ReceiptLine("苹果（红富士）", Decimal("1.5"), cny("8.00"), cny("12.00"), "A", unit="kg"),
            ReceiptLine("矿泉水 550ml", Decimal(3), cny("2.00"), cny("6.00"), "A"),
        ),
        subtotal=cny("18.00"),
        total=cny("18.00"),
        tenders=(Tender(TenderKind.CARD, "银行卡", cny("18.00"), ("**** 1234", "AUTH 123456")),),
        card_slip=("商户名称: 幸福超市", "交易类型: 消费"),
        qr_payload="posdesk:sale=88;rec=ab12",
        footer_lines=("谢谢惠顾",),
        labels={"total": "合计", "change": "找零", "cashier": "收银员", "copy": "副本"},
    )
    fields.update(changes)
    return Receipt(**fields)
