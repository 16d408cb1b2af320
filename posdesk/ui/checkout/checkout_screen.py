"""The checkout screen: what a cashier looks at all day.

Left: the item entry line, the cart, and the message line. Right: the camera preview, the
large totals and a keypad for touch screens. Below: the function keys. Every intent goes to
`SaleIntents`/`ShiftIntents`/`DeviceIntents`; the screen itself only redraws from the service's signals.
"""
from __future__ import annotations

import logging
from typing import Any

from PySide6.QtWidgets import QApplication, QGridLayout, QVBoxLayout, QWidget

from posdesk.core.i18n import Text

from ..actions import ActionRunner
from ..devices.hub import DeviceHub
from ..i18n import translate
from ..scanner.key_filter import WedgeKeyFilter
from ..viewer.checkout_entry import ViewerEntry
from ..widgets.keypad import Keypad
from .cart_model import CartModel
from .cart_view import CartView
from .device_intents import DeviceIntents
from .entry_line import SOURCE_TOUCH, EntryLine
from .function_keys import FunctionKey, FunctionKeys
from .notice_bar import Level, NoticeBar
from .preview_pane import PreviewPane
from .sale_intents import SaleIntents
from .shift_intents import ShiftIntents
from .totals_panel import TotalsPanel

log = logging.getLogger(__name__)

#: Width of the right-hand column (preview, totals, keypad).
SIDE_WIDTH: int = 400


class CheckoutScreen(QWidget):
    def __init__(self, *, services: Any, hub: DeviceHub, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("checkoutScreen")
        checkout, till = services.checkout, services.till
        self._checkout = checkout
        self.entry = EntryLine(self)
        self.cart_model = CartModel(self)
        self.cart = CartView(self.cart_model, self)
        self.notice = NoticeBar(self)
        self.preview = PreviewPane(self)
        self.totals = TotalsPanel(checkout.currency, self)
        self.keypad = Keypad(extra_keys="*", parent=self)
        self.keypad.attach(self.entry)
        self.runner = ActionRunner(session=till.session, window=self, show_error=self.show_error)
        self.sale_intents = SaleIntents(checkout=checkout, selling=till.selling, tender=till.tender,
                                        returns=till.returns, runner=self.runner, window=self,
                                        cart=self.cart, entry=self.entry, show_error=self.show_error,
                                        card=hub.card)
        self.device_intents = DeviceIntents(services=services, hub=hub, window=self,
                                            show_error=self.show_error)
        self.shift_intents = ShiftIntents(checkout=checkout, shifts=till.shifts, reports=till.reports,
                                          runner=self.runner, window=self, show_error=self.show_error,
                                          devices=self.device_intents)
        self.viewer_entry = ViewerEntry(services=services, window=self)
        self.shift_intents.viewer_requested.connect(self.viewer_entry.on_open)
        self.shift_intents.logout_requested.connect(self.viewer_entry.close_viewer)
        self.function_keys = FunctionKeys(self._function_keys(), shortcut_scope=self, columns=8, parent=self)
        self.key_filter = WedgeKeyFilter(scope=self, entry=self.entry)
        self._layout()
        self._connect()

    def _function_keys(self) -> list[FunctionKey]:
        s, h = self.sale_intents, self.shift_intents
        return [
            FunctionKey("menuKey", "F1", self.tr("Shift"), h.on_menu, ("F1",)),
            FunctionKey("quantityKey", "F2", self.tr("Quantity"), s.on_quantity, ("F2",)),
            FunctionKey("searchKey", "F3", self.tr("Search"), s.on_search, ("F3",)),
            FunctionKey("voidLineKey", "F4", self.tr("Void line"), s.on_void_line, ("F4", "Del")),
            FunctionKey("discountKey", "F5", self.tr("Discount"), s.on_discount, ("F5",)),
            FunctionKey("priceKey", "F6", self.tr("Price"), s.on_price, ("F6",)),
            FunctionKey("plusKey", "+", self.tr("One more"), lambda: s.on_quantity_step(1)),
            FunctionKey("minusKey", "−", self.tr("One less"), lambda: s.on_quantity_step(-1)),
            FunctionKey("suspendKey", "F7", self.tr("Park sale"), s.on_suspend, ("F7",)),
            FunctionKey("resumeKey", "F8", self.tr("Resume"), s.on_resume, ("F8",)),
            FunctionKey("returnKey", "F9", self.tr("Return"), s.on_return, ("F9",)),
            FunctionKey("payKey", "F10", self.tr("Cash"), s.on_pay, ("F10",)),
            FunctionKey("cardKey", "F11", self.tr("Card"), s.on_card, ("F11",)),
            FunctionKey("voidSaleKey", "F12", self.tr("Void sale"), s.on_void_sale, ("F12",)),
            FunctionKey("escapeKey", self.tr("Esc"), self.tr("Clear"), self.on_escape, ("Esc",)),
        ]

    def _layout(self) -> None:
        left = QVBoxLayout()
        left.addWidget(self.entry)
        left.addWidget(self.cart, 1)
        left.addWidget(self.notice)
        side = QWidget(self)
        side.setFixedWidth(SIDE_WIDTH)
        right = QVBoxLayout(side)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.preview, 3)
        right.addWidget(self.totals)
        right.addWidget(self.keypad, 2)
        grid = QGridLayout(self)
        grid.addLayout(left, 0, 0)
        grid.addWidget(side, 0, 1)
        grid.addWidget(self.function_keys, 1, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setRowStretch(0, 1)

    def _connect(self) -> None:
        self.entry.submitted.connect(self.sale_intents.on_entry_submitted)
        self.entry.navigate.connect(self.cart.move_selection)
        self.keypad.submitted.connect(lambda: self.entry.submit(SOURCE_TOUCH))
        self.key_filter.quantity_step.connect(self.sale_intents.on_quantity_step)
        self.sale_intents.info.connect(self.show_info)
        self.shift_intents.info.connect(self.show_info)
        self.device_intents.info.connect(self.show_info)

    # -- activation ------------------------------------------------------------------------
    def activate(self) -> None:
        """The cashier just logged in: listen for scans, focus the entry line."""
        QApplication.instance().installEventFilter(self.key_filter)
        self.show_sale(self._checkout.sale)
        self.entry.setFocus()

    def deactivate(self) -> None:
        QApplication.instance().removeEventFilter(self.key_filter)
        self.entry.clear()
        self.notice.dismiss()

    # -- showing state ---------------------------------------------------------------------
    def show_sale(self, sale: Any) -> None:
        """Redraw from the service's state: cart, totals, selection."""
        before_rows = self.cart_model.rowCount()
        selected = self.cart.selected_line_id()
        self.cart_model.set_sale(sale)
        grew = self.cart_model.rowCount() > before_rows
        self.cart.select_line(None if grew else selected)
        self.totals.show_sale(sale, self._checkout.last_sale)
        if grew:
            self.notice.dismiss()

    def show_error(self, text: Text) -> None:
        self.notice.show_message(translate(text), Level.WARNING)

    def show_info(self, text: Text) -> None:
        self.notice.show_message(translate(text), Level.INFO)

    def show_warning(self, text: str) -> None:
        """An already translated warning (a receipt that did not print)."""
        self.notice.show_message(text, Level.WARNING)

    def on_escape(self) -> None:
        """Esc: forget what was typed and the message; nothing in the sale changes."""
        self.entry.clear()
        self.notice.dismiss()
        self.entry.setFocus()
