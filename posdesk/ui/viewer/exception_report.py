"""The exception report: marks counted per day, cashier or lane; each row opens the sale at
the second of its event."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QPushButton, QTreeWidget, QTreeWidgetItem,
                               QVBoxLayout, QWidget)

from posdesk.core.sale_search import ExceptionReport

from .labels import mark_label


class ExceptionReportView(QWidget):
    """Signals:
        build_requested(str): group by "day", "cashier" or "lane".
        open_requested(str, object): a sale id and the journal seq of the event (or None).
    """

    build_requested = Signal(str)
    open_requested = Signal(str, object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.group = QComboBox(self)
        self.group.setObjectName("reportGroup")
        for key, label in (("day", self.tr("per day")), ("cashier", self.tr("per cashier")),
                           ("lane", self.tr("per lane"))):
            self.group.addItem(label, key)
        top.addWidget(self.group)
        self.build = QPushButton(self.tr("Build report"), self)
        self.build.setObjectName("buildReport")
        self.build.clicked.connect(lambda: self.build_requested.emit(self.group.currentData()))
        top.addWidget(self.build)
        top.addStretch(1)
        layout.addLayout(top)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("exceptionTree")
        self.tree.setHeaderLabels([self.tr("Group / exception"), self.tr("Count / time")])
        self.tree.itemActivated.connect(self._activated)
        layout.addWidget(self.tree)

    def show_report(self, report: ExceptionReport) -> None:
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        marks: dict[tuple[str, object], QTreeWidgetItem] = {}
        for (group, mark), count in sorted(report.counts.items(), key=lambda kv: (kv[0][0], kv[0][1].value)):
            parent = groups.get(group)
            if parent is None:
                parent = groups[group] = QTreeWidgetItem(self.tree, [group, ""])
            marks[(group, mark)] = QTreeWidgetItem(parent, [mark_label(mark), str(count)])
        for row in report.rows:
            item = QTreeWidgetItem(marks[(row.group, row.mark)],
                                   [row.sale_id[:8] or "—", row.started_utc.astimezone().strftime("%Y-%m-%d %H:%M:%S")])
            if row.sale_id:  # a no-sale drawer opening has no sale to open
                item.setData(0, Qt.ItemDataRole.UserRole, (row.sale_id, row.seq))
        for parent in groups.values():
            parent.setExpanded(True)
        if groups:
            self.tree.setCurrentItem(next(iter(groups.values())))

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        target = item.data(0, Qt.ItemDataRole.UserRole)
        if target:
            self.open_requested.emit(target[0], target[1])

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        item = self.tree.currentItem()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and item is not None:
            self._activated(item, 0)
            return
        super().keyPressEvent(event)
