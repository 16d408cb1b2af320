"""The lane key store: the lane's signing key and the public keys clips are sealed to.

Layout of `<data>/keys/`:

- `lane-signing.pem`: the lane's Ed25519 private key (PKCS#8, mode 0600). It signs
  manifests; it cannot open clips.
- `lane-keys.json`: every lane public key ever used, oldest first, each one signed by its
  predecessor, so manifests signed before a rotation still verify.
- `manager.pub`: the manager's current age recipient; new clips are sealed to it.
- `manager-identities.age`: every manager identity ever generated, sealed with the manager
  passphrase (age scrypt). The lane never holds a plain identity, so a stolen lane PC
  cannot replay its own recordings.
- `auditors.txt`: optional further age recipients, one per line.
- `manager-signing.age`: the manager's Ed25519 signing key, sealed with the manager
  passphrase like the identities; it is the root of trust (see `endorsements`).
- `endorsements.json`: the manager public key and what it endorses (lane keys, recipient
  sets). Rotating the lane key or changing recipients needs the passphrase for that reason.

Every file is replaced atomically (temporary file, fsync, rename, fsync of the directory).
"""
from __future__ import annotations

import base64
import json
import logging
import os
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from ..core.clock import Clock, SystemClock
from .age import DEFAULT_WORK_FACTOR, X25519Identity, X25519Recipient, parse_identities
from .endorsements import (ENDORSEMENTS_FILE, Endorsements, check_document, lane_key_statement,
                           new_document, raw_public, read_document, recipients_statement,
                           sign_statement)
from .errors import InvalidKeyText, KeyStoreCorrupt, KeyStoreExists, KeyStoreMissing
from .passphrase_seal import seal, unseal
from ..durable import fsync_dir, write_durably
from .evidence.signing import key_id_for

log = logging.getLogger(__name__)

#: The lane's current Ed25519 private key.
SIGNING_KEY_FILE = "lane-signing.pem"
#: A rotated-in signing key not yet confirmed by the key history (crash safety).
NEXT_SIGNING_KEY_FILE = "lane-signing.next.pem"
#: History of lane public keys, each endorsed by the one before.
LANE_KEYS_FILE = "lane-keys.json"
#: The manager's current age recipient.
MANAGER_RECIPIENT_FILE = "manager.pub"
#: All manager identities, sealed to the manager passphrase.
MANAGER_IDENTITIES_FILE = "manager-identities.age"
#: Auditor age recipients, one per line, `#` comments allowed.
AUDITORS_FILE = "auditors.txt"
#: The manager's Ed25519 signing key (PKCS#8 PEM), sealed to the manager passphrase.
MANAGER_SIGNING_FILE = "manager-signing.age"
#: Prefix of the bytes a lane key signs to endorse its successor.
ENDORSEMENT_LABEL = b"posdesk lane key endorsement v1\n"
#: Version of the `lane-keys.json` layout.
LANE_KEYS_VERSION = 1
#: Modes of secret and public key files, and of the key directory.
SECRET_MODE, PUBLIC_MODE, DIRECTORY_MODE = 0o600, 0o644, 0o700


def _pem(key: Ed25519PrivateKey) -> bytes:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


class KeyStore:
    """The keys of one lane, kept in `directory`.

    Implements the evidence layer's `Signer` (`key_id`, `sign`). The scrypt work factor
    protects the manager identities; age's default is 18 (about a second), tests use less.
    """

    def __init__(self, directory: Path, *, work_factor: int = DEFAULT_WORK_FACTOR,
                 clock: Clock | None = None) -> None:
        self.directory = Path(directory)
        self.work_factor = work_factor
        self._clock = clock or SystemClock()
        self._signing_key: Ed25519PrivateKey | None = None

    # -- set-up ---------------------------------------------------------------------------

    def is_set_up(self) -> bool:
        return all((self.directory / name).exists() for name in
                   (SIGNING_KEY_FILE, LANE_KEYS_FILE, MANAGER_RECIPIENT_FILE,
                    MANAGER_IDENTITIES_FILE))

    def set_up(self, manager_passphrase: str) -> None:
        """Create the lane signing key and the manager identity (sealed to the passphrase)."""
        existing = [p.name for p in (self.directory.glob("*")) if not p.name.startswith(".")]
        if existing:
            raise KeyStoreExists(f"key directory {self.directory} already holds {existing}")
        self.directory.mkdir(parents=True, exist_ok=True)
        os.chmod(self.directory, DIRECTORY_MODE)
        signing = Ed25519PrivateKey.generate()
        manager = Ed25519PrivateKey.generate()
        identity = X25519Identity.generate()
        self._seal(MANAGER_SIGNING_FILE, _pem(manager), manager_passphrase)
        self._write_endorsements(new_document(manager), manager, [
            lane_key_statement(raw_public(signing.public_key()), self._now()),
            recipients_statement([str(identity.recipient())], self._now())])
        self._write_lane_keys([self._history_entry(signing.public_key(), None)])
        self._write_signing_key(SIGNING_KEY_FILE, signing)
        self._seal_manager_identities([identity], manager_passphrase)
        log.info("key store set up in %s (lane key %s, manager key %s)", self.directory,
                 self.key_id, self.manager_fingerprint)

    # -- lane signing key -----------------------------------------------------------------

    def signing_key(self) -> Ed25519PrivateKey:
        if self._signing_key is None:
            self._signing_key = self._load_signing_key()
        return self._signing_key

    def public_key(self) -> Ed25519PublicKey:
        return self.signing_key().public_key()

    @property
    def key_id(self) -> str:
        return key_id_for(raw_public(self.public_key()))

    def sign(self, data: bytes) -> bytes:
        return self.signing_key().sign(data)

    def lane_public_keys(self) -> dict[str, bytes]:
        """Every lane public key (raw 32 bytes) by key id, oldest first, chain checked."""
        return {key_id_for(raw): raw for raw in self._verified_history()}

    def rotate_lane_signing(self, passphrase: str) -> str:
        """Replace the signing key, endorsing the new public key with the old one and
        with the manager key (hence the passphrase).

        Returns the new key id. The old private key file is replaced; its public key stays
        in the history.
        """
        old = self.signing_key()
        new = Ed25519PrivateKey.generate()
        # The manager endorses first: an endorsed key that never became current is harmless.
        self._endorse(passphrase, [lane_key_statement(raw_public(new.public_key()), self._now())])
        history = self._read_lane_keys()
        # Order matters for a crash: the new key waits beside the old one until the
        # history names it, and only then becomes current (see `_load_signing_key`).
        self._write_signing_key(NEXT_SIGNING_KEY_FILE, new)
        self._write_lane_keys([*history, self._history_entry(new.public_key(), old)])
        os.replace(self.directory / NEXT_SIGNING_KEY_FILE, self.directory / SIGNING_KEY_FILE)
        fsync_dir(self.directory)
        self._signing_key = new
        log.info("lane signing key rotated to %s", self.key_id)
        return self.key_id

    def _history_entry(self, public: Ed25519PublicKey,
                       endorser: Ed25519PrivateKey | None) -> dict[str, Any]:
        raw = raw_public(public)
        entry: dict[str, Any] = {"key_id": key_id_for(raw),
                                 "public_key": base64.b64encode(raw).decode("ascii"),
                                 "created": self._clock.now().utc.isoformat()}
        if endorser is not None:
            endorser_raw = raw_public(endorser.public_key())
            endorsement = endorser.sign(ENDORSEMENT_LABEL + endorser_raw + raw)
            entry["endorsed_by"] = key_id_for(endorser_raw)
            entry["endorsement"] = base64.b64encode(endorsement).decode("ascii")
        return entry

    def _read_lane_keys(self) -> list[dict[str, Any]]:
        path = self._existing(LANE_KEYS_FILE)
        try:
            document = json.loads(path.read_text("utf-8"))
            if document.get("version") != LANE_KEYS_VERSION or not document["keys"]:
                raise ValueError(f"unknown layout version {document.get('version')!r}")
            return list(document["keys"])
        except (ValueError, KeyError, TypeError, AttributeError) as e:
            raise KeyStoreCorrupt(f"cannot read lane key history {path}: {e}") from e

    def _write_lane_keys(self, entries: list[dict[str, Any]]) -> None:
        text = json.dumps({"version": LANE_KEYS_VERSION, "keys": entries}, indent=2) + "\n"
        write_durably(self.directory / LANE_KEYS_FILE, text.encode("utf-8"), PUBLIC_MODE)

    def _verified_history(self) -> list[bytes]:
        path = self.directory / LANE_KEYS_FILE
        keys: list[bytes] = []
        for entry in self._read_lane_keys():
            try:
                raw = base64.b64decode(entry["public_key"], validate=True)
                if entry["key_id"] != key_id_for(raw):
                    raise ValueError(f"key id {entry['key_id']} does not match its key")
                if keys:
                    endorsement = base64.b64decode(entry["endorsement"], validate=True)
                    Ed25519PublicKey.from_public_bytes(keys[-1]).verify(
                        endorsement, ENDORSEMENT_LABEL + keys[-1] + raw)
            except (InvalidSignature, ValueError, KeyError, TypeError) as e:
                raise KeyStoreCorrupt(f"lane key history {path} is broken at entry "
                                      f"{len(keys)}: {e or 'bad endorsement'}") from e
            keys.append(raw)
        return keys

    def _write_signing_key(self, name: str, key: Ed25519PrivateKey) -> None:
        write_durably(self.directory / name, _pem(key), SECRET_MODE)

    def _read_signing_key(self, path: Path) -> Ed25519PrivateKey:
        try:
            key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        except (ValueError, TypeError) as e:
            raise KeyStoreCorrupt(f"cannot read lane signing key {path}: {e}") from e
        if not isinstance(key, Ed25519PrivateKey):
            raise KeyStoreCorrupt(f"lane signing key {path} is not an Ed25519 key")
        return key

    def _load_signing_key(self) -> Ed25519PrivateKey:
        newest = self._verified_history()[-1]
        pending = self.directory / NEXT_SIGNING_KEY_FILE
        if pending.exists():
            # A rotation was interrupted: finish it if the history already names the new key.
            if raw_public(self._read_signing_key(pending).public_key()) == newest:
                os.replace(pending, self.directory / SIGNING_KEY_FILE)
                log.warning("finished an interrupted lane key rotation in %s", self.directory)
            else:
                pending.unlink()
                log.warning("discarded an unconfirmed lane key from an interrupted rotation")
            fsync_dir(self.directory)
        key = self._read_signing_key(self._existing(SIGNING_KEY_FILE))
        if raw_public(key.public_key()) != newest:
            raise KeyStoreCorrupt(f"lane signing key in {self.directory} is not the newest "
                                  f"key of {LANE_KEYS_FILE}")
        return key

    # -- recipients -----------------------------------------------------------------------

    def manager_recipient(self) -> X25519Recipient:
        return self._parse_recipient(self._existing(MANAGER_RECIPIENT_FILE).read_text("ascii"),
                                     MANAGER_RECIPIENT_FILE)

    def auditor_recipients(self) -> list[X25519Recipient]:
        path = self.directory / AUDITORS_FILE
        if not path.exists():
            return []
        lines = (line.strip() for line in path.read_text("ascii").splitlines())
        return [self._parse_recipient(line, AUDITORS_FILE)
                for line in lines if line and not line.startswith("#")]

    def add_auditor(self, recipient: X25519Recipient | str, passphrase: str,
                    note: str = "") -> None:
        """Seal every future clip to `recipient` too; `note` says whose key it is. The
        manager endorses the new recipient set, so this needs the passphrase."""
        parsed = X25519Recipient.parse(recipient) if isinstance(recipient, str) else recipient
        if parsed in self.auditor_recipients():
            return
        self._endorse(passphrase, [recipients_statement(
            [str(r) for r in (*self._recipients_on_file(), parsed)], self._now())])
        path = self.directory / AUDITORS_FILE
        text = path.read_text("ascii") if path.exists() else ""
        comment = f"# {' '.join(note.split())}\n" if note else ""
        write_durably(path, (text + comment + f"{parsed}\n").encode("ascii", "replace"),
                      PUBLIC_MODE)

    def recipients(self) -> list[X25519Recipient]:
        """Everyone a new clip must be sealed to: the manager, then any auditors.

        Only a set the manager endorsed is used: a recipient added to (or replaced in) the
        files without the passphrase is ignored, so it never gets to open a clip.
        """
        on_file = self._recipients_on_file()
        if not (self.directory / ENDORSEMENTS_FILE).exists():
            return on_file  # a key store set up before endorsements existed
        endorsed = self.endorsements().newest_recipients
        if endorsed is None:
            raise KeyStoreCorrupt(f"{self.directory / ENDORSEMENTS_FILE} endorses no recipients")
        if frozenset(map(str, on_file)) != endorsed:
            log.warning("recipient files in %s differ from the manager's endorsement; "
                        "sealing to the endorsed recipients only", self.directory)
            return [self._parse_recipient(r, ENDORSEMENTS_FILE) for r in sorted(endorsed)]
        return on_file

    def _recipients_on_file(self) -> list[X25519Recipient]:
        return [self.manager_recipient(), *self.auditor_recipients()]

    def _parse_recipient(self, text: str, name: str) -> X25519Recipient:
        try:
            return X25519Recipient.parse(text)
        except InvalidKeyText as e:
            raise KeyStoreCorrupt(f"{self.directory / name}: {e}") from e

    # -- manager identities ---------------------------------------------------------------

    def unlock_manager_identities(self, passphrase: str) -> list[X25519Identity]:
        """Every manager identity, newest first; they open all clips ever sealed here."""
        try:
            return parse_identities(self.export_identity(passphrase))
        except InvalidKeyText as e:
            raise KeyStoreCorrupt(f"{self.directory / MANAGER_IDENTITIES_FILE}: {e}") from e

    def export_identity(self, passphrase: str) -> str:
        """The manager identities as an age identity file, for standard age tools."""
        data = self._unseal(MANAGER_IDENTITIES_FILE, passphrase)
        try:
            return data.decode("ascii")
        except UnicodeDecodeError as e:
            raise KeyStoreCorrupt(f"cannot open manager identities: {e}") from e

    def rotate_manager(self, passphrase: str) -> X25519Recipient:
        """Start sealing to a new manager identity; the old ones stay so old clips open."""
        identities = self.unlock_manager_identities(passphrase)
        new = X25519Identity.generate()
        self._endorse(passphrase, [recipients_statement(
            [str(r) for r in (new.recipient(), *self.auditor_recipients())], self._now())])
        self._seal_manager_identities([new, *identities], passphrase)
        log.info("manager key rotated to %s", new.recipient())
        return new.recipient()

    def change_passphrase(self, old: str, new: str) -> None:
        identities = self.unlock_manager_identities(old)
        if (self.directory / MANAGER_SIGNING_FILE).exists():
            self._seal(MANAGER_SIGNING_FILE, _pem(self._unlock_manager_signing(old)), new)
        self._seal_manager_identities(identities, new)

    # -- manager signing key (root of trust) -----------------------------------------------

    @property
    def manager_fingerprint(self) -> str:
        """The manager key's fingerprint, as `verify --manager-key` takes it."""
        return self.endorsements().fingerprint

    def endorsements(self) -> Endorsements:
        return check_document(read_document(self._existing(ENDORSEMENTS_FILE)))

    def _unlock_manager_signing(self, passphrase: str) -> Ed25519PrivateKey:
        pem = self._unseal(MANAGER_SIGNING_FILE, passphrase)
        try:
            key = serialization.load_pem_private_key(pem, password=None)
        except (ValueError, TypeError) as e:
            raise KeyStoreCorrupt(f"cannot read manager signing key: {e}") from e
        if not isinstance(key, Ed25519PrivateKey):
            raise KeyStoreCorrupt("the manager signing key is not an Ed25519 key")
        return key

    def _endorse(self, passphrase: str, statements: list[dict[str, Any]]) -> None:
        manager = self._unlock_manager_signing(passphrase)
        document = read_document(self._existing(ENDORSEMENTS_FILE))
        self._write_endorsements(document, manager, statements)

    def _write_endorsements(self, document: dict[str, Any], manager: Ed25519PrivateKey,
                            statements: list[dict[str, Any]]) -> None:
        document["statements"] += [sign_statement(manager, s) for s in statements]
        text = json.dumps(document, indent=2) + "\n"
        write_durably(self.directory / ENDORSEMENTS_FILE, text.encode("utf-8"), PUBLIC_MODE)

    def _seal(self, name: str, data: bytes, passphrase: str) -> None:
        write_durably(self.directory / name, seal(data, passphrase, self.work_factor),
                      SECRET_MODE)

    def _unseal(self, name: str, passphrase: str) -> bytes:
        return unseal(self._existing(name), passphrase, self.work_factor)

    def _now(self) -> str:
        return self._clock.now().utc.isoformat()

    def _seal_manager_identities(self, identities: list[X25519Identity], passphrase: str) -> None:
        created = self._clock.now().utc.isoformat()
        lines = [f"# posdesk manager identities, sealed {created}, newest first"]
        for identity in identities:
            lines += [f"# recipient: {identity.recipient()}", str(identity)]
        # The identities first: a crash before the recipient changes leaves clips sealed
        # to a key that can still be unlocked.
        self._seal(MANAGER_IDENTITIES_FILE, ("\n".join(lines) + "\n").encode("ascii"),
                   passphrase)
        write_durably(self.directory / MANAGER_RECIPIENT_FILE,
                      f"{identities[0].recipient()}\n".encode("ascii"), PUBLIC_MODE)

    def _existing(self, name: str) -> Path:
        path = self.directory / name
        if not path.exists():
            raise KeyStoreMissing(f"{path} is missing: set up the key store first")
        return path
