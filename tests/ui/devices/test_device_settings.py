"""The installer's device page: behind a manager PIN, "Detect" finds the simulators on
their ptys, Save writes the config and the next receipt comes out of the new printer."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import pytest
from PySide6.QtCore import Qt

from posdesk.devices.escpos import simulator as printer_sim
from posdesk.devices.pty import open_pty_pair
from posdesk.devices.zvt import simulator as zvt_sim
from posdesk.services.build import build_services, open_config

from ..conftest import show_window
from ..helpers import (CASHIER_PIN, MANAGER_PIN, approve, log_in, press, shift_menu, type_text,
                       wait_dialog)


@pytest.fixture
def new_devices(tmp_path: Path) -> Iterator[tuple[str, printer_sim.PrinterSimulator]]:
    """A second terminal and printer, plugged in during the installation."""
    pair = open_pty_pair()
    terminal = zvt_sim.serve(pair, mode="approve")
    printer = printer_sim.serve(out_dir=tmp_path / "new-printer")
    yield pair.path, printer
    terminal.stop()
    pair.close()
    printer.stop()


def open_settings(qtbot: Any) -> Any:
    shift_menu(qtbot, Qt.Key.Key_9)  # Device settings
    return wait_dialog(qtbot, "approvalDialog")


def test_device_settings_need_a_manager_pin(qtbot: Any, device_window: Any) -> None:
    log_in(qtbot, device_window)
    approval = open_settings(qtbot)
    names = approval.names.names
    assert [names.item(r).text() for r in range(names.count())] == ["Admin", "Max"]  # no cashier
    approve(qtbot, CASHIER_PIN)
    qtbot.waitUntil(lambda: approval.pin.message.text().startswith("Wrong PIN"))
    type_text(qtbot, MANAGER_PIN)
    press(qtbot, Qt.Key.Key_Return)
    wait_dialog(qtbot, "deviceSettings")


def test_detect_finds_the_simulators_and_save_applies_the_new_ports(
        qtbot: Any, device_window: Any, device_services: Any, new_devices: Any) -> None:
    terminal_port, printer = new_devices
    log_in(qtbot, device_window)
    open_settings(qtbot)
    approve(qtbot)
    page = wait_dialog(qtbot, "deviceSettings")
    page.extra_ports.setText(f"{terminal_port}, {printer.path}")
    qtbot.mouseClick(page.detect_button, Qt.MouseButton.LeftButton)
    assert not page.detect_button.isEnabled()  # probing runs off the GUI thread
    qtbot.waitUntil(lambda: page.detect_button.isEnabled(), timeout=20_000)
    results = page.detect_results.text()
    assert f"{terminal_port}: card terminal (ZVT) at 9600 baud" in results
    assert f"{printer.path}: receipt printer (ESC/POS) at 9600 baud" in results
    assert page.rows["terminal"].port.currentText() == terminal_port
    assert page.rows["printer"].port.currentText() == printer.path

    page.profile.setCurrentText("generic-58")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.message.text() == "Saved. The devices were restarted with these settings."
    saved = open_config(device_services.data_dir)
    assert saved.get("devices.terminal.port") == terminal_port
    assert saved.get("devices.printer.port") == printer.path
    assert saved.get("devices.printer.profile") == "generic-58"
    assert device_services.devices.ports == {"terminal": terminal_port, "printer": printer.path}

    qtbot.mouseClick(page.tests.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.tests.result.text() == "The test page printed.", timeout=10_000)
    assert printer.wait_until(lambda sim: "Store         posdesk demo store" in sim.document.text, timeout=5)
    assert "Test page" in printer.document.text  # 32 columns: the 58 mm profile applies
    qtbot.mouseClick(page.tests.register_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "accepted the registration" in page.tests.result.text(), timeout=10_000)


@pytest.fixture
def recording_lane(lane_dir: Path) -> Iterator[Any]:
    built = build_services(lane_dir, demo=True, with_devices=True, with_recording=True)
    yield built
    built.close()


def test_device_page_says_which_video_encoder_records_and_why_not_hardware(
        qtbot: Any, recording_lane: Any) -> None:
    qtbot.waitUntil(lambda: bool(recording_lane.recording.video_encoder), timeout=30_000)
    window = show_window(qtbot, recording_lane)
    log_in(qtbot, window)
    open_settings(qtbot)
    approve(qtbot)
    page = wait_dialog(qtbot, "deviceSettings")
    text = page.video_encoder.text()
    # No GPU here: the lane records on libx264 and names the hardware it could not use.
    assert text.startswith("Video encoder: libx264 (h264_vaapi:"), text
    assert "h264_nvenc" in text and page.video_encoder.isVisible()
