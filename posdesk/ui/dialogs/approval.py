"""The manager approval dialog: a manager types a PIN to allow one action."""
from __future__ import annotations

import logging
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from posdesk.core.permissions import Permission

from ..i18n import translate
from ..user_errors import user_text
from ..widgets.pin_field import PinField

log = logging.getLogger(__name__)


def permission_text(permission: Permission) -> str:
    """What the manager is asked to allow, in the user's language."""
    texts = {
        Permission.VOID_LINE: QCoreApplication.translate("Permission", "Void a line or lower a quantity"),
        Permission.VOID_SALE: QCoreApplication.translate("Permission", "Void the whole sale"),
        Permission.PRICE_OVERRIDE: QCoreApplication.translate("Permission", "Change a price"),
        Permission.REFUND: QCoreApplication.translate("Permission", "Refund a sale"),
        Permission.NO_SALE: QCoreApplication.translate("Permission", "Open the drawer without a sale"),
        Permission.LARGE_DISCOUNT: QCoreApplication.translate("Permission", "Give a large discount"),
        Permission.CASH_IN_OUT: QCoreApplication.translate("Permission", "Put cash in or take it out"),
        Permission.SHIFT_CLOSE: QCoreApplication.translate("Permission", "Close the shift"),
        Permission.Z_REPORT: QCoreApplication.translate("Permission", "Close the shift (Z report)"),
        Permission.RESOLVE_PAYMENT: QCoreApplication.translate(
            "Permission", "Settle a card payment the terminal cannot account for"),
    }
    return texts.get(permission, QCoreApplication.translate("Permission", "This action"))


class ApprovalDialog(QDialog):
    """Asks for a manager PIN; accepted once the service approved it.

    `approver` holds the manager's name afterwards, for the retried call's `approved_by`.
    An action that is no `Permission` of the sale (the device settings) passes its own
    `approve(pin) -> name` and the text saying what is asked.
    """

    def __init__(self, *, checkout: Any, permission: Permission | None = None,
                 approve: Callable[[str], str] | None = None, action_text: str | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        assert permission is not None or approve is not None, "approve what?"
        self._permission = permission
        self._approve = approve or (lambda pin: checkout.approve(pin, permission))
        self.approver: str | None = None
        self.setWindowTitle(self.tr("Manager approval"))
        self.setObjectName("approvalDialog")
        heading = QLabel(self.tr("A manager must approve:"), self)
        action = QLabel(action_text or permission_text(permission), self)
        action.setObjectName("dialogHeadline")
        action.setWordWrap(True)
        self.pin = PinField(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        buttons.rejected.connect(self.reject)
        # The PIN field passes Enter on to the dialog: a default Cancel would close the
        # dialog right after a wrong PIN, before the manager could try again.
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(action)
        layout.addWidget(self.pin)
        layout.addWidget(buttons)
        self.pin.submitted.connect(self.on_pin_submitted)
        self.pin.edit.setFocus()

    def on_pin_submitted(self, pin: str) -> None:
        try:
            self.approver = self._approve(pin)
        except Exception as e:
            text = user_text(e)
            if text is None:
                raise
            self.pin.show_error(translate(text))
            return
        log.info("%s approved %s", self.approver, self._permission.value if self._permission else "an action")
        self.accept()
