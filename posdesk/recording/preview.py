"""The live preview slot: the newest downscaled frame in shared memory, newest wins.

The recorder child writes every preview frame into one fixed slot; the app reads it when
it wants to paint. There is no queue, so a slow reader never holds frames back and never
makes the recorder wait. A sequence counter works as a seqlock: the writer makes it odd
before touching the pixels and even after, so a reader that sees the same even value
before and after its copy has a whole frame, and one that does not simply tries again.

Layout of the segment: `seq` u64, `mono_ns` i64, `width` u32, `height` u32, then
`height * width * 3` bytes of BGR pixels.
"""
from __future__ import annotations

import logging
import struct
from dataclasses import dataclass
from multiprocessing import shared_memory

import numpy as np

log = logging.getLogger(__name__)

#: Header of the slot: sequence, capture time, picture size.
HEADER = struct.Struct("<QqII")
#: Attempts a reader makes to get a frame the writer is not in the middle of.
READ_ATTEMPTS = 3


@dataclass(frozen=True)
class PreviewImage:
    image: np.ndarray  # height x width x 3 BGR, a private copy
    mono_ns: int
    seq: int  # increases by one per published frame


class PreviewSlot:
    """One shared-memory slot of a fixed picture size.

    The app `create()`s it (and `unlink()`s it at shutdown); the recorder `attach()`es by
    name. One writer only.
    """

    def __init__(self, shm: shared_memory.SharedMemory, width: int, height: int, owner: bool):
        self._shm = shm
        self.width, self.height = width, height
        self._owner = owner
        self._pixels = np.ndarray((height, width, 3), np.uint8, buffer=shm.buf,
                                  offset=HEADER.size)
        self._frames = 0

    @classmethod
    def create(cls, width: int, height: int) -> PreviewSlot:
        shm = shared_memory.SharedMemory(create=True, size=HEADER.size + width * height * 3)
        HEADER.pack_into(shm.buf, 0, 0, 0, width, height)
        return cls(shm, width, height, owner=True)

    @classmethod
    def attach(cls, name: str) -> PreviewSlot:
        shm = shared_memory.SharedMemory(name=name)
        _, _, width, height = HEADER.unpack_from(shm.buf, 0)
        return cls(shm, width, height, owner=False)

    @property
    def name(self) -> str:
        return self._shm.name

    def publish(self, image: np.ndarray, mono_ns: int) -> None:
        """Replace the slot's frame; `image` must already have the slot's size."""
        if image.shape != self._pixels.shape:
            raise ValueError(f"preview frame is {image.shape}, the slot holds "
                             f"{self._pixels.shape}")
        seq = HEADER.unpack_from(self._shm.buf, 0)[0]
        HEADER.pack_into(self._shm.buf, 0, seq | 1, mono_ns, self.width, self.height)
        self._pixels[...] = image
        HEADER.pack_into(self._shm.buf, 0, (seq | 1) + 1, mono_ns, self.width, self.height)

    def read(self, newer_than: int = 0) -> PreviewImage | None:
        """A copy of the newest whole frame, or None if none is newer than `newer_than`
        (or the slot is closed: the app may still poll while shutting down)."""
        if self._shm.buf is None:
            return None
        for _ in range(READ_ATTEMPTS):
            before, mono_ns, _, _ = HEADER.unpack_from(self._shm.buf, 0)
            if before // 2 <= newer_than:
                return None
            if before % 2:
                continue
            image = self._pixels.copy()
            if HEADER.unpack_from(self._shm.buf, 0)[0] == before:
                return PreviewImage(image, mono_ns, before // 2)
        return None

    def close(self) -> None:
        # The numpy view holds an export of the buffer; it must go before the mapping.
        del self._pixels
        self._shm.close()

    def unlink(self) -> None:
        if self._owner:
            self._shm.unlink()
