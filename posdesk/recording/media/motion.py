"""Which captured frames are encoded: the evidence rate, and a trickle for a still counter.

The camera is read at its own rate (the preview shows every frame); this gate decides
which frames the encoder gets. Motion is a frame difference on a small grey thumbnail of
the picture (small, so sensor noise averages out), taken before the watermark is drawn
(its clock changes every second). After `still_after_s` without motion or journal event, one
frame per `1 / idle_fps` is encoded; motion or `wake()` (any journal event) makes the very
next frame, and every frame after it, go to the encoder again. Frames of an open sale are
all encoded unless `thin_sales` is set. A thinned frame is not a lost one: nothing is
journaled for it, and the clip simply holds that picture longer.
"""
from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from posdesk.recording.media.pacing import NS_PER_S

#: Thumbnail the difference is taken on (width, height).
THUMBNAIL = (80, 45)


@dataclass(frozen=True)
class MotionSettings:
    #: Frames per second encoded while still; 0: never thinned below the evidence rate.
    idle_fps: float = 2.0
    #: Seconds without motion or journal event before the rate drops.
    still_after_s: float = 2.0
    #: A thumbnail pixel has changed when its grey level moved by more than this.
    pixel_threshold: int = 12
    #: Motion is when more than this share of thumbnail pixels changed.
    changed_share: float = 0.002
    #: Thin frames of an open sale too (off: a sale is recorded at full rate throughout).
    thin_sales: bool = False


class MotionGate:
    """Decides frame by frame whether one camera's picture is encoded.

    `fps` is the rate frames are encoded at (the evidence rate): a camera read faster (for
    a smooth preview) has its frames spread evenly down to it; a camera read at that rate
    has every frame encoded, early or late by up to half a period.
    """

    def __init__(self, fps: float, settings: MotionSettings | None = None):
        self.settings = settings or MotionSettings(idle_fps=0)
        self._period_ns = round(NS_PER_S / fps)
        self._still_after_ns = round(self.settings.still_after_s * NS_PER_S)
        self._idle_period_ns = (round(NS_PER_S / self.settings.idle_fps)
                                if self.settings.idle_fps > 0 else 0)
        self._reference: np.ndarray | None = None  # thumbnail of the last encoded frame
        self._full_until_ns: int | None = None
        self._next_ns: int | None = None  # when the next frame is due
        self._last_capture_ns: int | None = None

    @property
    def watches_motion(self) -> bool:
        return self._idle_period_ns > 0

    def wake(self, mono_ns: int) -> None:
        """A journal event at `mono_ns`: full rate, starting with the next frame."""
        self._extend(mono_ns)

    def admit(self, image: np.ndarray, mono_ns: int, *, sale_open: bool = False) -> bool:
        """Whether the frame captured at `mono_ns` goes to the encoder."""
        capture_ns = mono_ns - (self._last_capture_ns or mono_ns - self._period_ns)
        self._last_capture_ns = mono_ns
        thumbnail = None
        if self.watches_motion and sale_open and not self.settings.thin_sales:
            self._extend(mono_ns)  # full rate whatever moves: no need to look
        elif self.watches_motion:
            # Every 4th pixel of every 4th row, then averaged: cheap, and still 16 samples
            # per thumbnail pixel against sensor noise.
            thumbnail = cv2.cvtColor(cv2.resize(image[::4, ::4], THUMBNAIL,
                                                interpolation=cv2.INTER_AREA),
                                     cv2.COLOR_BGR2GRAY)
            if self._moved(thumbnail):
                self._extend(mono_ns)
        full = (not self.watches_motion
                or (self._full_until_ns is not None and mono_ns <= self._full_until_ns))
        period = self._period_ns if full else self._idle_period_ns
        # Half the camera's own interval: a frame that early is this slot's, not the next's.
        slack = min(self._period_ns, capture_ns) // 2
        if self._next_ns is not None and mono_ns < self._next_ns - slack:
            return False
        behind = self._next_ns is None or mono_ns - self._next_ns >= period
        # Due times follow the schedule, so a 25 fps camera still gives 15 fps on average.
        self._next_ns = (mono_ns if behind else self._next_ns) + period
        if thumbnail is not None:
            self._reference = thumbnail
        return True

    def _moved(self, thumbnail: np.ndarray) -> bool:
        if self._reference is None:
            return True
        changed = cv2.absdiff(thumbnail, self._reference) > self.settings.pixel_threshold
        return np.count_nonzero(changed) > self.settings.changed_share * changed.size

    def _extend(self, mono_ns: int) -> None:
        until = mono_ns + self._still_after_ns
        self._full_until_ns = max(self._full_until_ns or until, until)
        if self._next_ns is not None and self._next_ns > mono_ns + self._period_ns:
            self._next_ns = mono_ns  # out of the idle rate: the next frame is due at once
