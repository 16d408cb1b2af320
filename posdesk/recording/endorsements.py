"""The manager's endorsements: the root of trust that the lane cannot forge.

The lane signs its evidence, but whoever can write the lane's files can also use the lane's
key. The manager's Ed25519 signing key is sealed with the manager passphrase and never
usable by the lane alone; with it the manager endorses each lane signing key (and each
rotation) and each set of age recipients clips may be sealed to. `verify` then trusts only
what the manager key endorsed, and the manager key itself is pinned by its fingerprint,
which the manager keeps off the lane (`posdesk keys init` prints it).

`endorsements.json` holds the manager public key and a list of signed statements:

```
{"version": 1, "manager_key": "<base64 raw Ed25519>",
 "statements": [{"statement": {"kind": "lane-key", "key_id": ..., "public_key": ...,
                                "created": ...}, "signature": "<base64>"},
                {"statement": {"kind": "recipients", "recipients": [...], ...}, ...}]}
```
A statement is signed as `ENDORSEMENT_LABEL + canonical JSON of the statement`.
"""
from __future__ import annotations

import base64
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from .errors import KeyStoreCorrupt
from .evidence.manifest import canonical_json
from .evidence.signing import key_id_for

log = logging.getLogger(__name__)

#: The endorsements file in the key directory.
ENDORSEMENTS_FILE = "endorsements.json"
#: Prefix of the bytes the manager key signs, so no other signature can be replayed as one.
ENDORSEMENT_LABEL = b"posdesk manager endorsement v1\n"
#: Version of the endorsements file layout.
ENDORSEMENTS_VERSION = 1
#: Statement kinds.
LANE_KEY, RECIPIENTS = "lane-key", "recipients"


def raw_public(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def lane_key_statement(public_raw: bytes, created: str) -> dict[str, Any]:
    return {"kind": LANE_KEY, "key_id": key_id_for(public_raw),
            "public_key": base64.b64encode(public_raw).decode("ascii"), "created": created}


def recipients_statement(recipients: list[str], created: str) -> dict[str, Any]:
    return {"kind": RECIPIENTS, "recipients": sorted(recipients), "created": created}


def sign_statement(manager: Ed25519PrivateKey, statement: dict[str, Any]) -> dict[str, Any]:
    signature = manager.sign(ENDORSEMENT_LABEL + canonical_json(statement))
    return {"statement": statement, "signature": base64.b64encode(signature).decode("ascii")}


@dataclass
class Endorsements:
    """What the manager key in `endorsements.json` vouches for, signatures checked.

    Statements whose signature fails are left out and described in `rejected`.
    """

    manager_public: bytes
    lane_keys: dict[str, bytes] = field(default_factory=dict)
    recipient_sets: list[frozenset[str]] = field(default_factory=list)  # oldest first
    rejected: list[str] = field(default_factory=list)

    @property
    def fingerprint(self) -> str:
        return key_id_for(self.manager_public)

    def endorses_recipients(self, recipients: list[str] | tuple[str, ...]) -> bool:
        return frozenset(recipients) in self.recipient_sets

    @property
    def newest_recipients(self) -> frozenset[str] | None:
        return self.recipient_sets[-1] if self.recipient_sets else None


def new_document(manager: Ed25519PrivateKey) -> dict[str, Any]:
    return {"version": ENDORSEMENTS_VERSION,
            "manager_key": base64.b64encode(raw_public(manager.public_key())).decode("ascii"),
            "statements": []}


def read_document(path: Path) -> dict[str, Any]:
    try:
        document = json.loads(path.read_text("utf-8"))
        if document.get("version") != ENDORSEMENTS_VERSION:
            raise ValueError(f"unknown layout version {document.get('version')!r}")
        if not isinstance(document["statements"], list):
            raise ValueError("statements is not a list")
        base64.b64decode(document["manager_key"], validate=True)
        return document
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as e:
        raise KeyStoreCorrupt(f"cannot read manager endorsements {path}: {e}") from e


def check_document(document: dict[str, Any]) -> Endorsements:
    """The statements of `document` whose manager signature holds."""
    manager_raw = base64.b64decode(document["manager_key"], validate=True)
    found = Endorsements(manager_raw)
    try:
        manager = Ed25519PublicKey.from_public_bytes(manager_raw)
    except ValueError:
        found.rejected.append("the manager key is not an Ed25519 public key")
        return found
    for number, item in enumerate(document["statements"], start=1):
        try:
            statement = item["statement"]
            signature = base64.b64decode(item["signature"], validate=True)
            manager.verify(signature, ENDORSEMENT_LABEL + canonical_json(statement))
            if statement["kind"] == LANE_KEY:
                raw = base64.b64decode(statement["public_key"], validate=True)
                if key_id_for(raw) != statement["key_id"]:
                    raise ValueError("key id does not match its key")
                found.lane_keys[statement["key_id"]] = raw
            elif statement["kind"] == RECIPIENTS:
                found.recipient_sets.append(frozenset(statement["recipients"]))
        except InvalidSignature:
            found.rejected.append(f"statement {number} is not signed by manager key "
                                  f"{found.fingerprint}")
        except (ValueError, KeyError, TypeError) as e:
            found.rejected.append(f"statement {number} is unreadable: {e}")
    return found
