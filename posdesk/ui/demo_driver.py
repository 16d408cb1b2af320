"""Rings scripted random sales through the real checkout window, by keystrokes.

Everything goes the way a cashier's hands would: PIN digits, scanner bursts ending in Enter,
function keys, dialog answers — sent to whatever widget has the keyboard focus. So a demo
run exercises the same code paths as a person, and `posdesk demo --headless` is an end-to-end
check. The script is drawn from a seeded RNG: the same seed rings the same sales. With a card
terminal (the demo's simulator approves) some sales are paid by card, some split cash + card.
"""
from __future__ import annotations

import logging
import random
from dataclasses import dataclass
from decimal import Decimal
from typing import Callable

from PySide6.QtCore import QElapsedTimer, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from posdesk.core.catalog import Product
from posdesk.core.sale import Sale
from posdesk.services.lane import LaneServices

from .errors import DemoStepFailed
from .main_window import MainWindow
from .payment.card_flow import CardStage

log = logging.getLogger(__name__)

#: How long one step may take before the demo gives up.
STEP_TIMEOUT_MS: int = 10_000
#: Demo people (the README's table): who rings, who approves.
DEMO_CASHIER: str = "Anna"
DEMO_CASHIER_PIN: str = "1234"
DEMO_MANAGER: str = "Max"
DEMO_MANAGER_PIN: str = "9999"

#: How the scripted sales are paid; the card styles fall back to cash without a terminal.
TENDER_STYLES: tuple[str, ...] = ("exact", "quick", "typed", "split", "card", "split_card")


@dataclass
class DemoResult:
    completed: int = 0
    voided: int = 0


class DemoDriver:
    """Drives `window` with keys; `ring(n)` returns once n sales are finished."""

    def __init__(self, *, window: MainWindow, services: LaneServices, seed: int = 1,
                 cashier_pin: str = DEMO_CASHIER_PIN, manager_pin: str = DEMO_MANAGER_PIN):
        self.window = window
        self.rng = random.Random(seed)
        self._cashier_pin = cashier_pin
        self._manager_pin = manager_pin
        #: Whether the login and the approval box want a name before the PIN (`ui.login`).
        self._names_first = window.till.session.names_first
        products = services.products()
        self._products = [p for p in products if p.active and (p.barcodes or p.plu)]
        if not self._products:
            raise DemoStepFailed("the catalog has no products to scan")

    # -- the script ------------------------------------------------------------------------
    def ring(self, sales: int) -> DemoResult:
        result = DemoResult()
        self.log_in()
        for number in range(1, sales + 1):
            if self._ring_one(number):
                result.completed += 1
            else:
                result.voided += 1
        return result

    def log_in(self) -> None:
        if self.window.stack.currentWidget() is not self.window.login:
            return
        ready: list[bool] = []
        self.window.ready.connect(lambda: ready.append(True))
        self.window.activateWindow()
        self._wait(lambda: QApplication.focusWidget() is not None, "login screen has the focus")
        if self._names_first:
            self.type(DEMO_CASHIER)
            self.press(Qt.Key.Key_Return)
        self.type(self._cashier_pin)
        self.press(Qt.Key.Key_Return)
        while not ready:
            self._wait(lambda: bool(ready) or self._modal() is not None, "checkout ready after login")
            if self._modal("recoveryDialog"):
                self._answer("recoveryDialog", "")
            elif self._modal("amountDialog"):
                self._answer("amountDialog", "100")
                self._wait(lambda: bool(ready), "shift opened")

    def _ring_one(self, number: int) -> bool:
        count = self.rng.randint(2, 5)
        for product in self.rng.sample(self._products, min(count, len(self._products))):
            self.scan(self._code_of(product))
        if self.rng.random() < 0.3:
            self.change_quantity(self.rng.randint(2, 4))
        if self.rng.random() < 0.25 and len(self._sale().active_lines) > 1:
            self.void_selected_line()
        if self.rng.random() < 0.2:
            self.discount_selected_line(percent=5)
        if self.rng.random() < 0.05:
            self.void_sale()
            log.info("demo sale %d voided", number)
            return False
        self.tender()
        log.info("demo sale %d completed", number)
        return True

    def _code_of(self, product: Product) -> str:
        if product.barcodes:
            return product.barcodes[0]
        if product.weighed:
            weight = Decimal(self.rng.randint(200, 1500)) / 1000
            return f"{weight}*{product.plu}"
        return product.plu

    # -- steps -----------------------------------------------------------------------------
    def scan(self, code: str) -> None:
        """A scanner burst: the code and Enter, as fast as keys go."""
        lines_before = len(self._sale().lines) if self.window.checkout.sale else 0
        self.type(code)
        self.press(Qt.Key.Key_Return)
        if self._modal("ageCheckDialog"):
            self._answer("ageCheckDialog", "")
        self._wait(lambda: self.window.checkout.sale is not None
                   and len(self.window.checkout.sale.lines) > lines_before, f"item {code} in the cart")

    def change_quantity(self, quantity: int) -> None:
        self.press(Qt.Key.Key_F2)
        self._answer("amountDialog", str(quantity))

    def void_selected_line(self) -> None:
        voided_before = sum(ln.voided for ln in self._sale().lines)
        self.press(Qt.Key.Key_Up)
        self.press(Qt.Key.Key_F4)
        self.approve()
        self._wait(lambda: sum(ln.voided for ln in self._sale().lines) > voided_before, "line voided")

    def discount_selected_line(self, *, percent: int) -> None:
        self.press(Qt.Key.Key_F5)
        self._answer("discountDialog", str(percent))

    def void_sale(self) -> None:
        self.press(Qt.Key.Key_F12)
        self._answer("confirmVoidSale", "")
        if self._modal("approvalDialog") or self.window.checkout.sale is not None:
            self.approve()
        self._wait(lambda: self.window.checkout.sale is None and self._modal() is None, "sale voided")

    def tender(self) -> None:
        self.press(Qt.Key.Key_F10)
        dialog = self._wait_modal("tenderDialog")
        due = self.window.checkout.sale.cash_due()
        style = self.rng.choice(TENDER_STYLES)
        if style.endswith("card") and not self.window.devices.card.available:
            style = "exact"
        if style == "card":
            self.press(Qt.Key.Key_F11)  # all of it to the terminal
        elif style == "split_card" and due.minor > 1:
            self.type(str(due.times(Decimal("0.5")).amount))
            self.press(Qt.Key.Key_Return)
            self._wait(lambda: not self.window.checkout.sale.paid.is_zero(), "cash part paid")
            self.press(Qt.Key.Key_F11)  # the rest by card
        elif style == "quick":
            self.press(Qt.Key.Key_F2 if len(self.window.till.tender.quick_cash()) > 1 else Qt.Key.Key_F1)
        elif style == "typed":
            self.type(str(due.amount + self.rng.randint(1, 20)))
            self.press(Qt.Key.Key_Return)
        elif style == "split" and due.minor > 1:
            part = due.times(Decimal("0.5"))
            self.type(str(part.amount))
            self.press(Qt.Key.Key_Return)
            self._wait(lambda: not self.window.checkout.sale.paid.is_zero(), "first part paid")
        if not dialog.is_complete and dialog.card_stage is CardStage.NONE:
            self.press(Qt.Key.Key_Return)  # the exact rest
        self._wait(lambda: dialog.is_complete, "sale paid")
        self.press(Qt.Key.Key_Return)
        self._wait(lambda: self._modal() is None, "tender dialog closed")
        self._wait(lambda: self.window.checkout.sale is None, "sale saved")

    def approve(self) -> None:
        if self._names_first:
            self._wait_modal("approvalDialog")
            self.type(DEMO_MANAGER)
            self.press(Qt.Key.Key_Return)
        self._answer("approvalDialog", self._manager_pin)

    # -- keys ------------------------------------------------------------------------------
    def type(self, text: str) -> None:
        QTest.keyClicks(self._focus(), text)

    def press(self, key: Qt.Key) -> None:
        QTest.keyClick(self._focus(), key)

    def _answer(self, dialog: str, text: str) -> None:
        self._wait_modal(dialog)
        if text:
            self.type(text)
        self.press(Qt.Key.Key_Return)
        self._wait(lambda: self._modal(dialog) is None, f"{dialog} closed")
        if self._modal("approvalDialog") is not None and dialog != "approvalDialog":
            self.approve()  # the answer asked for more than a cashier may do

    # -- waiting ---------------------------------------------------------------------------
    def _focus(self) -> QWidget:
        self._wait(lambda: QApplication.focusWidget() is not None, "a widget with the keyboard focus")
        widget = QApplication.focusWidget()
        assert widget is not None
        return widget

    def _sale(self) -> Sale:
        sale = self.window.checkout.sale
        if sale is None:
            raise DemoStepFailed("no sale is open")
        return sale

    @staticmethod
    def _modal(name: str | None = None) -> QWidget | None:
        modal = QApplication.activeModalWidget()
        if modal is None or (name is not None and modal.objectName() != name):
            return None
        return modal

    def _wait_modal(self, name: str) -> QWidget | None:
        self._wait(lambda: self._modal(name) is not None and QApplication.focusWidget() is not None
                   and QApplication.focusWidget().window() is self._modal(name), f"{name} open")
        return self._modal(name)

    def _wait(self, condition: Callable[[], object], what: str) -> None:
        """Let Qt work until `condition` holds; a step that never gets there fails loudly."""
        timer = QElapsedTimer()
        timer.start()
        while not condition():
            if timer.elapsed() > STEP_TIMEOUT_MS:
                modal = QApplication.activeModalWidget()
                notice = self.window.checkout_screen.notice.text()
                raise DemoStepFailed(f"waited for {what}; dialog on screen: "
                                     f"{modal.objectName() if modal else 'none'}; message: {notice!r}")
            QTest.qWait(5)
