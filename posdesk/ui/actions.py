"""Running a cashier's intent against the service, with manager approval when needed.

Every button and key of the checkout goes through `ActionRunner.run`: the call is tried; if
the domain answers `ApprovalRequired`, the approval dialog opens and, once a manager typed a
PIN, the same call is retried with `approved_by`. Errors meant for the cashier are shown in
the window; anything else is a defect and propagates.
"""
from __future__ import annotations

import logging
from typing import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QWidget

from posdesk.core.errors import ApprovalRequired
from posdesk.core.i18n import Text
from posdesk.core.permissions import Permission
from posdesk.services.session import SessionService

from .dialogs.approval import ApprovalDialog
from .dialogs.opening import open_modal
from .user_errors import user_text

log = logging.getLogger(__name__)

#: A service call; its result, whatever the call returns, goes to `Done` unlooked-at.
Call = Callable[..., object]
Done = Callable[..., None]


class ActionRunner(QObject):
    """Tries service calls and handles approval and user errors the same way everywhere."""

    def __init__(self, *, session: SessionService, window: QWidget, show_error: Callable[[Text], None]):
        super().__init__(window)
        self._session = session
        self._window = window
        self._show_error = show_error
        #: Who approved the last call that needed it (None when none was needed).
        self.last_approver: str | None = None

    def run(self, call: Call, on_done: Done | None = None, *,
            on_error: Callable[[Text], None] | None = None) -> None:
        """Call `call()`; on `ApprovalRequired` ask a manager and call `call(approved_by=name)`.

        `on_done(result)` runs once the call succeeded, possibly after the dialog closed;
        a refusal goes to `on_error` (a dialog's own message line) or the window's notice.
        """
        self.last_approver = None
        self._attempt(call, None, on_done, on_error or self._show_error)

    def _attempt(self, call: Call, approved_by: str | None, on_done: Done | None,
                 on_error: Callable[[Text], None]) -> None:
        try:
            result = call(approved_by=approved_by) if approved_by else call()
            self.last_approver = approved_by
        except ApprovalRequired as e:
            self._ask_approval(call, Permission(e.permission), on_done, on_error)
            return
        except Exception as e:
            text = user_text(e)
            if text is None:
                raise
            log.info("refused: %s", e)
            on_error(text)
            return
        if on_done is not None:
            on_done(result)

    def _ask_approval(self, call: Call, permission: Permission, on_done: Done | None,
                      on_error: Callable[[Text], None]) -> None:
        parent = QApplication.activeModalWidget() or self._window
        dialog = ApprovalDialog(session=self._session, permission=permission, parent=parent)
        open_modal(dialog, lambda: self._attempt(call, dialog.approver, on_done, on_error))
