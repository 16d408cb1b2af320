"""The one durable file write: what is on disk after it returns survives a power cut.

Every writer of state that must outlive a crash (the print queue, the card terminal's last
receipt, settings, keys, manifests, the evidence chain) goes through here, so the recipe is
right once: write a temporary file beside the target, fsync it, `os.replace` it over the
target (atomic: a crash leaves the old file or the new one, never half of either), then fsync
the directory so the new name itself is on disk.

It imports nothing of posdesk and does no more than file I/O, so every layer that writes
files (`recording`, `services`) may use it; `core` stays free of I/O.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

#: Mode of a file written without an explicit one (settings, queues, manifests).
DEFAULT_MODE = 0o644


def fsync_dir(path: Path) -> None:
    """Make the names in directory `path` durable. Windows has no directory handles to
    fsync (NTFS journals renames itself), so there it does nothing."""
    flag = getattr(os, "O_DIRECTORY", None)
    if flag is None:
        return
    fd = os.open(path, os.O_RDONLY | flag)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_durably(path: Path, data: bytes, mode: int = DEFAULT_MODE) -> None:
    """Replace `path` with `data` so that a crash at any point leaves the old file or the
    new one. The file never exists with looser permissions than `mode` (the temporary file
    is created private), and a failed write leaves no temporary file behind."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def write_text_durably(path: Path, text: str, *, mode: int = DEFAULT_MODE) -> None:
    write_durably(path, text.encode("utf-8"), mode=mode)


def append_durably(path: Path, record: bytes) -> None:
    """Append one record and make it durable before returning (the directory too, when the
    file is new)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    created = not path.exists()
    with open(path, "ab") as f:
        f.write(record)
        f.flush()
        os.fsync(f.fileno())
    if created:
        fsync_dir(path.parent)
