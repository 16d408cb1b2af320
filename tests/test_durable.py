"""The one durable-file write, and that every writer of state that must survive a power cut
uses it (the file and its directory are fsynced before the write returns)."""
import os
import stat

import pytest

from posdesk import durable
from posdesk.devices.escpos.queue import PrintQueue
from posdesk.durable import write_durably
from posdesk.recording.evidence.files import write_atomic
from posdesk.recording.keys import KeyStore
from posdesk.services.config import Config
from posdesk.services.payments import TerminalState
from posdesk.services.printing import QueueFile


@pytest.fixture
def synced(monkeypatch):
    """Paths fsynced through the helper: files by their name, directories by theirs."""
    seen: list[str] = []
    real = os.fsync

    def fsync(fd):
        seen.append(os.readlink(f"/proc/self/fd/{fd}"))
        real(fd)
    monkeypatch.setattr(durable.os, "fsync", fsync)
    return seen


def test_replaces_the_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "state.json"
    target.write_bytes(b"old")
    write_durably(target, b"new", 0o600)
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["state.json"]


def test_a_failed_write_keeps_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "state.json"
    target.write_bytes(b"old")

    def full(*_args):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(durable.os, "replace", full)
    with pytest.raises(OSError):
        write_durably(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["state.json"]


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="needs /proc to name fsynced files")
@pytest.mark.parametrize("writer", ["print queue", "terminal state", "config", "keys", "manifest"])
def test_every_state_writer_syncs_file_and_directory(tmp_path, synced, writer):
    if writer == "print queue":
        target = tmp_path / "print-queue.json"
        QueueFile(target).save(PrintQueue())
    elif writer == "terminal state":
        target = tmp_path / "terminal.json"
        TerminalState(target).save(42)
    elif writer == "config":
        target = tmp_path / "posdesk.toml"
        Config(target).save()
    elif writer == "keys":
        KeyStore(tmp_path / "keys").set_up("correct horse battery")
        target = tmp_path / "keys" / "manager.pub"
    else:
        target = tmp_path / "manifest.json"
        write_atomic(target, b"{}")
    assert target.exists()
    assert str(target.parent) in synced, "the directory holding the new name was not synced"
    assert any(p.startswith(str(target.parent / f".{target.name}.")) for p in synced), \
        "the file's content was not synced before it replaced the old one"
