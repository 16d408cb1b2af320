"""The key derivations and the file-key wrap every age recipient type shares.

age derives every key with HKDF-SHA-256 and wraps the 16-byte file key with
ChaCha20-Poly1305 under an all-zero nonce (each wrap key is used once).
"""
from __future__ import annotations

import logging

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

log = logging.getLogger(__name__)

#: Size of the symmetric file key every stanza wraps.
FILE_KEY_SIZE = 16
#: Poly1305 tag appended to every ChaCha20-Poly1305 ciphertext.
TAG_SIZE = 16
#: Wrap keys are single-use, so age wraps the file key under a zero nonce.
_ZERO_NONCE = bytes(12)


def hkdf_sha256(ikm: bytes, salt: bytes, info: bytes, length: int = 32) -> bytes:
    """HKDF-SHA-256 as age uses it (an empty salt means the RFC 5869 all-zero salt)."""
    return HKDF(algorithm=hashes.SHA256(), length=length, salt=salt or None, info=info).derive(ikm)


def wrap_file_key(wrap_key: bytes, file_key: bytes) -> bytes:
    return ChaCha20Poly1305(wrap_key).encrypt(_ZERO_NONCE, file_key, None)


class WrongBodySize(ValueError):
    """A stanza body is not exactly one wrapped file key long (a malformed stanza)."""


def unwrap_file_key(wrap_key: bytes, body: bytes) -> bytes | None:
    """The file key, or None when `wrap_key` is not the key this body was wrapped with.

    The size is checked first, as age does: a body of the wrong length is a malformed
    stanza (a header error), not merely someone else's stanza.
    """
    if len(body) != FILE_KEY_SIZE + TAG_SIZE:
        raise WrongBodySize(f"stanza body is {len(body)} bytes, not {FILE_KEY_SIZE + TAG_SIZE}")
    try:
        return ChaCha20Poly1305(wrap_key).decrypt(_ZERO_NONCE, body, None)
    except InvalidTag:
        return None
