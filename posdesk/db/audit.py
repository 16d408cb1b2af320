"""The audit log: who did what, when (logins, approvals, drawer openings, user changes).

The log is hash-chained: each row's details carry `_prev`, the hash of the row before it,
so a row deleted or edited in the middle breaks the chain. The head (row count and last
hash) goes into every signed evidence manifest, so deleting the newest rows, or all of
them, is caught too (`posdesk verify`).
"""
from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from peewee import SqliteDatabase

from .models import AuditLog, db

log = logging.getLogger(__name__)

#: Member of a row's details holding the previous row's hash.
PREV_MEMBER = "_prev"


@dataclass(frozen=True)
class AuditHead:
    rows: int
    hash: str | None


def audit(user: str, action: str, **details: Any) -> None:
    """Append one audit row. Details are stored as JSON; values JSON cannot hold become text."""
    append(datetime.now(timezone.utc), user or "", action, details)


def append(utc: datetime, user: str, action: str, details: dict[str, Any]) -> None:
    """Append one row, chained to the one before it."""
    clean = json.loads(json.dumps(details, default=str))
    # IMMEDIATE on SQLite: two threads appending at once must not chain to the same row.
    with db.atomic("IMMEDIATE") if isinstance(db.obj, SqliteDatabase) else db.atomic():
        last = AuditLog.select().order_by(AuditLog.id.desc()).first()
        clean[PREV_MEMBER] = row_hash(last) if last is not None else None
        AuditLog.create(utc=utc, user=user, action=action, details=clean)
    log.debug("audit %s %s %s", user, action, clean)


def row_hash(row: AuditLog) -> str:
    text = json.dumps([AuditLog.utc.db_value(row.utc), row.user, row.action, row.details],
                      sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def audit_head() -> AuditHead:
    """The number of rows and the newest row's hash, as a manifest signs them."""
    rows = AuditLog.select().count()
    last = AuditLog.select().order_by(AuditLog.id.desc()).first()
    return AuditHead(rows, row_hash(last) if last is not None else None)


def audit_chain_break(signed: AuditHead | None) -> str | None:
    """Why the stored log is not the chained log a manifest signed (None: it is)."""
    prev: str | None = None
    position = 0
    seen_signed = signed is None or signed.rows == 0
    for position, row in enumerate(AuditLog.select().order_by(AuditLog.id), start=1):
        if (row.details or {}).get(PREV_MEMBER) != prev:
            return (f"audit row {row.id} ({row.action}) does not follow the row before it "
                    "(rows deleted or edited)")
        prev = row_hash(row)
        if signed is not None and position == signed.rows:
            if prev != signed.hash:
                return f"audit row {row.id} is not the row {signed.rows} the evidence signed"
            seen_signed = True
    if not seen_signed:
        return (f"the audit log has {position} rows; the evidence signed {signed.rows} "
                "(rows deleted)")
    return None


def audit_entries(limit: int = 100) -> list[AuditLog]:
    """The newest audit rows first."""
    return list(AuditLog.select().order_by(AuditLog.id.desc()).limit(limit))
