"""The lane's devices as the window sees them, across a restart with new settings.

A restart replaces the lane's card payments and printing service; everything in the window
reaches them through this hub, which re-attaches the listeners, the translated receipt words
and the status-bar states each time.
"""
from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from posdesk.core.i18n import Text
from posdesk.services.lane import LaneServices
from posdesk.services.payments import CardPayments
from posdesk.services.printing import ReceiptPrinting

from ..i18n import translate
from ..payment.card_flow import CardFlow
from ..receipt_labels import receipt_labels
from ..status_bar import StatusBar
from .bridge import DeviceBridge
from .printer_monitor import DEVICE_NAME as PRINTER
from .printer_monitor import PrinterMonitor

log = logging.getLogger(__name__)

#: The card terminal's name in the status bar.
TERMINAL = "terminal"


class DeviceHub(QObject):
    """Signals:
        devices_changed(): the devices were restarted with the saved settings.
    """

    devices_changed = Signal()

    def __init__(self, *, services: LaneServices, status: StatusBar, parent: QObject | None = None):
        super().__init__(parent)
        self._devices = services.devices
        self._status = status
        self.bridge = DeviceBridge(self)
        self.card = CardFlow(checkout=services.checkout, payments=lambda: self.payments,
                             bridge=self.bridge, parent=self)
        self.printer = PrinterMonitor(printing=lambda: self.printing, bridge=self.bridge,
                                      show_state=status.set_device_state, parent=self)
        self.bridge.card_error.connect(self.on_card_error)
        self.bridge.card_result.connect(lambda _id, _result: self._show_terminal(True))
        self.attach()

    @property
    def payments(self) -> CardPayments | None:
        return self._devices.payments

    @property
    def printing(self) -> ReceiptPrinting | None:
        return self._devices.printing

    @property
    def ports(self) -> dict[str, str]:
        return self._devices.ports

    @property
    def simulated(self) -> set[str]:
        return self._devices.simulated

    def attach(self) -> None:
        """Listen to the current devices and show their state."""
        devices = self._devices
        self.bridge.attach(devices)
        for name in (TERMINAL, PRINTER):
            self._status.remove_device_state(name)
        if devices.printing is not None:
            devices.printing.labels = receipt_labels
            devices.printing.translate = translate
            devices.printing.check_status()
        if devices.payments is not None:
            self._show_terminal(True)

    def restart(self) -> None:
        """Close the devices and open them from the saved configuration. The demo keeps
        simulating the devices whose port is left empty."""
        simulate = bool(self._devices.simulated)
        self.bridge.detach()
        self._devices.restart(simulate=simulate)
        log.info("devices restarted: %s", self._devices.ports)
        self.attach()
        self.devices_changed.emit()

    def detach(self) -> None:
        self.bridge.detach()

    # -- the terminal's line in the status bar ---------------------------------------------
    def on_card_error(self, text: Text) -> None:
        self._status.set_device_state(TERMINAL, False, translate(text))

    def _show_terminal(self, ok: bool) -> None:
        if TERMINAL in self._devices.simulated:
            text = self.tr("Card terminal (simulated)")
        else:
            text = self.tr("Card terminal on {port}").format(port=self.ports.get(TERMINAL, ""))
        self._status.set_device_state(TERMINAL, ok, text)
