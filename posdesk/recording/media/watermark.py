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
#: Text colour, BGR.
TEXT_BGR = (255, 255, 255)


@dataclass(frozen=True)
class WatermarkSettings:
    enabled: bool = True
    fields: tuple[str, ...] = WATERMARK_FIELDS
    lane: str = ""
    #: Local time zone for the date-time; None means the machine's.
    tz: tzinfo | None = None


class Watermark:
    """Draws one line of facts in the top-left corner, in place."""

    def __init__(self, settings: WatermarkSettings):
        unknown = set(settings.fields) - set(WATERMARK_FIELDS)
        if unknown:
            raise ValueError(f"unknown watermark fields: {sorted(unknown)}")
        self.settings = settings

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
        height = image.shape[0]
        scale = max(0.35, height / 720 * 0.8)
        thickness = max(1, round(scale * 2))
        (w, h), baseline = cv2.getTextSize(text, cv2.FONT_HERSHEY_SIMPLEX, scale, thickness)
        pad = max(2, h // 3)
        box = image[0:h + baseline + 2 * pad, 0:min(image.shape[1], w + 2 * pad)]
        # Darken instead of blanking so the scene behind the text stays visible.
        box //= 3
        cv2.putText(image, text, (pad, pad + h), cv2.FONT_HERSHEY_SIMPLEX, scale, TEXT_BGR,
                    thickness, cv2.LINE_AA)
