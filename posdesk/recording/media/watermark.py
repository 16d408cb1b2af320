"""Burnt-in watermark: lane, sale number and local date-time drawn into the picture.

Applied to the captured frame before encoding, so any copy of the clip still says where
and when it was taken.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timezone, tzinfo

import cv2
import numpy as np

log = logging.getLogger(__name__)

#: Fields a watermark can show, in this order.
WATERMARK_FIELDS = ("lane", "sale", "time")
#: Text colour, BGR: white (the blend in `Watermark.apply` assumes it).
TEXT_BGR = (255, 255, 255)
TEXT_WHITE = np.array(TEXT_BGR, np.uint8)


@dataclass(frozen=True)
class WatermarkSettings:
    enabled: bool = True
    fields: tuple[str, ...] = WATERMARK_FIELDS
    lane: str = ""
    #: Local time zone for the date-time; None means the machine's.
    tz: tzinfo | None = None


class Watermark:
    """Draws one line of facts in the top-left corner, in place.

    The text changes once a second at most, so its strokes are drawn once per text and
    blended into each frame (white over the darkened box, by their anti-aliased coverage:
    what `cv2.putText` with `LINE_AA` does, without laying out the glyphs every frame).
    """

    def __init__(self, settings: WatermarkSettings):
        unknown = set(settings.fields) - set(WATERMARK_FIELDS)
        if unknown:
            raise ValueError(f"unknown watermark fields: {sorted(unknown)}")
        self.settings = settings
        self._strokes: tuple[str, tuple[int, ...], tuple[int, int, int, int], np.ndarray] | None = None

    @property
    def enabled(self) -> bool:
        return self.settings.enabled and bool(self.settings.fields)

    def text(self, *, sale_number: str | None, at: datetime) -> str:
        local = at.astimezone(self.settings.tz) if at.tzinfo else at.replace(tzinfo=timezone.utc)
        parts = {
            "lane": f"Lane {self.settings.lane}" if self.settings.lane else "",
            "sale": f"Sale {sale_number}" if sale_number else "",
            "time": local.strftime("%Y-%m-%d %H:%M:%S"),
        }
        return "  ".join(parts[f] for f in self.settings.fields if parts[f])

    def apply(self, image: np.ndarray, *, sale_number: str | None, at: datetime) -> None:
        """Burn the watermark into `image` (BGR, modified in place)."""
        if not self.enabled:
            return
        text = self.text(sale_number=sale_number, at=at)
        if self._strokes is None or self._strokes[:2] != (text, image.shape):
            mask, box = text_mask(image.shape, text)
            top, left, bottom, right = box
            coverage = cv2.cvtColor(mask[top:bottom, left:right], cv2.COLOR_GRAY2BGR)
            self._strokes = (text, image.shape, box, coverage)
        _, _, (top, left, bottom, right), coverage = self._strokes
        box = image[top:bottom, left:right]
        # Darken instead of blanking so the scene behind the text stays visible.
        box //= 3
        cv2.add(box, cv2.multiply(cv2.subtract(TEXT_WHITE, box), coverage, scale=1 / 255),
                dst=box)


def text_mask(shape: tuple[int, ...], text: str) -> tuple[np.ndarray, tuple[int, int, int, int]]:
    """The watermark's strokes alone (uint8 0..255, anti-aliased) for a picture of `shape`,
    and its box (top, left, bottom, right): what a legibility check compares decoded
    pictures with."""
    origin, scale, thickness, box = _layout(shape, text)
    mask = np.zeros(shape[:2], np.uint8)
    cv2.putText(mask, text, origin, cv2.FONT_HERSHEY_SIMPLEX, scale, 255, thickness,
                cv2.LINE_AA)
    return mask, box


def _layout(shape: tuple[int, ...], text: str
            ) -> tuple[tuple[int, int], float, int, tuple[int, int, int, int]]:
    """Where and how big the text goes: origin, font scale, stroke, box (t, l, b, r)."""
    height, width = shape[:2]
    scale = max(0.35, height / 720 * 0.8)
    thickness = max(1, round(scale * 2))
    (w, h), baseline = cv2.getTextSize(text, cv2.FONT_HERSHEY_SIMPLEX, scale, thickness)
    pad = max(2, h // 3)
    return (pad, pad + h), scale, thickness, (0, 0, h + baseline + 2 * pad, min(width, w + 2 * pad))


def text_match(image: np.ndarray, text: str) -> float:
    """How well the watermark `text` reads in a decoded BGR `image`: the overlap (0..1,
    intersection over union) of its bright pixels with the strokes drawn for that text.
    1.0 is every stroke pixel bright and nothing else; blur and blocking lower it."""
    mask, (top, left, bottom, right) = text_mask(image.shape, text)
    gray = cv2.cvtColor(image[top:bottom, left:right], cv2.COLOR_BGR2GRAY)
    seen = gray > 127
    drawn = mask[top:bottom, left:right] > 127
    union = np.count_nonzero(seen | drawn)
    return np.count_nonzero(seen & drawn) / union if union else 0.0
