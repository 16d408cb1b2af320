"""The self-test's findings: one `Check` per part of the lane, and the report they make."""
from __future__ import annotations

from dataclasses import dataclass

from posdesk.core.i18n import QT_TRANSLATE_NOOP, Text

#: The checks in the order they are reported, with their titles.
CHECK_TITLES: dict[str, Text] = {
    "database": QT_TRANSLATE_NOOP("SelfTest", "Database"),
    "disk": QT_TRANSLATE_NOOP("SelfTest", "Free disk"),
    "clock": QT_TRANSLATE_NOOP("SelfTest", "Clock"),
    "keys": QT_TRANSLATE_NOOP("SelfTest", "Keys"),
    "camera": QT_TRANSLATE_NOOP("SelfTest", "Camera"),
    "camera2": QT_TRANSLATE_NOOP("SelfTest", "Second camera"),
    "microphone": QT_TRANSLATE_NOOP("SelfTest", "Microphone"),
    "terminal": QT_TRANSLATE_NOOP("SelfTest", "Card terminal"),
    "printer": QT_TRANSLATE_NOOP("SelfTest", "Receipt printer"),
    "drawer": QT_TRANSLATE_NOOP("SelfTest", "Cash drawer"),
}


@dataclass(frozen=True)
class Check:
    #: Stable name: "database", "disk", "clock", "keys", "camera", ... (JSON, scripts).
    id: str
    ok: bool
    #: What was found.
    detail: Text
    #: What to do about it; None when the check passed.
    fix: Text | None = None


def check(cid: str, ok: bool, detail: Text, fix: Text | None = None) -> Check:
    """A check whose fix is kept only when it failed."""
    return Check(cid, ok, detail, None if ok else fix)


@dataclass(frozen=True)
class SelfTestReport:
    checks: tuple[Check, ...]

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.checks)

    def as_dict(self) -> dict[str, object]:
        return {"ok": self.ok, "checks": [
            {"check": c.id, "ok": c.ok, "detail": str(c.detail),
             "fix": str(c.fix) if c.fix is not None else None} for c in self.checks]}

    def lines(self) -> list[str]:
        """One English line per check, the fix after it when it failed."""
        out = []
        for c in self.checks:
            fix = f" -- fix: {c.fix}" if c.fix is not None else ""
            out.append(f"{'PASS' if c.ok else 'FAIL'}  {c.id:<11} {c.detail}{fix}")
        return out
