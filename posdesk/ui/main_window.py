"""The cashier's main window: the login screen, then the checkout, with the status bar below.

After a login it asks what a till must know before the first scan: whether a crash left a
sale behind (resume it) and whether a shift is open (count the float in). A resumed sale
whose card payment never got its answer opens the payment dialog at "Check with terminal".
It also pumps the services' `Dispatch` on the GUI thread and keeps the devices attached.
"""
from __future__ import annotations

import logging

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

from posdesk.core.i18n import QT_TRANSLATE_NOOP
from posdesk.core.permissions import Operator
from posdesk.services.lane import LaneServices
from posdesk.services.till import Till

from .bridge import DispatchPump, ServiceBridge
from .checkout.checkout_screen import CheckoutScreen
from .devices.hub import DeviceHub
from .dialogs.opening import open_modal
from .dialogs.recovery import RecoveryDialog
from .formatting import local_time_text
from .i18n import translate
from .login.login_screen import LoginScreen
from .recording_view import RecordingView
from .status_bar import StatusBar

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """Signals:
        ready(): a cashier is logged in and the checkout waits for the first scan
            (after the recovery and shift prompts were answered).
    """

    ready = Signal()

    def __init__(self, *, services: LaneServices, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("posdesk — checkout"))
        self._services = services
        self.checkout = services.checkout
        self.till: Till = services.till
        self.bridge = ServiceBridge(self.checkout, self)
        self.pump = DispatchPump(services.dispatch, self)
        self.status = StatusBar(self)
        self.setStatusBar(self.status)
        self.devices = DeviceHub(services=services, status=self.status, parent=self)
        self.login = LoginScreen(login=self._log_in, user_names=self.till.session.user_names,
                                 names_first=self.till.session.names_first,
                                 store_name=services.config.get("store.name"), parent=self)
        self.checkout_screen = CheckoutScreen(services=services, hub=self.devices, parent=self)
        # The live camera picture and REC badge, when this lane records.
        self.recording_view = (RecordingView(recording=services.recording,
                                             pane=self.checkout_screen.preview, parent=self)
                               if services.recording is not None else None)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.login)
        self.stack.addWidget(self.checkout_screen)
        self.setCentralWidget(self.stack)
        self.bridge.sale_changed.connect(self.checkout_screen.show_sale)
        self.bridge.connect_notice(self.checkout_screen.show_error)
        self.bridge.connect_device_state(
            lambda name, ok, text: self.status.set_device_state(name, ok, translate(text)))
        self.devices.printer.receipt_not_printed.connect(self.checkout_screen.show_warning)
        self.ready.connect(self.on_ready)
        self.login.logged_in.connect(self.on_logged_in)
        self.checkout_screen.shift_intents.shift_changed.connect(self.show_shift)
        self.checkout_screen.shift_intents.logout_requested.connect(self.on_logout_requested)
        self.resize(1280, 800)
        self.show_login()

    # -- login and logout ------------------------------------------------------------------
    def _log_in(self, pin: str, name: str | None) -> Operator:
        return self.till.session.login(pin, name=name)

    def show_login(self) -> None:
        self.checkout_screen.deactivate()
        self.status.set_user(None)
        self.status.set_shift("")
        self.login.reset()
        self.stack.setCurrentWidget(self.login)
        self.login.take_focus()

    def on_logged_in(self, user: Operator) -> None:
        log.info("checkout opened for %s", user.name)
        self.status.set_user(user.name)
        self.show_shift()
        self.stack.setCurrentWidget(self.checkout_screen)
        self.checkout_screen.activate()
        self._offer_recovery()

    def _offer_recovery(self) -> None:
        interrupted = self.till.selling.recoverable() if self.checkout.sale is None else None
        if interrupted is None:
            self._ask_for_shift()
            return
        dialog = RecoveryDialog(sale=interrupted, parent=self)
        open_modal(dialog, self._resume_recovered)

    def _resume_recovered(self) -> None:
        self.checkout_screen.runner.run(self.till.selling.resume_recovered)
        self._ask_for_shift()

    def _ask_for_shift(self) -> None:
        if self.till.shifts.current_shift() is not None:
            self.ready.emit()
            return
        dialog = self.checkout_screen.shift_intents.on_open_shift()
        dialog.finished.connect(lambda _result: self.ready.emit())

    def on_ready(self) -> None:
        """A card payment left open (a crash, a lost answer) is settled before anything
        else: the payment dialog opens where the only way on is "Check with terminal"."""
        sale = self.checkout.sale
        if sale is not None and sale.open_payments:
            self.checkout_screen.sale_intents.on_pay()

    def on_logout_requested(self) -> None:
        self.till.session.logout()
        self.show_login()

    def show_shift(self) -> None:
        shift = self.till.shifts.current_shift()
        if shift is None:
            self.status.set_shift(self.tr("No shift open"))
        else:
            self.status.set_shift(self.tr("Shift since {time}").format(time=local_time_text(shift.opened_utc)))

    # -- for later issues ------------------------------------------------------------------
    def set_device_state(self, name: str, ok: bool, text: str) -> None:
        self.status.set_device_state(name, ok, text)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.checkout.saving:
            # A paid sale not yet on disk: closing now would leave it only on the screen.
            event.ignore()
            self.checkout.notice(QT_TRANSLATE_NOOP(
                "Checkout", "The last sale is still being saved; wait until its receipt prints."))
            return
        self.checkout_screen.deactivate()
        self.bridge.detach()
        self.devices.detach()
        self.pump.detach()
        super().closeEvent(event)
