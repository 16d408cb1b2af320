"""The lane key store: set-up, reload, passphrase, rotation, and what lies on disk."""
from __future__ import annotations

import base64
import io
import json
import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from posdesk.core.clock import ManualClock
from posdesk.recording.age import AgeWriter, X25519Identity, decrypt_bytes
from posdesk.recording.errors import (KeyStoreCorrupt, KeyStoreExists, KeyStoreMissing,
                                      NoIdentityMatch, WrongPassphrase)
from posdesk.recording.evidence.signing import key_id_for
from posdesk.recording.keys import (LANE_KEYS_FILE, MANAGER_IDENTITIES_FILE,
                                    NEXT_SIGNING_KEY_FILE, SIGNING_KEY_FILE, KeyStore)

PASSPHRASE = "manager passphrase"
#: Small scrypt work factor so unlocking takes milliseconds in tests.
TEST_WORK_FACTOR = 8


def open_store(directory: Path) -> KeyStore:
    return KeyStore(directory, work_factor=TEST_WORK_FACTOR, clock=ManualClock())


@pytest.fixture
def store(tmp_path: Path) -> KeyStore:
    keys = open_store(tmp_path / "keys")
    keys.set_up(PASSPHRASE)
    return keys


def seal_clip(store: KeyStore, plaintext: bytes) -> bytes:
    out = io.BytesIO()
    with AgeWriter(out, store.recipients()) as writer:
        writer.write(plaintext)
    return out.getvalue()


def test_reloaded_store_has_same_keys_and_opens_its_clips(store: KeyStore) -> None:
    clip = seal_clip(store, b"sale 1")
    again = open_store(store.directory)
    assert again.is_set_up()
    assert again.key_id == store.key_id
    assert again.manager_recipient() == store.manager_recipient()
    assert decrypt_bytes(clip, again.unlock_manager_identities(PASSPHRASE)) == b"sale 1"


def test_signature_verifies_with_published_lane_key(store: KeyStore) -> None:
    signature = store.sign(b"manifest")
    public = Ed25519PublicKey.from_public_bytes(store.lane_public_keys()[store.key_id])
    public.verify(signature, b"manifest")
    assert store.key_id.startswith("ed25519:") and len(store.key_id) == len("ed25519:") + 16


def test_set_up_twice_is_refused(store: KeyStore) -> None:
    with pytest.raises(KeyStoreExists):
        open_store(store.directory).set_up("other")


def test_store_not_set_up_says_so(tmp_path: Path) -> None:
    keys = open_store(tmp_path / "keys")
    assert not keys.is_set_up()
    with pytest.raises(KeyStoreMissing):
        keys.recipients()


def test_wrong_passphrase_is_distinct(store: KeyStore) -> None:
    with pytest.raises(WrongPassphrase):
        store.unlock_manager_identities("guess")


def test_key_directory_holds_no_plain_identity(store: KeyStore) -> None:
    store.rotate_manager(PASSPHRASE)
    identities = store.unlock_manager_identities(PASSPHRASE)
    secrets = [str(i).encode() for i in identities]
    secrets += [i.private_key for i in identities]
    secrets += [base64.b64encode(i.private_key).rstrip(b"=") for i in identities]
    for path in store.directory.iterdir():
        data = path.read_bytes()
        assert b"AGE-SECRET-KEY" not in data.upper(), path.name
        assert not any(secret in data for secret in secrets), path.name
    clip = seal_clip(store, b"sale")
    with pytest.raises(NoIdentityMatch):
        decrypt_bytes(clip, [X25519Identity.generate()])
    assert decrypt_bytes(clip, identities) == b"sale"  # only the unlocked identities open it


def test_secret_files_are_private(store: KeyStore) -> None:
    for name in (SIGNING_KEY_FILE, MANAGER_IDENTITIES_FILE):
        assert stat.S_IMODE((store.directory / name).stat().st_mode) == 0o600, name
    assert stat.S_IMODE(store.directory.stat().st_mode) == 0o700
    store.rotate_lane_signing(PASSPHRASE)
    assert stat.S_IMODE((store.directory / SIGNING_KEY_FILE).stat().st_mode) == 0o600


def test_manager_rotation_keeps_old_clips_open(store: KeyStore) -> None:
    old_recipient = store.manager_recipient()
    old_clip = seal_clip(store, b"before rotation")
    new_recipient = store.rotate_manager(PASSPHRASE)
    new_clip = seal_clip(store, b"after rotation")

    assert new_recipient != old_recipient
    assert store.recipients() == [new_recipient]
    identities = open_store(store.directory).unlock_manager_identities(PASSPHRASE)
    assert decrypt_bytes(old_clip, identities) == b"before rotation"
    assert decrypt_bytes(new_clip, identities) == b"after rotation"
    newest = [i for i in identities if i.recipient() == new_recipient]
    with pytest.raises(NoIdentityMatch):
        decrypt_bytes(old_clip, newest)


def test_manager_rotation_needs_the_passphrase(store: KeyStore) -> None:
    before = store.manager_recipient()
    with pytest.raises(WrongPassphrase):
        store.rotate_manager("guess")
    assert store.manager_recipient() == before


def test_changed_passphrase_opens_and_old_one_does_not(store: KeyStore) -> None:
    clip = seal_clip(store, b"sale")
    store.change_passphrase(PASSPHRASE, "new passphrase")
    with pytest.raises(WrongPassphrase):
        store.unlock_manager_identities(PASSPHRASE)
    assert decrypt_bytes(clip, store.unlock_manager_identities("new passphrase")) == b"sale"


def test_auditor_receives_every_new_clip(store: KeyStore) -> None:
    auditor = X25519Identity.generate()
    store.add_auditor(str(auditor.recipient()), PASSPHRASE, note="tax office")
    store.add_auditor(auditor.recipient(), PASSPHRASE)  # adding twice keeps one entry
    assert open_store(store.directory).recipients() == [store.manager_recipient(),
                                                        auditor.recipient()]
    assert decrypt_bytes(seal_clip(store, b"sale"), [auditor]) == b"sale"


def test_signing_rotation_keeps_old_signatures_verifiable(store: KeyStore) -> None:
    old_id = store.key_id
    old_signature = store.sign(b"old manifest")
    new_id = store.rotate_lane_signing(PASSPHRASE)
    assert new_id != old_id and store.key_id == new_id

    keys = open_store(store.directory).lane_public_keys()
    assert list(keys) == [old_id, new_id]
    Ed25519PublicKey.from_public_bytes(keys[old_id]).verify(old_signature, b"old manifest")
    Ed25519PublicKey.from_public_bytes(keys[new_id]).verify(store.sign(b"new"), b"new")


def test_substituted_lane_key_in_history_is_detected(store: KeyStore) -> None:
    store.rotate_lane_signing(PASSPHRASE)
    path = store.directory / LANE_KEYS_FILE
    document = json.loads(path.read_text())
    impostor = base64.b64encode(os.urandom(32)).decode()
    document["keys"][-1]["public_key"] = impostor
    document["keys"][-1]["key_id"] = key_id_for(base64.b64decode(impostor))
    path.write_text(json.dumps(document))
    with pytest.raises(KeyStoreCorrupt):
        open_store(store.directory).lane_public_keys()


def test_interrupted_signing_rotation_recovers_on_load(store: KeyStore) -> None:
    old_id = store.key_id
    shutil.copy(store.directory / SIGNING_KEY_FILE, store.directory / "old.pem")
    new_id = store.rotate_lane_signing(PASSPHRASE)
    # Put the directory back to the moment before the final rename.
    os.replace(store.directory / SIGNING_KEY_FILE, store.directory / NEXT_SIGNING_KEY_FILE)
    os.replace(store.directory / "old.pem", store.directory / SIGNING_KEY_FILE)
    reopened = open_store(store.directory)
    assert reopened.key_id == new_id != old_id
    assert not (store.directory / NEXT_SIGNING_KEY_FILE).exists()


def test_rotation_cut_before_history_keeps_the_old_key(store: KeyStore) -> None:
    old_id = store.key_id
    stray = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption())
    (store.directory / NEXT_SIGNING_KEY_FILE).write_bytes(stray)
    reopened = open_store(store.directory)
    assert reopened.key_id == old_id
    assert list(reopened.lane_public_keys()) == [old_id]
    assert not (store.directory / NEXT_SIGNING_KEY_FILE).exists()


@pytest.mark.skipif(shutil.which("age") is None, reason="the age tool is not installed")
def test_exported_identity_opens_clips_with_age_tool(store: KeyStore, tmp_path: Path) -> None:
    old_clip = tmp_path / "old.age"
    old_clip.write_bytes(seal_clip(store, b"old sale"))
    store.rotate_manager(PASSPHRASE)
    identity_file = tmp_path / "manager.txt"
    identity_file.write_text(store.export_identity(PASSPHRASE))
    result = subprocess.run(["age", "-d", "-i", str(identity_file), str(old_clip)],
                            capture_output=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout == b"old sale"


def test_manager_key_endorses_the_lane_key_and_recipients(store: KeyStore) -> None:
    endorsed = store.endorsements()
    assert endorsed.fingerprint == store.manager_fingerprint
    assert store.key_id in endorsed.lane_keys and endorsed.rejected == []
    assert endorsed.newest_recipients == frozenset({str(store.manager_recipient())})
    assert (store.directory / "manager-signing.age").read_bytes().startswith(b"age-encryption.org/v1")


def test_lane_key_rotation_needs_the_passphrase_and_is_endorsed(store: KeyStore) -> None:
    before = store.key_id
    with pytest.raises(WrongPassphrase):
        store.rotate_lane_signing("guess")
    assert open_store(store.directory).key_id == before
    new_id = store.rotate_lane_signing(PASSPHRASE)
    assert set(open_store(store.directory).endorsements().lane_keys) == {before, new_id}


def test_forged_endorsement_is_rejected(store: KeyStore) -> None:
    path = store.directory / "endorsements.json"
    document = json.loads(path.read_text())
    document["statements"][0]["statement"]["key_id"] = "ed25519:0000000000000000"
    path.write_text(json.dumps(document))
    endorsed = open_store(store.directory).endorsements()
    assert store.key_id not in endorsed.lane_keys
    assert endorsed.rejected == [f"statement 1 is not signed by manager key {store.manager_fingerprint}"]


def test_changed_passphrase_also_opens_the_manager_signing_key(store: KeyStore) -> None:
    store.change_passphrase(PASSPHRASE, "new passphrase")
    with pytest.raises(WrongPassphrase):
        store.rotate_lane_signing(PASSPHRASE)
    store.rotate_lane_signing("new passphrase")


def test_recipient_files_changed_without_the_passphrase_are_not_sealed_to(store: KeyStore) -> None:
    endorsed = store.recipients()
    thief = X25519Identity.generate()
    (store.directory / "auditors.txt").write_text(f"{thief.recipient()}\n")
    assert open_store(store.directory).recipients() == endorsed
    with pytest.raises(NoIdentityMatch):
        decrypt_bytes(seal_clip(open_store(store.directory), b"sale"), [thief])
