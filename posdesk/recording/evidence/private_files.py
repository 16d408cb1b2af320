"""Files only the lane's user may read: decrypted clips, exported identities, the database.

`open(path, "w")` keeps the mode of a file that already exists, so a decrypted clip written
over an old 0644 file would be readable by everyone; here the mode is set whatever existed.
"""
from __future__ import annotations

import os
from pathlib import Path

#: Mode of private files and of the data directory (POSIX; Windows uses its ACLs).
FILE_MODE, DIRECTORY_MODE = 0o600, 0o700


def write_private(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0),
                 FILE_MODE)
    with os.fdopen(fd, "wb") as f:
        if hasattr(os, "fchmod"):
            os.fchmod(f.fileno(), FILE_MODE)
        f.write(data)


def make_private(path: Path, *, directory: bool = False) -> None:
    """Restrict `path` to its owner (no-op off POSIX); a directory is created if missing,
    a file that does not exist is left alone."""
    if directory:
        path.mkdir(parents=True, exist_ok=True)
    elif not path.exists():
        return
    if os.name == "posix":
        os.chmod(path, DIRECTORY_MODE if directory else FILE_MODE)
