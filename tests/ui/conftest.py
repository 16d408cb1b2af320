"""Real services on a temporary SQLite file and the real main window, shown and active.

`device_services`/`device_window` add a card terminal and a receipt printer: the ZVT and
ESC/POS simulators served on ptys of the test's own, configured as the lane's ports, so a
test can switch the terminal's mode or take the printer's paper away.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import pytest
from PySide6.QtWidgets import QApplication

from posdesk.devices.escpos import simulator as printer_sim
from posdesk.devices.pty import PtyPair, open_pty_pair
from posdesk.devices.zvt import simulator as zvt_sim
from posdesk.devices.zvt.book import TransactionBook
from posdesk.services.build import build_services, open_config
from posdesk.ui.main_window import MainWindow


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Any]:
    built = build_services(tmp_path / "lane", demo=True)
    yield built
    built.close()


@pytest.fixture
def pin_only_services(tmp_path: Path) -> Iterator[Any]:
    """A demo lane set to log in by PIN alone (`ui.login = "pin_only"`)."""
    lane = tmp_path / "lane"
    config = open_config(lane)
    config.set("ui.login", "pin_only")
    config.save()
    built = build_services(lane, demo=True)
    yield built
    built.close()


def show_window(qtbot: Any, services: Any) -> MainWindow:
    win = MainWindow(services=services.lane)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    return win


@pytest.fixture
def window(qtbot: Any, services: Any) -> MainWindow:
    return show_window(qtbot, services)


@dataclass
class Simulators:
    terminal_pty: PtyPair
    terminal: zvt_sim.TerminalSimulator
    #: What the simulated terminal charged: the customer's bank statement.
    book: TransactionBook
    printer: printer_sim.PrinterSimulator
    #: Where the simulated printer saves each cut receipt as .txt and .png.
    printed: Path

    def receipts(self) -> list[str]:
        return [p.read_text(encoding="utf-8") for p in sorted(self.printed.glob("*.txt"))]


@pytest.fixture
def simulators(tmp_path: Path) -> Iterator[Simulators]:
    pair = open_pty_pair()
    book = TransactionBook()
    terminal = zvt_sim.serve(pair, mode="approve", book=book, ack_timeout_s=1.0)
    printed = tmp_path / "printed"
    printer = printer_sim.serve(out_dir=printed)
    yield Simulators(pair, terminal, book, printer, printed)
    terminal.stop()
    pair.close()
    printer.stop()


@pytest.fixture
def lane_dir(tmp_path: Path, simulators: Simulators) -> Path:
    """A lane whose config names the simulators' ports."""
    lane = tmp_path / "lane"
    config = open_config(lane)
    config.set("devices.terminal.port", simulators.terminal_pty.path)
    config.set("devices.printer.port", simulators.printer.path)
    config.save()
    return lane


@pytest.fixture
def device_services(lane_dir: Path) -> Iterator[Any]:
    built = build_services(lane_dir, demo=True, with_devices=True)
    assert not built.devices.simulated, "the test's own simulators should be configured"
    yield built
    built.close()


@pytest.fixture
def device_window(qtbot: Any, device_services: Any) -> MainWindow:
    return show_window(qtbot, device_services)
