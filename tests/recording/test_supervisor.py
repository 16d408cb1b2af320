"""The process supervisor: starts a child, hears its heartbeat, restarts it when it dies.

The children here are tiny stand-ins speaking the recorder's pipe protocol (spawned for
real, as the recorder is), so each test shows one behaviour of the supervisor quickly; the
real recorder under supervision is tested in test_lane_recorder.py.
"""
from __future__ import annotations

import os
import signal
import threading
import time

import numpy as np
import pytest

from posdesk.core.clock import Instant, SystemClock
from posdesk.core.i18n import Text
from posdesk.recording.events import RecorderDown, RecorderUp
from posdesk.recording.evidence.manifest import NoClipReason, SaleRef
from posdesk.recording.messages import (ClipRefused, Heartbeat, JournalCue, Ready,
                                        RecorderConfig, RecorderWarning, SaleStarted, Shutdown,
                                        WarningCode)
from posdesk.recording.preview import PreviewSlot
from posdesk.recording.supervisor import (RESTART_DELAYS_S, RecorderSupervisor,
                                          RestartBackoff)

LANE = "lane-5"
BEAT_S = 0.2


# -- stand-in children (run in the spawned process) -------------------------------------

def _serve(conn, *, shutdown_ends: bool = True) -> None:
    """Beat, answer a sale with a refused clip and a cue with a warning, until Shutdown."""
    while True:
        conn.send(Heartbeat(time.monotonic_ns(), 0, 0))
        if not conn.poll(BEAT_S):
            continue
        message = conn.recv()
        if isinstance(message, Shutdown) and shutdown_ends:
            return
        if isinstance(message, SaleStarted):
            conn.send(ClipRefused(message.sale, NoClipReason.DISK_FULL))
        elif isinstance(message, JournalCue):
            conn.send(RecorderWarning(WarningCode.FRAMES_DROPPED, Text("Test", message.text),
                                      message.mono_ns, count=3))


def steady_child(config, conn, slot_name) -> None:
    slot = PreviewSlot.attach(slot_name)
    slot.publish(np.full((slot.height, slot.width, 3), 7, np.uint8), time.monotonic_ns())
    slot.close()
    conn.send(Ready(os.getpid(), "stand-in encoder"))
    _serve(conn)


def stubborn_child(config, conn, slot_name) -> None:
    conn.send(Ready(os.getpid()))
    _serve(conn, shutdown_ends=False)


def mute_child(config, conn, slot_name) -> None:
    """Says it is ready, then never beats (a hung camera driver)."""
    conn.send(Ready(os.getpid()))
    time.sleep(600)


def crashing_child(config, conn, slot_name) -> None:
    os._exit(3)


# -- the app side ----------------------------------------------------------------------

class Listener:
    """Records what the supervisor reports, in order, as the evidence service would see it."""

    def __init__(self, hit: tuple[str, ...] = ()):
        self.hit = hit
        self.calls: list[tuple[str, object]] = []
        self.changed = threading.Condition()

    def _note(self, name: str, value: object = None) -> None:
        with self.changed:
            self.calls.append((name, value))
            self.changed.notify_all()

    def recorder_ready(self) -> None:
        self._note("ready")

    def clip_report(self, report) -> None:
        self._note("clip", report)

    def recorder_died(self, at: Instant) -> tuple[str, ...]:
        self._note("died", at)
        return self.hit

    def on_event(self, event) -> None:
        self._note("event", event)

    def events(self, kind=object) -> list:
        return [v for name, v in self.calls if name == "event" and isinstance(v, kind)]

    def wait_for(self, predicate, timeout: float = 30.0) -> None:
        with self.changed:
            if not self.changed.wait_for(predicate, timeout):
                raise AssertionError(f"timed out; calls: {self.calls}")


def supervise(child_main, listener: Listener, **options) -> RecorderSupervisor:
    config = RecorderConfig(data_dir=None, lane_id=LANE, recipients=(), preview_size=(8, 4))
    supervisor = RecorderSupervisor(config, listener=listener, on_event=listener.on_event,
                                    clock=SystemClock(), child_main=child_main, **options)
    supervisor.start()
    return supervisor


@pytest.fixture
def steady():
    listener = Listener(hit=("sale-1",))
    supervisor = supervise(steady_child, listener, heartbeat_timeout_s=2.0,
                           restart_delays_s=(0.0, 0.3))
    listener.wait_for(lambda: listener.events(RecorderUp))
    yield supervisor, listener
    supervisor.stop()


def test_a_ready_child_is_reported_up_after_the_listener_heard_of_it(steady):
    supervisor, listener = steady
    names = [name for name, _ in listener.calls]
    assert names.index("ready") < names.index("event")
    (up,) = listener.events(RecorderUp)
    assert up == RecorderUp(supervisor.pid, 0)
    assert supervisor.video_encoder == "stand-in encoder"


def test_messages_reach_the_child_and_its_reports_reach_listener_and_app(steady):
    supervisor, listener = steady
    sale = SaleRef("sale-1", LANE, "0001")
    supervisor.send(SaleStarted(sale, SystemClock().now()))
    supervisor.send(JournalCue("sale-1", 42, "line_added"))
    listener.wait_for(lambda: listener.events(RecorderWarning))
    assert ("clip", ClipRefused(sale, NoClipReason.DISK_FULL)) in listener.calls
    (warning,) = listener.events(RecorderWarning)
    assert (warning.code, warning.count, warning.text.source) == (
        WarningCode.FRAMES_DROPPED, 3, "line_added")


def test_the_preview_slot_is_shared_with_the_child_and_gone_after_stop(steady):
    supervisor, _ = steady
    frame = supervisor.preview()
    assert frame is not None and frame.image.shape == (4, 8, 3) and (frame.image == 7).all()
    assert supervisor.preview(newer_than=frame.seq) is None
    assert supervisor.stop() is False  # the child finished on Shutdown: nothing left open
    assert supervisor.preview() is None
    assert supervisor.stop() is False  # idempotent


def test_a_killed_child_is_reported_with_the_sales_it_hit_and_restarted(steady):
    supervisor, listener = steady
    first = supervisor.pid
    os.kill(first, signal.SIGKILL)
    listener.wait_for(lambda: len(listener.events(RecorderUp)) == 2)
    (down,) = listener.events(RecorderDown)
    assert (down.reason, down.sales) == ("exited with code -9", ("sale-1",))
    died = [name for name, _ in listener.calls].index("died")
    assert listener.calls[died + 1] == ("event", down)  # told the listener first
    assert listener.events(RecorderUp)[1].restarts == 1 and supervisor.pid != first


def test_a_child_without_heartbeat_is_killed_and_replaced():
    listener = Listener()
    supervisor = supervise(mute_child, listener, heartbeat_timeout_s=1.0,
                           restart_delays_s=(0.0,))
    try:
        listener.wait_for(lambda: listener.events(RecorderUp))
        hung = supervisor.pid
        listener.wait_for(lambda: listener.events(RecorderDown))
        assert listener.events(RecorderDown)[0].reason == "no heartbeat"
        with pytest.raises(ProcessLookupError):
            os.kill(hung, 0)
        listener.wait_for(lambda: len(listener.events(RecorderUp)) == 2)
    finally:
        supervisor.stop(timeout_s=1.0)


def test_a_child_that_dies_at_once_is_restarted_again_and_again():
    listener = Listener()
    supervisor = supervise(crashing_child, listener, restart_delays_s=(0.0, 0.1))
    try:
        listener.wait_for(lambda: len(listener.events(RecorderDown)) >= 3)
        assert {d.reason for d in listener.events(RecorderDown)} == {"exited with code 3"}
        assert supervisor.restarts >= 2 and not listener.events(RecorderUp)
    finally:
        supervisor.stop(timeout_s=1.0)


def test_a_child_that_ignores_shutdown_is_killed_and_its_clips_need_recovery():
    listener = Listener()
    supervisor = supervise(stubborn_child, listener)
    listener.wait_for(lambda: listener.events(RecorderUp))
    started = time.monotonic()
    assert supervisor.stop(timeout_s=1.0) is True
    assert time.monotonic() - started < 10
    assert not listener.events(RecorderDown)  # a stop is no death to report


def test_a_message_with_no_recorder_running_is_dropped():
    listener = Listener()
    config = RecorderConfig(data_dir=None, lane_id=LANE, recipients=())
    supervisor = RecorderSupervisor(config, listener=listener, on_event=listener.on_event,
                                    child_main=steady_child)
    supervisor.send(Shutdown())
    assert supervisor.pid is None and listener.calls == []


def test_a_faulty_app_listener_does_not_stop_the_supervisor():
    listener = Listener()
    seen = []

    def faulty(event) -> None:
        seen.append(event)
        raise RuntimeError("listener bug")

    config = RecorderConfig(data_dir=None, lane_id=LANE, recipients=(), preview_size=(8, 4))
    supervisor = RecorderSupervisor(config, listener=listener, on_event=faulty,
                                    child_main=steady_child, restart_delays_s=(0.0,))
    supervisor.start()
    try:
        wait_until(lambda: seen)
        os.kill(supervisor.pid, signal.SIGKILL)
        wait_until(lambda: len(seen) == 3)
        assert [type(e) for e in seen] == [RecorderUp, RecorderDown, RecorderUp]
    finally:
        supervisor.stop()


def wait_until(condition, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.05)


# -- back-off (pure) -------------------------------------------------------------------

def test_restarts_back_off_to_a_two_second_cap():
    backoff = RestartBackoff()
    delays = [backoff.died(lived_s=1.0) for _ in range(6)]
    assert delays == [0.0, 0.5, 1.0, 2.0, 2.0, 2.0]
    assert max(RESTART_DELAYS_S) == 2.0


def test_a_recorder_that_ran_a_while_restarts_without_waiting():
    backoff = RestartBackoff(delays_s=(0.0, 0.5, 1.0), stable_run_s=60.0)
    assert [backoff.died(lived_s=1.0) for _ in range(3)] == [0.0, 0.5, 1.0]
    assert backoff.died(lived_s=61.0) == 0.0
    assert backoff.died(lived_s=1.0) == 0.5
