"""PIN tries that name no user, counted per lane in the audit log.

A PIN typed alone (PIN-only login, the manager approval box) cannot be charged to one user's
lockout, so the lane counts them: every rejection and acceptance is an audit row, which
makes the count survive a restart and leaves the trail a manager reads.
"""
from __future__ import annotations

from datetime import datetime

from .audit import append
from .models import AuditLog

#: Audit actions of PIN tries without a name.
REJECTED, ACCEPTED, LOCKED_OUT = "pin_rejected", "pin_accepted", "pin_locked_out"
#: How far back rejections are looked for (the longest run that still matters).
LOOKBACK = 200


def record(lane: str, action: str, utc: datetime, **details: object) -> None:
    append(utc, "", action, {"lane": lane, **details})


def failures_in_a_row(lane: str) -> tuple[int, datetime | None]:
    """Rejections on `lane` since its last accepted PIN, and when the newest one was."""
    rows = (AuditLog.select().where(AuditLog.action.in_([REJECTED, ACCEPTED]))
            .order_by(AuditLog.id.desc()).limit(LOOKBACK))
    count, newest = 0, None
    for row in rows:
        if (row.details or {}).get("lane") != lane:
            continue
        if row.action == ACCEPTED:
            break
        count += 1
        newest = newest or row.utc
    return count, newest
