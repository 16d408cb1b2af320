"""The Chinese translation loads and the window speaks it."""
from __future__ import annotations

from typing import Any, Iterator

import pytest
from PySide6.QtWidgets import QApplication

from posdesk.core.errors import UnknownCode
from posdesk.ui.i18n import install_translators, translate
from posdesk.ui.main_window import MainWindow

from .helpers import log_in, scan


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    installed = install_translators(qapp, "zh_CN")
    assert installed, "posdesk_zh_CN.qm did not load"
    yield
    for translator in installed:
        qapp.removeTranslator(translator)


def test_chinese_ui_shows_chinese_texts(qtbot: Any, services: Any, chinese: None) -> None:
    window = MainWindow(services=services)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    log_in(qtbot, window)
    screen = window.checkout_screen
    assert screen.function_keys.buttons["payKey"].text() == "F10\n现金"
    assert screen.totals.total_caption.text() == "合计"
    assert screen.preview.picture.text() == "无摄像头"
    scan(qtbot, "4006381333900")
    qtbot.waitUntil(lambda: screen.notice.isVisible())
    assert screen.notice.text() == "未知商品：4006381333900"


def test_domain_text_is_translated_with_its_arguments(chinese: None) -> None:
    assert translate(UnknownCode("123", "not in catalog").text) == "未知商品：123"


def test_english_needs_no_translator(qapp: QApplication) -> None:
    assert install_translators(qapp, "en_US") == []
    assert translate(UnknownCode("123", "not in catalog").text) == "Unknown item: 123"
