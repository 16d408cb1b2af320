"""A sale from login to change with nothing but the keyboard: search by name included."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from ..helpers import db_rows, log_in, open_tender, press, type_text, wait_dialog, wait_no_dialog


def test_keyboard_alone_rings_searches_tenders_and_finishes_a_sale(qtbot: Any, window: Any, services: Any) -> None:
    log_in(qtbot, window)
    press(qtbot, Qt.Key.Key_F3)
    search = wait_dialog(qtbot, "searchDialog")
    type_text(qtbot, "milk")
    assert search.model.rowCount() >= 2
    press(qtbot, Qt.Key.Key_Down)  # the second milk
    chosen = search.chosen()
    press(qtbot, Qt.Key.Key_Return)
    wait_no_dialog(qtbot)
    assert [ln.name for ln in window.checkout.sale.lines] == [chosen.name]

    type_text(qtbot, "+")  # one more of it, typed alone
    qtbot.waitUntil(lambda: window.checkout.sale.lines[0].quantity == 2)
    tender = open_tender(qtbot)
    press(qtbot, Qt.Key.Key_F3)  # the third quick-cash note
    qtbot.waitUntil(lambda: tender.is_complete)
    press(qtbot, Qt.Key.Key_Return)
    wait_no_dialog(qtbot)
    rows = db_rows(services, "SELECT s.state, l.name, l.quantity FROM sale s JOIN sale_line l ON l.sale_id = s.id")
    assert rows == [("completed", chosen.name, "2")]


def test_escape_clears_what_was_typed_and_changes_nothing(qtbot: Any, window: Any) -> None:
    log_in(qtbot, window)
    type_text(qtbot, "40063")
    press(qtbot, Qt.Key.Key_Escape)
    assert window.checkout_screen.entry.text() == ""
    assert window.checkout.sale is None
