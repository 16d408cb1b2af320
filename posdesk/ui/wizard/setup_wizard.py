"""The setup wizard: the first thing a new lane shows, and later a way back to every step.

It works on the lane's services (database, keys, config) without the devices running: the
devices page opens the ports itself for its tests. Finish saves the configuration — the
mark that the lane is set up — so a wizard cancelled half-way runs again next time.
"""
from __future__ import annotations

import logging

from PySide6.QtWidgets import QWidget, QWizard

from posdesk.services.lane import LaneServices
from posdesk.services.setup import SetupAnswers, needs_setup, save_answers

from .pages_basic import LanguagePage, MoneyPage, RetentionPage, StorePage
from .pages_devices import DevicesPage
from .pages_keys import KeysPage, ManagerPage
from .pages_media import CameraPage, MicrophonePage

log = logging.getLogger(__name__)


class SetupWizard(QWizard):
    def __init__(self, *, services: LaneServices, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("setupWizard")
        self.setWindowTitle(self.tr("posdesk setup"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setMinimumSize(820, 640)
        self._services = services
        first_run = needs_setup(services.data_dir)
        self.answers = SetupAnswers.from_config(services.config)
        if first_run:
            self.answers.store_name = ""  # the default is the demo's
        answers = self.answers
        self.language = LanguagePage(answers=answers, parent=self)
        self.store = StorePage(answers=answers, parent=self)
        self.money = MoneyPage(answers=answers, parent=self)
        self.camera = CameraPage(answers=answers, parent=self)
        self.microphone = MicrophonePage(answers=answers, parent=self)
        self.devices = DevicesPage(answers=answers, parent=self)
        self.manager = ManagerPage(answers=answers, has_keys=services.keys_set_up(), parent=self)
        self.keys = KeysPage(answers=answers, services=services, manager=self.manager, parent=self)
        self.retention = RetentionPage(answers=answers, parent=self)
        for page in (self.language, self.store, self.money, self.camera, self.microphone, self.devices,
                     self.manager, self.keys, self.retention):
            self.addPage(page)

    def accept(self) -> None:
        """Finish: the last page takes its answer, then everything is saved."""
        if not self.validateCurrentPage():
            return
        try:
            save_answers(self._services.config, self.answers)
        except Exception as e:  # noqa: BLE001 - config errors: say so and stay open
            log.exception("saving the setup failed")
            self.retention.say(self.tr("The settings could not be saved: {error}").format(error=str(e)))
            return
        log.info("setup saved for lane %s", self.answers.lane_id)
        super().accept()

    def done(self, result: int) -> None:
        # Closing by any way stops the preview and the level meter threads.
        self.camera.stop_preview()
        self.microphone.stop_meter()
        super().done(result)
