"""Event data: what the journal stores for a sale's values, and reading it back unchanged."""
import json
from decimal import Decimal

from posdesk.core.journal import JournalKind
from posdesk.core.lines import PaymentStatus, Tender
from posdesk.core.sale_data import (
    PAYMENT_RESULT_KINDS,
    card_start_data,
    cash_data,
    cash_payment_from_data,
    line_data,
    line_from_data,
    payment_details,
    started_payment_from_data,
    tax_data,
    tax_from_data,
)

from .conftest import EUR, VAT19, eur


def _stored(data: dict) -> dict:
    """`data` as it comes back from a journal on disk (JSON both ways)."""
    return json.loads(json.dumps(data))


def test_a_line_is_stored_in_json_types_and_reads_back_the_same():
    data = line_data(line_id=3, product_id=7, sku="APPLE", name="Apples", unit_price=eur("2.99"),
                     quantity=Decimal("1.235"), unit="kg", tax=VAT19, category="fruit",
                     source="plu")
    assert data == {"line_id": 3, "product_id": 7, "sku": "APPLE", "name": "Apples",
                    "unit_price": 299, "quantity": "1.235", "unit": "kg",
                    "tax": {"code": "A", "percent": "19", "name": ""}, "category": "fruit",
                    "source": "plu"}
    line = line_from_data(_stored(data), EUR)
    assert (line.id, line.product_id, line.sku, line.name) == (3, 7, "APPLE", "Apples")
    assert line.unit_price == eur("2.99") and line.quantity == Decimal("1.235")
    assert (line.tax, line.unit, line.category, line.returns_line) == (VAT19, "kg", "fruit", None)


def test_only_a_return_line_names_the_line_it_returns():
    data = line_data(line_id=1, product_id=None, sku="MILK", name="Milk", unit_price=eur("0.90"),
                     quantity=Decimal(-2), unit="", tax=VAT19, category="", source="return",
                     returns_line=4)
    assert data["returns_line"] == 4 and data["quantity"] == "-2"
    assert line_from_data(_stored(data), EUR).returns_line == 4


def test_tax_rate_round_trip_and_older_data_without_a_name():
    assert tax_from_data(tax_data(VAT19)) == VAT19
    assert tax_from_data({"code": "A", "percent": "19"}).name == ""


def test_cash_payment_round_trip():
    data = cash_data(payment_id="p1", tendered=eur("20"), applied=eur("12.35"),
                     change=eur("7.65"), rounding=eur("0"))
    assert data == {"payment_id": "p1", "tendered": 2000, "applied": 1235, "change": 765,
                    "rounding": 0}
    cash = cash_payment_from_data(_stored(data), EUR)
    assert (cash.id, cash.tender, cash.status) == ("p1", Tender.CASH, PaymentStatus.APPROVED)
    assert (cash.amount, cash.tendered, cash.change) == (eur("12.35"), eur("20"), eur("7.65"))


def test_card_start_keeps_the_callers_details_next_to_the_amount():
    data = card_start_data(payment_id="c1", amount=eur("-4.50"), details={"terminal": "T1"})
    assert data == {"payment_id": "c1", "tender": "card", "amount": -450, "terminal": "T1"}
    card = started_payment_from_data(_stored(data), EUR)
    assert (card.tender, card.amount, card.status) == (Tender.CARD, eur("-4.50"), PaymentStatus.PENDING)
    assert card_start_data(payment_id="c2", amount=eur("1"), details=None)["amount"] == 100


def test_every_terminal_answer_has_its_event_and_pending_has_none():
    assert set(PAYMENT_RESULT_KINDS) == set(PaymentStatus) - {PaymentStatus.PENDING}
    assert PAYMENT_RESULT_KINDS[PaymentStatus.UNKNOWN] is JournalKind.PAYMENT_UNKNOWN
    assert all(kind == f"payment_{status.value}" for status, kind in PAYMENT_RESULT_KINDS.items())


def test_payment_details_are_the_answer_without_the_id():
    assert payment_details({"payment_id": "c1", "trace": "9", "masked_pan": "****1234"}) == \
        {"trace": "9", "masked_pan": "****1234"}
