"""The device settings page leads back to every setup step and to the about box."""
from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard

from ..helpers import approve, log_in, wait_dialog
from .test_device_settings import open_settings

ROOT = Path(__file__).resolve().parents[3]


def settings_page(qtbot: Any, window: Any) -> Any:
    log_in(qtbot, window)
    open_settings(qtbot)
    approve(qtbot)
    return wait_dialog(qtbot, "deviceSettings")


def test_setup_wizard_reopens_with_the_saved_answers_and_the_devices_come_back(
        qtbot: Any, device_window: Any, device_services: Any) -> None:
    page = settings_page(qtbot, device_window)
    ports = dict(device_services.devices.ports)
    qtbot.mouseClick(page.wizard_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None
                    and QApplication.activeModalWidget().objectName() == "setupWizard")
    wizard = QApplication.activeModalWidget()
    assert wizard.store.store_name.text() == device_services.config.get("store.name")
    assert wizard.devices.printer_port.currentText() == ports["printer"]
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CancelButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: device_services.devices.ports == ports and device_services.devices.printing is not None)


def test_about_box_shows_the_one_version_and_the_gpl_of_the_whole(qtbot: Any, device_window: Any) -> None:
    page = settings_page(qtbot, device_window)
    qtbot.mouseClick(page.about_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None
                    and QApplication.activeModalWidget().objectName() == "aboutDialog")
    about = QApplication.activeModalWidget()
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert about.version.text() == f"posdesk {version}"
    assert about.built.text() == "Running from source"
    names = [about.parts.item(r, 0).text() for r in range(about.parts.rowCount())]
    assert "x264" in names and any("Qt" in n for n in names)
    assert "GPL-2.0-or-later" in about.whole.text()
