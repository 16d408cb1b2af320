"""Free-space watchdog for the clip directory.

Below the warning threshold the UI tells the manager; below the full threshold no new clip
is started (the sale goes on and its manifest says `no-clip`, reason `disk-full`).
"""
from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Callable

log = logging.getLogger(__name__)

#: Default warning threshold: about an hour of 720p clips.
DEFAULT_WARN_BYTES = 2 * 1024**3
#: Default full threshold: room to finish the clips already open.
DEFAULT_FULL_BYTES = 256 * 1024**2


class DiskLevel(StrEnum):
    OK = "ok"
    LOW = "low"
    FULL = "full"


@dataclass(frozen=True)
class DiskState:
    level: DiskLevel
    free_bytes: int


class DiskWatchdog:
    """Classifies the free space of the file system holding `path`."""

    def __init__(self, path: Path, *, warn_bytes: int = DEFAULT_WARN_BYTES,
                 full_bytes: int = DEFAULT_FULL_BYTES,
                 free_bytes: Callable[[Path], int] | None = None):
        if full_bytes > warn_bytes:
            raise ValueError("the full threshold must not exceed the warning threshold")
        self.path = Path(path)
        self.warn_bytes = warn_bytes
        self.full_bytes = full_bytes
        self._free_bytes = free_bytes or (lambda p: shutil.disk_usage(p).free)
        self._last: DiskLevel | None = None

    def check(self) -> DiskState:
        free = self._free_bytes(self._existing_ancestor())
        if free < self.full_bytes:
            level = DiskLevel.FULL
        elif free < self.warn_bytes:
            level = DiskLevel.LOW
        else:
            level = DiskLevel.OK
        if level != self._last:
            log.log(logging.INFO if level is DiskLevel.OK else logging.WARNING,
                    "clip storage %s: %d MiB free", level, free // 1024**2)
            self._last = level
        return DiskState(level, free)

    def may_start_clip(self) -> bool:
        return self.check().level is not DiskLevel.FULL

    def _existing_ancestor(self) -> Path:
        # The clip dir may not exist yet on a fresh install; its file system is what counts.
        path = self.path
        while not path.exists() and path != path.parent:
            path = path.parent
        return path
