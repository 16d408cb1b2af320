"""Parking a sale and resuming it; a refund by receipt number."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from ..helpers import BUTTER, MILK, YOGHURT, approve, db_rows, log_in, press, scan, type_text, wait_dialog, wait_no_dialog


def pay_exact(qtbot: Any, window: Any) -> None:
    press(qtbot, Qt.Key.Key_F10)
    tender = wait_dialog(qtbot, "tenderDialog")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tender.is_complete)
    press(qtbot, Qt.Key.Key_Return)
    wait_no_dialog(qtbot)
    qtbot.waitUntil(lambda: window.checkout.sale is None)  # saved: the next sale may start


def test_parked_sale_is_resumed_with_its_lines_and_finished(qtbot: Any, window: Any, services: Any) -> None:
    log_in(qtbot, window)
    screen = window.checkout_screen
    scan(qtbot, MILK)
    scan(qtbot, BUTTER)
    press(qtbot, Qt.Key.Key_F7)
    assert screen.cart_model.rowCount() == 0
    assert screen.notice.text() == "Sale parked."
    scan(qtbot, YOGHURT)  # the next customer
    pay_exact(qtbot, window)

    press(qtbot, Qt.Key.Key_F8)
    dialog = wait_dialog(qtbot, "suspendedDialog")
    assert dialog.list.count() == 1
    press(qtbot, Qt.Key.Key_Return)
    wait_no_dialog(qtbot)
    assert [ln.name for ln in window.checkout.sale.lines] == ["Whole milk 3.5% 1 l", "Butter 250 g"]
    pay_exact(qtbot, window)
    states = db_rows(services, "SELECT state, total_minor FROM sale ORDER BY receipt_no")
    assert states == [("completed", 89), ("completed", 348)]


def test_refund_by_receipt_number_pays_back_the_chosen_quantity(qtbot: Any, window: Any, services: Any) -> None:
    log_in(qtbot, window)
    scan(qtbot, f"3*{BUTTER}")
    scan(qtbot, MILK)
    pay_exact(qtbot, window)
    (receipt_no,) = db_rows(services, "SELECT receipt_no FROM sale")[0]

    press(qtbot, Qt.Key.Key_F9)
    wait_dialog(qtbot, "amountDialog")
    type_text(qtbot, str(receipt_no))
    press(qtbot, Qt.Key.Key_Return)
    approve(qtbot)  # a cashier's refund needs the manager
    lines = wait_dialog(qtbot, "returnLinesDialog")
    assert len(lines.fields) == 2
    type_text(qtbot, "2")  # two of the three butters; the milk stays sold
    press(qtbot, Qt.Key.Key_Return)
    wait_no_dialog(qtbot)
    assert window.checkout_screen.totals.total_caption.text() == "Refund"
    assert window.checkout_screen.totals.total_value.text() == "-€ 4.58"

    press(qtbot, Qt.Key.Key_F10)
    tender = wait_dialog(qtbot, "tenderDialog")
    assert tender.due_caption.text() == "Pay out"
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tender.is_complete)
    press(qtbot, Qt.Key.Key_Return)
    wait_no_dialog(qtbot)
    refund = db_rows(services, "SELECT kind, state, total_minor, original_receipt FROM sale WHERE kind = 'return'")
    assert refund == [("return", "completed", -458, str(receipt_no))]
    lines_back = db_rows(services, "SELECT l.quantity FROM sale_line l JOIN sale s ON s.id = l.sale_id "
                         "WHERE s.kind = 'return'")
    assert lines_back == [("-2",)]
