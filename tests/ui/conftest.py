"""Real services on a temporary SQLite file and the real main window, shown and active."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import pytest
from PySide6.QtWidgets import QApplication

from posdesk.services.build import build_services
from posdesk.ui.main_window import MainWindow


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Any]:
    built = build_services(tmp_path / "lane", demo=True)
    yield built
    built.close()


@pytest.fixture
def window(qtbot: Any, services: Any) -> MainWindow:
    win = MainWindow(services=services)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    return win


