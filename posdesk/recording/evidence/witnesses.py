"""Chain heads given out on paper, and the lane's own memory of them.

When a Z report prints, the lane's chain head (entry count and the first 16 hex digits of
the last entry's hash) goes on the paper and into `clips/witnesses.jsonl`. The paper is the
outside anchor; the file lets `verify` notice, without the paper, a chain that lost entries
it once had (it is no anchor against someone who rewrites the file too).
"""
from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from .anchors import MIN_PREFIX, Witness
from .files import append_durable
from .layout import ClipLayout
from .manifest import Entry

log = logging.getLogger(__name__)

#: The lane's record of the witnesses it gave out, one JSON object per line.
WITNESS_LOG = "witnesses.jsonl"
#: How much of a chain log's end is read to find its last entry.
TAIL = 1 << 20


class WitnessBook:
    """Chain heads of the lanes under one data dir, and the witnesses given out."""

    def __init__(self, data_dir: Path):
        self.layout = ClipLayout(data_dir)
        self.path = self.layout.clips_dir / WITNESS_LOG

    def head(self, lane: str) -> Witness | None:
        """The lane's last whole entry as a witness, or None for an empty chain."""
        log_path = self.layout.chain_log(lane)
        if not log_path.exists():
            return None
        with open(log_path, "rb") as f:
            size = f.seek(0, os.SEEK_END)
            f.seek(max(0, size - TAIL))
            lines = [ln for ln in f.read().split(b"\n")[1 if size > TAIL else 0:] if ln]
        for raw in reversed(lines):
            try:
                entry = Entry.parse(raw)
            except ValueError:
                continue  # a torn last line; the chain cuts it off on its next start
            return Witness(entry.seq, entry.hash[:MIN_PREFIX], "chain head", lane)
        return None

    def remember(self, witness: Witness, reference: str) -> None:
        """Note that `witness` left the lane (on `reference`, e.g. "Z report 12")."""
        record = {"lane": witness.lane, "seq": witness.seq, "hash": witness.hash_prefix,
                  "ref": reference}
        append_durable(self.path, json.dumps(record, sort_keys=True).encode() + b"\n")

    def given(self, lane: str, reference: str) -> Witness | None:
        """The witness given out on `reference`, if the lane noted one."""
        found = [w for w in self.remembered(lane) if w.source == reference]
        return found[-1] if found else None

    def remembered(self, lane: str) -> list[Witness]:
        if not self.path.exists():
            return []
        out = []
        for number, raw in enumerate(self.path.read_bytes().splitlines(), start=1):
            try:
                d = json.loads(raw)
                if d["lane"] == lane:
                    out.append(Witness(int(d["seq"]), str(d["hash"]), str(d["ref"]), lane))
            except (ValueError, KeyError, TypeError) as e:
                log.warning("%s line %d is unreadable: %s", self.path, number, e)
        return out
