"""The seek bar: a slider in milliseconds that also paints the recording's gaps and the
journal's events, so a manager sees where the picture is missing and why (tooltip)."""
from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSlider, QStyle, QStyleOptionSlider, QWidget


class SeekBar(QSlider):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName("seekBar")
        self.setRange(0, 0)
        self.setSingleStep(1000)
        self.setPageStep(10000)
        self._gaps: list[tuple[int, str]] = []
        self._events: list[int] = []

    def set_marks(self, *, gaps: list[tuple[int, str]], events: list[int]) -> None:
        """Gap starts (ms, cause) and event times (ms)."""
        self._gaps, self._events = gaps, events
        self.setToolTip("\n".join(cause for _, cause in gaps))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        if self.maximum() <= 0:
            return
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        groove = self.style().subControlRect(QStyle.ComplexControl.CC_Slider, option,
                                             QStyle.SubControl.SC_SliderGroove, self)
        painter = QPainter(self)

        def x_of(ms: int) -> int:
            return groove.left() + round(groove.width() * ms / self.maximum())

        painter.setPen(QColor("#1565c0"))
        for ms in self._events:
            painter.drawLine(x_of(ms), groove.top(), x_of(ms), groove.top() + 3)
        for ms, _cause in self._gaps:
            painter.fillRect(QRect(x_of(ms) - 2, groove.top(), 5, groove.height()), QColor("#c62828"))
        painter.end()
