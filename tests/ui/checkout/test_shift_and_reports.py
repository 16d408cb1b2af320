"""The shift menu: cash out, the X report on screen, closing with the Z report."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from ..helpers import (MILK, approve, db_rows, log_in, pay_cash_exact, press, scan, shift_menu,
                      type_text, wait_dialog, wait_no_dialog)


def report_lines(dialog: Any) -> list[str]:
    return [label.text() for label in dialog.findChildren(QLabel)]


def test_cash_out_then_x_and_z_reports_show_the_drawer(qtbot: Any, window: Any, services: Any) -> None:
    log_in(qtbot, window, float_amount="50")
    scan(qtbot, MILK)
    pay_cash_exact(qtbot, window)

    shift_menu(qtbot, Qt.Key.Key_3)  # cash out
    wait_dialog(qtbot, "amountDialog")
    type_text(qtbot, "20")
    press(qtbot, Qt.Key.Key_Return)
    wait_no_dialog(qtbot)
    assert db_rows(services, "SELECT direction, amount_minor FROM cash_movement") == [("out", 2000)]

    shift_menu(qtbot, Qt.Key.Key_4)  # X report
    x = wait_dialog(qtbot, "reportDialog")
    lines = report_lines(x)
    assert "X report" in lines and "€ 31.19" in lines  # 50 float + 1.19 sale - 20 out
    press(qtbot, Qt.Key.Key_Escape)
    wait_no_dialog(qtbot)

    shift_menu(qtbot, Qt.Key.Key_5)  # close shift
    wait_dialog(qtbot, "amountDialog")
    type_text(qtbot, "31")
    press(qtbot, Qt.Key.Key_Return)
    approve(qtbot)  # a cashier's Z report needs the manager
    z = wait_dialog(qtbot, "reportDialog")
    lines = report_lines(z)
    assert "Z report (shift closed)" in lines and "-€ 0.19" in lines
    assert db_rows(services, "SELECT state, counted_minor FROM shift") == [("closed", 3100)]
    assert window.status.shift.text() == "No shift open"
