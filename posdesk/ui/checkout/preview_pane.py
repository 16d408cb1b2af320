"""The place where the camera picture goes, with the recording indicator.

The recorder fills it through `set_frame`; until then it says plainly that there is no
camera, so nobody believes they are being recorded when they are not.
"""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget


class PreviewPane(QFrame):
    """Camera picture (scaled, aspect kept), camera state, and a recording badge."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("previewPane")
        self.setMinimumSize(QSize(320, 180))
        self._frame: QImage | None = None
        self.picture = QLabel(self)
        self.picture.setObjectName("previewPicture")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setMinimumSize(1, 1)
        self.recording = QLabel(self)
        self.recording.setObjectName("recordingBadge")
        self.recording.hide()
        self.camera_state = QLabel(self)
        self.camera_state.setObjectName("cameraState")
        self.camera_state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.recording, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.picture, 1)
        layout.addWidget(self.camera_state)
        self.set_camera_state(self.tr("No camera"))
        self._show_placeholder()

    def set_frame(self, image: QImage) -> None:
        """Show the newest camera frame."""
        self._frame = image
        self.camera_state.setVisible(bool(self.camera_state.text()))
        self._render()

    def set_recording(self, active: bool, elapsed_s: int) -> None:
        """Show the red badge with the recording time while a sale is being recorded."""
        if not active:
            self.recording.hide()
            return
        minutes, seconds = divmod(max(0, elapsed_s), 60)
        self.recording.setText(self.tr("● REC {time}").format(time=f"{minutes:02d}:{seconds:02d}"))
        self.recording.show()

    def set_camera_state(self, text: str) -> None:
        """A line under the picture: "No camera", "Camera lost — reconnecting", ..."""
        self.camera_state.setText(text)
        if self._frame is None:
            self._show_placeholder()

    def clear_frame(self) -> None:
        self._frame = None
        self._show_placeholder()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._render()

    def _show_placeholder(self) -> None:
        # Without a picture the state is the placeholder; the line below would repeat it.
        self.picture.setPixmap(QPixmap())
        self.picture.setText(self.camera_state.text())
        self.camera_state.hide()

    def _render(self) -> None:
        if self._frame is None:
            return
        pixmap = QPixmap.fromImage(self._frame).scaled(
            self.picture.size(), Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.FastTransformation)
        self.picture.setPixmap(pixmap)
