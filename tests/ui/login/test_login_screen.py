"""Login by name and PIN (the default) or by PIN alone: choosing the name by keys and touch,
wrong PINs, lockout, shared PINs, and the prompt for a sale a crash left behind."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt

from posdesk.core.permissions import Role

from ..conftest import show_window
from ..helpers import CASHIER_PIN, MILK, choose_name, db_rows, focus, log_in, press, scan, type_text


def test_wrong_pin_says_so_and_stays_on_login(qtbot: Any, window: Any) -> None:
    choose_name(qtbot, "Anna")
    type_text(qtbot, "5555")
    press(qtbot, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.login
    assert window.login.pin.message.text() == "Wrong PIN. 4 tries left."
    assert window.login.pin.edit.text() == ""


def test_pin_is_masked(qtbot: Any, window: Any) -> None:
    choose_name(qtbot, "Anna")
    type_text(qtbot, "12")
    edit = window.login.pin.edit
    assert focus() is edit and edit.text() == "12" and edit.displayText() != "12"


def test_right_pin_opens_the_checkout_for_that_cashier(qtbot: Any, window: Any) -> None:
    log_in(qtbot, window)
    assert window.stack.currentWidget() is window.checkout_screen
    assert "Anna" in window.status.user.text()


def test_typing_narrows_the_names_and_arrows_choose_among_them(qtbot: Any, window: Any) -> None:
    type_text(qtbot, "m")  # Max and Admin
    names = window.login.users.names
    shown = [names.item(r).text() for r in range(names.count()) if not names.item(r).isHidden()]
    assert shown == ["Admin", "Max"]
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)
    assert "Max" in window.login.prompt.text()
    log_in(qtbot, window, "9999")  # the name is chosen: the PIN, then the shift prompt
    assert "Max" in window.status.user.text()


def test_a_tap_on_a_name_chooses_it(qtbot: Any, window: Any) -> None:
    names = window.login.users.names
    anna = names.findItems("Anna", Qt.MatchFlag.MatchExactly)[0]
    qtbot.mouseClick(names.viewport(), Qt.MouseButton.LeftButton, pos=names.visualItemRect(anna).center())
    assert window.login.chosen_name() == "Anna" and focus() is window.login.pin.edit
    log_in(qtbot, window)
    assert "Anna" in window.status.user.text()


def test_two_cashiers_with_the_same_pin_each_log_in_by_name(qtbot: Any, services: Any) -> None:
    services.users.add("Bea", Role.CASHIER, CASHIER_PIN)  # Anna's PIN too
    window = show_window(qtbot, services)
    log_in(qtbot, window, CASHIER_PIN, name="Bea")
    assert "Bea" in window.status.user.text()
    window.on_logout_requested()
    log_in(qtbot, window, CASHIER_PIN, name="Anna")
    assert "Anna" in window.status.user.text()


def test_pin_only_login_asks_no_name(qtbot: Any, pin_only_services: Any) -> None:
    window = show_window(qtbot, pin_only_services)
    assert not window.login.users.isVisible() and focus() is window.login.pin.edit
    log_in(qtbot, window)
    assert "Anna" in window.status.user.text()


def test_five_wrong_pins_lock_the_chosen_user_out(qtbot: Any, window: Any, services: Any) -> None:
    login = window.login
    choose_name(qtbot, "Anna")
    for _ in range(5):
        type_text(qtbot, "5555")
        press(qtbot, Qt.Key.Key_Return)
    assert "locked" in login.pin.message.text()
    type_text(qtbot, CASHIER_PIN)  # even the right PIN no longer opens the till
    press(qtbot, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is login
    assert db_rows(services, "SELECT locked FROM user WHERE name = 'Anna'") == [(1,)]


def test_an_interrupted_sale_is_offered_for_resuming_at_login(qtbot: Any, window: Any, services: Any) -> None:
    log_in(qtbot, window)
    scan(qtbot, f"2*{MILK}")
    services.writer.flush(timeout=10)
    sale_id = window.checkout.sale.id
    # The till dies: a fresh service object on the same database knows nothing in memory.
    window.checkout.sale = None
    window.on_logout_requested()
    log_in(qtbot, window)  # answers the recovery prompt with Enter
    assert window.checkout.sale is not None and window.checkout.sale.id == sale_id
    assert window.checkout.sale.lines[0].quantity == Decimal(2)
    assert window.checkout_screen.cart_model.rowCount() == 1
