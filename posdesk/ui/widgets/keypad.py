"""An on-screen numeric keypad for touch screens.

It types into a line edit the way the keyboard would, and its buttons never take the focus,
so a cashier can mix touching and typing without losing the cursor.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLineEdit, QPushButton, QSizePolicy, QWidget


#: Keys that insert themselves as text.
DIGITS: tuple[str, ...] = ("7", "8", "9", "4", "5", "6", "1", "2", "3")
#: The backspace key's face.
BACKSPACE: str = "⌫"


class Keypad(QWidget):
    """Digits, clear, backspace and Enter; optionally `*` (quantity) and `.` (decimals).

    Signals:
        submitted(): the keypad's Enter was touched.
    """

    submitted = Signal()

    def __init__(self, *, extra_keys: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self._target: QLineEdit | None = None
        grid = QGridLayout(self)
        grid.setSpacing(6)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, key in enumerate(DIGITS):
            grid.addWidget(self._button(key, lambda _=False, k=key: self._insert(k)), i // 3, i % 3)
        row = 3
        bottom = ["0", *extra_keys]
        for col, key in enumerate(bottom[:3]):
            grid.addWidget(self._button(key, lambda _=False, k=key: self._insert(k)), row, col)
        clear = self._button(self.tr("C"), self._clear)
        clear.setToolTip(self.tr("Clear"))
        back = self._button(BACKSPACE, self._backspace)
        back.setToolTip(self.tr("Delete the last digit"))
        enter = self._button(self.tr("Enter"), lambda _=False: self.submitted.emit())
        enter.setObjectName("keypadEnter")
        grid.addWidget(clear, 0, 3)
        grid.addWidget(back, 1, 3)
        grid.addWidget(enter, 2, 3, 2, 1)

    def attach(self, target: QLineEdit) -> None:
        """Type into `target` from now on."""
        self._target = target

    def _button(self, face: str, slot) -> QPushButton:  # noqa: ANN001 - any callable slot
        button = QPushButton(face, self)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        button.setMinimumSize(56, 48)
        button.setObjectName("keypadKey")
        button.clicked.connect(slot)
        return button

    def _insert(self, text: str) -> None:
        if self._target is not None:
            self._target.insert(text)

    def _clear(self) -> None:
        if self._target is not None:
            self._target.clear()

    def _backspace(self) -> None:
        if self._target is not None:
            self._target.backspace()
