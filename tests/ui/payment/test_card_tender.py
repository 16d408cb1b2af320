"""Card payments through the real tender dialog, the ZVT simulator on a pty and the ESC/POS
simulator printing the receipt: keys in, journal rows, payment rows and paper out."""
from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Qt

from posdesk.devices.zvt.simulator import SIM_PAN_FULL, Mode
from posdesk.ui.payment.card_flow import CardStage

from ..helpers import (BUTTER, MILK, approve, db_rows, journal_kinds, log_in, open_tender, press,
                      scan, type_text, wait_dialog, wait_no_dialog)


def test_card_sale_is_journaled_stored_masked_and_printed_with_the_slip(
        qtbot: Any, device_window: Any, device_services: Any, simulators: Any) -> None:
    simulators.terminal.pan = SIM_PAN_FULL  # a careless terminal: posdesk must mask it itself
    log_in(qtbot, device_window)
    scan(qtbot, MILK)
    scan(qtbot, f"2*{BUTTER}")  # 1.19 + 4.58 = 5.77
    sale_id = device_window.checkout.sale.id
    tender = open_tender(qtbot)
    press(qtbot, Qt.Key.Key_F11)  # empty field: all of it to the card
    qtbot.waitUntil(lambda: tender.is_complete, timeout=10_000)
    assert tender.due_caption.text() == "Paid" and tender.due_value.text() == "€ 5.77"
    assert "Card approved: € 5.77." in tender.message.text()
    press(qtbot, Qt.Key.Key_Return)
    wait_no_dialog(qtbot)

    assert simulators.book.charged_minor() == 577
    qtbot.waitUntil(lambda: "receipt_printed" in journal_kinds(device_services, sale_id), timeout=10_000)
    kinds = journal_kinds(device_services, sale_id)
    assert kinds.index("payment_started") < kinds.index("payment_approved") < kinds.index("sale_completed")
    rows = db_rows(device_services, "SELECT tender, amount_minor, status, details FROM payment WHERE sale_id = ?",
                   sale_id)
    assert [(t, a, s) for t, a, s, _d in rows] == [("card", 577, "approved")]
    details = rows[0][3]
    assert json.loads(details)["masked_pan"].endswith("4771") and SIM_PAN_FULL not in details
    stored = "".join(d for (d,) in db_rows(device_services, "SELECT data FROM journal_event"))
    assert SIM_PAN_FULL not in stored

    receipt = simulators.receipts()[-1]
    for expected in ("Whole milk", "Butter", "TOTAL", "5.77", "Card", "CARD PAYMENT", "APPROVED", "4771"):
        assert expected in receipt, expected
    assert SIM_PAN_FULL not in receipt
    assert device_window.status.device_text("printer") == "Printer ready"


def test_declined_card_shows_the_reason_then_cash_completes_and_nothing_is_charged(
        qtbot: Any, device_window: Any, device_services: Any, simulators: Any) -> None:
    simulators.terminal.mode = Mode.DECLINE
    log_in(qtbot, device_window)
    scan(qtbot, MILK)
    press(qtbot, Qt.Key.Key_F11)  # the card key on the checkout screen sends it at once
    tender = wait_dialog(qtbot, "tenderDialog")
    panel = tender.card_panel
    qtbot.waitUntil(lambda: tender.card_stage is CardStage.DECLINED, timeout=10_000)
    assert panel.headline.text() == "Card declined"
    assert "Insufficient funds" in panel.status.text()
    assert panel.retry_button.isVisible() and panel.other_button.isVisible()

    press(qtbot, Qt.Key.Key_Escape)  # pay another way
    assert tender.card_stage is CardStage.NONE and tender.isVisible()
    press(qtbot, Qt.Key.Key_Return)  # the exact amount in cash
    qtbot.waitUntil(lambda: tender.is_complete)
    press(qtbot, Qt.Key.Key_Return)
    wait_no_dialog(qtbot)
    assert simulators.book.charged_minor() == 0
    payments = db_rows(device_services, "SELECT tender, amount_minor, status FROM payment ORDER BY id")
    assert payments == [("card", 119, "declined"), ("cash", 119, "approved")]


def test_cancel_while_the_slow_terminal_shows_its_status_aborts_and_charges_nothing(
        qtbot: Any, device_window: Any, device_services: Any, simulators: Any) -> None:
    simulators.terminal.mode = Mode.SLOW
    simulators.terminal.status_delay_s = 1.0
    log_in(qtbot, device_window)
    scan(qtbot, MILK)
    sale_id = device_window.checkout.sale.id
    tender = open_tender(qtbot)
    press(qtbot, Qt.Key.Key_F11)
    panel = tender.card_panel
    qtbot.waitUntil(lambda: panel.status.text() == "Insert card", timeout=10_000)  # live, from the terminal
    assert panel.headline.text() == "Card payment € 1.19" and panel.cancel_button.isVisible()
    press(qtbot, Qt.Key.Key_Escape)  # Esc cancels the card, it does not close the dialog
    qtbot.waitUntil(lambda: tender.card_stage is CardStage.NONE, timeout=10_000)
    assert tender.isVisible() and "nothing was charged" in tender.message.text()
    assert simulators.book.charged_minor() == 0
    assert "payment_aborted" in journal_kinds(device_services, sale_id)
    assert device_window.checkout.sale.remaining.minor == 119  # still to pay


def test_approved_card_part_is_reversed_with_a_manager_before_the_sale_is_voided(
        qtbot: Any, device_window: Any, device_services: Any, simulators: Any) -> None:
    log_in(qtbot, device_window)
    scan(qtbot, f"2*{BUTTER}")  # 4.58
    tender = open_tender(qtbot)
    type_text(qtbot, "1")
    press(qtbot, Qt.Key.Key_F11)  # 1.00 by card, the rest later
    qtbot.waitUntil(lambda: tender.reverse_button.isVisible(), timeout=10_000)
    assert tender.due_value.text() == "€ 3.58" and simulators.book.charged_minor() == 100
    press(qtbot, Qt.Key.Key_Escape)
    wait_no_dialog(qtbot)
    press(qtbot, Qt.Key.Key_F12)  # void: refused while the card part stands
    assert "Reverse the card payment first" in device_window.checkout_screen.notice.text()

    tender = open_tender(qtbot)
    qtbot.mouseClick(tender.reverse_button, Qt.MouseButton.LeftButton)
    approve(qtbot)  # money back to a card needs the manager
    qtbot.waitUntil(lambda: "reversed" in tender.message.text(), timeout=10_000)
    assert simulators.book.charged_minor() == 0
    assert not tender.reverse_button.isVisible() and tender.due_value.text() == "€ 4.58"
    press(qtbot, Qt.Key.Key_Escape)
    wait_no_dialog(qtbot)
    press(qtbot, Qt.Key.Key_F12)
    wait_dialog(qtbot, "confirmVoidSale")
    press(qtbot, Qt.Key.Key_Return)
    approve(qtbot)
    wait_no_dialog(qtbot)
    assert db_rows(device_services, "SELECT state FROM sale") == [("voided",)]
    assert db_rows(device_services, "SELECT status FROM payment") == [("reversed",)]
