"""The shift menu (F1): shift, cash, reports, drawer, printer, devices, log out — each on a
digit key."""
from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QPushButton, QVBoxLayout, QWidget


class MenuChoice(Enum):
    OPEN_SHIFT = "open_shift"
    CASH_IN = "cash_in"
    CASH_OUT = "cash_out"
    X_REPORT = "x_report"
    CLOSE_SHIFT = "close_shift"
    NO_SALE = "no_sale"
    REPRINT = "reprint"
    PRINT_WAITING = "print_waiting"
    DEVICE_SETTINGS = "device_settings"
    LOG_OUT = "log_out"
    EVIDENCE_VIEWER = "evidence_viewer"


#: Entries past the tenth have a letter instead of a digit.
_LETTER_KEYS = {MenuChoice.EVIDENCE_VIEWER: "V"}


class ShiftMenu(QDialog):
    """`choice` holds what was picked once accepted."""

    def __init__(self, *, shift_open: bool, printer: bool = False, waiting_receipts: int = 0,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Shift and drawer"))
        self.setObjectName("shiftMenu")
        self.choice: MenuChoice | None = None
        entries = [
            (MenuChoice.OPEN_SHIFT, self.tr("Open shift"), not shift_open),
            (MenuChoice.CASH_IN, self.tr("Cash in"), shift_open),
            (MenuChoice.CASH_OUT, self.tr("Cash out"), shift_open),
            (MenuChoice.X_REPORT, self.tr("X report"), shift_open),
            (MenuChoice.CLOSE_SHIFT, self.tr("Close shift (Z report)"), shift_open),
            (MenuChoice.NO_SALE, self.tr("Open drawer (no sale)"), True),
            (MenuChoice.REPRINT, self.tr("Reprint last receipt"), printer),
            (MenuChoice.PRINT_WAITING, self.tr("Print waiting receipts ({count})").format(count=waiting_receipts),
             printer and waiting_receipts > 0),
            (MenuChoice.DEVICE_SETTINGS, self.tr("Device settings"), True),
            (MenuChoice.LOG_OUT, self.tr("Log out"), True),
            (MenuChoice.EVIDENCE_VIEWER, self.tr("Evidence viewer (manager PIN)"), True),
        ]
        layout = QVBoxLayout(self)
        self.buttons: dict[MenuChoice, QPushButton] = {}
        for number, (choice, label, enabled) in enumerate(entries, start=1):
            key = _LETTER_KEYS.get(choice, str(number % 10))  # the tenth entry is on 0
            button = QPushButton(f"{key}   {label}", self)
            button.setObjectName(f"menu_{choice.value}")
            button.setShortcut(QKeySequence(key))
            button.setEnabled(enabled)
            button.setAutoDefault(False)
            button.setMinimumHeight(48)
            button.setStyleSheet("text-align: left; padding-left: 16px;")
            button.clicked.connect(lambda _=False, c=choice: self._pick(c))
            layout.addWidget(button)
            self.buttons[choice] = button
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def _pick(self, choice: MenuChoice) -> None:
        self.choice = choice
        self.accept()
