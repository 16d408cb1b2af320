"""Legal hold of one sale, and the retention purge with its preview (both audited by the
service; both run on the viewer's worker)."""
from __future__ import annotations

from PySide6.QtWidgets import (QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QSpinBox, QVBoxLayout, QWidget)

from posdesk.core.i18n import Text
from posdesk.services.viewer_retention import PurgeOutcome, Retention

from ..i18n import translate
from ..user_errors import user_text
from .tasks import BackgroundTasks


def _error_text(error: BaseException) -> str:
    text = user_text(error)
    return translate(text) if isinstance(text, Text) else str(error)


class HoldDialog(QDialog):
    """Puts the sale on legal hold, or releases it when it is held; a reason is required."""

    def __init__(self, *, sale_id: str, held: bool, retention: Retention, user: str,
                 tasks: BackgroundTasks, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("holdDialog")
        self._sale_id, self._held, self._retention = sale_id, held, retention
        self._user, self._tasks = user, tasks
        self.setWindowTitle(self.tr("Release legal hold") if held else self.tr("Legal hold"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("The clip stays whatever its age until the hold is released.")
                                if not held else self.tr("The clip is purged again when it is old enough."), self))
        form = QFormLayout()
        self.reason = QLineEdit(self)
        self.reason.setObjectName("holdReason")
        form.addRow(self.tr("Reason (required):"), self.reason)
        layout.addLayout(form)
        self.message = QLabel("", self)
        layout.addWidget(self.message)
        self.ok = QPushButton(self.tr("Release (Enter)") if held else self.tr("Hold (Enter)"), self)
        self.ok.setDefault(True)
        self.ok.clicked.connect(self.on_ok)
        layout.addWidget(self.ok)
        self.reason.setFocus()

    def on_ok(self) -> None:
        reason = self.reason.text()
        self._tasks.run(lambda: self._retention.set_hold(self._sale_id, not self._held,
                                                         reason=reason, user=self._user),
                        lambda _changed: self.accept(),
                        lambda e: self.message.setText(_error_text(e)))


class RetentionDialog(QDialog):
    """Days to keep; Preview lists what a purge would delete; Purge does it."""

    def __init__(self, *, retention: Retention, user: str, days: int, tasks: BackgroundTasks,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("retentionDialog")
        self.setWindowTitle(self.tr("Retention"))
        self._retention, self._user, self._tasks = retention, user, tasks
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.days = QSpinBox(self)
        self.days.setObjectName("retentionDays")
        self.days.setRange(1, 3650)
        self.days.setValue(days)
        self.days.setSuffix(self.tr(" days"))
        self.days.valueChanged.connect(lambda _v: self.purge_button.setEnabled(False))
        form.addRow(self.tr("Keep clips for:"), self.days)
        layout.addLayout(form)
        self.result = QLabel("", self)
        self.result.setObjectName("retentionResult")
        self.result.setWordWrap(True)
        layout.addWidget(self.result)
        buttons = QHBoxLayout()
        self.preview_button = QPushButton(self.tr("Preview (Enter)"), self)
        self.preview_button.setDefault(True)
        self.preview_button.clicked.connect(self.on_preview)
        buttons.addWidget(self.preview_button)
        self.purge_button = QPushButton(self.tr("Purge now"), self)
        self.purge_button.setObjectName("purgeNow")
        self.purge_button.setAutoDefault(False)
        self.purge_button.setEnabled(False)
        self.purge_button.clicked.connect(self.on_purge)
        buttons.addWidget(self.purge_button)
        layout.addLayout(buttons)
        self.days.setFocus()

    def on_preview(self) -> None:
        days = self.days.value()
        self._tasks.run(lambda: self._retention.purge(days, user=self._user, preview=True),
                        self.on_outcome, lambda e: self.result.setText(_error_text(e)))

    def on_purge(self) -> None:
        days = self.days.value()
        self.purge_button.setEnabled(False)
        self._tasks.run(lambda: self._retention.purge(days, user=self._user),
                        self.on_outcome, lambda e: self.result.setText(_error_text(e)))

    def on_outcome(self, outcome: PurgeOutcome) -> None:
        if outcome.done:
            self.result.setText(self.tr("{count} clips purged; {held} kept by a legal hold.").format(
                count=len(outcome.sale_ids), held=len(outcome.held)))
        else:
            self.result.setText(self.tr("{count} clips older than {days} days would be purged; "
                                        "{held} are kept by a legal hold.").format(
                count=len(outcome.sale_ids), days=outcome.days, held=len(outcome.held)))
            self.purge_button.setEnabled(bool(outcome.sale_ids))
