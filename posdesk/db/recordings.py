"""The database's index of each sale's sealed clip and manifest.

The evidence itself lives in files (the clip, its manifest, the chain log); this table is how
a manager finds them from a sale in seconds, and what `posdesk sales list --json` shows.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from .models import Recording, Sale, db


@dataclass(frozen=True)
class RecordingInfo:
    sale_id: str
    status: str
    clip_path: str | None
    manifest_path: str | None
    size: int
    sha256: str | None
    duration_ms: int | None
    key_ids: list[str]


def _info(row: Recording) -> RecordingInfo:
    return RecordingInfo(row.sale_id, row.status, row.clip_path or None, row.manifest_path,
                         row.size, row.sha256, row.duration_ms, list(row.key_ids or []))


class RecordingStore:
    def upsert(self, sale_id: str, *, status: str, clip_path: str | None, manifest_path: str,
               size: int, sha256: str | None, duration_ms: int | None, key_ids: list[str],
               now: datetime) -> None:
        """One row per sale: the newest manifest wins (a truncated clip's recovery, or a
        tombstone after a purge, replaces what was there)."""
        if not Sale.select().where(Sale.id == sale_id).exists():
            return  # a sale the database never saw (journal lost): the chain still has it
        with db.atomic():
            fields: dict[str, Any] = dict(status=status, clip_path=clip_path or "",
                                          manifest_path=manifest_path, size=size, sha256=sha256,
                                          duration_ms=duration_ms, key_ids=key_ids, updated_utc=now)
            updated = Recording.update(**fields).where(Recording.sale == sale_id).execute()
            if not updated:
                Recording.create(sale=sale_id, created_utc=now, **fields)

    def get(self, sale_id: str) -> RecordingInfo | None:
        row = Recording.get_or_none(Recording.sale == sale_id)
        return _info(row) if row else None

    def set_legal_hold(self, sale_id: str, hold: bool) -> bool:
        return bool(Recording.update(legal_hold=hold).where(Recording.sale == sale_id).execute())

    def legal_holds(self) -> set[str]:
        return {r.sale_id for r in Recording.select(Recording.sale).where(Recording.legal_hold == True)}  # noqa: E712

    def all(self) -> dict[str, RecordingInfo]:
        return {r.sale_id: _info(r) for r in Recording.select()}
