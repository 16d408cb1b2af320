"""Streaming age v1 files: seal while recording, open chunk by chunk, find a cut file's good prefix.

The payload is a 16-byte nonce followed by STREAM chunks: 64 KiB of plaintext each, sealed
with ChaCha20-Poly1305 under a 12-byte nonce of an 11-byte big-endian counter and a last
flag. Only the final chunk carries the flag, so a file that stops after whole chunks is
recognisably *truncated*, while a chunk that fails authentication is *tampered*.
"""
from __future__ import annotations

import hmac
import io
import logging
import os
from types import TracebackType
from typing import BinaryIO, Iterator, Sequence

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from ..errors import (HeaderError, HeaderMacError, NoIdentityMatch, PayloadError, TamperedPayload,
                      TruncatedPayload)
from .header import Header, encode_header, header_mac, parse_header
from .primitives import FILE_KEY_SIZE, TAG_SIZE, hkdf_sha256
from .recipients import SCRYPT_TYPE, Identity, Recipient

log = logging.getLogger(__name__)

#: Plaintext bytes per STREAM chunk.
CHUNK_SIZE = 64 * 1024
#: Bytes of one whole sealed chunk on disk.
SEALED_CHUNK_SIZE = CHUNK_SIZE + TAG_SIZE
#: Random nonce between header and chunks; salts the payload key.
PAYLOAD_NONCE_SIZE = 16
#: HKDF info of the payload key.
_PAYLOAD_INFO = b"payload"
#: Last byte of a chunk nonce: 1 marks the final chunk.
_LAST_FLAG = b"\x01"
_NOT_LAST_FLAG = b"\x00"


def _chunk_nonce(counter: int, last: bool) -> bytes:
    return counter.to_bytes(11, "big") + (_LAST_FLAG if last else _NOT_LAST_FLAG)


def _payload_cipher(file_key: bytes, nonce: bytes) -> ChaCha20Poly1305:
    return ChaCha20Poly1305(hkdf_sha256(file_key, nonce, _PAYLOAD_INFO))


def _read_exact(src: BinaryIO, size: int) -> bytes:
    """Up to `size` bytes; fewer only at end of file (unlike one `read` on a pipe or socket)."""
    parts = []
    while size > 0 and (part := src.read(size)):
        parts.append(part)
        size -= len(part)
    return b"".join(parts)


class AgeWriter:
    """Encrypts a stream into an age v1 file as the bytes arrive.

    The header and payload nonce are written at once, each 64 KiB chunk as soon as the
    first byte after it arrives (a full chunk may still turn out to be the final one), so
    at most one chunk of plaintext is ever held in memory.

    `finish()` MUST be called: it writes the final chunk, without which every reader
    reports the file as truncated. Used as a context manager, the writer finishes only
    when the block ends cleanly; on an exception it stops without the final chunk, so a
    half-written recording is never sealed as if it were whole. `fileobj` is a buffered
    binary file (as `open(path, "wb")` returns: its `write` takes everything); the writer
    never closes it, it belongs to the caller.
    """

    def __init__(self, fileobj: BinaryIO, recipients: Sequence[Recipient]) -> None:
        if not recipients:
            raise ValueError("an age file needs at least one recipient")
        file_key = os.urandom(FILE_KEY_SIZE)
        stanzas = [stanza for recipient in recipients for stanza in recipient.wrap(file_key)]
        if len(stanzas) > 1 and any(s.type == SCRYPT_TYPE for s in stanzas):
            raise ValueError("a passphrase recipient cannot be combined with others")
        nonce = os.urandom(PAYLOAD_NONCE_SIZE)
        self._cipher = _payload_cipher(file_key, nonce)
        self._out = fileobj
        self._pending = bytearray()
        self._counter = 0
        self._open = True
        fileobj.write(encode_header(stanzas, file_key) + nonce)

    def write(self, data: bytes | bytearray | memoryview) -> int:
        """Take `data`; seal and write every chunk that is known not to be the last."""
        if not self._open:
            raise ValueError("write to a finished or abandoned age stream")
        self._pending += data
        if len(self._pending) > CHUNK_SIZE:
            whole = (len(self._pending) - 1) // CHUNK_SIZE * CHUNK_SIZE
            view = memoryview(self._pending)
            for start in range(0, whole, CHUNK_SIZE):
                self._seal(view[start:start + CHUNK_SIZE], last=False)
            view.release()
            del self._pending[:whole]
        return len(data)

    def finish(self) -> None:
        """Write the final chunk. Nothing may be written afterwards."""
        if not self._open:
            raise ValueError("age stream already finished or abandoned")
        self._seal(self._pending, last=True)
        self._pending.clear()
        self._open = False
        self._out.flush()

    def abandon(self) -> None:
        """Stop without the final chunk: the file stays readable as a truncated stream."""
        if self._open:
            log.warning("age stream abandoned after %d whole chunks; it reads as truncated",
                        self._counter)
        self._open = False
        self._pending.clear()
        try:
            self._out.flush()
        except (OSError, ValueError) as e:
            # Called while an error unwinds: report, but do not hide the original error.
            log.warning("could not flush abandoned age stream: %s", e)

    @property
    def closed(self) -> bool:
        """True once finished or abandoned."""
        return not self._open

    def _seal(self, plaintext: bytes | bytearray | memoryview, *, last: bool) -> None:
        self._out.write(self._cipher.encrypt(_chunk_nonce(self._counter, last), plaintext, None))
        self._counter += 1

    def __enter__(self) -> AgeWriter:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if exc_type is None:
            self.finish()
        else:
            self.abandon()


def _file_key(header: Header, identities: Sequence[Identity]) -> bytes:
    if not identities:
        raise ValueError("no identities given")
    for identity in identities:
        file_key = identity.unwrap(header.stanzas)
        if file_key is not None:
            break
    else:
        kinds = ", ".join(sorted({s.type for s in header.stanzas})) or "none"
        raise NoIdentityMatch(f"no identity matches any recipient stanza (types: {kinds})")
    if not hmac.compare_digest(header_mac(file_key, header.mac_input), header.mac):
        raise HeaderMacError("header MAC does not match: the header was altered")
    return file_key


class AgeReader:
    """Opens an age v1 file and yields its plaintext chunk by chunk.

    The constructor reads and authenticates the header and reads the payload nonce
    (`NoIdentityMatch`, `HeaderError`, `HeaderMacError`). Iterating (once) yields each
    authenticated chunk, then raises a `PayloadError` if the payload does not end
    properly, so a cut recording still plays up to its last good chunk.

    A chunk shorter than a whole one that fails as the final chunk cannot be told apart
    from a file cut inside that chunk; it is reported as `TruncatedPayload`, which is what
    a power cut leaves. A whole chunk that fails, an empty final chunk after others, or
    data after the final chunk is `TamperedPayload`.
    """

    def __init__(self, fileobj: BinaryIO, identities: Sequence[Identity]) -> None:
        self._src = fileobj
        self.header = parse_header(fileobj)
        file_key = _file_key(self.header, identities)
        nonce = _read_exact(fileobj, PAYLOAD_NONCE_SIZE)
        if len(nonce) < PAYLOAD_NONCE_SIZE:
            # age counts the nonce as part of the header: without it nothing can be read.
            raise HeaderError("file ends before the payload nonce")
        self._cipher = _payload_cipher(file_key, nonce)

    def __iter__(self) -> Iterator[bytes]:
        cipher = self._cipher
        counter = 0
        while True:
            sealed = _read_exact(self._src, SEALED_CHUNK_SIZE)
            plaintext, last = self._open_chunk(cipher, counter, sealed)
            yield plaintext
            if last:
                if self._src.read(1):
                    raise TamperedPayload(f"data follows the final chunk {counter}")
                return
            counter += 1

    @staticmethod
    def _open_chunk(cipher: ChaCha20Poly1305, counter: int, sealed: bytes) -> tuple[bytes, bool]:
        if len(sealed) == SEALED_CHUNK_SIZE:
            # A whole chunk is the final one only if it does not open as a middle one.
            for last in (False, True):
                try:
                    return cipher.decrypt(_chunk_nonce(counter, last), sealed, None), last
                except InvalidTag:
                    pass
            raise TamperedPayload(f"chunk {counter} fails authentication")
        if not sealed:
            raise TruncatedPayload(f"file ends after {counter} chunks without a final chunk")
        if len(sealed) < TAG_SIZE:
            raise TruncatedPayload(f"file ends inside chunk {counter}")
        if len(sealed) == TAG_SIZE and counter > 0:
            raise TamperedPayload(f"final chunk {counter} is empty")
        try:
            return cipher.decrypt(_chunk_nonce(counter, True), sealed, None), True
        except InvalidTag:
            raise TruncatedPayload(
                f"file ends inside chunk {counter} (or its final chunk was altered)") from None


def decrypt_bytes(data: bytes, identities: Sequence[Identity]) -> bytes:
    """The whole plaintext of an age file held in memory.

    On a payload failure the plaintext released before it is kept in the error's `partial`.
    """
    out = bytearray()
    try:
        for chunk in AgeReader(io.BytesIO(data), identities):
            out += chunk
    except PayloadError as e:
        e.partial = bytes(out)
        raise
    return bytes(out)


def sealed_prefix_length(fileobj: BinaryIO) -> int:
    """Byte length of the structurally whole prefix of an interrupted age file.

    Needs no identity: the header is parsed (not authenticated) and the payload is cut
    after its last whole chunk, so recovery can truncate a recording that stopped in the
    middle of a write. Only for files known to be interrupted: a finished file's shorter
    final chunk would be cut off too. Raises `HeaderError` if not even the header is whole.
    """
    fileobj.seek(0)
    header = parse_header(fileobj)
    size = fileobj.seek(0, io.SEEK_END)
    payload = size - header.length - PAYLOAD_NONCE_SIZE
    if payload < 0:
        return header.length
    return header.length + PAYLOAD_NONCE_SIZE + payload // SEALED_CHUNK_SIZE * SEALED_CHUNK_SIZE
