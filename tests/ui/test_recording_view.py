"""The camera preview and REC badge in the real window, fed by a real recorder process."""
from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from posdesk.services.build import build_services, open_config

from .conftest import show_window
from .helpers import MILK, log_in, scan

pytestmark = pytest.mark.slow


def small_lane(data: Any, **settings: str) -> Any:
    config = open_config(data)
    for key, value in {"recording.width": "320", "recording.height": "240",
                       "recording.fps": "15", "recording.preroll_s": "1",
                       "recording.postroll_s": "1", **settings}.items():
        config.set(key, value)
    config.save()
    return build_services(data, demo=True, with_recording=True)


@pytest.fixture
def recording_services(tmp_path: Any):
    built = small_lane(tmp_path / "lane")
    yield built
    built.close()


@pytest.fixture
def manual_services(tmp_path: Any):
    built = small_lane(tmp_path / "lane", **{"recording.mode": "manual"})
    yield built
    built.close()


def test_preview_shows_the_camera_and_rec_runs_while_a_sale_is_open(qtbot: Any, recording_services: Any) -> None:
    window = show_window(qtbot, recording_services)
    pane = window.checkout_screen.preview
    shown: list[int] = []
    window.recording_view.frame_shown.connect(shown.append)
    log_in(qtbot, window)
    qtbot.waitUntil(lambda: len(shown) >= 10, timeout=30_000)
    assert shown == sorted(shown)  # never an older frame after a newer one
    assert pane.picture.pixmap() is not None and not pane.picture.pixmap().isNull()
    assert not pane.recording.isVisible()
    scan(qtbot, MILK)
    qtbot.waitUntil(lambda: pane.recording.isVisible(), timeout=5_000)
    assert "REC" in pane.recording.text()


def test_manual_mode_records_only_what_the_cashier_starts_and_stops(qtbot: Any, manual_services: Any) -> None:
    window = show_window(qtbot, manual_services)
    pane = window.checkout_screen.preview
    log_in(qtbot, window)
    scan(qtbot, MILK)
    qtbot.waitUntil(lambda: manual_services.checkout.sale is not None)
    assert not manual_services.recording.recording_sale and not pane.recording.isVisible()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: pane.recording.isVisible(), timeout=5_000)
    assert "Stop" in window.recording_view.record_button.text()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not pane.recording.isVisible(), timeout=5_000)
    kinds = [e.kind for e in manual_services.checkout.sale.events]
    assert "recording_stopped" in kinds


def test_missing_camera_shows_a_warning_under_the_picture(qtbot: Any, tmp_path: Any) -> None:
    services = small_lane(tmp_path / "lane", **{"recording.camera": "/dev/video9"})
    try:
        window = show_window(qtbot, services)
        pane = window.checkout_screen.preview
        log_in(qtbot, window)
        # Without a picture the warning stands where the picture would be.
        qtbot.waitUntil(lambda: "not being filmed" in pane.picture.text(), timeout=30_000)
        assert pane.picture.isVisible()
        scan(qtbot, MILK)
        qtbot.waitUntil(lambda: services.checkout.sale is not None)
        kinds = [e.kind for e in services.checkout.sale.events]
        assert "recording_gap" in kinds
    finally:
        services.close()
