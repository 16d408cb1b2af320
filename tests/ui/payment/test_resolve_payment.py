"""The terminal cannot repeat its last receipt, so it cannot say what became of a payment a
crash left open: the window says so (not "cannot be reached"), and a manager resolves it
with where it was checked; the lane goes on (here: not charged, then paid in cash)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from posdesk.core.money import Money, currency
from posdesk.services.build import build_services
from posdesk.ui.payment.card_flow import CardStage

from ..helpers import (CASHIER_PIN, MILK, approve, choose_name, db_rows, press, type_text, wait_dialog)

EUR = currency("EUR")


@pytest.fixture
def crashed_during_card_payment(lane_dir: Path, simulators: Any) -> str:
    """The payment was journaled as started; the terminal's book stays empty, so it cannot
    repeat a last receipt."""
    before = build_services(lane_dir, demo=True)
    till = before.till
    till.session.login(CASHIER_PIN, name="Anna")
    till.shifts.open_shift(Money.of("100", EUR))
    till.selling.enter(MILK)
    till.tender.start_tender()
    sale = till.checkout.sale
    till.tender.begin_card(sale.remaining, "p-lost", {"previous_receipt_no": 83})
    assert before.writer.flush(timeout=10)
    before.close()
    return sale.id


def test_manager_resolves_a_payment_the_terminal_cannot_repeat_and_the_sale_goes_on(
        qtbot: Any, crashed_during_card_payment: str, device_window: Any, device_services: Any,
        simulators: Any) -> None:
    choose_name(qtbot, "Anna")
    type_text(qtbot, CASHIER_PIN)
    press(qtbot, Qt.Key.Key_Return)
    wait_dialog(qtbot, "recoveryDialog")
    press(qtbot, Qt.Key.Key_Return)
    tender = wait_dialog(qtbot, "tenderDialog")
    assert tender.card_stage is CardStage.UNKNOWN
    press(qtbot, Qt.Key.Key_Return)  # Check with terminal: it cannot repeat its last receipt
    qtbot.waitUntil(lambda: "cannot tell what became of this payment" in tender.message.text(),
                    timeout=15_000)
    assert "cannot be reached" not in tender.message.text()
    assert tender.card_stage is CardStage.UNKNOWN
    assert tender.card_panel.resolve_button.isVisible()

    qtbot.mouseClick(tender.card_panel.resolve_button, Qt.MouseButton.LeftButton)
    dialog = wait_dialog(qtbot, "resolvePaymentDialog")
    type_text(qtbot, "end-of-day report, no receipt 84")
    qtbot.mouseClick(dialog.not_charged_button, Qt.MouseButton.LeftButton)
    approve(qtbot)  # a cashier cannot settle it alone
    qtbot.waitUntil(lambda: tender.card_stage is CardStage.NONE and tender.pay_button.isVisible())
    wait_dialog(qtbot, "tenderDialog")

    press(qtbot, Qt.Key.Key_Return)  # the exact rest in cash
    qtbot.waitUntil(lambda: tender.is_complete)
    qtbot.waitUntil(lambda: device_window.checkout.sale is None)
    assert db_rows(device_services, "SELECT tender, status FROM payment ORDER BY tender") == [
        ("card", "declined"), ("cash", "approved")]
    assert db_rows(device_services, "SELECT state FROM sale WHERE id = ?", crashed_during_card_payment) == [
        ("completed",)]
    (details,) = db_rows(device_services, "SELECT details FROM audit_log WHERE action = ?",
                         "card_payment_resolved")
    assert "end-of-day report" in details[0] and "not-charged" in details[0]
    assert simulators.book.charged_minor() == 0
