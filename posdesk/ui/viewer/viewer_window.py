"""The evidence viewer window: unlock, search, replay, export; locks itself when idle.

Every service call runs on `BackgroundTasks`, so the window keeps painting while scrypt,
SQL, decryption, verification or an export run. When the service drops the identity (Lock,
idle timeout, closing) the window forgets the decrypted clip and the thumbnails and asks
for the passphrase again.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (QDialog, QLabel, QMainWindow, QPushButton, QStackedWidget, QToolBar,
                               QWidget)

from posdesk.core.i18n import Text
from posdesk.core.money import Currency
from posdesk.core.sale_search import ExceptionReport, FoundSale
from posdesk.services.viewer import SaleEvidence, ViewerService

from ..dialogs.opening import open_modal
from ..i18n import translate
from ..user_errors import user_text
from .filter_form import FilterError
from .player_view import PlayerView
from .search_view import SearchView
from .tasks import BackgroundTasks
from .unlock_dialog import UnlockDialog

log = logging.getLogger(__name__)

#: Rows of a result that get a thumbnail (each one decrypts and decodes a clip).
THUMBNAILS = 24
#: How often the window checks the idle timeout.
IDLE_CHECK_MS = 1000

#: Opens the export dialog for sale ids (given by the composition, which owns the exporter).
ExportOpener = Callable[[QWidget, list[str]], None]
#: Opens the legal hold dialog for a sale (sale id, held now?) or the retention dialog.
HoldOpener = Callable[[QWidget, str, bool], None]
RetentionOpener = Callable[[QWidget], None]


class ViewerWindow(QMainWindow):
    """Signals:
        results_shown(int): a search finished with this many sales.
        sale_opened(str): the player shows this sale.
        locked(): the identity was dropped and the window cleared.
    """

    results_shown = Signal(int)
    sale_opened = Signal(str)
    locked = Signal()
    report_shown = Signal()

    def __init__(self, *, viewer: ViewerService, user: str, cur: Currency,
                 stills_dir: Path, open_export: ExportOpener | None = None,
                 open_hold: HoldOpener | None = None, open_retention: RetentionOpener | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("viewerWindow")
        self.setWindowTitle(self.tr("posdesk — evidence viewer"))
        self.viewer, self.user = viewer, user
        self._open_export = open_export
        self._stills_dir = stills_dir
        self._open_hold, self._open_retention = open_hold, open_retention
        self.tasks = BackgroundTasks(self)
        self.search = SearchView(cur=cur, parent=self)
        self.player = PlayerView(self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.search)
        self.stack.addWidget(self.player)
        self.setCentralWidget(self.stack)
        bar = QToolBar(self)
        bar.setMovable(False)
        self.lock_button = QPushButton(self.tr("Lock (Ctrl+L)"), bar)
        self.lock_button.setObjectName("lockButton")
        self.lock_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.lock_button.clicked.connect(self.on_lock)
        bar.addWidget(self.lock_button)
        self.export_button = QPushButton(self.tr("Export selected… (Ctrl+E)"), bar)
        self.export_button.setObjectName("exportSelected")
        self.export_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.export_button.clicked.connect(self.on_export_selected)
        bar.addWidget(self.export_button)
        for name, text, key, slot in (
                ("holdButton", self.tr("Legal hold… (Ctrl+H)"), "Ctrl+H", self.on_hold),
                ("retentionButton", self.tr("Retention… (Ctrl+R)"), "Ctrl+R", self.on_retention)):
            button = QPushButton(text, bar)
            button.setObjectName(name)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(slot)
            bar.addWidget(button)
            QShortcut(QKeySequence(key), self).activated.connect(slot)
        self.message = QLabel("", bar)
        self.message.setObjectName("viewerMessage")
        bar.addWidget(self.message)
        self.addToolBar(bar)
        lock_key = QShortcut(QKeySequence("Ctrl+L"), self)
        lock_key.activated.connect(self.on_lock)
        export_key = QShortcut(QKeySequence("Ctrl+E"), self.search)
        export_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        export_key.activated.connect(self.on_export_selected)
        self.search.filters.search_requested.connect(self.on_search)
        self.search.results.open_requested.connect(lambda sale_id: self.open_sale(sale_id))
        self.search.report.build_requested.connect(self.on_build_report)
        self.search.report.open_requested.connect(self.open_sale)
        self.player.back_requested.connect(self.show_search)
        self.player.export_requested.connect(lambda sale_id: self._export([sale_id]))
        self.player.snapshot_requested.connect(self.on_still)
        self.idle = QTimer(self)
        self.idle.setInterval(IDLE_CHECK_MS)
        self.idle.timeout.connect(self.check_idle)
        self.idle.start()
        self.unlock_dialog: UnlockDialog | None = None
        #: The open export dialog, if any (set by whoever opens it).
        self.export_dialog: QWidget | None = None
        self.retention_dialog: QWidget | None = None
        self.resize(1280, 800)

    # -- unlocking -------------------------------------------------------------------------
    def ask_unlock(self) -> None:
        if self.unlock_dialog is not None:
            return
        dialog = UnlockDialog(unlock=lambda p: self.viewer.unlock(p, user=self.user),
                              tasks=self.tasks, parent=self)
        self.unlock_dialog = dialog
        dialog.finished.connect(self._unlock_closed)
        open_modal(dialog, self._unlocked)

    def _unlock_closed(self, _result: int) -> None:
        self.unlock_dialog = None

    def _unlocked(self) -> None:
        self.show_message(None)
        self.search.filters.receipt.setFocus()

    def check_idle(self) -> None:
        if self.viewer.unlocked or self.unlock_dialog is not None:
            return
        if self.player.evidence is not None or self.search.results.rowCount():
            self._forget()
        if self.isVisible():
            self.ask_unlock()

    def on_lock(self) -> None:
        self.viewer.lock()
        self._forget()
        self.ask_unlock()

    def _forget(self) -> None:
        """Drop everything decrypted: the clip in the player, the thumbnails."""
        self.player.clear()
        self.search.results.clear_thumbnails()
        self.show_search()
        self.locked.emit()

    # -- searching -------------------------------------------------------------------------
    def on_search(self) -> None:
        try:
            f = self.search.filters.search_filter()
        except FilterError as e:
            self.show_message(str(e))
            return
        self.show_message(self.tr("Searching…"))
        self.tasks.run(lambda: self.viewer.search(f), self.on_results, self.on_failed)

    def on_results(self, sales: list[FoundSale]) -> None:
        self.search.results.show_sales(sales)
        self.search.tabs.setCurrentWidget(self.search.results)
        self.search.summary.setText(self.tr("{count} sales found").format(count=len(sales)))
        self.show_message(None)
        for sale in sales[:THUMBNAILS]:
            if sale.recording in ("complete", "truncated"):
                self.tasks.run(lambda s=sale.id: (s, self.viewer.thumbnail(s)),
                               lambda pair: self.search.results.set_thumbnail(*pair),
                               lambda e: log.info("no thumbnail: %s", e))
        self.results_shown.emit(len(sales))

    def on_build_report(self, by: str) -> None:
        try:
            f = self.search.filters.search_filter()
        except FilterError as e:
            self.show_message(str(e))
            return
        self.tasks.run(lambda: self.viewer.exception_report(by, since=f.since, until=f.until),
                       self.on_report, self.on_failed)

    def on_report(self, report: ExceptionReport) -> None:
        self.search.report.show_report(report)
        self.search.report.tree.setFocus()
        self.report_shown.emit()

    # -- a sale ----------------------------------------------------------------------------
    def open_sale(self, sale_id: str, at_seq: int | None = None) -> None:
        self.show_message(self.tr("Opening the sale…"))
        self.tasks.run(lambda: self.viewer.open_sale(sale_id),
                       lambda evidence: self.on_opened(evidence, at_seq), self.on_failed)

    def on_opened(self, evidence: SaleEvidence, at_seq: int | None) -> None:
        self.show_message(None)
        self.stack.setCurrentWidget(self.player)
        self.player.show_evidence(evidence, at_seq)
        self.sale_opened.emit(evidence.sale.id)

    def show_search(self) -> None:
        self.player.bridge.engine.pause()
        self.player.playing = False
        self.stack.setCurrentWidget(self.search)
        self.search.results.setFocus()

    def on_still(self, sale_id: str, time_s: float) -> None:
        self.tasks.run(lambda: self.viewer.save_still(sale_id, time_s, self._stills_dir),
                       lambda path: self.show_message(self.tr("Still saved to {path}").format(path=path)),
                       self.on_failed)

    def on_hold(self) -> None:
        if self.stack.currentWidget() is self.player and self.player.evidence is not None:
            sale = self.player.evidence.sale
        else:
            ids = self.search.results.selected_ids()
            sale = self.search.results.sales.get(ids[0]) if ids else None
        if sale is not None and self._open_hold is not None:
            self._open_hold(self, sale.id, sale.legal_hold)

    def on_retention(self) -> None:
        if self._open_retention is not None:
            self._open_retention(self)

    # -- export ----------------------------------------------------------------------------
    def on_export_selected(self) -> None:
        ids = self.search.results.selected_ids()
        if ids:
            self._export(ids)

    def _export(self, sale_ids: list[str]) -> None:
        if self._open_export is not None:
            self._open_export(self, sale_ids)

    # -- messages --------------------------------------------------------------------------
    def on_failed(self, error: BaseException) -> None:
        text = user_text(error)
        if text is None:
            log.error("viewer call failed", exc_info=error)
            self.show_message(self.tr("Failed: {error}").format(error=error))
        else:
            self.show_message(translate(text))
        if not self.viewer.unlocked:
            self.check_idle()

    def show_message(self, text: str | Text | None) -> None:
        self.message.setText(translate(text) if isinstance(text, Text) else (text or ""))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.idle.stop()
        # Close the dialogs quietly: their usual ending gives the keyboard back to this
        # window, which is going away (and would take the focus from the till with it).
        for dialog in self.findChildren(QDialog):
            if dialog.isVisible():
                dialog.finished.disconnect()
                dialog.close()
                dialog.deleteLater()
        self.unlock_dialog = None
        self.viewer.lock("closed")
        self.player.clear()
        self.player.bridge.close()
        self.tasks.stop()
        super().closeEvent(event)


__all__ = ["ViewerWindow"]
