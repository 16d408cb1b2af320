"""The thread bridge: service callbacks in, Qt signals out; posted results run on the GUI thread.

Services call their listeners on whatever thread they run on: sale changes on the caller's
(GUI) thread, notices and device states possibly on worker threads. Widgets must only be
touched on the GUI thread, so every callback is re-emitted as a signal of a QObject that
lives on the GUI thread. Qt delivers a signal emitted on another thread as a queued event,
and notices and device states are always queued, even from the GUI thread, so a callback
never runs widget code inside a service call.
"""
from __future__ import annotations

import logging
from typing import Callable

from PySide6.QtCore import QObject, Qt, Signal

from posdesk.core.i18n import Text
from posdesk.core.sale import Sale
from posdesk.services.checkout import Checkout
from posdesk.services.dispatch import Dispatch


log = logging.getLogger(__name__)


class ServiceBridge(QObject):
    """Re-emits service callbacks as signals on the GUI thread.

    Signals:
        sale_changed(object): the open sale (or None) after every change.
        sale_finished(object): a sale that was completed or voided.
        notice(object): a `Text` warning for the cashier (from any thread).
        device_state(str, bool, object): device name, ok, `Text` describing its state.
    """

    sale_changed = Signal(object)
    sale_finished = Signal(object)
    notice = Signal(object)
    device_state = Signal(str, bool, object)

    def __init__(self, checkout: Checkout, parent: QObject | None = None):
        super().__init__(parent)
        self._listeners = ((checkout.on_sale_changed, self.report_sale_changed),
                           (checkout.on_sale_finished, self.report_sale_finished),
                           (checkout.on_notice, self.report_notice))
        for listeners, callback in self._listeners:
            listeners.append(callback)

    def report_sale_changed(self, sale: Sale | None) -> None:
        self.sale_changed.emit(sale)

    def report_sale_finished(self, sale: Sale) -> None:
        self.sale_finished.emit(sale)

    def report_notice(self, text: Text) -> None:
        """Callable from any thread."""
        self.notice.emit(text)

    def report_device(self, name: str, ok: bool, text: Text) -> None:
        """Callable from any thread: for device workers to report their state."""
        self.device_state.emit(name, ok, text)

    def connect_notice(self, slot: Callable[[Text], None]) -> None:
        self.notice.connect(slot, Qt.ConnectionType.QueuedConnection)

    def connect_device_state(self, slot: Callable[[str, bool, Text], None]) -> None:
        self.device_state.connect(slot, Qt.ConnectionType.QueuedConnection)

    def detach(self) -> None:
        """Stop listening to the service (the window is closing)."""
        for listeners, callback in self._listeners:
            try:
                listeners.remove(callback)
            except ValueError:
                log.debug("listener already removed")


class DispatchPump(QObject):
    """Runs what workers post to the services' `Dispatch` on the GUI thread, at once.

    `Dispatch.wake` may be called from any thread; it emits `woken`, which is queued to this
    object's (the GUI) thread, so card answers and print outcomes need no polling timer.

    Signals:
        woken(): something was posted.
    """

    woken = Signal()

    def __init__(self, dispatch: Dispatch, parent: QObject | None = None):
        super().__init__(parent)
        self._dispatch = dispatch
        self.woken.connect(self.on_woken, Qt.ConnectionType.QueuedConnection)
        dispatch.wake = self.woken.emit
        self.woken.emit()  # whatever was posted before the pump existed

    def on_woken(self) -> None:
        self._dispatch.run_pending()

    def detach(self) -> None:
        self._dispatch.wake = lambda: None
