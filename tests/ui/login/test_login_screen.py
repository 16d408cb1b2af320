"""PIN login: wrong PINs, lockout, and the prompt for a sale a crash left behind."""
from __future__ import annotations

import inspect
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt

from posdesk.services.checkout import CheckoutService

from ..helpers import CASHIER_PIN, MILK, db_rows, log_in, press, scan, type_text

LOGIN_TAKES_NAME = "name" in inspect.signature(CheckoutService.login).parameters


def test_wrong_pin_says_so_and_stays_on_login(qtbot: Any, window: Any) -> None:
    type_text(qtbot, "5555")
    press(qtbot, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.login
    assert window.login.pin.message.text() == "Wrong PIN."
    assert window.login.pin.edit.text() == ""


def test_pin_is_masked(qtbot: Any, window: Any) -> None:
    type_text(qtbot, "12")
    edit = window.login.pin.edit
    assert edit.text() == "12" and edit.displayText() != "12"


def test_right_pin_opens_the_checkout_for_that_cashier(qtbot: Any, window: Any) -> None:
    log_in(qtbot, window)
    assert window.stack.currentWidget() is window.checkout_screen
    assert "Anna" in window.status.user.text()


def test_five_wrong_pins_lock_the_chosen_user_out(qtbot: Any, window: Any, services: Any) -> None:
    login = window.login
    login.users.setCurrentRow([login.users.item(i).text() for i in range(login.users.count())].index("Anna"))
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
