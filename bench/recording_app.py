"""The recorder as the cashier's window lives with it: figures taken through the real app.

Used by `bench/recording.py` (its FIGURES list); runs a demo lane at 720p30 with audio,
with a real recorder child process, real keys and sealing, and the preview shown in a real
(offscreen) Qt widget:

  recording_preview_fps_gui              preview frames put on screen per second while
                                         sales are rung and recorded            target >= 25
  recording_sealed_after_postroll_p95_ms time from a sale's end + post-roll to its clip
                                         sealed, signed and indexed              target <= 150
  recording_seal_mb_s                    AgeWriter throughput on 64 MiB (informational
                                         floor: 20x a 720p30 stream's ~0.12 MB/s) target >= 2.4
"""
from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

from posdesk.core.money import Money, currency
from posdesk.recording.age import AgeWriter, X25519Identity

SALES = 10
_STATE: dict[str, Any] = {}
MILK = "4006381333931"
POSTROLL_S = 3.0


class _NullSink:
    def write(self, data: bytes) -> int:
        return len(data)

    def flush(self) -> None:
        pass


def seal_mb_s() -> float:
    data = memoryview(os.urandom(64 * 1024 * 1024))
    writer = AgeWriter(_NullSink(), [X25519Identity.generate().recipient()])
    start = time.perf_counter()
    for offset in range(0, len(data), 32 * 1024):
        writer.write(data[offset:offset + 32 * 1024])
    writer.finish()
    return len(data) / (time.perf_counter() - start) / 1e6


def _wait(app: Any, condition: Callable[[], bool], timeout: float) -> None:
    end = time.monotonic() + timeout
    while not condition():
        _STATE["dispatch"].run_pending()
        app.processEvents()
        time.sleep(0.002)
        if time.monotonic() > end:
            raise RuntimeError("timed out")


def app_figures() -> tuple[float, float]:
    """(preview fps while recording, p95 seconds from end + post-roll to sealed & indexed)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from posdesk.services.build import build_services
    from posdesk.ui.bootstrap import create_application
    from posdesk.ui.checkout.preview_pane import PreviewPane
    from posdesk.ui.recording_view import RecordingView

    eur = currency("EUR")
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        app = create_application(headless=True)
        services = build_services(data, demo=True, with_recording=True)
        _STATE["dispatch"] = services.dispatch  # the window's role: run posted results
        try:
            pane = PreviewPane()
            pane.resize(640, 400)
            pane.show()
            view = RecordingView(recording=services.recording, pane=pane)
            shown: list[float] = []
            view.frame_shown.connect(lambda _seq: shown.append(time.monotonic()))
            _wait(app, lambda: services.recording.state.recorder_up and len(shown) > 30, 60)
            services.till.session.login("1234", name="Anna")
            first = len(shown)
            started = time.monotonic()
            latencies = []
            for _ in range(SALES):
                for _ in range(5):
                    services.till.selling.enter(MILK, source="scan")
                    _pause(app, 0.2)
                services.till.tender.start_tender()
                before = services.checkout.last_sale
                services.till.tender.pay_cash(Money.of("20", eur))
                due = time.monotonic() + POSTROLL_S
                # Completion is saved by the writer before the sale counts as finished.
                _wait(app, lambda: services.checkout.last_sale is not before, 30)  # noqa: B023
                sale = services.checkout.last_sale
                _wait(app, lambda: services.recordings.get(sale.id) is not None, 30)  # noqa: B023 (waited on here)
                latencies.append(time.monotonic() - due)
            fps = (len(shown) - first) / (time.monotonic() - started)
            view.deleteLater()
        finally:
            services.close()
    p95 = statistics.quantiles(latencies, n=20)[-1] if len(latencies) > 1 else latencies[0]
    return fps, p95


def _pause(app: Any, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        _STATE["dispatch"].run_pending()
        app.processEvents()
        time.sleep(0.002)
