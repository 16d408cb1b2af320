"""Checking a walked chain against what the lane cannot rewrite: the manager key and witnesses.

A chain that verifies under the lane's own key proves little against someone who holds that
key (anyone with the lane's files). Two anchors live outside the lane:

- the manager signing key, pinned by the fingerprint the manager keeps (`--manager-key`):
  every lane key that signed an entry and every recipient set a clip was sealed to must be
  endorsed by it (see `recording.endorsements`);
- witnesses, `SEQ:HASH` pairs that left the lane on paper (Z reports, receipt QR codes) or
  in exported packages: the chain must still hold exactly those entries.

Witnesses the data directory itself remembers are checked too (the chain must not have lost
its newest witnessed entries), but they are no outside anchor: the lane could rewrite them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from ..endorsements import Endorsements
from .manifest import MANIFEST_TYPE
from .signing import SIGNATURE_MEMBER
from .verify import Finding, Problem, VerifyReport

#: Shortest hash prefix a witness may give: 16 hex digits, as Z reports print it.
MIN_PREFIX = 16
_PAIR = re.compile(r"^(?:(?P<lane>[^:;=\s]+):)?(?P<seq>[0-9]{1,12}):(?P<hash>[0-9a-fA-F]{16,64})$")


@dataclass(frozen=True)
class Witness:
    """An entry as someone outside the lane saw it: its number and its hash's prefix.

    `lane` is None when the witness names no lane (it then applies to the configured one).
    """

    seq: int
    hash_prefix: str
    source: str
    lane: str | None = None

    @classmethod
    def parse(cls, text: str, source: str = "witness") -> Witness:
        """`SEQ:HASH`, `LANE:SEQ:HASH`, or a receipt QR payload (`posdesk:...;ev=SEQ:HASH`)."""
        text = text.strip()
        lane = None
        if text.startswith("posdesk:"):
            fields = dict(part.partition("=")[::2] for part in text[len("posdesk:"):].split(";"))
            if not fields.get("ev"):
                raise ValueError("the receipt QR carries no evidence witness (ev=SEQ:HASH)")
            lane = fields.get("lane") or None
            text = fields["ev"]
            source = f"receipt {fields.get('receipt', '?')} QR"
        match = _PAIR.match(text)
        if match is None:
            raise ValueError(f"witness {text!r} is not SEQ:HASH (HASH: at least "
                             f"{MIN_PREFIX} hex digits)")
        if int(match["seq"]) < 1:
            raise ValueError(f"witness {text!r}: entries are numbered from 1")
        return cls(int(match["seq"]), match["hash"].lower(), source, match["lane"] or lane)

    def __str__(self) -> str:
        return f"{self.seq}:{self.hash_prefix}"


def check_anchors(report: VerifyReport, *, endorsements: Endorsements | None,
                  pinned: str | None, witnesses: Iterable[Witness] = (),
                  remembered: Iterable[Witness] = ()) -> None:
    """Add to `report` what the anchors contradict; set `report.unanchored` to why the
    lane could not be checked against an outside anchor, or None when it was."""
    outside = list(witnesses)
    if endorsements is None:
        report.add(Finding(Problem.NOT_ENDORSED, 0, None, None, None,
                           "the lane has no manager endorsements (keys/endorsements.json)"))
    else:
        _check_endorsements(report, endorsements, pinned)
    _check_witnesses(report, [*outside, *remembered])
    key_holds = endorsements is not None and pinned is not None \
        and endorsements.fingerprint == pinned
    if key_holds or outside:
        report.unanchored = None
    else:
        report.unanchored = "no manager key fingerprint or witness was given"


def _check_endorsements(report: VerifyReport, endorsements: Endorsements,
                        pinned: str | None) -> None:
    if pinned is not None and endorsements.fingerprint != pinned:
        report.add(Finding(Problem.MANAGER_KEY_MISMATCH, 0, None, None, None,
                           f"the lane's endorsements are signed by manager key "
                           f"{endorsements.fingerprint}, not by the pinned {pinned}"))
    for why in endorsements.rejected:
        report.add(Finding(Problem.NOT_ENDORSED, 0, None, None, None, why))
    for line, entry in report.walked:
        signer = (entry.body.get(SIGNATURE_MEMBER) or {}).get("key_id")
        if signer not in endorsements.lane_keys:
            report.add(Finding(Problem.UNENDORSED_KEY, line, entry.seq, entry.sale_id,
                               entry.file, f"signed with lane key {signer}, which manager key "
                               f"{endorsements.fingerprint} never endorsed"))
        clip = entry.clip if entry.kind == MANIFEST_TYPE else None
        if clip is not None and not endorsements.endorses_recipients(
                [str(r) for r in clip.get("recipients") or ()]):
            report.add(Finding(Problem.UNENDORSED_RECIPIENTS, line, entry.seq, entry.sale_id,
                               clip.get("file"), "the clip is sealed to recipients manager key "
                               f"{endorsements.fingerprint} never endorsed"))


def _check_witnesses(report: VerifyReport, witnesses: list[Witness]) -> None:
    by_seq = {entry.seq: (line, entry) for line, entry in report.walked}
    for witness in witnesses:
        found = by_seq.get(witness.seq)
        if found is None:
            report.add(Finding(Problem.WITNESS_MISMATCH, len(report.walked) + 1, None, None,
                               None, f"{witness.source} witnessed entry {witness} but the "
                               f"chain ends at entry {report.entries} (entries removed)"))
        elif not found[1].hash.startswith(witness.hash_prefix):
            line, entry = found
            report.add(Finding(Problem.WITNESS_MISMATCH, line, entry.seq, entry.sale_id,
                               entry.file, f"{witness.source} witnessed {witness}; the chain "
                               f"now holds {entry.hash[:MIN_PREFIX]} (history rewritten)"))
