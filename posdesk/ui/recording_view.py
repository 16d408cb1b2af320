"""Feeds the preview pane from the recorder: the live picture, REC with its time, problems.

The recorder publishes its newest downscaled frame in shared memory; a timer on the GUI
thread copies it when it is newer than the one shown (a memory copy, never a wait: a
stalled recorder just leaves the last picture up). Preview frames may be skipped — the clip
never depends on them.
"""
from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import QPushButton

from posdesk.services.recording import RecordingService

from .checkout.preview_pane import PreviewPane
from .i18n import translate

#: Poll interval: comfortably above a 30 fps camera, so no frame waits a whole period.
POLL_MS = 10


class RecordingView(QObject):
    """Signals:
        frame_shown(int): the recorder's sequence number of each frame put on screen.
    """

    frame_shown = Signal(int)

    def __init__(self, *, recording: RecordingService, pane: PreviewPane, parent: QObject | None = None):
        super().__init__(parent)
        self._recording = recording
        self._pane = pane
        self._seq = 0
        self._image: QImage | None = None
        self._array: np.ndarray | None = None
        self._frames = QTimer(self)
        self._frames.setInterval(POLL_MS)
        self._frames.timeout.connect(self.on_frame_timer)
        self._clock = QTimer(self)
        self._clock.setInterval(500)
        self._clock.timeout.connect(self.on_clock_timer)
        self.record_button: QPushButton | None = None
        if recording.policy.mode == "manual":
            # The cashier (or a manager at the lane) decides which sales are recorded.
            self.record_button = QPushButton(pane)
            self.record_button.setObjectName("recordButton")
            self.record_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.record_button.clicked.connect(self.on_record_clicked)
            pane.layout().addWidget(self.record_button)
            # A shortcut of its own: a button's setText() would replace its shortcut.
            self._shortcut = QShortcut(QKeySequence("Ctrl+R"), pane)
            self._shortcut.activated.connect(self.on_record_clicked)
        self._frames.start()
        self._clock.start()
        self.on_clock_timer()

    def on_frame_timer(self) -> None:
        frame = self._recording.preview(self._seq)
        if frame is None or not self._recording.state.camera_ok:
            return  # a lost camera's last picture must not pass for a live one
        self._seq = frame.seq
        height, width, _ = frame.image.shape
        # Keep the array alive as long as the QImage that points into it.
        self._array = frame.image
        self._image = QImage(self._array.data, width, height, 3 * width, QImage.Format.Format_BGR888)
        self._pane.set_frame(self._image)
        self.frame_shown.emit(frame.seq)

    def on_record_clicked(self) -> None:
        if self._recording.recording_sale:
            self._recording.stop_now()
        else:
            self._recording.record_now()
        self.on_clock_timer()

    def on_clock_timer(self) -> None:
        state = self._recording.state
        if self.record_button is not None:
            self.record_button.setText(self.tr("Stop recording (Ctrl+R)") if self._recording.recording_sale
                                       else self.tr("Record this sale (Ctrl+R)"))
        since = state.rec_since_mono_ns
        self._pane.set_recording(since is not None, (time.monotonic_ns() - since) // 1_000_000_000
                                 if since is not None else 0)
        if not state.enabled or not state.recorder_up:
            text = translate(state.problem) if state.problem else self.tr("Recorder starting…")
        elif state.no_camera:
            text = self.tr("No camera — sales are not being filmed")
            self._pane.clear_frame()
        elif not state.camera_ok:
            text = self.tr("Camera lost — reconnecting")
            self._pane.clear_frame()
        elif not state.sound_ok:
            text = self.tr("No microphone — recording picture only")
        else:
            text = ""
        self._pane.set_camera_state(text)
