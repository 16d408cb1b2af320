"""Audit rows from the command line and the viewer, written in turn with every other write."""
from __future__ import annotations

from typing import Protocol

from posdesk.db import audit as db_audit
from posdesk.db.writer import DbWriter


class Audit(Protocol):
    def __call__(self, user: str, action: str, **details: object) -> None: ...


def queued_audit(writer: DbWriter) -> Audit:
    """An audit that hands each row to the database's writer thread, so it is stored in
    order with the writes before it."""
    def write(user: str, action: str, **details: object) -> None:
        writer.submit(lambda: db_audit.audit(user, action, **details))
    return write
