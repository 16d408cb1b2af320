"""Errors of the recording layer. Sub-packages subclass `RecordingError`."""
from __future__ import annotations


class RecordingError(Exception):
    """Base of every recording, sealing and verification failure."""


class AgeError(RecordingError):
    """Base of every failure to read or write an age v1 (age-encryption.org/v1) file."""


class InvalidKeyText(AgeError):
    """A recipient (`age1...`) or identity (`AGE-SECRET-KEY-1...`) string does not parse."""


class NoIdentityMatch(AgeError):
    """None of the given identities opens any recipient stanza of the file."""


class HeaderError(AgeError):
    """The header is malformed, truncated, or a matching stanza is invalid."""


class HeaderMacError(AgeError):
    """The header parses and a file key was found, but the header MAC does not match."""


class ArmorError(AgeError):
    """The file is ASCII-armored (PEM); armor is not read, clips are always binary."""


class PayloadError(AgeError):
    """The payload after a good header cannot be read to its end.

    `partial` holds the plaintext released before the failure when the caller asked for
    the whole payload at once (`decrypt_bytes`); iterating callers already have it.
    """

    partial: bytes = b""


class TruncatedPayload(PayloadError):
    """The payload stops early: no final chunk, or the file ends inside a chunk.

    This is what a power cut or a killed recorder leaves; everything released before
    the error is authenticated.
    """


class TamperedPayload(PayloadError):
    """A whole chunk fails authentication, the final chunk is invalid, or data follows it."""


class KeyStoreError(RecordingError):
    """Base of every key store failure; the message names the key directory or file."""


class KeyStoreMissing(KeyStoreError):
    """The key directory has not been set up (or a key file is missing)."""


class KeyStoreExists(KeyStoreError):
    """Set-up was asked for a key directory that already holds keys."""


class KeyStoreCorrupt(KeyStoreError):
    """A key file exists but does not hold what the key store wrote."""


class WrongPassphrase(KeyStoreError):
    """The manager passphrase does not open the stored manager identities."""
