"""The installer's checks on the running devices: a test page, a terminal registration and
a drawer kick, each answered on the page itself."""
from __future__ import annotations

import logging
from datetime import datetime, timezone
from typing import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from posdesk.core.i18n import Text
from posdesk.services.device_facts import AdminResult, PrinterStatus, PrintOutcome

from ..formatting import local_time_text
from ..i18n import translate
from .hub import DeviceHub

log = logging.getLogger(__name__)


class DeviceTests(QGroupBox):
    """Signals:
        registered(object, object): `AdminResult` (or None) and the error, from the terminal.
    """

    registered = Signal(object, object)

    def __init__(self, *, hub: DeviceHub, store_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Tests (with the saved settings)"))
        self._hub = hub
        self._store_name = store_name
        self._printing_test = False
        self._drawer_kicked = False
        self.print_button = self._button("testPrint", self.tr("Test print"), self.on_test_print)
        self.register_button = self._button("terminalTest", self.tr("Terminal registration test"),
                                            self.on_register)
        self.drawer_button = self._button("openDrawer", self.tr("Open drawer"), self.on_open_drawer)
        self.result = QLabel(self)
        self.result.setObjectName("testResult")
        self.result.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.print_button, self.register_button, self.drawer_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.result)
        hub.bridge.print_outcome.connect(self.on_print_outcome)
        hub.bridge.printer_status.connect(self.on_printer_status)
        self.registered.connect(self.on_registered)

    def _button(self, name: str, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.setMinimumHeight(48)
        button.clicked.connect(slot)
        return button

    # -- printer ---------------------------------------------------------------------------
    def on_test_print(self) -> None:
        printing = self._hub.printing
        if printing is None:
            self.result.setText(self.tr("No receipt printer is set up."))
            return
        rows = ((self.tr("Store"), self._store_name),
                (self.tr("Port"), self._hub.ports.get("printer", "")),
                (self.tr("Printed"), local_time_text(datetime.now(timezone.utc))),
                (self.tr("Characters"), "ÄÖÜ äöü € 中文"))
        self._printing_test = True
        self.result.setText(self.tr("Printing a test page…"))
        printing.print_test_page(self.tr("Test page"), rows)

    def on_print_outcome(self, outcome: PrintOutcome) -> None:
        if not self._printing_test:
            return
        self._printing_test = False
        if outcome.printed:
            self.result.setText(self.tr("The test page printed."))
        else:
            problem = translate(outcome.problem) if outcome.problem is not None else ""
            self.result.setText(self.tr("The test page did not print: {problem}").format(problem=problem))

    def on_printer_status(self, _status: PrinterStatus | None, problem: Text | None) -> None:
        # A drawer that did not open is reported as a printer problem.
        if problem is not None and self._drawer_kicked:
            self.result.setText(translate(problem))
        self._drawer_kicked = False

    def on_open_drawer(self) -> None:
        printing = self._hub.printing
        if printing is None:
            self.result.setText(self.tr("No receipt printer is set up."))
            return
        self._drawer_kicked = True
        printing.open_drawer()
        self.result.setText(self.tr("Drawer pulse sent."))

    # -- terminal --------------------------------------------------------------------------
    def on_register(self) -> None:
        payments = self._hub.payments
        if payments is None:
            self.result.setText(self.tr("No card terminal is set up."))
            return
        if payments.busy:
            self.result.setText(self.tr("The terminal is busy with a payment."))
            return
        self.result.setText(self.tr("Registering at the terminal…"))
        self.register_button.setEnabled(False)
        payments.run_admin(lambda terminal: terminal.register(), self.registered.emit)

    def on_registered(self, result: AdminResult | None, error: BaseException | None) -> None:
        self.register_button.setEnabled(True)
        if result is not None and result.ok:
            self.result.setText(self.tr("The terminal accepted the registration (terminal ID {tid}).")
                                .format(tid=result.terminal_id or "?"))
        elif result is not None:
            self.result.setText(self.tr("The terminal refused: {reason}").format(reason=translate(result.message)))
        else:
            self.result.setText(self.tr("Registration failed: {error}").format(error=str(error)))
        log.info("terminal registration test: %s", "ok" if result is not None and result.ok else error)

