"""An installer walks the setup wizard of a new lane with a simulated terminal and printer
on ptys and the test-pattern camera, by keyboard and mouse."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from posdesk.core.permissions import Role
from posdesk.services.build import build_services, open_config
from posdesk.services.setup import needs_setup
from posdesk.ui.wizard.setup_wizard import SetupWizard
from tests.simulated_lane import simulated_devices


@pytest.fixture
def new_lane(tmp_path: Path) -> Iterator[Any]:
    services = build_services(tmp_path / "lane")
    yield services
    services.close()


@pytest.fixture
def devices(tmp_path: Path) -> Iterator[Any]:
    with simulated_devices(tmp_path / "printed") as sims:
        yield sims


def click(qtbot: Any, widget: Any) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def next_page(qtbot: Any, wizard: SetupWizard, expected: str) -> None:
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    qtbot.waitUntil(lambda: wizard.currentPage().objectName() == expected)


def retype(qtbot: Any, edit: Any, text: str) -> None:
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(edit, text)


def test_wizard_end_to_end_sets_up_the_lane(qtbot: Any, new_lane: Any, devices: Any) -> None:
    assert needs_setup(new_lane.data_dir)
    wizard = SetupWizard(services=new_lane.lane)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    assert wizard.currentPage().objectName() == "languagePage"
    next_page(qtbot, wizard, "storePage")

    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))  # no store name yet
    assert wizard.store.message.text() == "Type the store's name."
    retype(qtbot, wizard.store.store_name, "Corner Shop")
    retype(qtbot, wizard.store.lane_id, "K2")
    next_page(qtbot, wizard, "moneyPage")

    wizard.money.currency.setFocus()
    qtbot.keyClicks(wizard.money.currency, "CHF")
    assert wizard.money.currency.currentText() == "CHF"
    next_page(qtbot, wizard, "cameraPage")

    qtbot.waitUntil(lambda: wizard.camera.frames_shown > 0, timeout=10_000)  # the live test pattern
    assert not wizard.camera.picture.pixmap().isNull()
    next_page(qtbot, wizard, "microphonePage")

    assert wizard.microphone.choice() == "synthetic"  # no camera named: the test tone
    qtbot.waitUntil(lambda: wizard.microphone.meter.value() > -40, timeout=10_000)
    next_page(qtbot, wizard, "devicesPage")

    page = wizard.devices
    retype(qtbot, page.extra_ports, f"{devices.terminal_port}, {devices.printer_port}")
    click(qtbot, page.detect_button)
    qtbot.waitUntil(lambda: page.detect_button.isEnabled(), timeout=30_000)
    assert page.terminal_port.currentText() == devices.terminal_port
    assert page.printer_port.currentText() == devices.printer_port
    click(qtbot, page.print_button)
    qtbot.waitUntil(lambda: page.message.text() == "The test page printed.", timeout=10_000)
    assert devices.printer.wait_until(lambda sim: "Corner Shop" in sim.document.text, timeout=5)
    click(qtbot, page.register_button)
    qtbot.waitUntil(lambda: "accepted the registration" in page.message.text(), timeout=15_000)
    next_page(qtbot, wizard, "managerPage")

    manager = wizard.manager
    retype(qtbot, manager.name, "Lea")
    for edit, text in ((manager.pin, "4321"), (manager.pin_again, "4321"),
                       (manager.passphrase, "correct horse"), (manager.passphrase_again, "correct horse!")):
        retype(qtbot, edit, text)
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    assert manager.message.text() == "The two passphrases differ."
    retype(qtbot, manager.passphrase_again, "correct horse")
    next_page(qtbot, wizard, "keysPage")

    keys = wizard.keys
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # no keys yet
    click(qtbot, keys.generate_button)
    qtbot.waitUntil(lambda: keys.made is not None, timeout=60_000)
    fingerprint = keys.fingerprint.text()
    assert len(fingerprint.replace(" ", "")) == 20
    click(qtbot, keys.print_button)
    qtbot.waitUntil(lambda: "recovery sheet printed" in keys.message.text(), timeout=10_000)
    assert devices.printer.wait_until(lambda sim: fingerprint in sim.document.text, timeout=5)
    assert "correct horse" not in devices.printer.document.text
    next_page(qtbot, wizard, "retentionPage")

    retype(qtbot, wizard.retention.days, "30")
    click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
    qtbot.waitUntil(lambda: not wizard.isVisible())

    assert not needs_setup(new_lane.data_dir)
    saved = open_config(new_lane.data_dir)
    assert (saved.get("store.name"), saved.get("lane.id"), saved.get("store.currency")) == ("Corner Shop", "K2", "CHF")
    assert saved.get("devices.terminal.port") == devices.terminal_port
    assert saved.get("devices.printer.port") == devices.printer_port
    assert saved.get("recording.audio") == "synthetic" and saved.get("recording.retention_days") == 30
    assert new_lane.keys.is_set_up()
    assert new_lane.keys.unlock_manager_identities("correct horse")
    assert new_lane.users.get("Lea").role is Role.MANAGER


def test_cancelling_the_wizard_saves_no_configuration(qtbot: Any, new_lane: Any) -> None:
    wizard = SetupWizard(services=new_lane.lane)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    next_page(qtbot, wizard, "storePage")
    retype(qtbot, wizard.store.store_name, "Corner Shop")
    click(qtbot, wizard.button(QWizard.WizardButton.CancelButton))
    qtbot.waitUntil(lambda: not wizard.isVisible())
    assert needs_setup(new_lane.data_dir)

