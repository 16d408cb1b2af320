"""Exporting sales as an evidence package: reason (required), target, folder or zip,
progress. The export runs on the viewer's worker; the dialog stays responsive."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (QCheckBox, QDialog, QFileDialog, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QProgressBar, QPushButton, QVBoxLayout, QWidget)

from posdesk.core.i18n import Text
from posdesk.services.viewer_export import ExportRequest, ExportResult

from ..i18n import translate
from ..user_errors import user_text
from .tasks import BackgroundTasks

Export = Callable[[ExportRequest, Callable[[int, int, str], None]], ExportResult]


class _Progress(QObject):
    """Carries the worker's progress reports to the GUI thread (queued)."""

    moved = Signal(int, int, str)


class ExportDialog(QDialog):
    """Signals:
        exported(object): the `ExportResult` once written.
    """

    exported = Signal(object)

    def __init__(self, *, sale_ids: list[str], default_dir: Path, export: Export,
                 tasks: BackgroundTasks, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export evidence"))
        self.sale_ids, self._export, self._tasks = sale_ids, export, tasks
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("{count} sale(s) will be exported with their sealed clips, "
                                        "signed manifests, journal, report and instructions "
                                        "for checking them.").format(count=len(sale_ids)), self))
        form = QFormLayout()
        self.reason = QLineEdit(self)
        self.reason.setObjectName("exportReason")
        self.reason.setPlaceholderText(self.tr("e.g. customer dispute, police request"))
        form.addRow(self.tr("Reason (required):"), self.reason)
        target = QHBoxLayout()
        self.target = QLineEdit(str(default_dir), self)
        self.target.setObjectName("exportTarget")
        target.addWidget(self.target)
        browse = QPushButton(self.tr("Browse…"), self)
        browse.setAutoDefault(False)
        browse.clicked.connect(self.on_browse)
        target.addWidget(browse)
        form.addRow(self.tr("Package folder:"), target)
        self.as_zip = QCheckBox(self.tr("As one zip file"), self)
        self.as_zip.setObjectName("exportZip")
        form.addRow("", self.as_zip)
        self.decrypted = QCheckBox(self.tr("Also a decrypted MP4 for any player (watermarked with "
                                           "your name and the time; audited)"), self)
        self.decrypted.setObjectName("exportDecrypted")
        form.addRow("", self.decrypted)
        layout.addLayout(form)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("exportProgress")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        layout.addWidget(self.progress)
        self.message = QLabel("", self)
        self.message.setObjectName("exportMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.export_button = QPushButton(self.tr("Export"), self)
        self.export_button.setObjectName("exportStart")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.on_export)
        buttons.addWidget(self.export_button)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self._progress = _Progress(self)
        self._progress.moved.connect(self.on_progress)
        self.reason.setFocus()
        self.resize(620, 260)

    def on_browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Export to"), self.target.text())
        if chosen:
            self.target.setText(chosen)

    def on_export(self) -> None:
        if not self.reason.text().strip():
            self.message.setText(self.tr("Say why you export (a reason is required)."))
            self.reason.setFocus()
            return
        request = ExportRequest(tuple(self.sale_ids), Path(self.target.text()),
                                self.reason.text().strip(), self.as_zip.isChecked(),
                                self.decrypted.isChecked())
        self.export_button.setEnabled(False)
        self.message.setText(self.tr("Exporting…"))
        self._tasks.run(lambda: self._export(request, self._progress.moved.emit), self.on_done,
                        self.on_failed)

    def on_progress(self, done: int, total: int, _what: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def on_done(self, result: ExportResult) -> None:
        self.message.setText(self.tr("Exported to {path}").format(path=result.path))
        self.close_button.setFocus()
        self.exported.emit(result)

    def on_failed(self, error: BaseException) -> None:
        text = user_text(error)
        self.message.setText(translate(text) if isinstance(text, Text) else str(error))
        self.export_button.setEnabled(True)
