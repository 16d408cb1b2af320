"""The lane's keys as the command line manages them: set up, rotated, the manager's
identity exported. Every change needs the manager passphrase and leaves an audit row."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from posdesk.recording.errors import WrongPassphrase
from posdesk.recording.evidence.private_files import write_private
from posdesk.recording.keys import KeyStore

from .audit_log import Audit
from .setup import MIN_PASSPHRASE

#: Who the audit log names for an action the manager passphrase allowed.
PASSPHRASE_HOLDER = "manager (passphrase)"
#: Who the audit log names for an export made on the command line.
COMMAND_LINE = "cli"


class KeysRefused(Exception):
    """A key action that cannot be done; the message says why in one line."""


@dataclass(frozen=True)
class KeyFacts:
    """What `posdesk keys show` prints: public keys and fingerprints only."""

    key_id: str
    lane_keys: tuple[str, ...]
    manager_recipient: str
    manager_fingerprint: str
    auditor_recipients: tuple[str, ...]


class KeyAdmin:
    def __init__(self, *, keys: KeyStore, audit: Audit):
        self._keys = keys
        self._audit = audit

    def is_set_up(self) -> bool:
        return self._keys.is_set_up()

    def set_up(self, passphrase: str) -> KeyFacts:
        """Make the lane signing key and the manager key sealed with `passphrase`."""
        if self._keys.is_set_up():
            raise KeysRefused("the keys are already set up (posdesk keys rotate to replace them)")
        if len(passphrase) < MIN_PASSPHRASE:
            raise KeysRefused(f"the manager passphrase needs at least {MIN_PASSPHRASE} characters")
        self._keys.set_up(passphrase)
        return self.facts()

    def facts(self) -> KeyFacts:
        keys = self._keys
        return KeyFacts(keys.key_id, tuple(keys.lane_public_keys()), str(keys.manager_recipient()),
                        keys.manager_fingerprint, tuple(str(r) for r in keys.auditor_recipients()))

    def rotate(self, which: str, passphrase: str) -> str:
        """A new lane signing key (`which` "lane": its id, endorsed by the manager key) or
        manager key (its recipient)."""
        try:
            if which == "lane":
                new = self._keys.rotate_lane_signing(passphrase)
            else:
                new = str(self._keys.rotate_manager(passphrase))
        except WrongPassphrase as e:
            raise KeysRefused("wrong manager passphrase") from e
        self._audit(PASSPHRASE_HOLDER, "key_rotated", which=which)
        return new

    def export_identity(self, passphrase: str, out: Path) -> None:
        """Write the manager's private identity to `out`, readable by its owner only."""
        try:
            text = self._keys.export_identity(passphrase)
        except WrongPassphrase as e:
            raise KeysRefused("wrong manager passphrase") from e
        write_private(out, text.encode("utf-8"))
        self._audit(COMMAND_LINE, "identity_exported", out=str(out))
