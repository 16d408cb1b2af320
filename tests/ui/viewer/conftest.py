"""The viewer window on a copy of the recorded demo lane, shown and active."""
from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from posdesk.ui.viewer.launch import viewer_window as build_viewer_window
from posdesk.ui.viewer.viewer_window import ViewerWindow

from ...recorded_lane import PASSPHRASE


@pytest.fixture
def viewer_window(qtbot: Any, lane: Any) -> ViewerWindow:
    win = build_viewer_window(lane.lane, user="Max")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    return win


def unlock(qtbot: Any, win: ViewerWindow, passphrase: str = PASSPHRASE) -> None:
    """Type the passphrase into the unlock dialog as a manager would, and press Enter."""
    if win.unlock_dialog is None:
        win.ask_unlock()
    dialog = win.unlock_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.passphrase)
    dialog.passphrase.selectAll()
    qtbot.keyClicks(dialog.passphrase, passphrase)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
