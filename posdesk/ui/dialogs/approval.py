"""The manager approval dialog: a manager types a PIN to allow one action."""
from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from posdesk.core.permissions import Permission
from posdesk.services.session import SessionService

from ..i18n import translate
from ..user_errors import user_text
from ..widgets.name_picker import NamePicker
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
    """Asks for a manager's name and PIN (or the PIN alone, with PIN-only login); accepted
    once the service approved it.

    `approver` holds the manager's name afterwards, for the retried call's `approved_by`.
    `action_text` says what is asked when the permission's own words do not fit.
    """

    def __init__(self, *, session: SessionService, permission: Permission, action_text: str | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self._permission = permission
        self._name: str | None = None
        self.approver: str | None = None
        self.setWindowTitle(self.tr("Manager approval"))
        self.setObjectName("approvalDialog")
        heading = QLabel(self.tr("A manager must approve:"), self)
        action = QLabel(action_text or permission_text(permission), self)
        action.setObjectName("dialogHeadline")
        action.setWordWrap(True)
        self.who = QLabel(self)
        self.names = NamePicker(self)
        self.names.set_names(session.user_names(permission))
        self.names.setVisible(session.names_first)
        self.pin = PinField(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        buttons.rejected.connect(self.reject)
        # The PIN field passes Enter on to the dialog: a default Cancel would close the
        # dialog right after a wrong PIN, before the manager could try again.
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(action)
        layout.addWidget(self.who)
        layout.addWidget(self.names)
        layout.addWidget(self.pin)
        layout.addWidget(buttons)
        self.names.chosen.connect(self.on_name_chosen)
        self.pin.submitted.connect(self.on_pin_submitted)
        self._show_who()
        (self.names.filter if session.names_first else self.pin.edit).setFocus()

    def chosen_name(self) -> str | None:
        return self._name

    def on_name_chosen(self, name: str) -> None:
        self._name = name
        self._show_who()
        self.pin.reset()

    def on_pin_submitted(self, pin: str) -> None:
        try:
            self.approver = self._session.approve(pin, self._permission, name=self._name)
        except Exception as e:
            text = user_text(e)
            if text is None:
                raise
            self.pin.show_error(translate(text))
            if self._session.names_first and self._name is None:
                self.names.filter.setFocus()
            return
        log.info("%s approved %s", self.approver, self._permission.value)
        self.accept()

    def _show_who(self) -> None:
        if not self._session.names_first:
            self.who.setText(self.tr("Manager PIN:"))
        elif self._name is None:
            self.who.setText(self.tr("Manager: choose your name, then type your PIN"))
        else:
            self.who.setText(self.tr("PIN for {name}:").format(name=self._name))
