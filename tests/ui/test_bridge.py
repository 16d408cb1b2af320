"""Callbacks from worker threads reach widgets on the GUI thread."""
from __future__ import annotations

import threading
from typing import Any

from posdesk.core.i18n import QT_TRANSLATE_NOOP
from posdesk.ui.bridge import ServiceBridge

from .helpers import log_in


def test_notice_from_a_worker_thread_is_shown_in_the_window(qtbot: Any, window: Any) -> None:
    log_in(qtbot, window)
    text = QT_TRANSLATE_NOOP("Checkout", "The cash drawer did not open.")
    worker = threading.Thread(target=lambda: [cb(text) for cb in window.checkout.on_notice])
    worker.start()
    worker.join()
    notice = window.checkout_screen.notice
    qtbot.waitUntil(lambda: notice.text() == "The cash drawer did not open.")
    assert notice.isVisible()


def test_device_state_from_a_worker_reaches_the_status_bar(qtbot: Any, window: Any) -> None:
    text = QT_TRANSLATE_NOOP("PrinterStatus", "The printer is out of paper.")
    worker = threading.Thread(target=window.bridge.report_device, args=("printer", False, text))
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: window.status.device_text("printer") is not None)
    assert window.status.device_text("printer") == "The printer is out of paper."


def test_detached_bridge_no_longer_listens(services: Any, qtbot: Any) -> None:
    bridge = ServiceBridge(services.checkout)
    before = len(services.checkout.on_notice)
    bridge.detach()
    assert len(services.checkout.on_notice) == before - 1
