"""Files an attacker can plant or swap: paths out of the data directory, swapped clips,
and what a manager's decrypted output is readable by."""
from __future__ import annotations

import json
import os
import stat

import pytest

from ..test_cli import posdesk
from .conftest import sales

pytestmark = pytest.mark.slow


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_swapped_clips_are_refused_before_decryption(lane):
    with_clips = [s for s in sales(lane) if s["recording"] and s["recording"]["clip"]]
    a, b = (lane / s["recording"]["clip"] for s in with_clips[:2])
    blob_a, blob_b = a.read_bytes(), b.read_bytes()
    a.write_bytes(blob_b)
    b.write_bytes(blob_a)
    out = lane / "clip.mp4"
    out.write_bytes(b"")
    os.chmod(out, 0o644)
    refused = posdesk(lane, "clip", "decrypt", str(with_clips[0]["receipt_no"]), "--out", str(out),
                      "--passphrase-file", str(lane / "pass.txt"), check=False)
    assert refused.returncode == 1
    assert "refused:" in refused.stderr and "holds the clip signed for sale" in refused.stderr
    assert out.read_bytes() == b""
    b.write_bytes(blob_b)  # put one back: the right clip opens, and only for its owner
    posdesk(lane, "clip", "decrypt", str(with_clips[1]["receipt_no"]), "--out", str(out),
            "--passphrase-file", str(lane / "pass.txt"))
    assert out.stat().st_size > 0 and _mode(out) == 0o600


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_data_directory_database_keys_and_exported_identity_are_private(lane):
    identity = lane / "identity.txt"
    identity.write_text("")
    os.chmod(identity, 0o644)
    os.chmod(lane, 0o755)
    posdesk(lane, "keys", "export-identity", "--out", str(identity),
            "--passphrase-file", str(lane / "pass.txt"))
    assert _mode(identity) == 0o600
    assert _mode(lane) == 0o700
    assert _mode(lane / "posdesk.db") == 0o600
    for name in ("lane-signing.pem", "manager-identities.age", "manager-signing.age"):
        assert _mode(lane / "keys" / name) == 0o600, name


def test_forged_pending_note_naming_a_file_outside_is_ignored_at_start_up(lane, tmp_path):
    victim = tmp_path / "victim.mp4.age"
    victim.write_bytes(b"someone else's file")
    pending = lane / "clips" / "pending"
    pending.mkdir(parents=True, exist_ok=True)
    note = json.loads(json.dumps({
        "sale": "forged", "lane": "L1", "receipt": "forged", "file": os.path.relpath(victim, lane),
        "start": {"utc": "2026-01-01T00:00:00+00:00", "mono_ns": 1}, "tracks": [],
        "watermark": "none", "recipients": [], "sealed_size": None}))
    (pending / "forged.json").write_text(json.dumps(note))
    posdesk(lane, "demo", "--sales", "0", "--headless")  # a real start-up with recovery
    assert victim.read_bytes() == b"someone else's file"
    assert posdesk(lane, "verify").returncode == 0


def test_chain_entry_naming_a_file_outside_is_named_not_read(lane):
    from posdesk.recording.keys import KeyStore

    from .conftest import resign_chain

    def point_out(body):
        if body.get("clip"):
            body["clip"]["file"] = "../../../../etc/passwd"
    resign_chain(lane, KeyStore(lane / "keys"), point_out)
    caught = posdesk(lane, "verify", check=False)
    assert caught.returncode == 1 and "unsafe-path" in caught.stdout
