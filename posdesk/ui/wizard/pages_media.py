"""The wizard's camera page (live preview, optional second camera) and microphone page
(level meter). The picture and the level come from worker threads; a timer on the GUI
thread shows the newest of each and never waits for them."""
from __future__ import annotations

import logging

import numpy as np
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (QComboBox, QFormLayout, QHBoxLayout, QLabel, QProgressBar, QPushButton,
                               QWidget)

from posdesk.services.live_probe import LevelMeter, LivePreview
from posdesk.services.media_probe import SILENCE_DBFS
from posdesk.services.setup import SetupAnswers

from .page import AnswerPage

log = logging.getLogger(__name__)

#: How often the page looks for a new picture or level.
REFRESH_MS = 100
#: Camera choices offered besides what the installer types (devices are numbered by the OS).
CAMERA_CHOICES: tuple[str, ...] = ("", "0", "1", "/dev/video0", "/dev/video2")


class CameraPage(AnswerPage):
    def __init__(self, *, answers: SetupAnswers, parent: QWidget | None = None):
        super().__init__(answers=answers, name="cameraPage", parent=parent)
        self.setTitle(self.tr("Camera"))
        self.setSubTitle(self.tr("Aim the cashier-side camera at the counter. Empty means the test pattern. "
                                 "A second camera (customer side) is optional."))
        self.camera = self._camera_box("camera", answers.camera)
        self.camera2 = self._camera_box("camera2", answers.camera2)
        self.show_button = QPushButton(self.tr("Show"), self)
        self.show_button.setObjectName("showCamera")
        self.show_button.clicked.connect(lambda: self.start_preview(self.camera.currentText().strip()))
        self.show2_button = QPushButton(self.tr("Show"), self)
        self.show2_button.setObjectName("showCamera2")
        self.show2_button.clicked.connect(lambda: self.start_preview(self.camera2.currentText().strip()))
        self.picture = QLabel(self)
        self.picture.setObjectName("cameraPreview")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setMinimumSize(480, 270)
        self.picture.setStyleSheet("background: #202020; color: #e0e0e0;")
        form = QFormLayout()
        form.addRow(self.tr("Camera"), self._row(self.camera, self.show_button))
        form.addRow(self.tr("Second camera"), self._row(self.camera2, self.show2_button))
        self.body.addLayout(form)
        self.body.addWidget(self.picture, 1)
        self.finish_layout()
        self.preview: LivePreview | None = None
        self._shown = 0
        self._image: QImage | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.on_timer)

    def _camera_box(self, name: str, value: str) -> QComboBox:
        box = QComboBox(self)
        box.setObjectName(name)
        box.setEditable(True)
        box.addItems(list(dict.fromkeys([*CAMERA_CHOICES, value])))
        box.setCurrentText(value)
        box.lineEdit().setPlaceholderText(self.tr("test pattern"))
        return box

    def _row(self, box: QComboBox, button: QPushButton) -> QWidget:
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(box, 1)
        layout.addWidget(button)
        return row

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        self.start_preview(self.camera.currentText().strip())

    def start_preview(self, camera: str) -> None:
        self.stop_preview()
        name = camera or self.tr("test pattern")
        self.picture.setText(self.tr("Opening {camera}…").format(camera=name))
        self.picture.setPixmap(QPixmap())
        self.preview = LivePreview(camera).start()
        self._shown = 0
        self.timer.start()

    def stop_preview(self) -> None:
        self.timer.stop()
        if self.preview is not None:
            preview, self.preview = self.preview, None
            preview.stop()  # bounded; the thread only reads a frame at a time

    def on_timer(self) -> None:
        preview = self.preview
        if preview is None:
            return
        if preview.error:
            self.picture.setText(self.tr("No picture: {error}").format(error=preview.error))
            self.timer.stop()
            return
        if preview.frames == self._shown:
            return
        image = preview.frame()
        self._shown = preview.frames
        height, width, _ = image.shape
        self._array: np.ndarray = image  # the QImage points into it
        self._image = QImage(self._array.data, width, height, 3 * width, QImage.Format.Format_BGR888)
        self.picture.setPixmap(QPixmap.fromImage(self._image).scaled(
            self.picture.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.FastTransformation))

    @property
    def frames_shown(self) -> int:
        return self._shown

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        self.answers.camera = self.camera.currentText().strip()
        self.answers.camera2 = self.camera2.currentText().strip()
        self.stop_preview()
        return True

    def cleanupPage(self) -> None:  # noqa: N802 - Qt's name (going Back)
        self.stop_preview()


class MicrophonePage(AnswerPage):
    def __init__(self, *, answers: SetupAnswers, parent: QWidget | None = None):
        super().__init__(answers=answers, name="microphonePage", parent=parent)
        self.setTitle(self.tr("Microphone"))
        self.setSubTitle(self.tr("Speak at the counter: the bar should move. Clips record picture and sound."))
        self.audio = QComboBox(self)
        self.audio.setObjectName("audio")
        self.audio.setEditable(True)
        for value, label in (("microphone", self.tr("Default microphone")),
                             ("synthetic", self.tr("Test tone (no microphone)")),
                             ("off", self.tr("No sound"))):
            self.audio.addItem(label, value)
        current = answers.audio if answers.audio != "auto" else ("synthetic" if not answers.camera else "microphone")
        index = self.audio.findData(current)
        if index >= 0:
            self.audio.setCurrentIndex(index)
        else:
            self.audio.setEditText(current)  # a named device: microphone:<device>
        self.audio.activated.connect(lambda _i: self.start_meter())
        self.meter = QProgressBar(self)
        self.meter.setObjectName("levelMeter")
        self.meter.setRange(int(SILENCE_DBFS), 0)
        self.meter.setFormat("%v dBFS")
        self.state = QLabel(self)
        self.state.setObjectName("microphoneState")
        form = QFormLayout()
        form.addRow(self.tr("Sound"), self.audio)
        form.addRow(self.tr("Level"), self.meter)
        self.body.addLayout(form)
        self.body.addWidget(self.state)
        self.finish_layout()
        self.level_meter: LevelMeter | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.on_timer)

    def choice(self) -> str:
        data = self.audio.currentData()
        text = self.audio.currentText().strip()
        return data if data is not None and self.audio.itemText(self.audio.currentIndex()) == text else text

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        self.start_meter()

    def start_meter(self) -> None:
        self.stop_meter()
        self.meter.setValue(int(SILENCE_DBFS))
        audio = self.choice()
        if audio == "off":
            self.state.setText(self.tr("Clips will have no sound."))
            return
        self.state.setText(self.tr("Listening…"))
        self.level_meter = LevelMeter(audio).start()
        self.timer.start()

    def stop_meter(self) -> None:
        self.timer.stop()
        if self.level_meter is not None:
            meter, self.level_meter = self.level_meter, None
            meter.stop()

    def on_timer(self) -> None:
        meter = self.level_meter
        if meter is None:
            return
        if meter.error:
            self.state.setText(self.tr("No microphone: {error}").format(error=meter.error))
            self.timer.stop()
            return
        level = meter.level()
        if level is not None:
            self.meter.setValue(int(round(level)))
            self.state.setText(self.tr("Sound is coming in.") if level > SILENCE_DBFS else self.tr("Silence."))

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        self.answers.audio = self.choice()
        self.stop_meter()
        return True

    def cleanupPage(self) -> None:  # noqa: N802 - Qt's name
        self.stop_meter()
