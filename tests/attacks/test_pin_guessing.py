"""Guessing PINs at the counter: after five wrong PINs the lane makes the next try wait (and
the wait grows), at the login screen and in the approval box alike, whether the PIN comes
with a name (the default) or alone (PIN-only login)."""
from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import Qt

import pytest

from posdesk.core.clock import ManualClock
from posdesk.core.permissions import Permission
from posdesk.db.errors import PinLockedOut, UserLocked, WrongPin
from posdesk.services.build import build_services
from posdesk.ui.dialogs.approval import ApprovalDialog

from ..ui.conftest import show_window
from ..ui.helpers import CASHIER_PIN, MANAGER_PIN, choose_name, db_rows, press, type_text


def _guess(qtbot: Any, times: int) -> None:
    for n in range(times):
        type_text(qtbot, f"{7000 + n}")
        press(qtbot, Qt.Key.Key_Return)


def test_pin_only_login_locks_the_lane_after_five_wrong_pins(qtbot: Any, pin_only_services: Any) -> None:
    window = show_window(qtbot, pin_only_services)
    _guess(qtbot, 5)
    type_text(qtbot, CASHIER_PIN)  # the right PIN must now wait too
    press(qtbot, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.login
    assert window.login.pin.message.text().startswith("Too many wrong PINs. Try again in")
    assert db_rows(pin_only_services, "SELECT count(*) FROM audit_log WHERE action = 'pin_rejected'") == [(5,)]
    assert db_rows(pin_only_services, "SELECT count(*) FROM audit_log WHERE action = 'pin_locked_out'") == [(1,)]


def test_name_and_pin_login_locks_the_lane_after_five_wrong_pins(qtbot: Any, window: Any,
                                                                 services: Any) -> None:
    choose_name(qtbot, "Anna")
    _guess(qtbot, 5)
    press(qtbot, Qt.Key.Key_Escape)  # another name does not start the count afresh
    choose_name(qtbot, "Max")
    type_text(qtbot, MANAGER_PIN)
    press(qtbot, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.login
    assert window.login.pin.message.text().startswith("Too many wrong PINs. Try again in")
    assert db_rows(services, "SELECT count(*) FROM audit_log WHERE action = 'pin_rejected'") == [(5,)]
    assert db_rows(services, "SELECT count(*) FROM audit_log WHERE action = 'pin_locked_out'") == [(1,)]


def test_wait_grows_with_every_further_wrong_pin(tmp_path: Any) -> None:
    clock = ManualClock()
    lane = build_services(tmp_path / "lane", demo=True, clock=clock)
    try:
        users = lane.users
        for n in range(5):
            with pytest.raises((WrongPin, UserLocked)):
                users.check_pin("Anna", f"{7000 + n}")
        first = users.wait_needed()
        assert first == timedelta(seconds=30)
        with pytest.raises(PinLockedOut):
            users.check_pin("Max", MANAGER_PIN)
        clock.advance(ms=31_000)
        with pytest.raises(WrongPin):
            users.check_pin("Max", "7999")
        assert users.wait_needed() == timedelta(seconds=60)
        clock.advance(ms=61_000)
        assert users.check_pin("Max", MANAGER_PIN).name == "Max"
        assert users.wait_needed() == timedelta(0)
    finally:
        lane.close()


def test_approval_box_locks_after_five_wrong_pins(qtbot: Any, services: Any) -> None:
    dialog = ApprovalDialog(session=services.till.session, permission=Permission.VOID_SALE)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.names.filter.hasFocus())
    choose_name(qtbot, "Max")
    for n in range(5):
        qtbot.keyClicks(dialog.pin.edit, f"{7000 + n}")
        qtbot.keyClick(dialog.pin.edit, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.pin.edit, MANAGER_PIN)
    qtbot.keyClick(dialog.pin.edit, Qt.Key.Key_Return)
    assert dialog.approver is None and dialog.isVisible()
    assert dialog.pin.message.text().startswith(("Too many wrong PINs", "Max is locked"))
