"""Ed25519 signatures over canonical chain entries.

The lane's private key stays in the key store, which signs through the `Signer` protocol;
this module only puts the signature into an entry and checks it against the lane's key
history (every public key the lane has ever used, by key id), so a rotated key does not
invalidate older evidence.
"""
from __future__ import annotations

import base64
import hashlib
import logging
from typing import Any, Mapping, Protocol

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from .manifest import canonical_json

log = logging.getLogger(__name__)

#: Member of an entry holding {"key_id", "ed25519"}; everything else is what is signed.
SIGNATURE_MEMBER = "signature"


class Signer(Protocol):
    """Signs bytes with the lane's Ed25519 key (the key store implements this)."""

    @property
    def key_id(self) -> str: ...

    def sign(self, data: bytes) -> bytes: ...


def key_id_for(public_raw: bytes) -> str:
    """A short, stable name for an Ed25519 public key: its SHA-256, first 16 hex digits."""
    return "ed25519:" + hashlib.sha256(public_raw).hexdigest()[:16]


def signed_bytes(body: Mapping[str, Any]) -> bytes:
    return canonical_json({k: v for k, v in body.items() if k != SIGNATURE_MEMBER})


def sign_body(body: dict[str, Any], signer: Signer) -> bytes:
    """Canonical bytes of `body` with the lane's signature added."""
    signature = signer.sign(signed_bytes(body))
    sealed = dict(body)
    sealed[SIGNATURE_MEMBER] = {"key_id": signer.key_id,
                                "ed25519": base64.b64encode(signature).decode("ascii")}
    return canonical_json(sealed)


def check_signature(body: Mapping[str, Any], public_keys: Mapping[str, bytes]) -> str | None:
    """None when the signature is good; otherwise why not, in plain English."""
    sig = body.get(SIGNATURE_MEMBER)
    if not isinstance(sig, dict) or "key_id" not in sig or "ed25519" not in sig:
        return "entry carries no signature"
    public_raw = public_keys.get(sig["key_id"])
    if public_raw is None:
        return f"signed with unknown key {sig['key_id']}"
    try:
        signature = base64.b64decode(sig["ed25519"], validate=True)
        Ed25519PublicKey.from_public_bytes(public_raw).verify(signature, signed_bytes(body))
    except (InvalidSignature, ValueError, TypeError):
        return f"signature does not match key {sig['key_id']}"
    return None
