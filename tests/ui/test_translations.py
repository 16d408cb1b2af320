"""The Chinese translation loads and the window speaks it."""
from __future__ import annotations

from typing import Any, Iterator

import pytest
from PySide6.QtWidgets import QApplication

from posdesk.core.errors import UnknownCode
from posdesk.core.receipt import DEFAULT_LABELS
from posdesk.ui.i18n import install_translators, translate
from posdesk.ui.receipt_labels import receipt_labels

from .conftest import show_window
from .helpers import log_in, scan


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    installed = install_translators(qapp, "zh_CN")
    assert installed, "posdesk_zh_CN.qm did not load"
    yield
    for translator in installed:
        qapp.removeTranslator(translator)


def test_chinese_ui_shows_chinese_texts(qtbot: Any, services: Any, chinese: None) -> None:
    window = show_window(qtbot, services)
    log_in(qtbot, window)
    screen = window.checkout_screen
    assert screen.function_keys.buttons["payKey"].text() == "F10\n现金"
    assert screen.function_keys.buttons["cardKey"].text() == "F11\n刷卡"
    assert screen.function_keys.buttons["menuKey"].text() == "F1\n班次"
    assert screen.totals.total_caption.text() == "合计"
    assert screen.preview.picture.text() == "无摄像头"
    scan(qtbot, "4006381333900")
    qtbot.waitUntil(lambda: screen.notice.isVisible())
    assert screen.notice.text() == "未知商品：4006381333900"


def test_domain_text_is_translated_with_its_arguments(chinese: None) -> None:
    assert translate(UnknownCode("123", "not in catalog").text) == "未知商品：123"


def test_receipt_words_are_translated_for_the_printer(chinese: None) -> None:
    labels = receipt_labels()
    assert set(DEFAULT_LABELS) | {"discount", "price_override"} == set(labels)
    assert labels["total"] == "合计" and labels["card"] == "刷卡" and labels["copy"] == "副本"


def test_english_needs_no_translator(qapp: QApplication) -> None:
    assert install_translators(qapp, "en_US") == []
    assert translate(UnknownCode("123", "not in catalog").text) == "Unknown item: 123"
