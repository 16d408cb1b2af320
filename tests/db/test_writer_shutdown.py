"""Closing while the database cannot be written never drops a queued job: `stop` says it is
not done, keeps every job, and finishes them once the database takes writes again."""
import sqlite3
import threading

import pytest

from posdesk.db.audit import audit
from posdesk.db.database import close_database, open_database
from posdesk.db.models import AuditLog
from posdesk.db.writer import DbWriter


@pytest.fixture
def quick_db(db_path):
    db = open_database(db_path, busy_timeout_ms=50)
    yield db
    close_database()


def test_stop_while_the_database_refuses_writes_keeps_every_job(quick_db, db_path):
    reported = threading.Event()
    writer = DbWriter(quick_db, on_error=lambda e, retry: reported.set(), retry_delay=0.02,
                      max_retry_delay=0.1)
    writer.start()
    blocker = sqlite3.connect(db_path, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")  # like a full disk: every write fails for now
    try:
        for i in range(40):
            writer.submit(lambda i=i: audit("anna", f"receipt {i}"))
        assert reported.wait(10)
        assert writer.stop(timeout=0.3) is False, "stop claimed success with unwritten jobs"
        assert writer.pending == 40
        with pytest.raises(RuntimeError):
            writer.submit(lambda: audit("anna", "after stop"))
    finally:
        blocker.execute("COMMIT")
        blocker.close()
    assert writer.stop(timeout=30) is True
    assert writer.pending == 0
    assert [r.action for r in AuditLog.select().order_by(AuditLog.id)] == [f"receipt {i}" for i in range(40)]
