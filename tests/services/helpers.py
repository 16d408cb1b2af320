"""Helpers the service tests share."""
import json
import sqlite3
import time
from collections.abc import Callable
from typing import Any


def wait_for(lane: Any, condition: Callable[[], bool], timeout: float = 60.0) -> None:
    """Run the lane's queued callbacks (what the GUI thread would do) until `condition` holds.

    The timeout is generous on purpose: it only runs out when the test fails, and a busy
    machine must not fail a correct test.
    """
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        lane.dispatch.run_pending()
        if condition():
            return
        time.sleep(0.02)
    raise AssertionError("condition not met in time")


def settle(services: Any, timeout: float = 10.0) -> None:
    """Let the writer save what was queued and run what it posted back (a completed sale
    finishes, prints and opens the drawer only once its commit is on disk)."""
    assert services.writer.flush(timeout), "database writer did not catch up"
    services.dispatch.run_pending()


def db_rows(services: Any, sql: str) -> list[tuple[Any, ...]]:
    """Rows of the lane's SQLite file as another program sees them, once queued writes are in."""
    services.writer.flush(10)
    con = sqlite3.connect(services.data_dir / "posdesk.db")
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def audit_rows(services: Any, action: str) -> list[tuple[str, dict[str, Any]]]:
    """(user, details) of the audit rows of `action`, without the chain's own fields."""
    rows = db_rows(services, f"select user, details from audit_log where action = '{action}' order by id")
    return [(user, {k: v for k, v in json.loads(details).items() if not k.startswith("_")})
            for user, details in rows]
