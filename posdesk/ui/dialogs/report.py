"""An X or Z report on screen, with every label translated."""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QGridLayout, QLabel, QScrollArea,
                               QVBoxLayout, QWidget)

from posdesk.core.lines import Tender
from posdesk.core.money import Money
from posdesk.core.reports import ReportKind

from ..formatting import local_time_text, money_text


class ReportDialog(QDialog):
    def __init__(self, *, report: Any, on_print: Callable[[Any], None] | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("reportDialog")
        z = report.kind is ReportKind.Z
        self.setWindowTitle(self.tr("Z report (shift closed)") if z else self.tr("X report"))
        self.resize(520, 640)
        body = QWidget(self)
        self._grid = QGridLayout(body)
        self._row = 0
        shift = report.shift
        title = QLabel(self.windowTitle(), body)
        title.setObjectName("dialogHeadline")
        self._grid.addWidget(title, self._add_row(), 0, 1, 2)
        if shift.opened_utc is not None:
            self._line(self.tr("Shift opened"), local_time_text(shift.opened_utc))
        if shift.closed_utc is not None:
            self._line(self.tr("Shift closed"), local_time_text(shift.closed_utc))
        self._line(self.tr("Opened by"), shift.user)
        self._line(self.tr("Sales"), str(report.sales_count))
        self._money(self.tr("Gross sales"), report.gross_sales)
        self._line(self.tr("Returns"), str(report.returns_count))
        self._money(self.tr("Refunded"), report.returns_value)
        self._money(self.tr("Net sales"), report.net_sales)
        self._money(self.tr("Discounts"), report.discounts)
        self._line(self.tr("Voided sales"), f"{report.voids_count}  ({money_text(report.voids_value)})")
        self._line(self.tr("Voided lines"), f"{report.line_voids_count}  ({money_text(report.line_voids_value)})")
        for row in report.taxes:
            self._money(self.tr("Tax {code} {percent}%").format(code=row.rate.code, percent=row.rate.percent),
                        row.tax)
        tender_names = {Tender.CASH: self.tr("Cash"), Tender.CARD: self.tr("Card")}
        for tender, amount in report.tenders.items():
            self._money(tender_names.get(tender, tender.value), amount)
        self._money(self.tr("Float"), shift.float_amount)
        self._money(self.tr("Cash in"), report.cash_in)
        self._money(self.tr("Cash out"), report.cash_out)
        self._money(self.tr("Cash expected in drawer"), report.cash_expected, strong=True)
        self._money(self.tr("Cash counted"), report.counted, strong=True)
        self._money(self.tr("Difference"), report.difference, strong=True)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        if on_print is not None:
            self.print_button = buttons.addButton(self.tr("Print"), QDialogButtonBox.ButtonRole.ActionRole)
            self.print_button.setObjectName("printReport")
            self.print_button.setAutoDefault(False)
            self.print_button.clicked.connect(lambda: on_print(report))
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)

    def _add_row(self) -> int:
        self._row += 1
        return self._row

    def _line(self, caption: str, value: str, *, strong: bool = False) -> None:
        row = self._add_row()
        left, right = QLabel(caption), QLabel(value)
        right.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if strong:
            left.setObjectName("reportStrong")
            right.setObjectName("reportStrong")
        self._grid.addWidget(left, row, 0)
        self._grid.addWidget(right, row, 1)

    def _money(self, caption: str, amount: Money | None, *, strong: bool = False) -> None:
        if amount is not None:
            self._line(caption, money_text(amount), strong=strong)
