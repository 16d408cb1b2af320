"""What the checkout asks of the printer and the installer's page: reprint the last receipt,
print the waiting ones, print a report, open the device settings (manager or admin PIN)."""
from __future__ import annotations

import logging
from typing import Any, Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QWidget

from posdesk.core.i18n import QT_TRANSLATE_NOOP, Text
from posdesk.core.permissions import Permission

from ..devices.hub import DeviceHub
from ..devices.settings_dialog import DeviceSettingsDialog
from ..dialogs.approval import ApprovalDialog
from ..dialogs.opening import open_modal
from ..errors import DeviceMissing, no_printer

log = logging.getLogger(__name__)


class DeviceIntents(QObject):
    """Signals:
        info(object): a `Text` confirming what was asked of the printer.
    """

    info = Signal(object)

    def __init__(self, *, services: Any, hub: DeviceHub, window: QWidget,
                 show_error: Callable[[Text], None]):
        super().__init__(window)
        self._services = services
        self._hub = hub
        self._window = window
        self._show_error = show_error

    @property
    def can_print(self) -> bool:
        return self._hub.printing is not None

    @property
    def waiting_receipts(self) -> int:
        return self._hub.printer.pending

    def _printing(self) -> Any:
        printing = self._hub.printing
        if printing is None:
            raise no_printer()
        return printing

    def on_reprint_last(self) -> None:
        """The last receipt again, marked COPY."""
        self._call(lambda: self._printing().reprint_last(),
                   QT_TRANSLATE_NOOP("Checkout", "Reprinting the last receipt."))

    def on_print_waiting(self) -> None:
        self._call(lambda: self._printing().print_pending(),
                   QT_TRANSLATE_NOOP("Checkout", "Printing the waiting receipts."))

    def print_report(self, report: Any) -> None:
        self._call(lambda: self._printing().print_report(report),
                   QT_TRANSLATE_NOOP("Checkout", "Printing the report."))

    def _call(self, action: Callable[[], None], done: Text) -> None:
        try:
            action()
        except DeviceMissing as e:
            self._show_error(e.text)
            return
        self.info.emit(done)

    # -- the installer's page --------------------------------------------------------------
    def on_device_settings(self) -> QDialog:
        # A manager's or administrator's PIN; the approval is audited by the service.
        dialog = ApprovalDialog(session=self._services.till.session, permission=Permission.DEVICE_SETTINGS,
                                action_text=self.tr("Change the device settings"), parent=self._window)
        open_modal(dialog, self._open_settings)
        return dialog

    def _open_settings(self) -> None:
        open_modal(DeviceSettingsDialog(services=self._services, hub=self._hub, parent=self._window))
