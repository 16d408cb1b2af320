"""Every age conformance vector shipped in `tests/recording/vectors/age`, one test each."""
from __future__ import annotations

import hashlib
import io
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from posdesk.recording.age import AgeReader, ScryptIdentity, X25519Identity
from posdesk.recording.errors import (ArmorError, HeaderError, HeaderMacError, NoIdentityMatch,
                                      PayloadError)

VECTOR_DIR = Path(__file__).resolve().parent / "vectors" / "age"
#: Files in the vector folder that are not vectors.
NOT_VECTORS = {"README.md", "LICENSE"}

EXPECTED_ERROR = {
    "no match": NoIdentityMatch,
    "HMAC failure": HeaderMacError,
    "header failure": HeaderError,
    "payload failure": PayloadError,
    "armor failure": ArmorError,
}
#: Prefix of post-quantum (ML-KEM hybrid) identities, which are not implemented.
HYBRID_IDENTITY_PREFIX = "AGE-SECRET-KEY-PQ-"


@dataclass
class Vector:
    expect: str
    payload_sha256: str | None
    identities: list[str] = field(default_factory=list)
    passphrases: list[str] = field(default_factory=list)
    armored: bool = False
    body: bytes = b""


def load_vector(path: Path) -> Vector:
    head, _, body = path.read_bytes().partition(b"\n\n")
    fields = [line.split(": ", 1) for line in head.decode("utf-8").splitlines()]
    values: dict[str, list[str]] = {}
    for key, value in fields:
        values.setdefault(key, []).append(value)
    if values.get("compressed") == ["zlib"]:
        body = zlib.decompress(body)
    return Vector(expect=values["expect"][0], payload_sha256=values.get("payload", [None])[0],
                  identities=values.get("identity", []), passphrases=values.get("passphrase", []),
                  armored=values.get("armored") == ["yes"], body=body)


def vector_names() -> list[str]:
    return sorted(p.name for p in VECTOR_DIR.iterdir() if p.is_file() and p.name not in NOT_VECTORS)


#: How many vectors the shipped folder holds (CCTV age/testdata at commit 1e3d286): a vector
#: lost in a copy or a merge fails here instead of silently not running.
VECTOR_COUNT = 143


def test_vector_folder_is_present_and_full() -> None:
    assert len(vector_names()) == VECTOR_COUNT, f"age vectors missing under {VECTOR_DIR}"


@pytest.mark.parametrize("name", vector_names())
def test_age_vector(name: str) -> None:
    vector = load_vector(VECTOR_DIR / name)
    if vector.armored:
        pytest.skip("armored (PEM) age files are not read: clips are binary")
    usable = [i for i in vector.identities if not i.startswith(HYBRID_IDENTITY_PREFIX)]
    if not usable and not vector.passphrases:
        pytest.skip("post-quantum (ML-KEM hybrid) identities are not implemented")
    identities = [X25519Identity.parse(i) for i in usable]
    identities += [ScryptIdentity(p) for p in vector.passphrases]

    released = hashlib.sha256()
    error: Exception | None = None
    try:
        for chunk in AgeReader(io.BytesIO(vector.body), identities):
            released.update(chunk)
    except (HeaderError, HeaderMacError, NoIdentityMatch, PayloadError, ArmorError) as e:
        error = e

    if vector.expect == "success":
        assert error is None, f"{name}: {error!r}"
    else:
        expected = EXPECTED_ERROR[vector.expect]
        assert isinstance(error, expected), f"{name}: expected {expected.__name__}, got {error!r}"
    if vector.payload_sha256 is not None:
        assert released.hexdigest() == vector.payload_sha256
