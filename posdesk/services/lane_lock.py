"""One process per lane: an operating-system lock on the data directory.

Two tills on one data directory resume each other's sales and break the receipt sequence and
the evidence chain, so a process that opens the lane first takes an exclusive lock on
`posdesk.lock` in the data directory and holds it until it exits. The kernel releases the
lock when the process dies (even by `kill -9` or a power cut), so a stale lock file never
blocks a restart: only a living holder does. The file holds the holder's pid, for the message.

POSIX uses `fcntl.lockf` (a record lock: it belongs to the process and is not inherited by
children, so a recorder child outliving its parent cannot keep the lane locked); Windows uses
`msvcrt.locking` on the first byte.
"""
from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

log = logging.getLogger(__name__)

#: The lock file's name inside the data directory.
LOCK_NAME = "posdesk.lock"

#: Bytes locked on Windows (msvcrt locks a byte range; the pid is written past it).
_WIN_LOCK_BYTES = 1


class LaneLocked(Exception):
    """Another process holds the lane's data directory."""

    def __init__(self, data_dir: Path, pid: int | None):
        self.data_dir, self.pid = data_dir, pid
        holder = f"process {pid}" if pid else "another process"
        super().__init__(f"the lane in {data_dir} is in use by {holder} "
                         "(posdesk runs once per data directory)")


class LaneLock:
    """An exclusive lock on a data directory; `acquire()` raises `LaneLocked` if it is held."""

    def __init__(self, data_dir: Path):
        self.path = Path(data_dir) / LOCK_NAME
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            _lock(fd)
        except OSError as e:
            pid = _read_pid(fd)
            os.close(fd)
            raise LaneLocked(self.path.parent, pid) from e
        self._fd = fd
        _write_pid(fd, os.getpid())
        log.info("lane %s locked by process %d", self.path.parent, os.getpid())

    def release(self) -> None:
        """Give the lane up (closing the file releases the lock); safe to call twice."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        os.close(fd)


if sys.platform == "win32":  # pragma: no cover - exercised on Windows lanes
    import msvcrt

    def _lock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, _WIN_LOCK_BYTES)

    _PID_OFFSET = _WIN_LOCK_BYTES  # a locked byte cannot be read by the second process
else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    _PID_OFFSET = 0


def _write_pid(fd: int, pid: int) -> None:
    os.ftruncate(fd, _PID_OFFSET)
    os.lseek(fd, _PID_OFFSET, os.SEEK_SET)
    os.write(fd, f"{pid}\n".encode("ascii"))
    os.fsync(fd)


def _read_pid(fd: int) -> int | None:
    try:
        os.lseek(fd, _PID_OFFSET, os.SEEK_SET)
        text = os.read(fd, 32).decode("ascii", "replace").strip()
        return int(text) if text.isdigit() else None
    except OSError:
        return None
