"""A whole sale rung up with the keyboard and scanner bursts, checked in the database."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from ..helpers import BUTTER, MILK, YOGHURT, approve, db_rows, log_in, press, scan, type_text, wait_dialog, wait_no_dialog


def test_scanned_sale_with_quantity_change_void_and_cash_is_stored(qtbot: Any, window: Any, services: Any) -> None:
    log_in(qtbot, window)
    screen = window.checkout_screen
    for code in (MILK, BUTTER, YOGHURT):
        scan(qtbot, code)
    assert screen.cart_model.rowCount() == 3

    # F2 on the selected (last) line: yoghurt x 4.
    press(qtbot, Qt.Key.Key_F2)
    wait_dialog(qtbot, "amountDialog")
    type_text(qtbot, "4")
    press(qtbot, Qt.Key.Key_Return)
    wait_no_dialog(qtbot)
    # Up to the butter line, void it: a cashier needs the manager's PIN.
    press(qtbot, Qt.Key.Key_Up)
    press(qtbot, Qt.Key.Key_F4)
    approve(qtbot)
    wait_no_dialog(qtbot)
    assert screen.totals.total_value.text() == "€ 4.75"  # 1.19 + 4 x 0.89

    press(qtbot, Qt.Key.Key_F10)
    tender = wait_dialog(qtbot, "tenderDialog")
    type_text(qtbot, "10")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tender.is_complete)
    assert tender.due_value.text() == "€ 5.25"
    press(qtbot, Qt.Key.Key_Return)
    wait_no_dialog(qtbot)
    assert screen.totals.rest_value.text() == "€ 5.25"
    qtbot.waitUntil(lambda: screen.cart_model.rowCount() == 0)  # once the sale is saved

    sale = db_rows(services, "SELECT id, state, total_minor, change_minor, receipt_no FROM sale")
    assert [(s[1], s[2], s[3]) for s in sale] == [("completed", 475, 525)]
    sale_id = sale[0][0]
    lines = db_rows(services, "SELECT sku, quantity, voided FROM sale_line WHERE sale_id = ? ORDER BY line_id", sale_id)
    assert [(q, v) for _sku, q, v in lines] == [("1", 0), ("1", 1), ("4", 0)]
    payments = db_rows(services, "SELECT tender, amount_minor, tendered_minor, change_minor, status FROM payment")
    assert payments == [("cash", 475, 1000, 525, "approved")]
    kinds = [k for (k,) in db_rows(services, "SELECT kind FROM journal_event WHERE sale_id = ? ORDER BY seq", sale_id)]
    assert kinds[0] == "sale_started" and kinds[-1] == "sale_completed"
    assert kinds.count("line_added") == 3
    assert "quantity_changed" in kinds and "line_voided" in kinds and "cash_paid" in kinds
    voided = db_rows(services, "SELECT data FROM journal_event WHERE sale_id = ? AND kind = 'line_voided'", sale_id)
    assert '"Max"' in voided[0][0]


def test_scans_are_journaled_as_scans_and_typed_codes_as_keyboard(qtbot: Any, window: Any, services: Any) -> None:
    log_in(qtbot, window)
    scan(qtbot, MILK)  # a burst
    for char in BUTTER:  # a person typing, one key every 60 ms
        qtbot.keyClick(window.checkout_screen.entry, char, delay=60)
    qtbot.keyClick(window.checkout_screen.entry, Qt.Key.Key_Return, delay=60)
    qtbot.waitUntil(lambda: window.checkout_screen.cart_model.rowCount() == 2)
    sale_id = window.checkout.sale.id
    sources = db_rows(services, "SELECT json_extract(data, '$.source') FROM journal_event "
                      "WHERE sale_id = ? AND kind = 'line_added' ORDER BY seq", sale_id)
    assert [s for (s,) in sources] == ["scan", "keyboard"]


def test_unknown_barcode_shows_a_message_and_changes_nothing(qtbot: Any, window: Any, services: Any) -> None:
    log_in(qtbot, window)
    screen = window.checkout_screen
    scan(qtbot, MILK)
    before = screen.totals.total_value.text()
    scan(qtbot, "4006381333900")  # valid check digit, not in the catalog
    qtbot.waitUntil(lambda: screen.notice.isVisible())
    assert "4006381333900" in screen.notice.text()
    assert screen.cart_model.rowCount() == 1
    assert screen.totals.total_value.text() == before
    assert screen.entry.text() == ""
    kinds = db_rows(services, "SELECT kind FROM journal_event")
    assert [k for (k,) in kinds].count("line_added") == 1


def test_quantity_times_code_rings_that_many(qtbot: Any, window: Any) -> None:
    log_in(qtbot, window)
    scan(qtbot, f"3*{BUTTER}")
    assert window.checkout.sale.lines[0].quantity == 3
    assert window.checkout_screen.totals.total_value.text() == "€ 6.87"


def test_split_cash_tender_leaves_the_remainder_then_completes(qtbot: Any, window: Any, services: Any) -> None:
    log_in(qtbot, window)
    scan(qtbot, f"2*{BUTTER}")  # 4.58
    press(qtbot, Qt.Key.Key_F10)
    tender = wait_dialog(qtbot, "tenderDialog")
    type_text(qtbot, "2")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tender.due_value.text() == "€ 2.58")
    assert not tender.is_complete
    assert window.checkout.sale.remaining.minor == 258
    press(qtbot, Qt.Key.Key_Return)  # empty field: the exact rest
    qtbot.waitUntil(lambda: tender.is_complete)
    press(qtbot, Qt.Key.Key_Return)
    wait_no_dialog(qtbot)
    payments = db_rows(services, "SELECT amount_minor FROM payment ORDER BY id")
    assert payments == [(200,), (258,)]
