"""The self-test on the device settings page: every check of `posdesk selftest`, one line
each, with the fix under a failed one.

The checks wait on ports, the camera and the disk for seconds, so they run on a thread of
their own and the report comes back as a queued signal; the page stays usable meanwhile.
"""
from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, \
    QVBoxLayout, QWidget

from posdesk.services.lane import LaneServices
from posdesk.services.selftest_report import CHECK_TITLES, SelfTestReport

from ..i18n import translate

log = logging.getLogger(__name__)

#: Colours of passed and failed lines (readable on the light and the dark style).
PASS_COLOUR, FAIL_COLOUR = "#1b7f3a", "#b3261e"


class SelfTestRun(QObject):
    """Signals:
        finished(object): the `SelfTestReport`, or the exception that stopped the run.
    """

    finished = Signal(object)

    def __init__(self, *, services: LaneServices, parent: QObject | None = None):
        super().__init__(parent)
        self._services = services
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> bool:
        if self.running:
            return False
        self._thread = threading.Thread(target=self._run, name="selftest", daemon=True)
        self._thread.start()
        return True

    def _run(self) -> None:
        try:
            result: object = self._services.run_selftest()
        except Exception as e:  # noqa: BLE001 - shown on the page, which stays usable
            log.exception("self-test failed")
            result = e
        try:
            self.finished.emit(result)
        except RuntimeError:
            log.info("self-test finished after its page closed")


class SelfTestPanel(QGroupBox):
    def __init__(self, *, services: LaneServices, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Self-test"))
        self.run_button = QPushButton(self.tr("Run self-test"), self)
        self.run_button.setObjectName("selfTestButton")
        self.run_button.setAutoDefault(False)
        self.run_button.setMinimumHeight(48)
        self.run_button.clicked.connect(self.on_run)
        self.summary = QLabel(self)
        self.summary.setObjectName("selfTestSummary")
        self.results = QListWidget(self)
        self.results.setObjectName("selfTestResults")
        self.results.setWordWrap(True)
        self.results.setMinimumHeight(160)
        self.run = SelfTestRun(services=services, parent=self)
        self.run.finished.connect(self.on_finished)
        top = QHBoxLayout()
        top.addWidget(self.run_button)
        top.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.results)

    def on_run(self) -> None:
        if self.run.start():
            self.run_button.setEnabled(False)
            self.results.clear()
            self.summary.setText(self.tr("Checking the database, disk, clock, keys and every device…"))

    def on_finished(self, result: SelfTestReport | Exception) -> None:
        self.run_button.setEnabled(True)
        if isinstance(result, Exception):
            self.summary.setText(self.tr("The self-test could not run: {error}").format(error=str(result)))
            return
        for check in result.checks:
            title = translate(CHECK_TITLES[check.id])
            mark = "✔" if check.ok else "✘"
            text = f"{mark} {title}: {translate(check.detail)}"
            if check.fix is not None:
                text += "\n    " + self.tr("Fix: {fix}").format(fix=translate(check.fix))
            item = QListWidgetItem(text, self.results)
            item.setForeground(QColor(PASS_COLOUR if check.ok else FAIL_COLOUR))
        failed = sum(not c.ok for c in result.checks)
        self.summary.setText(self.tr("All checks passed.") if not failed else
                             self.tr("{count} of {total} checks failed.").format(
                                 count=failed, total=len(result.checks)))
