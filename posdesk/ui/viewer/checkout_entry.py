"""The way from the checkout into the viewer: the shift menu entry and Shift+F1, each
behind a manager's or administrator's PIN (approved and audited by the service)."""
from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from posdesk.core.permissions import Permission
from posdesk.services.lane import LaneServices

from ..dialogs.approval import ApprovalDialog
from ..dialogs.opening import open_modal
from .launch import viewer_window
from .viewer_window import ViewerWindow

log = logging.getLogger(__name__)

#: The checkout's key for the viewer (F1 is the shift menu, where it is listed too).
VIEWER_KEY = "Shift+F1"


class ViewerEntry(QObject):
    def __init__(self, *, services: LaneServices, window: QWidget):
        super().__init__(window)
        self._services, self._window = services, window
        self.viewer: ViewerWindow | None = None
        self.approval: ApprovalDialog | None = None
        shortcut = QShortcut(QKeySequence(VIEWER_KEY), window)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.on_open)

    def on_open(self) -> None:
        dialog = ApprovalDialog(session=self._services.till.session, permission=Permission.VIEW_RECORDINGS,
                                action_text=self.tr("Open the evidence viewer"), parent=self._window)
        self.approval = dialog
        open_modal(dialog, lambda: self._show(dialog.approver))

    def _show(self, user: str | None) -> None:
        self.close_viewer()
        self.viewer = viewer_window(self._services, user=user or "")
        self.viewer.show()
        self.viewer.ask_unlock()

    def close_viewer(self) -> None:
        """Close the viewer (logout): the identity is dropped with it."""
        if self.viewer is not None:
            self.viewer.close()
            self.viewer.deleteLater()
            self.viewer = None
