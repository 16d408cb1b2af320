"""Secrets sealed to the manager passphrase (age scrypt recipient), as the key store keeps them.

The manager identities and the manager signing key are each one age file that only the
passphrase opens; any standard age tool can open them too.
"""
from __future__ import annotations

import io
from pathlib import Path

from .age import MAX_WORK_FACTOR, AgeWriter, ScryptIdentity, ScryptRecipient, decrypt_bytes
from .errors import AgeError, KeyStoreCorrupt, NoIdentityMatch, WrongPassphrase


def seal(data: bytes, passphrase: str, work_factor: int) -> bytes:
    sealed = io.BytesIO()
    with AgeWriter(sealed, [ScryptRecipient(passphrase, work_factor)]) as writer:
        writer.write(data)
    return sealed.getvalue()


def unseal(path: Path, passphrase: str, work_factor: int) -> bytes:
    """The plaintext of `path`; `WrongPassphrase` apart from a damaged file."""
    identity = ScryptIdentity(passphrase, max_work_factor=max(MAX_WORK_FACTOR, work_factor))
    try:
        return decrypt_bytes(path.read_bytes(), [identity])
    except NoIdentityMatch as e:
        raise WrongPassphrase(f"the manager passphrase does not open {path}") from e
    except AgeError as e:
        raise KeyStoreCorrupt(f"cannot open {path}: {e}") from e
