"""App-side keeper of the recorder child process.

`RecorderSupervisor` starts the recorder (spawn start method), sends it messages over one
pipe, and reads what it reports on a monitor thread. It notices death two ways: the
process exits (an FFmpeg abort, a kill) or its heartbeat stops (a hung camera driver; the
child is then killed). Either way it tells its listener (the evidence service, which
recovers the clips the dead recorder left open and names the sales it hit), reports
`RecorderDown`, and starts a new recorder after a short back-off.

It knows nothing of manifests or keys: what the recorder says about clips goes to the
listener as it comes. Plain Python with callbacks: `on_event` is called from the monitor
thread; the UI bridge turns events into queued Qt signals.
"""
from __future__ import annotations

import logging
import multiprocessing
import threading
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Callable, Protocol

from ..core.clock import Clock, Instant, SystemClock
from .events import RecorderDown, RecorderUp, notify
from .messages import (ClipFinalised, ClipOpened, ClipRefused, Heartbeat, JournalCue, Ready,
                       RecorderConfig, RecorderWarning, SaleEnded, SaleStarted, Shutdown)
from .preview import PreviewImage, PreviewSlot

log = logging.getLogger(__name__)

#: Waits before restart number 1, 2, ... of a recorder that keeps dying; the last repeats.
#: Capped at a few seconds: each second without a recorder is a second of sales unfilmed,
#: while a recorder that dies again at once costs only a process start.
RESTART_DELAYS_S = (0.0, 0.5, 1.0, 2.0)
#: A recorder that ran this long without dying starts the back-off from the beginning.
STABLE_RUN_S = 60.0
#: Time the child gets to import its libraries and open its camera before its first beat.
STARTUP_TIMEOUT_S = 30.0

#: What the app sends the recorder.
ToRecorder = SaleStarted | JournalCue | SaleEnded | Shutdown
#: What the recorder says about the clips it writes (the evidence service acts on them).
ClipReport = ClipOpened | ClipFinalised | ClipRefused
#: What the supervisor reports to the app.
SupervisorEvent = RecorderUp | RecorderDown | RecorderWarning
#: The child's entry point: its configuration, its end of the pipe, the preview slot's name.
ChildMain = Callable[[RecorderConfig, Connection, str], None]


class RecorderListener(Protocol):
    """What the supervisor tells about the recorder's life, in order, on its monitor thread."""

    def recorder_ready(self) -> None:
        """A recorder (the first or a restarted one) is up and takes sale messages."""

    def clip_report(self, report: ClipReport) -> None:
        """The recorder opened, finished or refused a clip."""

    def recorder_died(self, at: Instant) -> tuple[str, ...]:
        """The recorder is dead and reaped, and no new one runs yet: the sales it hit."""


class RestartBackoff:
    """How long to wait before restarting a recorder that died (`RESTART_DELAYS_S`)."""

    def __init__(self, delays_s: tuple[float, ...] = RESTART_DELAYS_S,
                 stable_run_s: float = STABLE_RUN_S):
        self._delays_s = delays_s
        self._stable_run_s = stable_run_s
        self._quick_deaths = 0

    def died(self, lived_s: float) -> float:
        """Note a death after `lived_s` seconds of running; the wait before the next start."""
        self._quick_deaths = 1 if lived_s > self._stable_run_s else self._quick_deaths + 1
        return self._delays_s[min(self._quick_deaths, len(self._delays_s)) - 1]


@dataclass
class _Child:
    process: multiprocessing.process.BaseProcess
    conn: Connection
    spawned: float
    last_beat: float | None = None
    sends: threading.Lock = field(default_factory=threading.Lock)


class RecorderSupervisor:
    """Keeps one recorder process running for one lane."""

    def __init__(self, config: RecorderConfig, *, listener: RecorderListener,
                 on_event: Callable[[SupervisorEvent], None], clock: Clock | None = None,
                 heartbeat_timeout_s: float = 3.0,
                 restart_delays_s: tuple[float, ...] = RESTART_DELAYS_S,
                 child_main: ChildMain | None = None):
        """`child_main` runs in the child; the real recorder (`process.run_recorder`)
        unless given. It must be importable by name, as the spawn start method needs."""
        self.config = config
        #: Which video encoder the recorder runs (and why not a hardware one); "" until ready.
        self.video_encoder = ""
        self.restarts = 0
        self._listener = listener
        self._on_event = on_event
        self._clock = clock or SystemClock()
        self._heartbeat_timeout_s = heartbeat_timeout_s
        self._backoff = RestartBackoff(restart_delays_s)
        self._next_delay_s = 0.0
        self._child_main = child_main
        self._ctx = multiprocessing.get_context("spawn")
        self._child: _Child | None = None
        self._stop = threading.Event()
        self._stopping = False
        self._monitor: threading.Thread | None = None
        self._slot: PreviewSlot | None = None

    # -- life cycle ---------------------------------------------------------------------

    def start(self) -> None:
        width, height = self.config.preview_size
        self._slot = PreviewSlot.create(width, height)
        self._spawn(self._slot)
        self._monitor = threading.Thread(target=self._watch, name="recorder-monitor",
                                         daemon=True)
        self._monitor.start()

    def stop(self, timeout_s: float = 15.0) -> bool:
        """Ask the recorder to finish its clips and exit, then end the monitor thread.

        True when the last recorder did not exit cleanly (it died, or was killed after
        `timeout_s`), so clips it left open need recovery. Idempotent: a second call
        returns False at once.
        """
        if self._stop.is_set():
            return False
        self._stopping = True
        self.send(Shutdown())
        if self._monitor is not None:
            self._monitor.join(timeout_s)
        child = self._child
        if child is not None and child.process.is_alive():
            log.error("recorder did not stop in %.0f s; killing it", timeout_s)
            child.process.kill()
            child.process.join()
        self._stop.set()
        if self._monitor is not None:
            self._monitor.join()
        slot, self._slot = self._slot, None  # `preview()` answers None from now on
        if slot is not None:
            slot.close()
            slot.unlink()
        if child is None:
            return False  # it died earlier, and its death was handled then
        child.conn.close()
        return child.process.exitcode != 0

    @property
    def pid(self) -> int | None:
        child = self._child
        return child.process.pid if child is not None else None

    def send(self, message: ToRecorder) -> None:
        """Pass `message` to the running recorder; dropped (and logged) when none takes it."""
        child = self._child
        if child is None:
            return
        try:
            with child.sends:
                child.conn.send(message)
        except (BrokenPipeError, EOFError, OSError) as e:
            log.warning("recorder did not take %s: %s", type(message).__name__, e)

    def preview(self, newer_than: int = 0) -> PreviewImage | None:
        slot = self._slot
        return slot.read(newer_than) if slot is not None else None

    # -- monitor thread -----------------------------------------------------------------

    def _watch(self) -> None:
        while not self._stop.is_set():
            child = self._child
            if child is None:
                if self._stopping:
                    return
                self._restart()
                continue
            if self._read_one(child):
                continue
            why = self._death_reason(child)
            if why is None:
                continue
            if self._stopping and child.process.exitcode is not None:
                return  # asked to stop, and every message it sent has been read
            self._on_death(child, why)

    def _read_one(self, child: _Child) -> bool:
        try:
            if child.conn.poll(0.1):
                self._dispatch(child, child.conn.recv())
                return True
        except (EOFError, OSError):
            child.process.join(0.1)  # the pipe closed: the exit code follows at once
        return False

    def _death_reason(self, child: _Child) -> str | None:
        code = child.process.exitcode
        if code is not None:
            return f"exited with code {code}"
        since = child.last_beat or child.spawned
        limit = self._heartbeat_timeout_s if child.last_beat else STARTUP_TIMEOUT_S
        if time.monotonic() - since > limit:
            log.error("recorder %d sent no heartbeat for %.1f s; killing it",
                      child.process.pid, time.monotonic() - since)
            child.process.kill()
            child.process.join()
            return "no heartbeat"
        return None

    def _dispatch(self, child: _Child, message: object) -> None:
        child.last_beat = time.monotonic()
        if isinstance(message, Heartbeat):
            return
        if isinstance(message, Ready):
            self.video_encoder = message.video_encoder
            self._listener.recorder_ready()
            notify(self._on_event, RecorderUp(message.pid, self.restarts))
        elif isinstance(message, (ClipOpened, ClipFinalised, ClipRefused)):
            self._listener.clip_report(message)
        elif isinstance(message, RecorderWarning):
            notify(self._on_event, message)

    def _on_death(self, child: _Child, reason: str) -> None:
        at = self._clock.now()
        child.process.join()
        child.conn.close()
        self._child = None
        hit = self._listener.recorder_died(at)
        log.error("recorder died (%s); sales affected: %s", reason, ", ".join(hit) or "none")
        notify(self._on_event, RecorderDown(at, reason, hit))
        self._next_delay_s = self._backoff.died(time.monotonic() - child.spawned)

    def _restart(self) -> None:
        if self._stop.wait(self._next_delay_s) or self._stopping or self._slot is None:
            return
        self.restarts += 1
        self._spawn(self._slot)

    def _spawn(self, slot: PreviewSlot) -> None:
        main = self._child_main
        if main is None:
            # The child's code (PyAV, OpenCV, the encoders) is imported here, not with this
            # module: the window starts without loading what only the recorder process runs.
            from .process import run_recorder
            main = run_recorder
        parent, child_end = self._ctx.Pipe(duplex=True)
        process = self._ctx.Process(target=main, name=f"recorder-{self.config.lane_id}",
                                    args=(self.config, child_end, slot.name), daemon=True)
        process.start()
        child_end.close()
        self._child = _Child(process, parent, time.monotonic())
        log.info("recorder started as process %d", process.pid)
