"""A recorded demo lane (made once per module by the real CLI) and the viewer window on a
copy of it, shown and active."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from posdesk.services.build import build_services
from posdesk.ui.viewer.launch import viewer_window as build_viewer_window
from posdesk.ui.viewer.viewer_window import ViewerWindow

from ...recorded_lane import PASSPHRASE, copy_lane, make_recorded_lane


@pytest.fixture(scope="session")
def recorded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_recorded_lane(tmp_path_factory.mktemp("recorded"))


@pytest.fixture
def lane(recorded: Path, tmp_path: Path) -> Iterator[Any]:
    services = build_services(copy_lane(recorded, tmp_path / "copy"))
    yield services
    services.close()


@pytest.fixture
def viewer_window(qtbot: Any, lane: Any) -> ViewerWindow:
    win = build_viewer_window(lane, user="Max")
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
