"""The status bar: who is logged in, the shift, and each device's state."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStatusBar, QWidget


class StatusBar(QStatusBar):
    """Permanent fields; devices appear as they report (`set_device_state`)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("statusBar")
        self.setSizeGripEnabled(False)
        self.user = QLabel(self)
        self.shift = QLabel(self)
        self._devices: dict[str, QLabel] = {}
        self.addPermanentWidget(self.user)
        self.addPermanentWidget(self.shift)
        self.set_user(None)

    def set_user(self, name: str | None) -> None:
        self.user.setText(self.tr("Cashier: {name}").format(name=name) if name else self.tr("Not logged in"))

    def set_shift(self, text: str) -> None:
        self.shift.setText(text)

    def set_device_state(self, name: str, ok: bool, text: str) -> None:
        """Show one device's state ("Printer: paper out"); red when not ok."""
        label = self._devices.get(name)
        if label is None:
            label = QLabel(self)
            label.setObjectName("deviceState")
            self._devices[name] = label
            self.addPermanentWidget(label)
        label.setText(text)
        label.setProperty("ok", ok)
        label.style().unpolish(label)
        label.style().polish(label)

    def remove_device_state(self, name: str) -> None:
        """Forget a device that is no longer there (after new settings)."""
        label = self._devices.pop(name, None)
        if label is not None:
            self.removeWidget(label)
            label.deleteLater()

    def device_text(self, name: str) -> str | None:
        label = self._devices.get(name)
        return label.text() if label is not None else None
