"""Building the viewer window for a lane's services: from the checkout or standalone."""
from __future__ import annotations

from datetime import datetime
from typing import Callable

from PySide6.QtWidgets import QWidget

from posdesk.core.money import currency
from posdesk.services.lane import LaneServices
from posdesk.services.viewer import ViewerService
from posdesk.services.viewer_export import ExportRequest, ExportResult, export_package

from ..dialogs.opening import open_modal
from ..receipt_labels import receipt_labels
from .export_dialog import ExportDialog
from .retention_dialogs import HoldDialog, RetentionDialog
from .pdf_report import render_pdf
from .viewer_window import ViewerWindow

#: Folder under the data directory where packages go unless the manager picks another.
EXPORTS_DIR = "exports"


def viewer_window(services: LaneServices, *, user: str, viewer: ViewerService | None = None) -> ViewerWindow:
    """A viewer window on `services`' lane, for `user` (who unlocks, searches and exports)."""
    service = viewer or services.open_viewer(receipt_labels=receipt_labels())

    def export(request: ExportRequest, progress: Callable[[int, int, str], None]) -> ExportResult:
        return export_package(service, request, render_pdf=render_pdf, progress=progress)

    def open_export(parent: QWidget, sale_ids: list[str]) -> None:
        # The folder name is for the person at the PC, so it is in local time.
        stamp = datetime.now().astimezone().strftime("%Y%m%d-%H%M%S")
        dialog = ExportDialog(sale_ids=sale_ids, default_dir=services.data_dir / EXPORTS_DIR / stamp,
                              export=export, tasks=window.tasks, parent=parent)
        window.export_dialog = dialog
        open_modal(dialog)

    retention = services.open_retention(service)

    def open_hold(parent: QWidget, sale_id: str, held: bool) -> None:
        dialog = HoldDialog(sale_id=sale_id, held=held, retention=retention, user=user,
                            tasks=window.tasks, parent=parent)
        open_modal(dialog, window.on_search)

    def open_retention_dialog(parent: QWidget) -> None:
        dialog = RetentionDialog(retention=retention, user=user, tasks=window.tasks, parent=parent,
                                 days=int(services.config.get("recording.retention_days")))
        window.retention_dialog = dialog
        open_modal(dialog)

    window = ViewerWindow(viewer=service, user=user, cur=currency(services.config.get("store.currency")),
                          stills_dir=services.data_dir / EXPORTS_DIR / "stills", open_export=open_export,
                          open_hold=open_hold, open_retention=open_retention_dialog)
    return window
