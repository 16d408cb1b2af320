"""Opening a dialog without blocking: window-modal, continuation on accept, freed on close."""
from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QApplication, QDialog


def open_modal(dialog: QDialog, on_accepted: Callable[[], None] | None = None,
               on_rejected: Callable[[], None] | None = None) -> QDialog:
    """Show `dialog` modally with `open()` (no nested event loop) and free it when it closes."""
    if on_accepted is not None:
        dialog.accepted.connect(on_accepted)
    if on_rejected is not None:
        dialog.rejected.connect(on_rejected)
    dialog.finished.connect(lambda _result: _reactivate_parent(dialog))
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog


def _reactivate_parent(dialog: QDialog) -> None:
    """Give the keyboard back to the window below. Window managers usually do this; a
    kiosk session without one (or the offscreen platform) would leave no window active,
    and the next scan would go nowhere."""
    parent = dialog.parentWidget()
    if parent is None:
        return
    # Back to the window below: the main window, or the dialog that opened this one.
    if QApplication.activeModalWidget() in (None, dialog, parent.window()):
        parent.window().activateWindow()
