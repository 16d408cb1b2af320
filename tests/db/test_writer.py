import os
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from posdesk.db.database import close_database, open_database
from posdesk.db.models import AuditLog
from posdesk.db.audit import audit
from posdesk.db.sales import SaleStore
from posdesk.db.writer import DbWriter

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def quick_db(db_path):
    db = open_database(db_path, busy_timeout_ms=50)
    yield db
    close_database()


@pytest.fixture
def writer(quick_db):
    errors = []
    w = DbWriter(quick_db, on_error=lambda e, retry: errors.append((e, retry)), retry_delay=0.02)
    w.errors = errors
    w.start()
    yield w
    w.stop(timeout=5)


def test_jobs_run_in_order_on_one_thread_and_flush_waits_for_them(writer):
    threads = set()
    for i in range(50):
        writer.submit(lambda i=i: (threads.add(threading.current_thread().name), audit("anna", f"a{i}")))
    assert writer.flush(timeout=10)
    assert [r.action for r in AuditLog.select().order_by(AuditLog.id)] == [f"a{i}" for i in range(50)]
    assert threads == {"db-writer"} and writer.pending == 0


def test_a_locked_database_is_reported_then_retried_until_written(writer, db_path):
    blocker = sqlite3.connect(db_path, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    reported = threading.Event()
    outcomes = []

    def done(result, error):
        outcomes.append(error)
        if error is not None:
            reported.set()

    writer.submit(lambda: audit("anna", "while locked"), done)
    writer.submit(lambda: audit("anna", "after it"))
    assert reported.wait(10)
    assert not writer.flush(timeout=0.2)  # still waiting for the lock: nothing lost, nothing skipped
    blocker.execute("COMMIT")
    blocker.close()
    assert writer.flush(timeout=10)
    assert "locked" in str(outcomes[0]) and outcomes[-1] is None
    assert [r.action for r in AuditLog.select().order_by(AuditLog.id)] == ["while locked", "after it"]
    assert writer.errors[0][1] is True


def test_a_job_that_cannot_succeed_is_reported_kept_and_the_queue_goes_on(writer):
    outcomes = []
    writer.submit(lambda: 1 / 0, lambda r, e: outcomes.append(e))
    writer.submit(lambda: audit("anna", "next"))
    assert writer.flush(timeout=10)
    assert isinstance(outcomes[0], ZeroDivisionError) and writer.errors[0][1] is False
    assert len(writer.failed) == 1 and AuditLog.select().count() == 1
    # A job that fails halfway leaves nothing behind: it ran in its own transaction.
    writer.submit(lambda: (audit("anna", "half"), 1 / 0))
    assert writer.flush(timeout=10)
    assert AuditLog.select().count() == 1


@pytest.mark.slow
def test_killed_process_keeps_every_acknowledged_event(db_path):
    child = subprocess.Popen([sys.executable, "-m", "tests.db.writer_child", str(db_path)],
                             cwd=ROOT, stdout=subprocess.PIPE, text=True)
    acked = 0
    try:
        for line in child.stdout:
            acked = int(line.split()[1])
            if acked >= 40:
                break
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(10)
        child.stdout.close()
    assert acked >= 40
    open_database(db_path)
    try:
        seqs = [e.seq for e in SaleStore().load_events("killed")]
    finally:
        close_database()
    assert seqs[:acked] == list(range(1, acked + 1))
    assert seqs == list(range(1, len(seqs) + 1))  # at most the event in flight beyond, no holes


def test_audit_rows_appended_from_two_threads_stay_one_chain(tmp_path):
    import threading

    from posdesk.db.audit import audit, audit_chain_break
    from posdesk.db.database import close_database, open_database
    open_database(tmp_path / "audit.db")
    try:
        def many(who: str) -> None:
            for i in range(40):
                audit(who, f"{who}{i}")
        threads = [threading.Thread(target=many, args=(w,)) for w in ("a", "b")]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=60)
        assert AuditLog.select().count() == 80
        assert audit_chain_break(None) is None
    finally:
        close_database()
