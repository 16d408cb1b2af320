"""The camera preview and REC badge in the real window, fed by a real recorder process."""
from __future__ import annotations

from typing import Any

import pytest

from posdesk.services.build import build_services, open_config

from .conftest import show_window
from .helpers import MILK, log_in, scan

pytestmark = pytest.mark.slow


@pytest.fixture
def recording_services(tmp_path: Any):
    data = tmp_path / "lane"
    config = open_config(data)
    for key, value in (("recording.width", "320"), ("recording.height", "240"),
                       ("recording.fps", "15"), ("recording.preroll_s", "1"),
                       ("recording.postroll_s", "1")):
        config.set(key, value)
    config.save()
    built = build_services(data, demo=True, with_recording=True)
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
