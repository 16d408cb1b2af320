"""Round trips, streaming behaviour and tamper detection of the age writer and reader."""
from __future__ import annotations

import io
import os
import random

import pytest

from posdesk.recording.age import (CHUNK_SIZE, SEALED_CHUNK_SIZE, AgeReader, AgeWriter,
                                   ScryptIdentity, ScryptRecipient, X25519Identity,
                                   X25519Recipient, decrypt_bytes, parse_identities,
                                   sealed_prefix_length)
from posdesk.recording.age.bech32 import Bech32Error, decode, encode
from posdesk.recording.age.header import parse_header
from posdesk.recording.errors import (ArmorError, HeaderError, HeaderMacError,
                                      InvalidKeyText, NoIdentityMatch, PayloadError,
                                      TamperedPayload, TruncatedPayload)

NONCE = 16


@pytest.fixture(scope="module")
def identity() -> X25519Identity:
    return X25519Identity.generate()


def seal(plaintext: bytes, identity: X25519Identity) -> bytes:
    out = io.BytesIO()
    with AgeWriter(out, [identity.recipient()]) as writer:
        writer.write(plaintext)
    return out.getvalue()


def header_length(sealed: bytes) -> int:
    return parse_header(io.BytesIO(sealed)).length


def read_until_error(sealed: bytes, identities: list) -> tuple[bytes, Exception | None]:
    released = bytearray()
    try:
        for chunk in AgeReader(io.BytesIO(sealed), identities):
            released += chunk
    except (PayloadError, HeaderError) as e:
        return bytes(released), e
    return bytes(released), None


@pytest.mark.parametrize("size", [0, 1, CHUNK_SIZE - 1, CHUNK_SIZE, CHUNK_SIZE + 1,
                                  3 * CHUNK_SIZE, 5 * CHUNK_SIZE + 123])
def test_round_trip_restores_plaintext_at_chunk_boundaries(size: int, identity) -> None:
    plaintext = os.urandom(size)
    sealed = seal(plaintext, identity)
    chunks = max(1, -(-size // CHUNK_SIZE))
    assert len(sealed) == header_length(sealed) + NONCE + size + 16 * chunks
    assert decrypt_bytes(sealed, [identity]) == plaintext


def test_many_small_writes_read_back_as_one_stream(identity) -> None:
    rng = random.Random(7)
    pieces = [rng.randbytes(rng.randint(0, 5000)) for _ in range(120)]
    out = io.BytesIO()
    writer = AgeWriter(out, [identity.recipient()])
    for piece in pieces:
        writer.write(piece)
    writer.finish()
    assert decrypt_bytes(out.getvalue(), [identity]) == b"".join(pieces)


def test_whole_chunks_reach_the_file_before_finish(identity) -> None:
    out = io.BytesIO()
    writer = AgeWriter(out, [identity.recipient()])
    start = len(out.getvalue())
    writer.write(b"a" * CHUNK_SIZE)
    assert len(out.getvalue()) == start, "a full chunk may still be the final one"
    writer.write(b"b")
    assert len(out.getvalue()) == start + SEALED_CHUNK_SIZE
    # What a crash would leave now: one authenticated chunk, reported as truncated.
    released, error = read_until_error(out.getvalue(), [identity])
    assert released == b"a" * CHUNK_SIZE
    assert isinstance(error, TruncatedPayload)


def test_exception_in_with_block_leaves_stream_unsealed(identity) -> None:
    out = io.BytesIO()
    with pytest.raises(RuntimeError):
        with AgeWriter(out, [identity.recipient()]) as writer:
            writer.write(b"x" * (2 * CHUNK_SIZE + 10))
            raise RuntimeError("encoder died")
    released, error = read_until_error(out.getvalue(), [identity])
    assert released == b"x" * (2 * CHUNK_SIZE)
    assert isinstance(error, TruncatedPayload)


def test_finished_writer_refuses_more_data(identity) -> None:
    writer = AgeWriter(io.BytesIO(), [identity.recipient()])
    writer.finish()
    with pytest.raises(ValueError):
        writer.write(b"late")
    with pytest.raises(ValueError):
        writer.finish()


def test_every_recipient_can_open_alone() -> None:
    manager, auditor, stranger = (X25519Identity.generate() for _ in range(3))
    out = io.BytesIO()
    with AgeWriter(out, [manager.recipient(), auditor.recipient()]) as writer:
        writer.write(b"evidence")
    assert decrypt_bytes(out.getvalue(), [manager]) == b"evidence"
    assert decrypt_bytes(out.getvalue(), [auditor]) == b"evidence"
    with pytest.raises(NoIdentityMatch):
        decrypt_bytes(out.getvalue(), [stranger])


def test_passphrase_round_trip_and_wrong_passphrase() -> None:
    out = io.BytesIO()
    with AgeWriter(out, [ScryptRecipient("correct horse", work_factor=4)]) as writer:
        writer.write(b"secret")
    assert decrypt_bytes(out.getvalue(), [ScryptIdentity("correct horse")]) == b"secret"
    with pytest.raises(NoIdentityMatch):
        decrypt_bytes(out.getvalue(), [ScryptIdentity("wrong horse")])


def test_reader_refuses_work_factor_above_its_cap() -> None:
    out = io.BytesIO()
    with AgeWriter(out, [ScryptRecipient("pw", work_factor=12)]) as writer:
        writer.write(b"x")
    with pytest.raises(HeaderError):
        decrypt_bytes(out.getvalue(), [ScryptIdentity("pw", max_work_factor=11)])


def test_passphrase_cannot_be_combined_with_other_recipients(identity) -> None:
    with pytest.raises(ValueError):
        AgeWriter(io.BytesIO(), [ScryptRecipient("pw", work_factor=4), identity.recipient()])


def test_altered_header_mac_is_a_mac_failure(identity) -> None:
    sealed = bytearray(seal(b"payload", identity))
    mac_at = sealed.index(b"\n--- ") + 5
    sealed[mac_at] = ord("B") if sealed[mac_at] != ord("B") else ord("C")
    with pytest.raises(HeaderMacError):
        decrypt_bytes(bytes(sealed), [identity])


def test_recipient_added_to_header_is_detected(identity) -> None:
    sealed = seal(b"payload", identity)
    at = sealed.index(b"\n") + 1
    forged = sealed[:at] + b"-> X25519 " + b"A" * 43 + b"\n" + b"A" * 43 + b"\n" + sealed[at:]
    with pytest.raises((HeaderMacError, HeaderError)):
        decrypt_bytes(forged, [identity])


def test_altered_wrapped_key_does_not_open(identity) -> None:
    sealed = bytearray(seal(b"payload", identity))
    body_at = sealed.index(b"\n", sealed.index(b"-> X25519")) + 5
    sealed[body_at] = ord("A") if sealed[body_at] != ord("A") else ord("B")
    with pytest.raises(NoIdentityMatch):
        decrypt_bytes(bytes(sealed), [identity])


@pytest.mark.parametrize("where", ["body", "tag"])
def test_altered_middle_chunk_is_tampered_after_releasing_prefix(where: str, identity) -> None:
    plaintext = os.urandom(3 * CHUNK_SIZE)
    sealed = bytearray(seal(plaintext, identity))
    chunk1 = header_length(sealed) + NONCE + SEALED_CHUNK_SIZE
    offset = 1000 if where == "body" else SEALED_CHUNK_SIZE - 1
    sealed[chunk1 + offset] ^= 0x01
    released, error = read_until_error(bytes(sealed), [identity])
    assert released == plaintext[:CHUNK_SIZE]
    assert isinstance(error, TamperedPayload)


def test_swapped_chunks_are_tampered(identity) -> None:
    plaintext = os.urandom(3 * CHUNK_SIZE)
    sealed = seal(plaintext, identity)
    start = header_length(sealed) + NONCE
    first = sealed[start:start + SEALED_CHUNK_SIZE]
    second = sealed[start + SEALED_CHUNK_SIZE:start + 2 * SEALED_CHUNK_SIZE]
    swapped = sealed[:start] + second + first + sealed[start + 2 * SEALED_CHUNK_SIZE:]
    released, error = read_until_error(swapped, [identity])
    assert released == b""
    assert isinstance(error, TamperedPayload)


def test_data_after_whole_final_chunk_is_tampered(identity) -> None:
    plaintext = os.urandom(CHUNK_SIZE)
    sealed = seal(plaintext, identity)
    released, error = read_until_error(sealed + b"\x00", [identity])
    assert released == plaintext
    assert isinstance(error, TamperedPayload)


def test_data_after_short_final_chunk_fails_without_releasing_it(identity) -> None:
    # The reader cannot tell where a short final chunk ends, so nothing of it is released.
    sealed = seal(b"x" * CHUNK_SIZE + b"receipt 42", identity)
    released, error = read_until_error(sealed + b"\x00", [identity])
    assert released == b"x" * CHUNK_SIZE
    assert isinstance(error, PayloadError)


def test_cut_at_random_points_releases_only_whole_chunks(identity) -> None:
    plaintext = os.urandom(4 * CHUNK_SIZE + 500)
    sealed = seal(plaintext, identity)
    payload_start = header_length(sealed) + NONCE
    rng = random.Random(2024)
    cuts = [rng.randrange(0, len(sealed)) for _ in range(40)]
    cuts += [payload_start + k * SEALED_CHUNK_SIZE for k in range(5)]
    for cut in cuts:
        released, error = read_until_error(sealed[:cut], [identity])
        if cut < payload_start:
            assert isinstance(error, HeaderError), cut
            continue
        whole = (cut - payload_start) // SEALED_CHUNK_SIZE
        assert released == plaintext[:whole * CHUNK_SIZE], cut
        assert isinstance(error, TruncatedPayload), (cut, error)


def test_sealed_prefix_of_interrupted_file_reads_as_truncated(tmp_path, identity) -> None:
    plaintext = os.urandom(3 * CHUNK_SIZE)
    path = tmp_path / "clip.age"
    with open(path, "wb") as f:
        writer = AgeWriter(f, [identity.recipient()])
        writer.write(plaintext)
        f.write(b"\x17" * 3000)  # half of a chunk write that a power cut interrupted
    with open(path, "rb") as f:
        keep = sealed_prefix_length(f)
    assert keep == path.stat().st_size - 3000
    os.truncate(path, keep)
    released, error = read_until_error(path.read_bytes(), [identity])
    assert released == plaintext[:2 * CHUNK_SIZE]
    assert isinstance(error, TruncatedPayload)


def test_armored_file_is_refused_as_armor(identity) -> None:
    armored = b"-----BEGIN AGE ENCRYPTED FILE-----\nYWdlLWVuY3J5cHRpb24ub3JnL3YxCi0+\n"
    with pytest.raises(ArmorError):
        decrypt_bytes(armored, [identity])


def test_sealed_prefix_needs_a_whole_header(identity) -> None:
    sealed = seal(b"x", identity)
    with pytest.raises(HeaderError):
        sealed_prefix_length(io.BytesIO(sealed[:40]))


def test_decrypt_bytes_keeps_released_prefix_on_failure(identity) -> None:
    plaintext = os.urandom(2 * CHUNK_SIZE + 9)
    sealed = seal(plaintext, identity)
    with pytest.raises(TruncatedPayload) as caught:
        decrypt_bytes(sealed[:-5], [identity])
    assert caught.value.partial == plaintext[:2 * CHUNK_SIZE]


def test_key_text_round_trips_and_identity_file_parses(identity) -> None:
    text = str(identity)
    assert text.startswith("AGE-SECRET-KEY-1") and text == text.upper()
    assert X25519Identity.parse(text) == identity
    recipient = str(identity.recipient())
    assert recipient.startswith("age1")
    assert X25519Recipient.parse(recipient) == identity.recipient()
    assert parse_identities(f"# created today\n\n{text}\n") == [identity]
    assert identity.private_key.hex() not in repr(identity) and text not in repr(identity)


@pytest.mark.parametrize("bad", ["age1qqqq", "AGE-SECRET-KEY-1abc", "age1" + "q" * 58, ""])
def test_malformed_key_text_is_refused(bad: str) -> None:
    with pytest.raises(InvalidKeyText):
        X25519Recipient.parse(bad)
    with pytest.raises(InvalidKeyText):
        X25519Identity.parse(bad)


def test_bech32_matches_bip173_examples() -> None:
    assert decode("A12UEL5L") == ("A", b"")
    assert decode("abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw")[0] == "abcdef"
    assert encode("a", b"") == "a12uel5l"
    for bad in ["A12uEL5L", "a12uel5m", "1qzzfhee", "pzry9x0s0muk"]:
        with pytest.raises(Bech32Error):
            decode(bad)
