"""A full disk is named as a full disk, not as the failed rollback SQLite leaves behind."""
import sqlite3

from peewee import OperationalError

from posdesk.db.errors import DiskFull, storage_error


def _rollback_after_full_disk() -> BaseException:
    try:
        try:
            raise sqlite3.OperationalError("database or disk is full")
        except sqlite3.OperationalError:
            raise OperationalError("cannot rollback - no transaction is active")
    except OperationalError as e:
        return e


def test_the_cause_behind_a_failed_rollback_is_named_disk_full():
    error = storage_error(_rollback_after_full_disk())
    assert isinstance(error, DiskFull)
    assert "disk is full" in str(error) and "rollback" not in str(error)
    assert "disk is full" in str(error.text)


def test_other_errors_pass_unchanged():
    locked = OperationalError("database is locked")
    assert storage_error(locked) is locked
    full = OSError(28, "No space left on device")
    assert isinstance(storage_error(full), DiskFull)
