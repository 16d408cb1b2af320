"""The viewer's first page: filters on the left, results or the exception report on the right."""
from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from posdesk.core.money import Currency

from .exception_report import ExceptionReportView
from .filter_form import FilterForm
from .results_table import ResultsTable


class SearchView(QWidget):
    def __init__(self, *, cur: Currency, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("searchView")
        layout = QHBoxLayout(self)
        self.filters = FilterForm(cur=cur, parent=self)
        self.filters.setMaximumWidth(540)
        layout.addWidget(self.filters)
        right = QVBoxLayout()
        self.summary = QLabel("", self)
        self.summary.setObjectName("searchSummary")
        right.addWidget(self.summary)
        self.tabs = QTabWidget(self)
        self.results = ResultsTable(self)
        self.report = ExceptionReportView(self)
        self.tabs.addTab(self.results, self.tr("Sales"))
        self.tabs.addTab(self.report, self.tr("Exception report"))
        right.addWidget(self.tabs)
        layout.addLayout(right, 1)
