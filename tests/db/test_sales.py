from decimal import Decimal

import pytest

from posdesk.core.journal import canonical_bytes
from posdesk.core.lines import Discount, DiscountKind, PaymentStatus
from posdesk.core.sale import Sale, SaleKind, SaleState
from posdesk.db.database import close_database, open_database
from posdesk.db.errors import JournalConflict, ReceiptGap
from posdesk.db.models import JournalEventRow, Payment, ReceiptCounter, SaleLine, SaleTax
from posdesk.db.models import Sale as SaleRow
from posdesk.db.sales import SaleStore

from .conftest import BREAD, MILK, SOAP, eur


def test_sale_journaled_event_by_event_then_committed_gives_the_expected_rows(sales, maker):
    sale = maker.open()
    sale.add_product(MILK, Decimal(2))
    assert SaleRow.get_by_id(sale.id).state == "open"
    assert JournalEventRow.select().where(JournalEventRow.sale == sale.id).count() == 2
    sale.add_product(SOAP)
    sale.void_line(1, approved_by="max")
    sale.add_product(BREAD)
    sale.discount_sale(Discount(DiscountKind.PERCENT, Decimal(10)), approved_by="max")
    sale.start_tender()
    sale.pay_cash(eur("10.00"), "p1")
    maker.complete(sale)

    row = SaleRow.get_by_id(sale.id)
    assert (row.state, row.receipt_no, row.total_minor, row.change_minor) == ("completed", 1, 358, 642)
    assert row.discount_minor == 40 and row.subtotal_minor == 398
    lines = list(SaleLine.select().where(SaleLine.sale == sale.id).order_by(SaleLine.line_id))
    assert [(ln.sku, ln.quantity, ln.voided, ln.net_amount_minor) for ln in lines] == [
        ("MILK", "2", True, 0), ("SOAP", "1", False, 134), ("BREAD", "1", False, 224)]
    taxes = {t.code: (t.net_minor, t.tax_minor, t.gross_minor) for t in SaleTax.select()}
    assert taxes == {"A": (113, 21, 134), "B": (209, 15, 224)}
    (pay,) = Payment.select()
    assert (pay.tender, pay.amount_minor, pay.tendered_minor, pay.change_minor, pay.status) == (
        "cash", 358, 1000, 642, "approved")
    assert sales.load_events(sale.id) == sale.events
    assert ReceiptCounter.get_by_id("L1").last_no == 1


def test_receipt_numbers_are_gapless_per_lane_and_a_wrong_number_is_refused(sales, maker):
    for lane in ("L1", "L1", "L2"):
        maker.complete(maker.paid_cash((MILK, 1), lane=lane))
    assert (sales.next_receipt_no("L1"), sales.next_receipt_no("L2")) == (3, 2)
    sale = maker.paid_cash((BREAD, 1))
    sale.complete("5")
    with pytest.raises(ReceiptGap) as caught:
        sales.commit_sale(sale)
    assert (caught.value.expected, caught.value.got) == (3, 5)
    assert SaleRow.get_by_id(sale.id).receipt_no is None
    assert sales.next_receipt_no("L1") == 3


def test_commit_failing_halfway_writes_nothing_of_the_sale_and_keeps_the_counter(sales, maker, database):
    maker.complete(maker.paid_cash((MILK, 1)))
    sale = maker.paid_cash((BREAD, 2), (SOAP, 1))
    sale.complete("2")
    # Payments are written last: fail there, after the counter, sale row and lines.
    database.execute_sql("CREATE TRIGGER fail_payment BEFORE INSERT ON payment "
                         "BEGIN SELECT RAISE(ABORT, 'disk on fire'); END")
    with pytest.raises(Exception, match="disk on fire"):
        sales.commit_sale(sale)
    row = SaleRow.get_by_id(sale.id)
    assert (row.state, row.receipt_no, row.total_minor) == ("tendering", None, 0)
    assert SaleLine.select().where(SaleLine.sale == sale.id).count() == 0
    assert sales.next_receipt_no("L1") == 2
    database.execute_sql("DROP TRIGGER fail_payment")
    sales.commit_sale(sale)  # the same sale, same number, goes through once the cause is gone
    assert SaleRow.get_by_id(sale.id).receipt_no == 2
    assert sales.next_receipt_no("L1") == 3


def test_committing_the_same_sale_twice_changes_nothing(sales, maker):
    sale = maker.complete(maker.paid_cash((MILK, 1)))
    sales.commit_sale(sale)
    assert sales.next_receipt_no("L1") == 2
    assert SaleLine.select().count() == 1


def test_open_sale_comes_back_after_reopening_the_file(db_path, maker, clock):
    sale = maker.open()
    sale.add_product(MILK, Decimal(3))
    sale.add_product(BREAD)
    close_database()
    open_database(db_path)
    events = SaleStore().open_sale_events("L1")
    again = Sale.replay(events, clock)
    assert again.id == sale.id
    assert [(ln.sku, ln.quantity) for ln in again.lines] == [("MILK", 3), ("BREAD", 1)]
    assert again.total == sale.total
    assert SaleStore().open_sale_events("L2") is None


def test_suspended_sales_are_listed_and_not_offered_after_a_crash(sales, maker):
    parked = maker.open()
    parked.add_product(MILK)
    parked.suspend()
    sales.record_state(parked)
    (summary,) = sales.suspended("L1")
    assert (summary.id, summary.state, summary.total) == (parked.id, SaleState.SUSPENDED, eur("0.99"))
    assert sales.open_sale_events("L1") is None
    resumed = Sale.replay(sales.load_events(parked.id), maker.clock)
    resumed.listeners.append(lambda e: sales.append_event(parked.id, e))
    resumed.resume("max")
    assert sales.suspended("L1") == []
    assert sales.open_sale_events("L1")[-1].kind == "sale_resumed"


def test_voided_sale_is_stored_with_its_value_and_not_offered_for_resume(sales, maker):
    sale = maker.open()
    sale.add_product(SOAP, Decimal(2))
    sale.void(approved_by="max", reason="customer left")
    sales.record_state(sale)
    row = SaleRow.get_by_id(sale.id)
    assert (row.state, row.total_minor, row.receipt_no) == ("voided", 298, None)
    assert row.ended_utc is not None
    assert sales.open_sale_events("L1") is None


def test_find_by_receipt_counts_what_completed_returns_took_back(sales, maker):
    original = maker.complete(maker.paid_cash((MILK, 3), (BREAD, 1)))
    _, lines = sales.find_by_receipt("L1", "1")
    assert [(ln.sku, ln.quantity, ln.returned, ln.net_amount) for ln in lines] == [
        ("MILK", 3, 0, eur("2.97")), ("BREAD", 1, 0, eur("2.49"))]

    ret = maker.open(kind=SaleKind.RETURN, original_receipt="1")
    ret.add_return_line(lines[0], Decimal(2))
    ret.start_tender()
    ret.pay_cash(eur("0"), "refund-1")
    maker.complete(ret)
    # An unfinished return does not count yet.
    pending = maker.open(kind=SaleKind.RETURN, original_receipt="L1-1")
    pending.add_return_line(lines[1], Decimal(1))

    summary, lines = sales.find_by_receipt(None, "L1-1")
    assert summary.id == original.id and summary.receipt_no == 1
    assert [(ln.sku, ln.returned, ln.returnable) for ln in lines] == [("MILK", 2, 1), ("BREAD", 0, 1)]
    assert sales.find_by_receipt("L1", "2") is None  # the return's own receipt is not a sale
    assert sales.find_by_receipt("L2", "1") is None
    assert sales.find_by_receipt("L1", "no such") is None


def test_journal_bytes_are_the_canonical_bytes_of_the_first_events(sales, maker):
    sale = maker.complete(maker.paid_cash((MILK, 1), (BREAD, 2)))
    assert sales.journal_bytes(sale.id, 3) == canonical_bytes(sale.events[:3])
    assert sales.journal_bytes(sale.id, 99) == canonical_bytes(sale.events)


def test_a_retried_event_is_stored_once_and_a_different_one_is_refused(sales, maker):
    sale = maker.open()
    sale.add_product(MILK)
    sales.append_event(sale.id, sale.events[1])
    assert len(sales.load_events(sale.id)) == 2
    forged = type(sale.events[1])(2, "line_added", sale.events[1].utc, 5, {"sku": "X"})
    with pytest.raises(JournalConflict):
        sales.append_event(sale.id, forged)


def test_list_sales_filters_by_state_amount_receipt_and_time(sales, maker, clock):
    small = maker.complete(maker.paid_cash((MILK, 1)))
    clock.advance(3600)
    big = maker.complete(maker.paid_cash((SOAP, 10)))
    voided = maker.open()
    voided.add_product(BREAD)
    voided.void(approved_by="max")
    sales.record_state(voided)

    assert [s.id for s in sales.list_sales()] == [voided.id, big.id, small.id]
    assert [s.id for s in sales.list_sales(states=[SaleState.COMPLETED], min_total=eur("5"))] == [big.id]
    assert [s.id for s in sales.list_sales(receipt_no=1)] == [small.id]
    assert [s.id for s in sales.list_sales(until=small.events[-1].utc)] == [small.id]
    assert [s.id for s in sales.list_sales(states=[SaleState.VOIDED])] == [voided.id]
    assert sales.list_sales(lane="L9") == []


def test_card_numbers_never_reach_the_database_unmasked(sales, maker):
    sale = maker.open()
    sale.add_product(SOAP)
    sale.start_tender()
    sale.begin_card(sale.remaining, "card-1")
    sale.card_result("card-1", PaymentStatus.APPROVED,
                     {"pan": "4111 1111 1111 1234", "receipt": "0042", "text": "card 4111111111111234 ok"})
    maker.complete(sale)
    details = Payment.get(Payment.payment_id == "card-1").details
    assert details == {"pan": "**** **** **** 1234", "receipt": "0042", "text": "card ************1234 ok"}


def test_a_sale_journaled_as_completed_but_not_committed_is_committed_at_startup(sales, maker, clock):
    sale = maker.paid_cash((BREAD, 1))
    sale.complete("1")  # the journal has it; the crash came before commit_sale
    assert sales.open_sale_events("L1") is None
    assert SaleStore(clock).recover_completed("L1") == [sale.id]
    assert SaleRow.get_by_id(sale.id).receipt_no == 1
    assert sales.next_receipt_no("L1") == 2
