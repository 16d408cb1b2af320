"""The audit log: who did what, when (logins, approvals, drawer openings, user changes)."""
from __future__ import annotations

import json
import logging
from datetime import datetime, timezone
from typing import Any

from .models import AuditLog

log = logging.getLogger(__name__)


def audit(user: str, action: str, **details: Any) -> None:
    """Append one audit row. Details are stored as JSON; values JSON cannot hold become text."""
    clean = json.loads(json.dumps(details, default=str))
    AuditLog.create(utc=datetime.now(timezone.utc), user=user or "", action=action, details=clean)
    log.debug("audit %s %s %s", user, action, clean)


def audit_entries(limit: int = 100) -> list[AuditLog]:
    """The newest audit rows first."""
    return list(AuditLog.select().order_by(AuditLog.id.desc()).limit(limit))
