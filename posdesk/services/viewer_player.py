"""The player's decoding thread: open, play at a speed, pause, seek, step — by commands.

The window sends commands and never waits; the engine decodes on its own thread from the
clip held in memory and hands each picture to `on_pictures(pictures, position_s)` when its
time has come (at `speed`), and calls `on_ended()` after the last one. Both callbacks run
on the engine's thread: the window's bridge re-emits them as queued Qt signals.
"""
from __future__ import annotations

import logging
import queue
import threading
import time
from dataclasses import dataclass
from typing import Callable

from posdesk.core.picture import Picture
from posdesk.recording.media.errors import MediaError
from posdesk.recording.media.playback import ClipPlayback

from .viewer_sound import ClipSound

log = logging.getLogger(__name__)

#: Playback speeds the player offers.
SPEEDS = (0.25, 0.5, 1.0, 2.0, 4.0)

OnPictures = Callable[[list[Picture], float], None]


@dataclass(frozen=True)
class _Command:
    name: str
    value: float = 0.0
    clip: bytes = b""


class PlayerEngine:
    """`on_opened(duration_s, video_track_indexes)`, `on_pictures`, `on_ended()`, `on_error(str)`."""

    def __init__(self, *, on_opened: Callable[[float, tuple[int, ...]], None], on_pictures: OnPictures,
                 on_ended: Callable[[], None], on_error: Callable[[str], None],
                 on_sound: Callable[[str | None], None] = lambda problem: None,
                 speaker: bool = True):
        """`on_sound(problem)` follows each open: None when the clip's sound can be heard."""
        self._on_opened, self._on_pictures = on_opened, on_pictures
        self._on_ended, self._on_error, self._on_sound = on_ended, on_error, on_sound
        self._speaker = speaker
        self._sound: ClipSound | None = None
        self._volume = 1.0
        self._commands: queue.Queue[_Command] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="viewer-player", daemon=True)
        self._playback: ClipPlayback | None = None
        self._playing = False
        self._speed = 1.0
        self._position = 0.0
        # Wall time and clip time when playing (re)started, for pacing at `speed`.
        self._anchor: tuple[float, float] = (0.0, 0.0)
        self._next: Picture | None = None
        self._thread.start()

    # -- commands (any thread) -------------------------------------------------------------
    def open(self, clip: bytes) -> None:
        self._send(_Command("open", clip=clip))

    def play(self) -> None:
        self._send(_Command("play"))

    def pause(self) -> None:
        self._send(_Command("pause"))

    def seek(self, time_s: float) -> None:
        self._send(_Command("seek", time_s))

    def step(self, frames: int) -> None:
        """Pause and move `frames` pictures forward (or back when negative)."""
        self._send(_Command("step", frames))

    def set_speed(self, speed: float) -> None:
        self._send(_Command("speed", speed))

    def set_volume(self, volume: float) -> None:
        """0 (mute) to 1."""
        self._send(_Command("volume", volume))

    def close(self, timeout: float = 5.0) -> None:
        self._send(_Command("close"))
        self._thread.join(timeout)

    def _send(self, command: _Command) -> None:
        self._commands.put(command)

    # -- the thread ------------------------------------------------------------------------
    def _run(self) -> None:
        while True:
            try:
                command = self._commands.get(timeout=self._wait())
            except queue.Empty:
                self._show_next()
                continue
            if command.name == "close":
                self._close_clip()
                return
            try:
                self._handle(command)
            except MediaError as e:
                log.info("player: %s", e)
                self._playing = False
                self._on_error(str(e))
            except Exception:  # noqa: BLE001 - the player must keep serving; log the defect
                log.exception("player command %s failed", command.name)
                self._playing = False

    def _wait(self) -> float | None:
        """Seconds until the next picture is due, or None (block) when paused."""
        if not self._playing or self._playback is None:
            return None
        if self._next is None:
            return 0.0
        wall0, clip0 = self._anchor
        due = wall0 + (self._next.time_s - clip0) / self._speed
        return max(0.0, due - time.monotonic())

    def _handle(self, c: _Command) -> None:
        if c.name == "open":
            self._close_clip()
            self._playback = ClipPlayback(c.clip)
            self._on_opened(self._playback.duration_s, self._playback.tracks)
            self._seek(0.0)
            # After the first picture is out: decoding the sound takes a moment.
            self._sound = ClipSound.of_clip(c.clip, open_speaker=self._speaker)
            if self._sound is not None:
                self._sound.volume = self._volume
            self._on_sound("the clip has no sound" if self._sound is None else self._sound.problem)
            return
        if c.name == "volume":
            self._volume = max(0.0, min(1.0, c.value))
            if self._sound is not None:
                self._sound.volume = self._volume
            return
        if self._playback is None:
            return
        if c.name == "play":
            if self._next is None and self._position >= self._playback.duration_s - 0.05:
                self._seek(0.0)  # play again from the start after the end
            self._playing = True
            self._anchor = (time.monotonic(), self._position)
        elif c.name == "pause":
            self._playing = False
        elif c.name == "seek":
            self._seek(c.value)
            self._anchor = (time.monotonic(), self._position)
        elif c.name == "speed":
            self._speed = max(SPEEDS[0], min(SPEEDS[-1], c.value))
            self._anchor = (time.monotonic(), self._position)
            if self._sound is not None:
                self._sound.speed = self._speed
        elif c.name == "step":
            self._playing = False
            if c.value > 0:
                for _ in range(int(c.value)):
                    self._show_next()
            else:
                self._seek(max(0.0, self._position + c.value * self._playback.frame_s))
        self._sync_sound()

    def _sync_sound(self) -> None:
        """The sound follows the picture: from its position while playing, else silent."""
        if self._sound is None:
            return
        if self._playing:
            self._sound.play_from(self._position)
        else:
            self._sound.stop()

    def _seek(self, time_s: float) -> None:
        assert self._playback is not None
        pictures = self._playback.seek(min(time_s, self._playback.duration_s))
        self._position = max(0.0, min(time_s, self._playback.duration_s))
        self._next = next(self._playback.pictures(), None)
        self._on_pictures(pictures, self._position)

    def _show_next(self) -> None:
        if self._playback is None:
            return
        picture = self._next
        if picture is None:
            if self._playing:
                self._playing = False
                self._position = self._playback.duration_s
                self._sync_sound()
                self._on_ended()
            return
        self._next = next(self._playback.pictures(), None)
        self._position = picture.time_s
        self._on_pictures([picture], picture.time_s)

    def _close_clip(self) -> None:
        if self._playback is not None:
            self._playback.close()
        if self._sound is not None:
            self._sound.close()
            self._sound = None
        self._playback, self._next, self._playing, self._position = None, None, False, 0.0
