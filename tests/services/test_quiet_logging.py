"""Logging never floods the terminal and survives its own write errors (a full disk)."""
import logging

from posdesk.services.quiet_logging import RepeatFilter, SafeFileHandler


def _record(msg="database write failed: disk full"):
    return logging.LogRecord("posdesk.db.writer", logging.ERROR, __file__, 1, msg, None, None)


def test_a_repeated_message_is_shown_once_per_window_then_counted():
    now = [0.0]
    repeat = RepeatFilter(window=30, clock=lambda: now[0])
    shown = [repeat.filter(_record()) for _ in range(400)]
    assert shown.count(True) == 1
    now[0] = 31.0
    later = _record()
    assert repeat.filter(later)
    assert later.getMessage().endswith("(and 399 more like it)")
    assert repeat.filter(_record("another message"))


def test_a_log_file_that_cannot_be_written_says_so_once_without_traceback(tmp_path, capfd):
    handler = SafeFileHandler(tmp_path / "posdesk.log", maxBytes=1000, backupCount=1)
    handler.stream.close()
    handler.stream = open("/dev/full", "w")  # every write fails with ENOSPC
    try:
        for _ in range(300):
            handler.emit(_record())
    finally:
        handler.close()
    err = capfd.readouterr().err
    assert "Logging error" not in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1 and "cannot write the log file" in err
