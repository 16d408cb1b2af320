"""The installer's device page: which port each device is on, at what speed, found by
"Detect"; the terminal password and the printer model; tests; save and apply.

Saving writes the lane's config file and restarts the devices with it, so what the page
shows is what the next sale uses. An empty port means "not connected" (in the demo: the
simulator).
"""
from __future__ import annotations

import logging

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (QComboBox, QDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QVBoxLayout, QWidget)

from posdesk.services.device_facts import COMMON_BAUDRATES, PRINTER_MODELS, DeviceKind, PortReport
from posdesk.services.lane import LaneServices

from ..dialogs.about import AboutDialog
from .detection import PortDetection
from .device_tests import DeviceTests
from .hub import DeviceHub
from .selftest_panel import SelfTestPanel

log = logging.getLogger(__name__)

#: The devices on this page, by their config section.
DEVICES: tuple[str, ...] = ("terminal", "printer", "scanner")
#: Which device a detected kind is.
_DEVICE_OF_KIND = {DeviceKind.ZVT_TERMINAL: "terminal", DeviceKind.RECEIPT_PRINTER: "printer"}
#: A ZVT password is six digits (three BCD bytes).
PASSWORD_PATTERN = r"\d{6}"


class DeviceRow:
    """One device's port and baud rate pickers and what detection found for it."""

    def __init__(self, name: str, port: str, baudrate: int, parent: QWidget):
        self.port = QComboBox(parent)
        self.port.setObjectName(f"{name}Port")
        self.port.setEditable(True)
        self.port.setMinimumWidth(320)
        self.port.addItem("")
        self.port.setCurrentText(port)
        self.baudrate = QComboBox(parent)
        self.baudrate.setObjectName(f"{name}Baud")
        for rate in sorted({*COMMON_BAUDRATES, baudrate}):
            self.baudrate.addItem(str(rate), rate)
        self.baudrate.setCurrentText(str(baudrate))
        self.found = QLabel(parent)
        self.found.setObjectName(f"{name}Found")
        self.found.hide()

    def offer(self, port: str) -> None:
        if self.port.findText(port) < 0:
            self.port.addItem(port)


class DeviceSettingsDialog(QDialog):
    def __init__(self, *, services: LaneServices, hub: DeviceHub, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("deviceSettings")
        self.setWindowTitle(self.tr("Device settings"))
        self.setMinimumWidth(760)
        self._services = services
        self._hub = hub
        config = services.config
        self.rows = {name: DeviceRow(name, config.get(f"devices.{name}.port"),
                                     int(config.get(f"devices.{name}.baudrate")), self)
                     for name in DEVICES}
        for name, port in hub.ports.items():
            if name in self.rows and name not in hub.simulated:
                self.rows[name].offer(port)
        for name, row in self.rows.items():
            row.port.lineEdit().setPlaceholderText(
                self.tr("simulated") if name in hub.simulated else self.tr("not connected"))
        self.password = QLineEdit(config.get("devices.terminal.password"), self)
        self.password.setObjectName("terminalPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setValidator(QRegularExpressionValidator(QRegularExpression(PASSWORD_PATTERN), self))
        self.profile = QComboBox(self)
        self.profile.setObjectName("printerProfile")
        self.profile.addItems(list(PRINTER_MODELS))
        self.profile.setCurrentText(config.get("devices.printer.profile"))
        self.extra_ports = QLineEdit(self)
        self.extra_ports.setObjectName("extraPorts")
        self.extra_ports.setPlaceholderText(self.tr("More ports to probe: paths or URLs, comma separated"))
        self.detect_button = QPushButton(self.tr("Detect"), self)
        self.detect_button.setObjectName("detectButton")
        self.detect_button.setAutoDefault(False)
        self.detect_button.clicked.connect(self.on_detect)
        self.detect_results = QLabel(self)
        self.detect_results.setObjectName("detectResults")
        self.detect_results.setWordWrap(True)
        self.tests = DeviceTests(hub=hub, store_name=config.get("store.name"), parent=self)
        self.video_encoder = QLabel(self._encoder_text(), self)
        self.video_encoder.setObjectName("videoEncoder")
        self.video_encoder.setWordWrap(True)
        self.selftest = SelfTestPanel(services=services, parent=self)
        self.message = QLabel(self)
        self.message.setObjectName("errorMessage")
        self.message.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save and apply"), self)
        self.save_button.setObjectName("saveButton")
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.on_save)
        self.wizard_button = QPushButton(self.tr("Setup wizard…"), self)
        self.wizard_button.setObjectName("setupWizardButton")
        self.wizard_button.setAutoDefault(False)
        self.wizard_button.clicked.connect(self.on_wizard)
        self.about_button = QPushButton(self.tr("About…"), self)
        self.about_button.setObjectName("aboutButton")
        self.about_button.setAutoDefault(False)
        self.about_button.clicked.connect(self.on_about)
        close = QPushButton(self.tr("Close"), self)
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        self.detection = PortDetection(self)
        self.detection.finished.connect(self.on_detected)
        self._layout(close)

    def _layout(self, close: QPushButton) -> None:
        titles = self._titles()
        layout = QVBoxLayout(self)
        for name in DEVICES:
            row = self.rows[name]
            box = QGroupBox(titles[name], self)
            form = QFormLayout(box)
            form.addRow(self.tr("Port"), row.port)
            form.addRow(self.tr("Baud rate"), row.baudrate)
            if name == "terminal":
                form.addRow(self.tr("Password"), self.password)
            if name == "printer":
                form.addRow(self.tr("Printer model"), self.profile)
            form.addRow("", row.found)
            layout.addWidget(box)
        detect = QHBoxLayout()
        detect.addWidget(self.extra_ports, 1)
        detect.addWidget(self.detect_button)
        layout.addLayout(detect)
        layout.addWidget(self.detect_results)
        layout.addWidget(self.tests)
        camera = QGroupBox(self.tr("Camera recording"), self)
        QVBoxLayout(camera).addWidget(self.video_encoder)
        layout.addWidget(camera)
        layout.addWidget(self.selftest)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addWidget(self.wizard_button)
        buttons.addWidget(self.about_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)

    def _encoder_text(self) -> str:
        """Which H.264 encoder the recorder runs; a refused hardware one says why."""
        recording = self._services.recording
        encoder = recording.video_encoder if recording is not None else ""
        if not encoder:
            return self.tr("Video encoder: the recorder is not running.")
        return self.tr("Video encoder: {encoder}").format(encoder=encoder)

    def _titles(self) -> dict[str, str]:
        return {"terminal": self.tr("Card terminal (ZVT)"), "printer": self.tr("Receipt printer (ESC/POS)"),
                "scanner": self.tr("Barcode scanner (serial)")}

    # -- detection -------------------------------------------------------------------------
    def on_detect(self) -> None:
        typed = [p.strip() for p in self.extra_ports.text().split(",")]
        chosen = [row.port.currentText().strip() for row in self.rows.values()]
        # The saved password, not one half-typed on this page: no other goes to a terminal.
        password = self._services.config.get("devices.terminal.password")
        if self.detection.start([*typed, *chosen], zvt_password=password, in_use=self._hub.ports.values()):
            self.detect_button.setEnabled(False)
            self.detect_results.setText(self.tr("Probing the serial ports…"))

    def on_detected(self, reports: list[PortReport]) -> None:
        self.detect_button.setEnabled(True)
        titles = self._titles()
        lines = [f"{port}: " + self.tr("in use by this lane ({device})").format(device=titles.get(name, name))
                 for name, port in self._hub.ports.items()]
        picked: set[str] = set()
        for report in reports:
            lines.append(f"{report.port}: {self._report_text(report)}")
            for row in self.rows.values():
                row.offer(report.port)
            device = _DEVICE_OF_KIND.get(report.kind) if report.kind is not None else None
            if device is not None and device not in picked:  # the first one found of each kind
                picked.add(device)
                row = self.rows[device]
                row.port.setCurrentText(report.port)
                row.baudrate.setCurrentText(str(report.baudrate))
                row.found.setText(self.tr("Found on {port} at {baud} baud").format(
                    port=report.port, baud=report.baudrate))
                row.found.show()
        self.detect_results.setText("\n".join(lines) if lines else self.tr("No serial ports found."))

    def _report_text(self, report: PortReport) -> str:
        if report.kind is DeviceKind.ZVT_TERMINAL:
            return self.tr("card terminal (ZVT) at {baud} baud").format(baud=report.baudrate)
        if report.kind is DeviceKind.RECEIPT_PRINTER:
            return self.tr("receipt printer (ESC/POS) at {baud} baud").format(baud=report.baudrate)
        if report.error:
            return self.tr("cannot be probed ({error})").format(error=report.error)
        return self.tr("nothing answered")

    # -- saving ----------------------------------------------------------------------------
    def settings(self) -> dict[str, str]:
        """The page's values as config keys and strings (`Config.set` converts them)."""
        values = {}
        for name, row in self.rows.items():
            values[f"devices.{name}.port"] = row.port.currentText().strip()
            values[f"devices.{name}.baudrate"] = row.baudrate.currentText()
        values["devices.terminal.password"] = self.password.text()
        values["devices.printer.profile"] = self.profile.currentText()
        return values

    def on_save(self) -> None:
        if self._services.checkout.sale is not None:
            self._say(self.tr("Finish or park the current sale first."), ok=False)
            return
        if not self.password.hasAcceptableInput():
            self._say(self.tr("The terminal password has six digits."), ok=False)
            return
        config = self._services.config
        try:
            for key, value in self.settings().items():
                config.set(key, value)
            config.save()
            self._hub.restart()
        except Exception as e:  # noqa: BLE001 - config and device errors alike: say so, stay open
            log.exception("applying device settings failed")
            self._say(self.tr("The settings could not be applied: {error}").format(error=str(e)), ok=False)
            return
        log.info("device settings saved: %s", {k: v for k, v in self.settings().items() if "password" not in k})
        self._say(self.tr("Saved. The devices were restarted with these settings."), ok=True)

    def on_wizard(self) -> None:
        """Every setup step again. The devices pause meanwhile (the wizard's tests open
        the ports themselves) and restart with what was saved, or as they were."""
        if self._services.checkout.sale is not None:
            self._say(self.tr("Finish or park the current sale first."), ok=False)
            return
        from ..wizard.setup_wizard import SetupWizard
        self._hub.detach()
        self._services.devices.close()
        wizard = SetupWizard(services=self._services, parent=self)
        wizard.finished.connect(lambda _result: self._hub.restart())
        wizard.open()

    def on_about(self) -> None:
        AboutDialog(self).open()

    def _say(self, text: str, *, ok: bool) -> None:
        self.message.setText(text)
        self.message.setProperty("level", "info" if ok else "warning")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
