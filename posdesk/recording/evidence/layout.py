"""Where evidence lives under the data dir.

```
clips/YYYY/MM/DD/<lane>-<receipt>.mp4.age         sealed clip (age v1 over fragmented MP4)
clips/YYYY/MM/DD/<lane>-<receipt>.manifest.json   signed manifest (also for sales without clip)
clips/YYYY/MM/DD/<lane>-<receipt>.tombstone.json  signed tombstone once the clip is purged
clips/<lane>.chain.jsonl                          the lane's chain: every entry, in sequence
clips/pending/<lane>-<receipt>.json               a clip being written, until its manifest exists
```
The date is the sale's start in UTC. The pending note is what makes an interrupted clip
recoverable after the recorder or the whole PC died: it names the sale and the clip.
"""
from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO

from .errors import UnsafePath
from .files import fsync_dir, write_atomic
from .manifest import (ClipFacts, SaleRef, TrackFacts, Watermark, instant_from_dict,
                       instant_to_dict)

log = logging.getLogger(__name__)

#: Folder under the data dir holding everything of this module.
CLIPS_DIR = "clips"
#: Suffix of a sealed clip.
CLIP_SUFFIX = ".mp4.age"
#: Suffix of a manifest beside its clip.
MANIFEST_SUFFIX = ".manifest.json"
#: Suffix of a tombstone beside its manifest.
TOMBSTONE_SUFFIX = ".tombstone.json"

_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]")


@dataclass(frozen=True)
class PendingClip:
    """A clip that has been opened and has no manifest yet.

    `sealed_size` is set once the writer has finished and synced the sealed file: a clip
    that dies after that point is whole and must not be cut back to its last whole chunk.
    """

    sale: SaleRef
    clip: ClipFacts
    sealed_size: int | None = None

    def to_json(self) -> bytes:
        doc: dict[str, Any] = {
            "sale": self.sale.sale_id, "lane": self.sale.lane_id, "receipt": self.sale.receipt,
            "file": self.clip.file, "start": instant_to_dict(self.clip.started),
            "tracks": [t.to_dict() for t in self.clip.tracks],
            "watermark": str(self.clip.watermark), "recipients": list(self.clip.recipients),
            "sealed_size": self.sealed_size,
        }
        return json.dumps(doc, sort_keys=True).encode()

    @classmethod
    def from_json(cls, data: bytes) -> PendingClip:
        d = json.loads(data)
        clip = ClipFacts(file=d["file"], started=instant_from_dict(d["start"]), ended=None,
                         tracks=tuple(TrackFacts.from_dict(t) for t in d["tracks"]),
                         watermark=Watermark(d["watermark"]), recipients=tuple(d["recipients"]))
        return cls(SaleRef(d["sale"], d["lane"], d["receipt"]), clip, d.get("sealed_size"))


class ClipLayout:
    """Paths of clips, manifests, chain logs and pending notes under one data dir."""

    def __init__(self, data_dir: Path):
        self.data_dir = Path(data_dir)
        self.clips_dir = self.data_dir / CLIPS_DIR
        self.pending_dir = self.clips_dir / "pending"

    def resolve(self, relative: str) -> Path:
        """`relative` under the data dir; `UnsafePath` if it leads anywhere else.

        Paths come from files an attacker may have written (chain, manifests, pending
        notes), so an absolute path, `..` or a symlink out of the data dir is refused
        before anything is read or deleted.
        """
        pure = PurePosixPath(relative)
        if (not relative or pure.is_absolute() or ".." in pure.parts or "\\" in relative
                or ":" in relative):
            raise UnsafePath(f"path {relative!r} is not inside the data directory")
        path = self.data_dir / relative
        root = self.data_dir.resolve()
        if not path.resolve().is_relative_to(root):
            raise UnsafePath(f"path {relative!r} leads outside the data directory")
        return path

    def relative(self, path: Path) -> str:
        return path.relative_to(self.data_dir).as_posix()

    def chain_log(self, lane_id: str) -> Path:
        return self.clips_dir / f"{safe_name(lane_id)}.chain.jsonl"

    def new_stem(self, sale: SaleRef, started_utc: datetime) -> str:
        """A fresh `clips/Y/M/D/<lane>-<receipt>` stem (relative) no file uses yet."""
        day = self.clips_dir / f"{started_utc:%Y}" / f"{started_utc:%m}" / f"{started_utc:%d}"
        base = f"{safe_name(sale.lane_id)}-{safe_name(sale.receipt)}"
        n = 1
        while True:
            stem = base if n == 1 else f"{base}-{n}"
            taken = [day / (stem + s) for s in (CLIP_SUFFIX, MANIFEST_SUFFIX)]
            taken.append(self.pending_dir / f"{stem}.json")
            if not any(p.exists() for p in taken):
                return self.relative(day / stem)
            n += 1

    def pending_note(self, clip_file: str) -> Path:
        return self.pending_dir / (Path(clip_file).name.removesuffix(CLIP_SUFFIX) + ".json")

    def write_pending(self, pending: PendingClip) -> None:
        """Durably note an opened clip before its first byte is written."""
        write_atomic(self.pending_note(pending.clip.file), pending.to_json())

    def open_clip(self, pending: PendingClip) -> BinaryIO:
        """Note the clip as pending, then create its file (never over an existing one)."""
        self.write_pending(pending)
        path = self.resolve(pending.clip.file)
        path.parent.mkdir(parents=True, exist_ok=True)
        f = open(path, "xb")
        fsync_dir(path.parent)
        return f

    def remove_pending(self, clip_file: str) -> None:
        note = self.pending_note(clip_file)
        if note.exists():
            note.unlink()
            fsync_dir(note.parent)

    def pending(self) -> list[PendingClip]:
        """Every clip opened and never given a manifest, oldest first."""
        if not self.pending_dir.is_dir():
            return []
        notes = []
        for path in sorted(self.pending_dir.glob("*.json")):
            try:
                note = PendingClip.from_json(path.read_bytes())
                self.resolve(note.clip.file)
                if not note.clip.file.endswith(CLIP_SUFFIX):
                    raise ValueError(f"{note.clip.file!r} is not a sealed clip")
                notes.append(note)
            except (ValueError, KeyError, TypeError, UnsafePath) as e:
                log.warning("ignoring unreadable pending note %s: %s", path, e)
        return sorted(notes, key=lambda p: p.clip.started.mono_ns)


def clip_file(stem: str) -> str:
    return stem + CLIP_SUFFIX


def manifest_file(stem: str) -> str:
    return stem + MANIFEST_SUFFIX


def stem_of(file: str) -> str:
    for suffix in (CLIP_SUFFIX, MANIFEST_SUFFIX, TOMBSTONE_SUFFIX):
        if file.endswith(suffix):
            return file.removesuffix(suffix)
    raise ValueError(f"not an evidence file name: {file}")


def safe_name(text: str) -> str:
    """`text` usable in a file name on every platform (lane ids and receipt numbers)."""
    return _UNSAFE.sub("_", text) or "_"
