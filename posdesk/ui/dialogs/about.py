"""The about box: one version number (the package's), the build date, and the licences of
what the build bundles — including the licence the binary as a whole carries."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTableWidget, QTableWidgetItem, \
    QVBoxLayout, QWidget

from posdesk.services.about import BUNDLED, WHOLE_LICENCE, build_date, version


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About posdesk"))
        self.setMinimumWidth(640)
        date = build_date()
        self.version = QLabel(self.tr("posdesk {version}").format(version=version()), self)
        self.version.setObjectName("aboutVersion")
        self.version.setStyleSheet("font-size: 18pt; font-weight: bold;")
        self.built = QLabel(self.tr("Built {date}").format(date=date) if date else self.tr("Running from source"), self)
        self.built.setObjectName("aboutBuilt")
        self.parts = QTableWidget(len(BUNDLED), 3, self)
        self.parts.setObjectName("aboutParts")
        self.parts.setHorizontalHeaderLabels([self.tr("Part"), self.tr("Licence"), self.tr("Note")])
        for row, part in enumerate(BUNDLED):
            for column, text in enumerate((part.name, part.licence, part.note)):
                self.parts.setItem(row, column, QTableWidgetItem(text))
        self.parts.resizeColumnsToContents()
        self.parts.horizontalHeader().setStretchLastSection(True)
        self.whole = QLabel(self.tr("posdesk's own code is proprietary. Because the bundled FFmpeg includes "
                                    "x264 (GPL), this binary as a whole is licensed under {licence}; the "
                                    "corresponding source is available from your supplier.").format(
            licence=WHOLE_LICENCE), self)
        self.whole.setObjectName("aboutWhole")
        self.whole.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.version, self.built, self.parts, self.whole, buttons):
            layout.addWidget(widget)
