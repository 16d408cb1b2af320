"""Clips sealed here open with the standard `age` tool, and files it makes open here."""
from __future__ import annotations

import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from posdesk.recording.age import (CHUNK_SIZE, SEALED_CHUNK_SIZE, AgeReader, AgeWriter,
                                   X25519Identity, X25519Recipient, decrypt_bytes)
from posdesk.recording.age.header import parse_header
from posdesk.recording.errors import TruncatedPayload

AGE = shutil.which("age")
AGE_KEYGEN = shutil.which("age-keygen")
pytestmark = pytest.mark.skipif(AGE is None, reason="the age command-line tool is not installed")


@pytest.fixture
def identity_file(tmp_path: Path) -> tuple[X25519Identity, Path]:
    identity = X25519Identity.generate()
    path = tmp_path / "identity.txt"
    path.write_text(f"# test identity\n{identity}\n")
    return identity, path


def age_decrypt(sealed: Path, identity_path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([AGE, "-d", "-i", str(identity_path), str(sealed)],
                          capture_output=True, timeout=60)


def test_clip_sealed_here_opens_with_age_tool(tmp_path, identity_file) -> None:
    identity, identity_path = identity_file
    plaintext = os.urandom(3 * CHUNK_SIZE + 777)
    sealed = tmp_path / "clip.age"
    with open(sealed, "wb") as f, AgeWriter(f, [identity.recipient()]) as writer:
        for start in range(0, len(plaintext), 10_000):
            writer.write(plaintext[start:start + 10_000])
    result = age_decrypt(sealed, identity_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == plaintext


def test_file_sealed_by_age_tool_opens_here(tmp_path, identity_file) -> None:
    identity, _ = identity_file
    plaintext = os.urandom(2 * CHUNK_SIZE)
    result = subprocess.run([AGE, "-e", "-r", str(identity.recipient())], input=plaintext,
                            capture_output=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert decrypt_bytes(result.stdout, [identity]) == plaintext


def test_truncated_clip_fails_in_age_tool_but_both_release_same_prefix(tmp_path,
                                                                      identity_file) -> None:
    identity, identity_path = identity_file
    plaintext = os.urandom(3 * CHUNK_SIZE + 5)
    out = io.BytesIO()
    with AgeWriter(out, [identity.recipient()]) as writer:
        writer.write(plaintext)
    sealed = out.getvalue()
    cut = parse_header(io.BytesIO(sealed)).length + 16 + 2 * SEALED_CHUNK_SIZE
    truncated = tmp_path / "cut.age"
    truncated.write_bytes(sealed[:cut])

    result = age_decrypt(truncated, identity_path)
    assert result.returncode != 0

    released = bytearray()
    with pytest.raises(TruncatedPayload):
        for chunk in AgeReader(io.BytesIO(sealed[:cut]), [identity]):
            released += chunk
    assert bytes(released) == plaintext[:2 * CHUNK_SIZE]
    assert result.stdout == bytes(released)


@pytest.mark.skipif(AGE_KEYGEN is None, reason="age-keygen is not installed")
def test_keys_from_age_keygen_parse_to_the_same_recipient(tmp_path) -> None:
    key_file = tmp_path / "key.txt"
    subprocess.run([AGE_KEYGEN, "-o", str(key_file)], check=True, capture_output=True,
                   timeout=60)
    secret = next(line for line in key_file.read_text().splitlines()
                  if line.startswith("AGE-SECRET-KEY-"))
    public = subprocess.run([AGE_KEYGEN, "-y", str(key_file)], check=True,
                            capture_output=True, text=True, timeout=60).stdout.strip()
    identity = X25519Identity.parse(secret)
    assert str(identity) == secret
    assert identity.recipient() == X25519Recipient.parse(public)
    assert str(identity.recipient()) == public
