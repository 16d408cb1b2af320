"""The wizard's serial devices: detect the card terminal and the receipt printer, pick their
ports, print a test page and register at the terminal — all on worker threads."""
from __future__ import annotations

import logging
from datetime import datetime, timezone

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, \
    QPushButton, QWidget

from posdesk.services.device_facts import COMMON_BAUDRATES, PRINTER_MODELS, DeviceKind, PortReport
from posdesk.services.setup import SetupAnswers
from posdesk.services.setup_devices import print_page, register_terminal

from ..devices.detection import PortDetection
from ..devices.settings_dialog import PASSWORD_PATTERN
from ..formatting import local_time_text
from ..i18n import translate
from .background import Background
from .page import AnswerPage

log = logging.getLogger(__name__)


def _port_box(parent: QWidget, name: str, port: str) -> QComboBox:
    box = QComboBox(parent)
    box.setObjectName(name)
    box.setEditable(True)
    box.setMinimumWidth(300)
    box.addItems(list(dict.fromkeys(["", port])))
    box.setCurrentText(port)
    box.lineEdit().setPlaceholderText(parent.tr("not connected"))
    return box


def _baud_box(parent: QWidget, name: str, baud: int) -> QComboBox:
    box = QComboBox(parent)
    box.setObjectName(name)
    for rate in sorted({*COMMON_BAUDRATES, baud}):
        box.addItem(str(rate), rate)
    box.setCurrentText(str(baud))
    return box


class DevicesPage(AnswerPage):
    def __init__(self, *, answers: SetupAnswers, parent: QWidget | None = None):
        super().__init__(answers=answers, name="devicesPage", parent=parent)
        self.setTitle(self.tr("Card terminal and receipt printer"))
        self.setSubTitle(self.tr(
            "Detect probes the serial ports. Then print a test page and register at the terminal."))
        self.extra_ports = QLineEdit(self)
        self.extra_ports.setObjectName("extraPorts")
        self.extra_ports.setPlaceholderText(self.tr("More ports to probe: paths or URLs, comma separated"))
        self.detect_button = self._button("detectButton", self.tr("Detect"), self.on_detect)
        self.terminal_port = _port_box(self, "terminalPort", answers.terminal_port)
        self.terminal_baud = _baud_box(self, "terminalBaud", int(answers.terminal_baudrate))
        self.password = QLineEdit(answers.terminal_password, self)
        self.password.setObjectName("terminalPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setValidator(QRegularExpressionValidator(QRegularExpression(PASSWORD_PATTERN), self))
        self.register_button = self._button("registerButton", self.tr("Register at the terminal"), self.on_register)
        self.printer_port = _port_box(self, "printerPort", answers.printer_port)
        self.printer_baud = _baud_box(self, "printerBaud", int(answers.printer_baudrate))
        self.profile = QComboBox(self)
        self.profile.setObjectName("printerProfile")
        self.profile.addItems(list(PRINTER_MODELS))
        self.profile.setCurrentText(answers.printer_profile)
        self.print_button = self._button("testPrint", self.tr("Test print"), self.on_test_print)
        self.found = QLabel(self)
        self.found.setObjectName("detectResults")
        self.found.setWordWrap(True)
        self.detection = PortDetection(self)
        self.detection.finished.connect(self.on_detected)
        self.jobs = Background(self)
        self.jobs.finished.connect(self.on_job_finished)
        self._layout()

    def _button(self, name: str, text: str, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def _layout(self) -> None:
        detect = QHBoxLayout()
        detect.addWidget(self.extra_ports, 1)
        detect.addWidget(self.detect_button)
        self.body.addLayout(detect)
        self.body.addWidget(self.found)
        terminal = QGroupBox(self.tr("Card terminal (ZVT)"), self)
        form = QFormLayout(terminal)
        form.addRow(self.tr("Port"), self.terminal_port)
        form.addRow(self.tr("Baud rate"), self.terminal_baud)
        form.addRow(self.tr("Password"), self.password)
        form.addRow("", self.register_button)
        printer = QGroupBox(self.tr("Receipt printer (ESC/POS)"), self)
        form = QFormLayout(printer)
        form.addRow(self.tr("Port"), self.printer_port)
        form.addRow(self.tr("Baud rate"), self.printer_baud)
        form.addRow(self.tr("Printer model"), self.profile)
        form.addRow("", self.print_button)
        self.body.addWidget(terminal)
        self.body.addWidget(printer)
        self.finish_layout()

    def take_answers(self) -> None:
        self.answers.terminal_port = self.terminal_port.currentText().strip()
        self.answers.terminal_baudrate = int(self.terminal_baud.currentData())
        self.answers.printer_port = self.printer_port.currentText().strip()
        self.answers.printer_baudrate = int(self.printer_baud.currentData())
        self.answers.printer_profile = self.profile.currentText()
        self.answers.terminal_password = self.password.text()

    # -- detection -------------------------------------------------------------------------
    def on_detect(self) -> None:
        # A terminal is probed with the password the installer typed and no other.
        if not self.password.hasAcceptableInput():
            self.say(self.tr("The terminal password has six digits."))
            return
        typed = [p.strip() for p in self.extra_ports.text().split(",")]
        chosen = [self.terminal_port.currentText().strip(), self.printer_port.currentText().strip()]
        if self.detection.start([*typed, *chosen], zvt_password=self.password.text()):
            self.detect_button.setEnabled(False)
            self.found.setText(self.tr("Probing the serial ports…"))

    def on_detected(self, reports: list[PortReport]) -> None:
        self.detect_button.setEnabled(True)
        lines, picked = [], set()
        for report in reports:
            for box in (self.terminal_port, self.printer_port):
                if box.findText(report.port) < 0:
                    box.addItem(report.port)
            if report.kind is DeviceKind.ZVT_TERMINAL and "terminal" not in picked:
                picked.add("terminal")
                self.terminal_port.setCurrentText(report.port)
                self.terminal_baud.setCurrentText(str(report.baudrate))
                lines.append(self.tr("Card terminal found on {port} at {baud} baud").format(
                    port=report.port, baud=report.baudrate))
            elif report.kind is DeviceKind.RECEIPT_PRINTER and "printer" not in picked:
                picked.add("printer")
                self.printer_port.setCurrentText(report.port)
                self.printer_baud.setCurrentText(str(report.baudrate))
                lines.append(self.tr("Receipt printer found on {port} at {baud} baud").format(
                    port=report.port, baud=report.baudrate))
        self.found.setText("\n".join(lines) if lines else self.tr("No terminal or printer answered."))

    # -- tests -----------------------------------------------------------------------------
    def on_test_print(self) -> None:
        self.take_answers()
        if not self.answers.printer_port:
            self.say(self.tr("Pick the printer's port first."))
            return
        answers = SetupAnswers(**vars(self.answers))  # the worker's own copy
        rows = ((self.tr("Store"), answers.store_name), (self.tr("Lane"), answers.lane_id),
                (self.tr("Port"), answers.printer_port),
                (self.tr("Printed"), local_time_text(datetime.now(timezone.utc))),
                (self.tr("Characters"), "ÄÖÜ äöü € 中文"))
        title = self.tr("Test page")
        if self.jobs.run("print", lambda: print_page(answers, title, rows)):
            self.print_button.setEnabled(False)
            self.say(self.tr("Printing a test page…"))

    def on_register(self) -> None:
        self.take_answers()
        if not self.answers.terminal_port:
            self.say(self.tr("Pick the terminal's port first."))
            return
        if not self.password.hasAcceptableInput():
            self.say(self.tr("The terminal password has six digits."))
            return
        answers = SetupAnswers(**vars(self.answers))
        if self.jobs.run("register", lambda: register_terminal(answers)):
            self.register_button.setEnabled(False)
            self.say(self.tr("Registering at the terminal…"))

    def on_job_finished(self, tag: str, result: object, error: BaseException | None) -> None:
        if tag == "print":
            self.print_button.setEnabled(True)
            if error is not None:
                self.say(self.tr("The test page did not print: {problem}").format(problem=str(error)))
            elif result.printed:  # type: ignore[union-attr]
                self.say(self.tr("The test page printed."))
            else:
                problem = result.problem  # type: ignore[union-attr]
                self.say(self.tr("The test page did not print: {problem}").format(
                    problem=translate(problem) if problem is not None else ""))
        elif tag == "register":
            self.register_button.setEnabled(True)
            if error is not None:
                self.say(self.tr("Registration failed: {error}").format(error=str(error)))
            else:
                self.say(self.tr("The terminal accepted the registration (terminal ID {tid}).").format(
                    tid=result.terminal_id or "?"))  # type: ignore[union-attr]

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        if not self.password.hasAcceptableInput():
            self.say(self.tr("The terminal password has six digits."))
            return False
        self.take_answers()
        return True
