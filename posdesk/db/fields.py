"""Portable column types: UTC instants as ISO text and JSON as text.

Both are stored as plain text so SQLite and PostgreSQL hold the very same bytes: the journal
must come back exactly as written for its canonical hash to verify, and fixed-width UTC ISO
text sorts like the instant it names.
"""
from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

from peewee import TextField


class UtcDateTimeField(TextField):
    """An aware datetime, stored in UTC as `YYYY-MM-DDTHH:MM:SS.ffffff+00:00`."""

    def db_value(self, value: datetime | None) -> str | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value} for {self.name}: timestamps are UTC")
        return value.astimezone(timezone.utc).isoformat(timespec="microseconds")

    def python_value(self, value: str | None) -> datetime | None:
        return None if value is None else datetime.fromisoformat(value)


class JsonField(TextField):
    """A JSON document (dict or list) kept as compact, key-sorted text."""

    def db_value(self, value: Any) -> str | None:
        if value is None:
            return None
        return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)

    def python_value(self, value: str | None) -> Any:
        return None if value is None else json.loads(value)
