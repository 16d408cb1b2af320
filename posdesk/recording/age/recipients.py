"""age recipient and identity types: X25519 keys and scrypt passphrases.

A recipient wraps the file key into stanzas; an identity unwraps it from the stanzas
meant for it. `unwrap` returns None for "not mine" and raises `HeaderError` for a stanza of
its type that is malformed, because age treats those differently (next identity vs. stop).
"""
from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass
from typing import Protocol, Sequence

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from ..errors import HeaderError, InvalidKeyText
from . import bech32
from .header import Stanza, b64decode_strict, b64encode_raw
from .primitives import WrongBodySize, hkdf_sha256, unwrap_file_key, wrap_file_key

log = logging.getLogger(__name__)

#: Human-readable part of an X25519 recipient (`age1...`).
RECIPIENT_HRP = "age"
#: Human-readable part of an X25519 identity (`AGE-SECRET-KEY-1...`, written upper-case).
IDENTITY_HRP = "AGE-SECRET-KEY-"
#: Stanza type and HKDF info of X25519 recipients.
X25519_TYPE = "X25519"
_X25519_INFO = b"age-encryption.org/v1/X25519"
#: Size of an X25519 public or private key.
X25519_KEY_SIZE = 32
#: Stanza type of passphrase recipients, and the scrypt salt label.
SCRYPT_TYPE = "scrypt"
_SCRYPT_LABEL = b"age-encryption.org/v1/scrypt"
#: Random salt per scrypt stanza.
SCRYPT_SALT_SIZE = 16
#: age's default work factor (log2 of scrypt N): about one second here.
DEFAULT_WORK_FACTOR = 18
#: Largest work factor a reader accepts, as age: beyond it a file could stall a reader for minutes.
MAX_WORK_FACTOR = 22
_DECIMAL = re.compile(r"[1-9][0-9]*")


class Recipient(Protocol):
    def wrap(self, file_key: bytes) -> list[Stanza]: ...


class Identity(Protocol):
    def unwrap(self, stanzas: Sequence[Stanza]) -> bytes | None: ...


def _unwrap_checked(wrap_key: bytes, body: bytes, kind: str) -> bytes | None:
    try:
        return unwrap_file_key(wrap_key, body)
    except WrongBodySize as e:
        raise HeaderError(f"invalid {kind} stanza: {e}") from e


def _decode_key(text: str, hrp: str, what: str, form: str) -> bytes:
    """The 32 key bytes of a bech32 age key with human-readable part `hrp`."""
    try:
        found, data = bech32.decode(text.strip())
    except bech32.Bech32Error as e:
        raise InvalidKeyText(f"not an age {what}: {e}") from e
    if found != hrp or len(data) != X25519_KEY_SIZE:
        raise InvalidKeyText(f"not an age X25519 {what} ({form})")
    return data


@dataclass(frozen=True)
class X25519Recipient:
    """An `age1...` public key."""

    public_key: bytes

    @classmethod
    def parse(cls, text: str) -> X25519Recipient:
        return cls(_decode_key(text, RECIPIENT_HRP, "recipient", "age1..."))

    def __str__(self) -> str:
        return bech32.encode(RECIPIENT_HRP, self.public_key)

    def wrap(self, file_key: bytes) -> list[Stanza]:
        ephemeral = X25519PrivateKey.generate()
        share = ephemeral.public_key().public_bytes_raw()
        secret = ephemeral.exchange(X25519PublicKey.from_public_bytes(self.public_key))
        wrap_key = hkdf_sha256(secret, share + self.public_key, _X25519_INFO)
        return [Stanza(X25519_TYPE, (b64encode_raw(share),), wrap_file_key(wrap_key, file_key))]


@dataclass(frozen=True, repr=False)
class X25519Identity:
    """An `AGE-SECRET-KEY-1...` private key (its repr never shows the key)."""

    private_key: bytes

    @classmethod
    def generate(cls) -> X25519Identity:
        return cls(X25519PrivateKey.generate().private_bytes_raw())

    @classmethod
    def parse(cls, text: str) -> X25519Identity:
        return cls(_decode_key(text, IDENTITY_HRP, "identity", "AGE-SECRET-KEY-1..."))

    def __str__(self) -> str:
        return bech32.encode(IDENTITY_HRP, self.private_key).upper()

    def __repr__(self) -> str:
        return f"X25519Identity(recipient={self.recipient()})"

    def recipient(self) -> X25519Recipient:
        private = X25519PrivateKey.from_private_bytes(self.private_key)
        return X25519Recipient(private.public_key().public_bytes_raw())

    def unwrap(self, stanzas: Sequence[Stanza]) -> bytes | None:
        for stanza in stanzas:
            if stanza.type == X25519_TYPE and (file_key := self._unwrap_one(stanza)):
                return file_key
        return None

    def _unwrap_one(self, stanza: Stanza) -> bytes | None:
        if len(stanza.args) != 1:
            raise HeaderError("invalid X25519 stanza: expected one argument")
        try:
            share = b64decode_strict(stanza.args[0])
        except ValueError as e:
            raise HeaderError(f"invalid X25519 stanza share: {e}") from e
        if len(share) != X25519_KEY_SIZE:
            raise HeaderError("invalid X25519 stanza: share is not 32 bytes")
        private = X25519PrivateKey.from_private_bytes(self.private_key)
        try:
            secret = private.exchange(X25519PublicKey.from_public_bytes(share))
        except ValueError as e:
            # The all-zero shared secret of a low-order point; age rejects the file.
            raise HeaderError("invalid X25519 stanza: low-order share") from e
        recipient = private.public_key().public_bytes_raw()
        wrap_key = hkdf_sha256(secret, share + recipient, _X25519_INFO)
        return _unwrap_checked(wrap_key, stanza.body, X25519_TYPE)


def _scrypt_key(passphrase: str, salt: bytes, work_factor: int) -> bytes:
    kdf = Scrypt(salt=_SCRYPT_LABEL + salt, length=32, n=1 << work_factor, r=8, p=1)
    return kdf.derive(passphrase.encode("utf-8"))


@dataclass(frozen=True, repr=False)
class ScryptRecipient:
    """A passphrase; a file sealed to it may have no other recipient."""

    passphrase: str
    work_factor: int = DEFAULT_WORK_FACTOR

    def __post_init__(self) -> None:
        if not 1 <= self.work_factor <= MAX_WORK_FACTOR:
            raise ValueError(f"scrypt work factor {self.work_factor} outside 1..{MAX_WORK_FACTOR}")

    def __repr__(self) -> str:
        return f"ScryptRecipient(work_factor={self.work_factor})"

    def wrap(self, file_key: bytes) -> list[Stanza]:
        salt = os.urandom(SCRYPT_SALT_SIZE)
        wrap_key = _scrypt_key(self.passphrase, salt, self.work_factor)
        args = (b64encode_raw(salt), str(self.work_factor))
        return [Stanza(SCRYPT_TYPE, args, wrap_file_key(wrap_key, file_key))]


@dataclass(frozen=True, repr=False)
class ScryptIdentity:
    """A passphrase to open scrypt stanzas, refusing work factors above `max_work_factor`."""

    passphrase: str
    max_work_factor: int = MAX_WORK_FACTOR

    def __repr__(self) -> str:
        return f"ScryptIdentity(max_work_factor={self.max_work_factor})"

    def unwrap(self, stanzas: Sequence[Stanza]) -> bytes | None:
        mine = [s for s in stanzas if s.type == SCRYPT_TYPE]
        if mine and len(stanzas) != 1:
            # A passphrase file readable by others too would defeat the passphrase.
            raise HeaderError("an scrypt stanza must be the only stanza")
        return self._unwrap_one(mine[0]) if mine else None

    def _unwrap_one(self, stanza: Stanza) -> bytes | None:
        if len(stanza.args) != 2:
            raise HeaderError("invalid scrypt stanza: expected salt and work factor")
        try:
            salt = b64decode_strict(stanza.args[0])
        except ValueError as e:
            raise HeaderError(f"invalid scrypt salt: {e}") from e
        if len(salt) != SCRYPT_SALT_SIZE:
            raise HeaderError("invalid scrypt stanza: salt is not 16 bytes")
        if not _DECIMAL.fullmatch(stanza.args[1]):
            raise HeaderError(f"invalid scrypt work factor {stanza.args[1][:20]!r}")
        # Two digits cover every acceptable factor; longer text need not be parsed at all.
        work_factor = int(stanza.args[1]) if len(stanza.args[1]) <= 2 else self.max_work_factor + 1
        if work_factor > self.max_work_factor:
            raise HeaderError(f"scrypt work factor {stanza.args[1][:20]} "
                              f"above {self.max_work_factor}")
        return _unwrap_checked(_scrypt_key(self.passphrase, salt, work_factor), stanza.body,
                               SCRYPT_TYPE)


def parse_identities(text: str) -> list[X25519Identity]:
    """X25519 identities of an identity file: one per line, `#` comments and blanks skipped."""
    lines = (line.strip() for line in text.splitlines())
    return [X25519Identity.parse(line) for line in lines if line and not line.startswith("#")]
