"""Pseudo-terminal pairs: how simulators pose as serial devices.

The simulator keeps the master side; the application opens the slave path exactly like a
`/dev/ttyUSB0`. Raw mode matters: a cooked pty would translate CR/LF and eat DLE/ETX bytes.
"""
from __future__ import annotations

import os
import tty
from dataclasses import dataclass


@dataclass
class PtyPair:
    master_fd: int
    slave_fd: int
    #: The path the application opens as its serial port.
    path: str

    def close(self) -> None:
        """Close both sides once. A second call must not close the same numbers again:
        by then the OS may have given them to another file (a database, say)."""
        for fd in (self.master_fd, self.slave_fd):
            if fd < 0:
                continue
            try:
                os.close(fd)
            except OSError:
                pass
        self.master_fd = self.slave_fd = -1


def open_pty_pair() -> PtyPair:
    """Open a raw pty pair. The slave fd stays open so the master never reads EOF/EIO
    while the application is between opening and closing its side."""
    master, slave = os.openpty()
    tty.setraw(master)
    tty.setraw(slave)
    return PtyPair(master, slave, os.ttyname(slave))
