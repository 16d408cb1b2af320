"""What a manifest says about one sale's clip, and its canonical bytes.

A chain entry is a JSON object; its canonical form (sorted keys, no insignificant
whitespace, UTF-8, no floats) is what is signed, hashed into the next entry and written to
disk, so every reader sees and hashes the very same bytes. Two kinds of entries exist:
the *manifest* of a sale (with or without a clip) and the *tombstone* of a purged clip.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from ...core.clock import Instant

#: Value of the "type" member of a sale's manifest.
MANIFEST_TYPE = "posdesk-evidence/manifest"
#: Value of the "type" member of a retention tombstone.
TOMBSTONE_TYPE = "posdesk-evidence/tombstone"
#: Format version written into every entry; readers refuse versions they do not know.
FORMAT_VERSION = 1


class ClipStatus(StrEnum):
    COMPLETE = "complete"
    TRUNCATED = "truncated"
    NO_CLIP = "no-clip"
    #: No camera gave a picture for the sale: no clip, or a clip without one frame.
    NO_CAMERA = "no-camera"


class NoClipReason(StrEnum):
    """Why a sale's manifest has no clip, or why its clip ends early."""

    DISK_FULL = "disk-full"
    RECORDER_DOWN = "recorder-down"
    POLICY = "policy"
    NO_CAMERA = "no-camera"


class Watermark(StrEnum):
    """How the journal cues are carried in the picture."""

    BURNT_IN = "burnt-in"
    SUBTITLE_TRACK = "subtitle-track"
    NONE = "none"


@dataclass(frozen=True)
class SaleRef:
    sale_id: str
    lane_id: str
    receipt: str


@dataclass(frozen=True)
class TrackFacts:
    """One track of a clip; counts are None when unknown (a recovered, sealed clip)."""

    kind: str  # "video" | "audio" | "subtitle"
    codec: str
    label: str = ""
    duration_ms: int | None = None
    frames: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "codec": self.codec, "label": self.label,
                "duration_ms": self.duration_ms, "frames": self.frames}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> TrackFacts:
        return cls(d["kind"], d["codec"], d.get("label", ""), d.get("duration_ms"),
                   d.get("frames"))


@dataclass(frozen=True)
class ClipFacts:
    """What the recorder knows about a clip it wrote; the chain adds size and hash."""

    file: str  # relative to the data dir, "/"-separated
    started: Instant
    ended: Instant | None
    tracks: tuple[TrackFacts, ...] = ()
    watermark: Watermark = Watermark.NONE
    recipients: tuple[str, ...] = ()
    dropped_frames: int = 0


@dataclass(frozen=True)
class JournalDigest:
    """SHA-256 of the first `events` journal events in canonical bytes."""

    sha256: str
    events: int

    @classmethod
    def of(cls, canonical: bytes, events: int) -> JournalDigest:
        return cls(hashlib.sha256(canonical).hexdigest(), events)


@dataclass(frozen=True)
class Entry:
    """One signed chain entry as stored: its parsed body and its exact bytes."""

    body: dict[str, Any] = field(repr=False)
    raw: bytes = field(repr=False)

    @property
    def seq(self) -> int:
        return self.body["seq"]

    @property
    def kind(self) -> str:
        return self.body["type"]

    @property
    def sale_id(self) -> str:
        return self.body["sale"]

    @property
    def file(self) -> str:
        """The entry's own file, beside the clip, relative to the data dir."""
        return self.body["file"]

    @property
    def clip(self) -> dict[str, Any] | None:
        return self.body.get("clip")

    @property
    def hash(self) -> str:
        return entry_hash(self.raw)

    @classmethod
    def parse(cls, raw: bytes) -> Entry:
        body = json.loads(raw)
        if not isinstance(body, dict) or body.get("type") not in (MANIFEST_TYPE, TOMBSTONE_TYPE):
            raise ValueError("not a chain entry")
        if body.get("version") != FORMAT_VERSION:
            raise ValueError(f"unknown entry version {body.get('version')!r}")
        _check_shape(body)
        return cls(body, raw)


def canonical_json(obj: Any) -> bytes:
    """Sorted keys, no insignificant whitespace, UTF-8; floats are refused (not exact)."""
    _refuse_floats(obj)
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False).encode("utf-8")


def entry_hash(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def instant_to_dict(instant: Instant | None) -> dict[str, Any] | None:
    if instant is None:
        return None
    return {"utc": instant.utc.isoformat(timespec="microseconds"), "mono_ns": instant.mono_ns}


def instant_from_dict(d: dict[str, Any] | None) -> Instant | None:
    if d is None:
        return None
    return Instant(datetime.fromisoformat(d["utc"]), d["mono_ns"])


def manifest_body(sale: SaleRef, *, status: ClipStatus, started: Instant, ended: Instant | None,
                  journal: JournalDigest, file: str, clip: ClipFacts | None = None,
                  sealed: tuple[int, str] | None = None,
                  reason: NoClipReason | None = None) -> dict[str, Any]:
    """The unsigned, unchained body of a sale's manifest (the chain adds seq and prev)."""
    clip_part = None
    if clip is not None:
        size, sha = sealed if sealed is not None else (None, None)
        clip_part = {
            "file": clip.file, "size": size, "sha256": sha,
            "tracks": [t.to_dict() for t in clip.tracks],
            "watermark": str(clip.watermark), "recipients": list(clip.recipients),
            "dropped_frames": clip.dropped_frames,
        }
    return {
        "type": MANIFEST_TYPE, "version": FORMAT_VERSION,
        "sale": sale.sale_id, "lane": sale.lane_id, "receipt": sale.receipt,
        "status": str(status), "reason": str(reason) if reason else None,
        "start": instant_to_dict(started), "end": instant_to_dict(ended),
        "clip": clip_part,
        "journal": {"sha256": journal.sha256, "events": journal.events},
        "file": file,
    }


def tombstone_body(purged: Entry, *, at: Instant, reason: str, file: str) -> dict[str, Any]:
    """The unsigned body of a tombstone recording that `purged`'s clip was deleted."""
    return {
        "type": TOMBSTONE_TYPE, "version": FORMAT_VERSION,
        "sale": purged.sale_id, "lane": purged.body["lane"], "receipt": purged.body["receipt"],
        "purges": {"seq": purged.seq, "entry": purged.hash, "clip": purged.clip["file"]},
        "reason": reason, "at": instant_to_dict(at), "file": file,
    }


_STR, _INT, _OPT_STR = (str,), (int,), (str, type(None))
#: Members every entry has, with their JSON types.
_COMMON_SHAPE = {"seq": _INT, "prev": _OPT_STR, "sale": _STR, "lane": _STR, "receipt": _STR,
                 "file": _STR}
#: Members only one kind of entry has; nested objects are checked member by member.
_KIND_SHAPE = {
    MANIFEST_TYPE: {"status": _STR, "journal": {"sha256": _STR, "events": _INT},
                    "start": (dict,)},
    TOMBSTONE_TYPE: {"purges": {"seq": _INT, "entry": _STR, "clip": _STR}, "reason": _STR},
}
#: Members of a manifest's "clip" object when it has one.
_CLIP_SHAPE = {"file": _STR, "size": _INT, "sha256": _STR}


def _check_shape(body: dict[str, Any]) -> None:
    """Raise ValueError unless `body` has the members later code reads, with their types."""
    _check_members(body, {**_COMMON_SHAPE, **_KIND_SHAPE[body["type"]]})
    if body["seq"] < 1 or isinstance(body["seq"], bool):
        raise ValueError(f"invalid sequence number {body['seq']!r}")
    if body["type"] == MANIFEST_TYPE and body.get("clip") is not None:
        _check_members(body["clip"], _CLIP_SHAPE)


def _check_members(obj: Any, shape: dict[str, Any]) -> None:
    if not isinstance(obj, dict):
        raise ValueError("entry member is not an object")
    for name, expected in shape.items():
        value = obj.get(name)
        if isinstance(expected, dict):
            _check_members(value, expected)
        elif not isinstance(value, expected):
            raise ValueError(f"entry member {name!r} is missing or of the wrong type")


def _refuse_floats(obj: Any) -> None:
    if isinstance(obj, float):
        raise TypeError("manifests hold no floats; use integer units")
    if isinstance(obj, dict):
        for v in obj.values():
            _refuse_floats(v)
    elif isinstance(obj, (list, tuple)):
        for v in obj:
            _refuse_floats(v)
