"""The verification badge of one sale: what the existing chain verification and the
decryption say about its evidence, in one value the window and the report show."""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Callable, Mapping

from posdesk.recording.evidence.verify import Finding, Problem, verify_chain

#: Findings that break the chain itself (entries removed, reordered or rewritten).
_CHAIN = {Problem.LOG_UNREADABLE, Problem.WRONG_LANE, Problem.SEQUENCE_START,
          Problem.SEQUENCE_GAP, Problem.SEQUENCE_ORDER, Problem.BROKEN_LINK,
          Problem.TOMBSTONE_MISMATCH}
#: Findings about the signed manifest of the sale.
_SIGNATURE = {Problem.BAD_SIGNATURE, Problem.MANIFEST_MISSING, Problem.MANIFEST_EDITED}
#: Findings about the sealed clip.
_CLIP = {Problem.CLIP_MISSING, Problem.CLIP_EDITED, Problem.CLIP_SWAPPED}
#: Findings about the journal the manifest signed.
_JOURNAL = {Problem.JOURNAL_MISSING, Problem.JOURNAL_MISMATCH}


class BadgeState(Enum):
    VERIFIED = "verified"
    TRUNCATED = "truncated"
    NO_CLIP = "no-clip"
    PURGED = "purged"
    MISSING = "missing"
    TAMPERED = "tampered"


@dataclass(frozen=True)
class Badge:
    state: BadgeState
    signature_ok: bool
    chain_ok: bool
    clip_ok: bool
    journal_ok: bool
    #: Why the badge is not VERIFIED, one plain-English line each.
    reasons: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.state in (BadgeState.VERIFIED, BadgeState.TRUNCATED, BadgeState.NO_CLIP,
                              BadgeState.PURGED) and not self.reasons


def sale_badge(*, data_dir: Path, lane: str, sale_id: str, status: str | None,
               public_keys: Mapping[str, bytes], journal_bytes: Callable[[str, int], bytes | None],
               decrypt_problem: str | None = None, truncated: bool = False) -> Badge:
    """Verify the lane's chain and judge `sale_id`'s part of it.

    `status` is the evidence index's recording status; `decrypt_problem` what opening the
    clip said (None when it opened or was not opened); `truncated` that it opened only up to
    a cut, which a power cut leaves and is no tampering.
    """
    report = verify_chain(data_dir, lane, public_keys, journal_bytes)
    chain = [f for f in report.findings if f.problem in _CHAIN]
    mine = [f for f in report.findings if f.sale_id == sale_id and f.problem not in _CHAIN]
    signature_ok = not _of(mine, _SIGNATURE)
    clip_ok = not _of(mine, _CLIP) and decrypt_problem is None
    journal_ok = not _of(mine, _JOURNAL)
    reasons = [str(f) for f in chain[:1] + mine]
    if decrypt_problem:
        reasons.append(decrypt_problem)
    if status is None and not mine:
        reasons.append("the sale has no evidence entry")
    if any(f.problem is Problem.CLIP_MISSING for f in mine) or status is None:
        state = BadgeState.MISSING
    elif reasons:
        state = BadgeState.TAMPERED
    elif status == "purged":
        state = BadgeState.PURGED
    elif status == "no-clip":
        state = BadgeState.NO_CLIP
    elif status == "truncated" or truncated:
        state = BadgeState.TRUNCATED
    else:
        state = BadgeState.VERIFIED
    return Badge(state, signature_ok, not chain, clip_ok, journal_ok, tuple(reasons))


def _of(findings: list[Finding], problems: set[Problem]) -> list[Finding]:
    return [f for f in findings if f.problem in problems]
