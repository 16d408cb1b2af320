"""The receipt printer as the cashier sees it: its state in the status bar, a receipt kept
when the paper is out and printed once it is back, a reprint marked COPY, a printed report."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from ..conftest import show_window
from ..helpers import (MILK, approve, db_rows, journal_kinds, log_in, pay_cash_exact, scan,
                      shift_menu, wait_dialog)


def test_paper_out_is_shown_the_receipt_is_kept_and_prints_when_paper_is_back(
        qtbot: Any, simulators: Any, device_services: Any) -> None:
    simulators.printer.paper_out = True  # before the window asks the printer at start
    window = show_window(qtbot, device_services)
    status = window.status
    qtbot.waitUntil(lambda: status.device_text("printer") == "The printer is out of paper.")
    log_in(qtbot, window)
    scan(qtbot, MILK)
    sale_id = window.checkout.sale.id
    pay_cash_exact(qtbot, window)

    screen = window.checkout_screen
    qtbot.waitUntil(lambda: "kept for reprint" in screen.notice.text())
    assert "The printer is out of paper." in screen.notice.text()
    qtbot.waitUntil(lambda: "Waiting for reprint: 1." in status.device_text("printer"))
    assert simulators.receipts() == []
    assert "receipt_not_printed" in journal_kinds(device_services, sale_id)

    simulators.printer.paper_out = False
    shift_menu(qtbot, Qt.Key.Key_8)  # Print waiting receipts
    qtbot.waitUntil(lambda: len(simulators.receipts()) == 1, timeout=10_000)
    assert "Whole milk" in simulators.receipts()[0] and "COPY" not in simulators.receipts()[0]
    qtbot.waitUntil(lambda: status.device_text("printer") == "Printer ready")

    shift_menu(qtbot, Qt.Key.Key_7)  # Reprint last receipt
    qtbot.waitUntil(lambda: len(simulators.receipts()) == 2, timeout=10_000)
    assert "COPY" in simulators.receipts()[1] and "Whole milk" in simulators.receipts()[1]


def test_x_report_prints_from_its_dialog(qtbot: Any, device_window: Any, simulators: Any) -> None:
    log_in(qtbot, device_window)
    scan(qtbot, MILK)
    pay_cash_exact(qtbot, device_window)
    qtbot.waitUntil(lambda: len(simulators.receipts()) == 1, timeout=10_000)
    shift_menu(qtbot, Qt.Key.Key_4)  # X report
    report = wait_dialog(qtbot, "reportDialog")
    qtbot.mouseClick(report.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(simulators.receipts()) == 2, timeout=10_000)
    printed = simulators.receipts()[1]
    assert "X report" in printed and "1.19" in printed


def test_no_sale_opens_the_drawer_with_a_manager_pin(qtbot: Any, device_window: Any, device_services: Any,
                                                    simulators: Any) -> None:
    log_in(qtbot, device_window)
    shift_menu(qtbot, Qt.Key.Key_6)  # Open drawer (no sale)
    approve(qtbot)
    assert simulators.printer.wait_until(lambda sim: sim.drawer_open, timeout=10)
    assert db_rows(device_services, "SELECT action FROM audit_log WHERE action = 'no_sale'")
