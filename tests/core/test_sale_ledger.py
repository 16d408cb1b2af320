"""The ledger alone: state built from journal events, with no commands or rules involved."""
from datetime import datetime, timezone

import pytest

from posdesk.core.errors import DomainError
from posdesk.core.journal import JournalEvent, JournalKind
from posdesk.core.lines import PaymentStatus, Tender
from posdesk.core.money import Money, currency
from posdesk.core.permissions import Role
from posdesk.core.sale_ledger import SaleKind, SaleLedger, SaleState
from posdesk.core.tax import TaxMode

CHF = currency("CHF")
T = datetime(2026, 3, 1, 9, 30, tzinfo=timezone.utc)
STARTED = {"sale_id": "s7", "lane": "L2", "cashier": "ann", "role": "manager", "currency": "CHF",
           "tax_mode": "exclusive", "kind": "return", "original_receipt": "L2-5"}
LINE = {"line_id": 1, "product_id": 4, "sku": "TEA", "name": "Tea", "unit_price": 350,
        "quantity": "2", "unit": "", "tax": {"code": "B", "percent": "0", "name": ""},
        "category": "", "source": "scan"}


def chf(text: str) -> Money:
    return Money.of(text, CHF)


def ledger_of(*steps: tuple[JournalKind, dict]) -> SaleLedger:
    ledger = SaleLedger()
    for seq, (kind, data) in enumerate(steps, start=1):
        ledger.apply(JournalEvent(seq, kind, T, seq, data))
    return ledger


def test_sale_started_sets_who_where_and_how():
    ledger = ledger_of((JournalKind.SALE_STARTED, STARTED))
    assert (ledger.id, ledger.lane, ledger.cashier) == ("s7", "L2", "ann")
    assert ledger.cashier_role is Role.MANAGER and ledger.currency == CHF
    assert ledger.tax_mode is TaxMode.EXCLUSIVE and ledger.kind is SaleKind.RETURN
    assert ledger.original_receipt == "L2-5" and ledger.rounding == chf("0")
    assert ledger.state is SaleState.OPEN


def test_a_plain_string_kind_read_from_storage_applies_like_its_member():
    ledger = SaleLedger()
    ledger.apply(JournalEvent(1, "sale_started", T, 1, STARTED))
    ledger.apply(JournalEvent(2, "line_added", T, 2, LINE))
    assert ledger.total == chf("7.00")


def test_line_changes_apply_to_the_named_line():
    ledger = ledger_of((JournalKind.SALE_STARTED, STARTED), (JournalKind.LINE_ADDED, LINE),
                       (JournalKind.QUANTITY_CHANGED, {"line_id": 1, "quantity": "3"}),
                       (JournalKind.PRICE_OVERRIDDEN, {"line_id": 1, "price": 300}),
                       (JournalKind.PRICE_OVERRIDDEN, {"line_id": 1, "price": 250}),
                       (JournalKind.LINE_DISCOUNTED, {"line_id": 1, "kind": "amount", "value": "50"}))
    (line,) = ledger.lines
    assert line.quantity == 3 and line.unit_price == chf("2.50")
    assert line.original_price == chf("3.50")  # the catalog price, not the first override
    assert ledger.total == chf("7.00")


def test_a_voided_line_stays_listed_but_counts_for_nothing():
    ledger = ledger_of((JournalKind.SALE_STARTED, STARTED), (JournalKind.LINE_ADDED, LINE),
                       (JournalKind.LINE_VOIDED, {"line_id": 1}))
    assert len(ledger.lines) == 1 and ledger.active_lines == []
    assert ledger.total.is_zero()


def test_an_event_naming_a_missing_line_is_a_domain_error():
    with pytest.raises(DomainError, match="no line 9"):
        ledger_of((JournalKind.SALE_STARTED, STARTED), (JournalKind.LINE_VOIDED, {"line_id": 9}))


def test_state_events_move_the_state():
    moves = [(JournalKind.TENDERING_STARTED, SaleState.TENDERING),
             (JournalKind.TENDERING_CANCELLED, SaleState.OPEN),
             (JournalKind.SALE_SUSPENDED, SaleState.SUSPENDED),
             (JournalKind.SALE_RESUMED, SaleState.OPEN),
             (JournalKind.SALE_VOIDED, SaleState.VOIDED)]
    ledger = ledger_of((JournalKind.SALE_STARTED, STARTED))
    for seq, (kind, state) in enumerate(moves, start=2):
        ledger.apply(JournalEvent(seq, kind, T, seq, {}))
        assert ledger.state is state
    assert ledger.finished and ledger.cashier == "ann"  # a resume without a name keeps it


def test_cash_payment_adds_its_rounding_and_change():
    ledger = ledger_of((JournalKind.SALE_STARTED, STARTED), (JournalKind.LINE_ADDED, LINE),
                       (JournalKind.CASH_PAID, {"payment_id": "p1", "tendered": 1000, "applied": 700,
                                                "change": 300, "rounding": -5}))
    (cash,) = ledger.payments
    assert cash.tender is Tender.CASH and cash.status is PaymentStatus.APPROVED
    assert ledger.paid == chf("7.00") and ledger.change == chf("3.00")
    assert ledger.rounding == chf("-0.05") and ledger.remaining == chf("-0.05")


@pytest.mark.parametrize("kind, status", [
    (JournalKind.PAYMENT_APPROVED, PaymentStatus.APPROVED),
    (JournalKind.PAYMENT_DECLINED, PaymentStatus.DECLINED),
    (JournalKind.PAYMENT_ABORTED, PaymentStatus.ABORTED),
    (JournalKind.PAYMENT_UNKNOWN, PaymentStatus.UNKNOWN),
    (JournalKind.PAYMENT_REVERSED, PaymentStatus.REVERSED),
])
def test_a_terminal_answer_sets_the_card_payment_status_and_details(kind, status):
    ledger = ledger_of((JournalKind.SALE_STARTED, STARTED), (JournalKind.LINE_ADDED, LINE),
                       (JournalKind.PAYMENT_STARTED, {"payment_id": "c1", "tender": "card",
                                                      "amount": 700}))
    assert [p.id for p in ledger.open_payments] == ["c1"]
    ledger.apply(JournalEvent(4, kind, T, 4, {"payment_id": "c1", "trace": "77"}))
    card = ledger.payment("c1")
    assert card.status is status and card.details == {"trace": "77"}
    assert ledger.paid == (chf("7.00") if status is PaymentStatus.APPROVED else chf("0"))


def test_completion_takes_the_receipt_number():
    ledger = ledger_of((JournalKind.SALE_STARTED, STARTED),
                       (JournalKind.SALE_COMPLETED, {"receipt_no": "12", "total": 0, "change": 0}))
    assert ledger.state is SaleState.COMPLETED and ledger.receipt_no == "12" and ledger.finished


def test_an_unknown_payment_is_a_domain_error():
    with pytest.raises(DomainError, match="no payment x"):
        SaleLedger().payment("x")


def test_age_check_and_notes_leave_the_state_alone():
    ledger = ledger_of((JournalKind.SALE_STARTED, STARTED), (JournalKind.LINE_ADDED, LINE),
                       (JournalKind.AGE_CONFIRMED, {"sku": "WINE", "min_age": 18}),
                       (JournalKind.RECEIPT_NOT_PRINTED, {"reason": "paper out"}))
    assert ledger.total == chf("7.00") and ledger.state is SaleState.OPEN
    assert len(ledger.lines) == 1 and ledger.payments == []
