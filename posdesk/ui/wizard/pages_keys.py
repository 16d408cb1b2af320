"""The wizard's manager account and key generation, with the recovery sheet.

Generating keys runs scrypt (about a second) and writes the key files: a worker does it.
The PIN and passphrase leave the page only for that job and are cleared after it.
"""
from __future__ import annotations

import logging

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QWidget

from posdesk.services.device_facts import PrintOutcome
from posdesk.services.lane import LaneServices
from posdesk.services.setup import KeysMade, SetupAnswers, SetupError, check_manager, \
    recovery_rows
from posdesk.services.setup_devices import print_page

from ..i18n import translate
from .background import Background
from .page import AnswerPage

log = logging.getLogger(__name__)


def _secret(parent: QWidget, name: str) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class ManagerPage(AnswerPage):
    def __init__(self, *, answers: SetupAnswers, has_keys: bool, parent: QWidget | None = None):
        super().__init__(answers=answers, name="managerPage", parent=parent)
        self._optional = has_keys
        self.setTitle(self.tr("Manager"))
        self.setSubTitle(self.tr("The manager approves voids and overrides with the PIN; the passphrase "
                                 "unlocks the recordings. Write the passphrase down: nobody can recover it.")
                         if not has_keys else
                         self.tr("The lane has its keys. Fill in the fields only to add another manager."))
        self.name = QLineEdit(self)
        self.name.setObjectName("managerName")
        self.pin, self.pin_again = _secret(self, "managerPin"), _secret(self, "managerPinAgain")
        self.passphrase, self.passphrase_again = _secret(self, "passphrase"), _secret(self, "passphraseAgain")
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("PIN"), self.pin)
        form.addRow(self.tr("PIN again"), self.pin_again)
        if not has_keys:
            form.addRow(self.tr("Manager passphrase"), self.passphrase)
            form.addRow(self.tr("Passphrase again"), self.passphrase_again)
        self.body.addLayout(form)
        self.finish_layout()

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        if self._optional and not self.name.text().strip():
            return True
        passphrase, again = (self.passphrase.text(), self.passphrase_again.text()) if not self._optional \
            else ("-" * 8, "-" * 8)
        try:
            check_manager(self.name.text(), self.pin.text(), self.pin_again.text(), passphrase, again)
        except SetupError as e:
            self.say(translate(e.text))
            return False
        self.say("")
        return True

    def take_secrets(self) -> tuple[str, str, str]:
        """Name, PIN and passphrase for the key job; the fields are cleared."""
        secrets = (self.name.text().strip(), self.pin.text(), self.passphrase.text())
        for edit in (self.pin, self.pin_again, self.passphrase, self.passphrase_again):
            edit.clear()
        return secrets


class KeysPage(AnswerPage):
    def __init__(self, *, answers: SetupAnswers, services: LaneServices, manager: ManagerPage,
                 parent: QWidget | None = None):
        super().__init__(answers=answers, name="keysPage", parent=parent)
        self.setTitle(self.tr("Keys"))
        self.setSubTitle(self.tr("The lane signs every clip with its own key; clips are sealed to the "
                                 "manager's key. Keep the recovery sheet with the passphrase, away from the till."))
        self._services = services
        self._manager = manager
        self.made: KeysMade | None = None
        self.generate_button = QPushButton(self.tr("Generate keys"), self)
        self.generate_button.setObjectName("generateKeys")
        self.generate_button.clicked.connect(self.on_generate)
        self.fingerprint = QLabel(self)
        self.fingerprint.setObjectName("fingerprint")
        self.fingerprint.setStyleSheet("font-size: 20pt; font-family: monospace;")
        self.details = QLabel(self)
        self.details.setObjectName("keyDetails")
        self.details.setWordWrap(True)
        self.print_button = QPushButton(self.tr("Print recovery sheet"), self)
        self.print_button.setObjectName("printRecovery")
        self.print_button.setEnabled(False)
        self.print_button.clicked.connect(self.on_print)
        self.jobs = Background(self)
        self.jobs.finished.connect(self.on_job_finished)
        form = QFormLayout()
        form.addRow("", self.generate_button)
        form.addRow(self.tr("Manager fingerprint"), self.fingerprint)
        form.addRow("", self.details)
        form.addRow("", self.print_button)
        self.body.addLayout(form)
        self.finish_layout()

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return self.made is not None

    def on_generate(self) -> None:
        name, pin, passphrase = self._manager.take_secrets()
        lane = self._services
        if self.jobs.run("keys", lambda: lane.make_manager_and_keys(name=name, pin=pin, passphrase=passphrase)):
            self.generate_button.setEnabled(False)
            self.say(self.tr("Generating the keys…"))

    def on_print(self) -> None:
        if self.made is None:
            return
        labels = {"store": self.tr("Store"), "lane": self.tr("Lane"), "date": self.tr("Created"),
                  "fingerprint": self.tr("Manager fingerprint"), "lane_key": self.tr("Lane key"),
                  "recipient": self.tr("Manager key")}
        answers, made, title = SetupAnswers(**vars(self.answers)), self.made, self.tr("posdesk recovery sheet")
        if not answers.printer_port:
            self.say(self.tr("No receipt printer is set up: copy the fingerprint by hand."))
            return
        if self.jobs.run("print", lambda: print_page(answers, title, recovery_rows(answers, made, labels))):
            self.print_button.setEnabled(False)
            self.say(self.tr("Printing the recovery sheet…"))

    def on_job_finished(self, tag: str, result: object, error: BaseException | None) -> None:
        if tag == "keys":
            self.generate_button.setEnabled(error is not None)
            if not isinstance(result, KeysMade):
                text = translate(error.text) if isinstance(error, SetupError) else str(error)
                self.say(self.tr("The keys could not be made: {error}").format(error=text))
                return
            self.made = result
            self.fingerprint.setText(result.fingerprint)
            self.details.setText(self.tr("Lane key {lane}\nManager key {recipient}").format(
                lane=result.lane_key_id, recipient=result.manager_recipient))
            self.print_button.setEnabled(True)
            self.say(self.tr("The keys are ready.") if result.new else
                     self.tr("The lane already had its keys; they were kept."))
            self.completeChanged.emit()
        elif tag == "print":
            self.print_button.setEnabled(True)
            if not isinstance(result, PrintOutcome) or not result.printed:
                problem = str(error) if not isinstance(result, PrintOutcome) else (
                    translate(result.problem) if result.problem else "")
                self.say(self.tr("The recovery sheet did not print: {problem}").format(problem=problem))
            else:
                self.say(self.tr("The recovery sheet printed. Keep it with the passphrase."))
