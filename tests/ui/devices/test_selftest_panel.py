"""The self-test on the device settings page, run against the lane's running simulators."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from ..helpers import approve, log_in, wait_dialog
from .test_device_settings import open_settings


def results(page: Any) -> list[str]:
    return [page.selftest.results.item(i).text() for i in range(page.selftest.results.count())]


def test_self_test_lists_every_check_and_the_fix_for_a_printer_without_paper(
        qtbot: Any, device_window: Any, device_services: Any, simulators: Any) -> None:
    device_services.config.set("recording.retention_days", "1")
    device_services.config.set("recording.hours_per_day", "1")
    log_in(qtbot, device_window)
    open_settings(qtbot)
    approve(qtbot)
    page = wait_dialog(qtbot, "deviceSettings")
    simulators.printer.paper_out = True
    qtbot.mouseClick(page.selftest.run_button, Qt.MouseButton.LeftButton)
    assert not page.selftest.run_button.isEnabled()  # the checks run off the GUI thread
    qtbot.waitUntil(lambda: page.selftest.run_button.isEnabled(), timeout=60_000)
    lines = results(page)
    assert len(lines) == 9, lines
    terminal = next(line for line in lines if "Card terminal" in line)
    assert terminal.startswith("✔") and "52500001" in terminal
    printer = next(line for line in lines if "Receipt printer" in line)
    assert printer.startswith("✘") and "Fix: The printer is out of paper." in printer
    assert "checks failed" in page.selftest.summary.text()
