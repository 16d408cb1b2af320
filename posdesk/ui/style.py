"""The look: large type for a till read at arm's length, touch-sized controls, clear states."""
from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

#: Base point size of all text.
BASE_POINT_SIZE: int = 13
#: Fonts tried in order; the CJK fonts make Chinese render with real glyphs.
FONT_FAMILIES: list[str] = ["Noto Sans", "Noto Sans CJK SC", "DejaVu Sans", "WenQuanYi Micro Hei"]

STYLESHEET: str = """
QWidget { font-size: 13pt; }
#entryLine { font-size: 20pt; padding: 6px; }
#cartView { font-size: 15pt; }
#totalsPanel { background: #1f2933; border-radius: 6px; }
#totalsPanel QLabel { color: #e4e7eb; }
#totalsCaption { font-size: 14pt; }
#totalValue { font-size: 30pt; font-weight: bold; color: #ffffff; }
#itemsValue { font-size: 16pt; }
#restValue { font-size: 22pt; font-weight: bold; color: #fadb5f; }
#dueValue { font-size: 30pt; font-weight: bold; }
#changeValue { font-size: 34pt; font-weight: bold; color: #0e7c3a; }
#noticeBar { padding: 8px; border-radius: 4px; font-size: 14pt; }
#noticeBar[level="warning"] { background: #ffe3e3; color: #8a1c1c; }
#noticeBar[level="info"] { background: #e3f8e8; color: #0e5a2a; }
#errorMessage { color: #b42318; }
#errorMessage[level="info"] { color: #0e5a2a; }
#cardPanel { background: #eef2f7; border: 2px solid #7b93b0; border-radius: 6px; }
#cardPanel[problem="true"] { background: #fff4e5; border-color: #b54708; }
#cardHeadline { font-size: 16pt; font-weight: bold; }
#cardPanel[problem="true"] #cardHeadline { color: #8a1c1c; }
#cardStatus { font-size: 22pt; font-weight: bold; padding: 8px; }
#cardDisplay { font-family: monospace; font-size: 14pt; color: #3e4c59; }
#cardKey { background: #1d4ed8; color: white; font-weight: bold; }
#dialogHeadline { font-size: 16pt; font-weight: bold; }
#previewPane { background: #111; border-radius: 6px; }
#previewPicture, #cameraState { color: #9aa5b1; font-size: 16pt; }
#recordingBadge { color: #ff4d4f; font-weight: bold; }
#loginTitle { font-size: 28pt; font-weight: bold; }
#pinEdit { font-size: 24pt; }
#loginUsers { font-size: 16pt; }
#keypadKey, #keypadEnter { font-size: 16pt; }
#payKey { background: #0e7c3a; color: white; font-weight: bold; }
#voidSaleKey, #voidLineKey { color: #8a1c1c; }
#quickCash { font-size: 15pt; }
#reportStrong { font-weight: bold; }
#statusBar QLabel { padding: 0 12px; border-left: 1px solid #c5cbd3; }
#deviceState[ok="false"] { color: #b42318; }
"""


def apply_style(app: QApplication) -> None:
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSize(BASE_POINT_SIZE)
    app.setFont(font)
    app.setStyleSheet(STYLESHEET)
