"""The newest frame, downscaled for the live preview; older frames are simply replaced."""
from __future__ import annotations

import logging
from dataclasses import dataclass

import cv2
import numpy as np

log = logging.getLogger(__name__)

#: Preview size: enough for the checkout window, a ninth of the pixels of 720p.
DEFAULT_PREVIEW_SIZE = (640, 360)


@dataclass(frozen=True)
class PreviewFrame:
    image: np.ndarray
    mono_ns: int


class PreviewTap:
    """Holds a reference to the newest frame; scales it only when someone asks.

    Offering costs nothing, so the capture loop can offer every frame; a reader that
    comes rarely pays for one resize per look, and asking twice for the same frame is free.
    """

    def __init__(self, size: tuple[int, int] = DEFAULT_PREVIEW_SIZE):
        self._size = size
        self._newest: tuple[np.ndarray, int] | None = None
        self._scaled: PreviewFrame | None = None

    def offer(self, image: np.ndarray, mono_ns: int) -> None:
        self._newest = (image, mono_ns)

    def latest(self) -> PreviewFrame | None:
        if self._newest is None:
            return None
        image, mono_ns = self._newest
        if self._scaled is None or self._scaled.mono_ns != mono_ns:
            width, height = self._size
            if image.shape[1] != width or image.shape[0] != height:
                image = cv2.resize(image, (width, height), interpolation=cv2.INTER_AREA)
            self._scaled = PreviewFrame(image, mono_ns)
        return self._scaled
