"""The search filters as a form; `search_filter()` reads them into a `SearchFilter`."""
from __future__ import annotations

from datetime import datetime, timezone
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QDateTime, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateTimeEdit, QFormLayout, QGridLayout,
                               QGroupBox, QHBoxLayout, QLineEdit, QPushButton, QSpinBox,
                               QVBoxLayout, QWidget)

from posdesk.core.money import Currency, Money
from posdesk.core.sale_marks import SALE_MARKS, Mark
from posdesk.core.sale_search import ClipProblem, SearchFilter

from .labels import mark_label, tender_label

#: Days back the "from" field starts at.
DEFAULT_DAYS = 30


class FilterError(ValueError):
    """A field holds something that is not a filter (shown to the manager as is)."""


class FilterForm(QWidget):
    """Signals:
        search_requested(): Enter in a field or the Search button.
    """

    search_requested = Signal()

    def __init__(self, *, cur: Currency, parent: QWidget | None = None):
        super().__init__(parent)
        self._currency = cur
        outer = QVBoxLayout(self)
        form = QFormLayout()
        outer.addLayout(form)
        now = QDateTime.currentDateTime()
        self.since = self._time_edit("filterSince", now.addDays(-DEFAULT_DAYS))
        self.until = self._time_edit("filterUntil", now.addDays(1))
        span = QHBoxLayout()
        span.addWidget(self.since)
        span.addWidget(self.until)
        form.addRow(self.tr("From / to:"), span)
        self.lane = self._line("filterLane")
        self.cashier = self._line("filterCashier")
        self.receipt = self._line("filterReceipt")
        self.product = self._line("filterProduct")
        self.min_total = self._line("filterMinTotal")
        self.max_total = self._line("filterMaxTotal")
        amounts = QHBoxLayout()
        amounts.addWidget(self.min_total)
        amounts.addWidget(self.max_total)
        form.addRow(self.tr("Lane:"), self.lane)
        form.addRow(self.tr("Cashier:"), self.cashier)
        form.addRow(self.tr("Receipt number:"), self.receipt)
        form.addRow(self.tr("Total from / to:"), amounts)
        form.addRow(self.tr("Product (barcode or name):"), self.product)
        self.tender = QComboBox(self)
        self.tender.setObjectName("filterTender")
        self.tender.addItem(self.tr("any"), None)
        for tender in ("cash", "card"):
            self.tender.addItem(tender_label(tender), tender)
        form.addRow(self.tr("Paid by:"), self.tender)
        self.discount = QSpinBox(self)
        self.discount.setObjectName("filterDiscount")
        self.discount.setRange(0, 100)
        self.discount.setSuffix(" %")
        self.discount.setSpecialValueText(self.tr("off"))
        form.addRow(self.tr("Discount at least:"), self.discount)
        exceptions = QGroupBox(self.tr("Exceptions (any of)"), self)
        grid = QGridLayout(exceptions)
        self.mark_boxes: dict[Mark, QCheckBox] = {}
        for i, mark in enumerate(SALE_MARKS):
            box = QCheckBox(mark_label(mark), exceptions)
            box.setObjectName(f"mark_{mark.value}")
            grid.addWidget(box, i // 2, i % 2)
            self.mark_boxes[mark] = box
        self.clip_boxes: dict[ClipProblem, QCheckBox] = {}
        row = len(SALE_MARKS) // 2 + 1
        for i, (problem, label) in enumerate(((ClipProblem.TRUNCATED, self.tr("clip truncated")),
                                              (ClipProblem.MISSING, self.tr("clip missing")))):
            box = QCheckBox(label, exceptions)
            box.setObjectName(f"clip_{problem.value}")
            grid.addWidget(box, row, i)
            self.clip_boxes[problem] = box
        outer.addWidget(exceptions)
        self.search_button = QPushButton(self.tr("Search (Enter)"), self)
        self.search_button.setObjectName("searchButton")
        self.search_button.setAutoDefault(False)
        self.search_button.clicked.connect(self.search_requested)
        outer.addWidget(self.search_button)
        outer.addStretch(1)

    def _time_edit(self, name: str, value: QDateTime) -> QDateTimeEdit:
        edit = QDateTimeEdit(value, self)
        edit.setObjectName(name)
        edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        edit.setCalendarPopup(True)
        edit.setMinimumWidth(150)
        return edit

    def _line(self, name: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.returnPressed.connect(self.search_requested)
        return edit

    def search_filter(self) -> SearchFilter:
        """The filter the fields describe; raises `FilterError` naming a bad field."""
        receipt = self.receipt.text().strip()
        if receipt and not receipt.isdigit():
            raise FilterError(self.tr("The receipt number must be digits."))
        return SearchFilter(
            since=_utc(self.since.dateTime()), until=_utc(self.until.dateTime()),
            lane=self.lane.text().strip() or None, cashier=self.cashier.text().strip() or None,
            receipt_no=int(receipt) if receipt else None,
            min_total_minor=self._minor(self.min_total), max_total_minor=self._minor(self.max_total),
            product=self.product.text().strip() or None, tender=self.tender.currentData(),
            marks=frozenset(m for m, box in self.mark_boxes.items() if box.isChecked()),
            discount_above_percent=self.discount.value() or None,
            clip_problems=frozenset(p for p, box in self.clip_boxes.items() if box.isChecked()))

    def _minor(self, edit: QLineEdit) -> int | None:
        text = edit.text().strip().replace(",", ".")
        if not text:
            return None
        try:
            amount = Decimal(text)
        except InvalidOperation:
            raise FilterError(self.tr("{text} is not an amount.").format(text=text)) from None
        return Money.of(amount, self._currency).minor


def _utc(value: QDateTime) -> datetime:
    return datetime.fromtimestamp(value.toSecsSinceEpoch(), tz=timezone.utc)

