"""age v1 (age-encryption.org/v1) files, written and read as streams: how clips are sealed.

Why not a `cryptography` recipe such as Fernet: a clip is encrypted *while* it is being
recorded and must stay readable up to its last whole chunk when the recording is cut
off, so encryption has to be a chunked stream with an explicit end (age's STREAM).
Managers and auditors must be able to open clips with any standard age tool, so the
format is age itself, checked against the shared age conformance vectors. Only this
package and the key store touch the hazardous primitives (X25519, ChaCha20-Poly1305, HKDF,
HMAC, scrypt).

Armored (PEM) age files and post-quantum (ML-KEM hybrid) recipients are not read: clips
are always binary and sealed to X25519 recipients.
"""
from __future__ import annotations

from .header import Stanza
from .recipients import (DEFAULT_WORK_FACTOR, MAX_WORK_FACTOR, Identity, Recipient,
                         ScryptIdentity, ScryptRecipient, X25519Identity, X25519Recipient,
                         parse_identities)
from .stream import (CHUNK_SIZE, SEALED_CHUNK_SIZE, AgeReader, AgeWriter, decrypt_bytes,
                     sealed_prefix_length)

__all__ = [
    "CHUNK_SIZE", "DEFAULT_WORK_FACTOR", "MAX_WORK_FACTOR", "SEALED_CHUNK_SIZE", "AgeReader",
    "AgeWriter", "Identity", "Recipient", "ScryptIdentity", "ScryptRecipient", "Stanza",
    "X25519Identity", "X25519Recipient", "decrypt_bytes", "parse_identities",
    "sealed_prefix_length",
]
