"""Driving the real windows the way hands do: keys to whatever has the focus."""
from __future__ import annotations

import sqlite3
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from posdesk.ui.main_window import MainWindow

#: Demo people (see the README): cashier, manager.
CASHIER_PIN = "1234"
MANAGER_PIN = "9999"
#: Whose demo PIN is whose, for the name the login asks first.
DEMO_NAMES = {CASHIER_PIN: "Anna", MANAGER_PIN: "Max", "0000": "Admin"}
#: Demo catalog items.
MILK = "4006381333931"     # Whole milk, 1.19
BUTTER = "4000500012349"   # Butter, 2.29
YOGHURT = "4000500043213"  # Natural yoghurt, 0.89


def focus() -> QWidget:
    """Where a real keyboard's keys would go now."""
    widget = QApplication.focusWidget()
    assert widget is not None, "no widget has the keyboard focus"
    return widget


def press(qtbot: Any, key: Qt.Key) -> None:
    qtbot.keyClick(focus(), key)


def type_text(qtbot: Any, text: str) -> None:
    """Keys as fast as QTest sends them: what a scanner burst looks like."""
    qtbot.keyClicks(focus(), text)


def scan(qtbot: Any, code: str) -> None:
    type_text(qtbot, code)
    press(qtbot, Qt.Key.Key_Return)


def wait_dialog(qtbot: Any, name: str) -> QWidget:
    """The modal dialog with object name `name`, once it is open and has the focus."""
    qtbot.waitUntil(lambda: _modal_named(name) is not None and QApplication.focusWidget() is not None
                    and QApplication.focusWidget().window() is _modal_named(name))
    return _modal_named(name)


def _modal_named(name: str) -> QWidget | None:
    modal = QApplication.activeModalWidget()
    return modal if modal is not None and modal.objectName() == name else None


def wait_no_dialog(qtbot: Any) -> None:
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None
                    and QApplication.focusWidget() is not None)


def open_tender(qtbot: Any) -> QWidget:
    """F10 on the checkout: the tender dialog, open and focused."""
    press(qtbot, Qt.Key.Key_F10)
    return wait_dialog(qtbot, "tenderDialog")


def pay_cash_exact(qtbot: Any, window: Any) -> None:
    """F10, Enter on the empty field (the exact amount in cash), Enter to close the dialog;
    returns once the sale is saved, when the next one may start."""
    tender = open_tender(qtbot)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tender.is_complete)
    press(qtbot, Qt.Key.Key_Return)
    wait_no_dialog(qtbot)
    qtbot.waitUntil(lambda: window.checkout.sale is None)


def shift_menu(qtbot: Any, key: Qt.Key) -> None:
    """F1 opens the shift menu; `key` chooses its entry (Key_3 cash out, Key_4 X report...)."""
    press(qtbot, Qt.Key.Key_F1)
    wait_dialog(qtbot, "shiftMenu")
    press(qtbot, key)


def choose_name(qtbot: Any, name: str) -> None:
    """Type the name into the name filter (it has the focus) and pick it with Enter."""
    type_text(qtbot, name)
    press(qtbot, Qt.Key.Key_Return)


def log_in(qtbot: Any, window: MainWindow, pin: str = CASHIER_PIN, *, name: str | None = None,
           float_amount: str = "100") -> None:
    """Choose the name (the demo person whose PIN it is, unless `name` is given) when the
    lane asks for one, type the PIN, resume an interrupted sale if asked, answer the shift
    prompt with a float; end on the entry line."""
    ready: list[bool] = []
    window.ready.connect(lambda: ready.append(True))
    if window.login.names_first and window.login.chosen_name() is None:
        choose_name(qtbot, name or DEMO_NAMES[pin])
    type_text(qtbot, pin)
    press(qtbot, Qt.Key.Key_Return)
    prompts = ("recoveryDialog", "amountDialog")
    while not ready:
        qtbot.waitUntil(lambda: ready or any(_modal_named(n) for n in prompts), timeout=5000)
        if _modal_named("recoveryDialog"):
            wait_dialog(qtbot, "recoveryDialog")
            press(qtbot, Qt.Key.Key_Return)
            qtbot.waitUntil(lambda: _modal_named("recoveryDialog") is None)
        elif _modal_named("amountDialog"):
            wait_dialog(qtbot, "amountDialog")
            type_text(qtbot, float_amount)
            press(qtbot, Qt.Key.Key_Return)
            qtbot.waitUntil(lambda: bool(ready))
    wait_no_dialog(qtbot)


def approve(qtbot: Any, pin: str = MANAGER_PIN, *, name: str = "Max") -> None:
    """Approve as manager `name` (chosen first, when the box asks for a name)."""
    dialog = wait_dialog(qtbot, "approvalDialog")
    if dialog.names.isVisibleTo(dialog) and dialog.chosen_name() is None:
        choose_name(qtbot, name)
    type_text(qtbot, pin)
    press(qtbot, Qt.Key.Key_Return)


def db_rows(services: Any, sql: str, *args: Any) -> list[tuple]:
    """Rows as another program would read them from the lane's SQLite file."""
    assert services.writer.flush(timeout=10), "database writer did not catch up"
    con = sqlite3.connect(services.data_dir / "posdesk.db")
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


def journal_kinds(services: Any, sale_id: str) -> list[str]:
    """The sale's journal as stored, in order."""
    return [k for (k,) in db_rows(services, "SELECT kind FROM journal_event WHERE sale_id = ? ORDER BY seq", sale_id)]
