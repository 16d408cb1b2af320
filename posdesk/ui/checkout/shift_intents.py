"""The shift menu's actions: open and close the shift, cash in and out, reports, no sale."""
from __future__ import annotations

import functools
import logging
from typing import Any, Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from posdesk.core.i18n import QT_TRANSLATE_NOOP, Text
from posdesk.core.money import Money
from posdesk.core.reports import XZReport
from posdesk.services.checkout import Checkout
from posdesk.services.reports import ReportService
from posdesk.services.shifts import ShiftService

from ..actions import ActionRunner
from ..dialogs.amount import AmountDialog
from ..dialogs.opening import open_modal
from ..dialogs.report import ReportDialog
from ..dialogs.shift_menu import MenuChoice, ShiftMenu
from .device_intents import DeviceIntents

log = logging.getLogger(__name__)


class ShiftIntents(QObject):
    """Signals:
        info(object): a `Text` confirming what happened.
        shift_changed(): a shift was opened or closed.
        logout_requested(): the cashier wants to leave the till.
        viewer_requested(): a manager wants the evidence viewer.
    """

    info = Signal(object)
    shift_changed = Signal()
    logout_requested = Signal()
    viewer_requested = Signal()

    def __init__(self, *, checkout: Checkout, shifts: ShiftService, reports: ReportService,
                 runner: ActionRunner, window: QWidget, show_error: Callable[[Text], None],
                 devices: DeviceIntents):
        super().__init__(window)
        self._checkout = checkout
        self._shifts = shifts
        self._reports = reports
        self._devices = devices
        self._runner = runner
        self._window = window
        self._show_error = show_error

    def on_menu(self) -> None:
        menu = ShiftMenu(shift_open=self._shifts.current_shift() is not None,
                         printer=self._devices.can_print, waiting_receipts=self._devices.waiting_receipts,
                         parent=self._window)
        open_modal(menu, lambda: self._choose(menu.choice))

    def _choose(self, choice: MenuChoice | None) -> None:
        actions: dict[MenuChoice, Callable[[], object]] = {
            MenuChoice.OPEN_SHIFT: self.on_open_shift,
            MenuChoice.CASH_IN: functools.partial(self.on_cash_movement, out=False),
            MenuChoice.CASH_OUT: functools.partial(self.on_cash_movement, out=True),
            MenuChoice.X_REPORT: self.on_x_report,
            MenuChoice.CLOSE_SHIFT: self.on_close_shift,
            MenuChoice.NO_SALE: self.on_no_sale,
            MenuChoice.REPRINT: self._devices.on_reprint_last,
            MenuChoice.PRINT_WAITING: self._devices.on_print_waiting,
            MenuChoice.DEVICE_SETTINGS: self._devices.on_device_settings,
            MenuChoice.LOG_OUT: self.on_log_out,
            MenuChoice.EVIDENCE_VIEWER: self.viewer_requested.emit,
        }
        if choice is not None:
            actions[choice]()

    def _ask_money(self, title: str, prompt: str, then: Callable[[Money, AmountDialog], None],
                   extra: QWidget | None = None) -> AmountDialog:
        dialog = AmountDialog(title=title, prompt=prompt, parent=self._window)
        if extra is not None:
            extra.setParent(dialog)
            dialog.add_field(extra)

        def accepted() -> None:
            amount = dialog.money(self._checkout.currency)
            if amount is None:
                self._show_error(QT_TRANSLATE_NOOP("Checkout", "That is not an amount."))
            else:
                then(amount, dialog)
        open_modal(dialog, accepted)
        return dialog

    def on_open_shift(self) -> AmountDialog:
        return self._ask_money(self.tr("Open shift"), self.tr("Cash float in the drawer"),
                        lambda amount, _d: self._runner.run(
                            functools.partial(self._shifts.open_shift, amount), self._opened))

    def _opened(self, _result: Any) -> None:
        self.info.emit(QT_TRANSLATE_NOOP("Checkout", "Shift opened."))
        self.shift_changed.emit()

    def on_cash_movement(self, *, out: bool) -> None:
        reason = QLineEdit()
        reason.setObjectName("cashReason")
        reason.setPlaceholderText(self.tr("Reason (optional)"))
        title = self.tr("Cash out") if out else self.tr("Cash in")
        prompt = self.tr("Amount taken out of the drawer") if out else self.tr("Amount put into the drawer")
        done = QT_TRANSLATE_NOOP("Checkout", "Cash movement recorded.")
        self._ask_money(title, prompt, lambda amount, _d: self._runner.run(
            functools.partial(self._shifts.cash_movement, amount, reason.text().strip(), out=out),
            lambda _r: self.info.emit(done)), extra=reason)

    def on_x_report(self) -> None:
        self._runner.run(self._reports.x_report, self._show_report)

    def on_close_shift(self) -> None:
        if self._checkout.sale is not None:
            self._show_error(QT_TRANSLATE_NOOP("Checkout", "Finish or park the current sale first."))
            return

        def close(amount: Money, _dialog: AmountDialog) -> None:
            self._runner.run(functools.partial(self._reports.close_shift, amount), self._closed)
        self._ask_money(self.tr("Close shift"), self.tr("Cash counted in the drawer"), close)

    def _closed(self, report: XZReport) -> None:
        self.shift_changed.emit()
        self._show_report(report)

    def _show_report(self, report: XZReport) -> None:
        on_print = self._devices.print_report if self._devices.can_print else None
        open_modal(ReportDialog(report=report, on_print=on_print, parent=self._window))

    def on_no_sale(self) -> None:
        self._runner.run(self._shifts.no_sale,
                         lambda _r: self.info.emit(QT_TRANSLATE_NOOP("Checkout", "Drawer opened.")))

    def on_log_out(self) -> None:
        if self._checkout.sale is not None:
            self._show_error(QT_TRANSLATE_NOOP("Checkout", "Finish or park the current sale first."))
            return
        self.logout_requested.emit()
