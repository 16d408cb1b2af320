"""The age v1 text header: recipient stanzas and the MAC that binds them to the file key.

    age-encryption.org/v1
    -> X25519 <base64 share>
    <base64 body, 64 columns per line, last line shorter (maybe empty)>
    --- <base64 HMAC-SHA-256>

Parsing is as strict as the reference implementation: canonical unpadded base64, no CR,
arguments of printable ASCII, so one file has exactly one encoding.
"""
from __future__ import annotations

import base64
import hmac
import logging
import re
from dataclasses import dataclass
from hashlib import sha256
from typing import BinaryIO

from ..errors import ArmorError, HeaderError
from .primitives import hkdf_sha256

log = logging.getLogger(__name__)

#: First line of every age v1 file.
VERSION_LINE = b"age-encryption.org/v1\n"
#: First bytes of an ASCII-armored age file, which this reader does not take.
ARMOR_BEGIN = b"-----BEGIN AGE ENCRYPTED FILE-----"
#: Start of a recipient stanza line.
STANZA_PREFIX = b"->"
#: Start of the closing line; the MAC covers the header up to and including these bytes.
FOOTER_PREFIX = b"---"
#: Body lines carry 48 bytes (64 base64 columns); a shorter line ends the body.
BODY_BYTES_PER_LINE = 48
#: Size of the header MAC.
MAC_SIZE = 32
#: Longest header line read before the header is declared malformed.
MAX_LINE = 1 << 16
#: Most stanzas accepted in one header (a guard against endless garbage).
MAX_STANZAS = 1024
#: HKDF info of the header MAC key.
_MAC_INFO = b"header"

_BASE64_TEXT = re.compile(rb"[A-Za-z0-9+/]*")


@dataclass(frozen=True)
class Stanza:
    """One recipient stanza: a type, its arguments, and the wrapped file key."""

    type: str
    args: tuple[str, ...]
    body: bytes


@dataclass(frozen=True)
class Header:
    stanzas: tuple[Stanza, ...]
    mac: bytes
    #: The header bytes the MAC covers (through "---").
    mac_input: bytes
    #: Bytes from the start of the file through the newline ending the MAC line.
    length: int


def b64encode_raw(data: bytes) -> str:
    """Standard base64 without padding, as age writes it."""
    return base64.b64encode(data).rstrip(b"=").decode("ascii")


def b64decode_strict(text: bytes | str) -> bytes:
    """Decode unpadded standard base64, refusing any other spelling of the same bytes."""
    raw = text.encode("ascii", "replace") if isinstance(text, str) else text
    if not _BASE64_TEXT.fullmatch(raw) or len(raw) % 4 == 1:
        raise ValueError("not unpadded base64")
    data = base64.b64decode(raw + b"=" * (-len(raw) % 4))
    if b64encode_raw(data).encode("ascii") != raw:
        raise ValueError("non-canonical base64 (unused bits set)")
    return data


def header_mac(file_key: bytes, mac_input: bytes) -> bytes:
    return hmac.new(hkdf_sha256(file_key, b"", _MAC_INFO), mac_input, sha256).digest()


def encode_header(stanzas: list[Stanza], file_key: bytes) -> bytes:
    """The complete header, MAC line included."""
    out = bytearray(VERSION_LINE)
    for stanza in stanzas:
        out += " ".join(["->", stanza.type, *stanza.args]).encode("ascii") + b"\n"
        body = b64encode_raw(stanza.body)
        # A body whose text fills its last line needs an empty line to say it has ended.
        for start in range(0, len(body) + 1, 64):
            out += body[start:start + 64].encode("ascii") + b"\n"
    out += FOOTER_PREFIX
    mac = header_mac(file_key, bytes(out))
    return bytes(out) + b" " + b64encode_raw(mac).encode("ascii") + b"\n"


def _read_line(src: BinaryIO) -> bytes:
    line = src.readline(MAX_LINE)
    if not line.endswith(b"\n"):
        raise HeaderError("header ends early or holds an over-long line")
    return line


def _is_argument(text: str) -> bool:
    return bool(text) and all(33 <= ord(c) <= 126 for c in text)


def _parse_stanza_line(line: bytes) -> tuple[str, tuple[str, ...]]:
    parts = line[:-1].decode("latin-1").split(" ")
    if parts[0] != "->" or len(parts) < 2 or not all(_is_argument(p) for p in parts[1:]):
        raise HeaderError(f"malformed stanza line {line[:80]!r}")
    return parts[1], tuple(parts[2:])


def _read_body(src: BinaryIO, taken: bytearray) -> bytes:
    body = bytearray()
    while True:
        line = _read_line(src)
        taken += line
        try:
            chunk = b64decode_strict(line[:-1])
        except ValueError as e:
            raise HeaderError(f"malformed stanza body line {line[:80]!r}: {e}") from e
        if len(chunk) > BODY_BYTES_PER_LINE:
            raise HeaderError("stanza body line longer than 64 columns")
        body += chunk
        if len(chunk) < BODY_BYTES_PER_LINE:
            return bytes(body)


def parse_header(src: BinaryIO) -> Header:
    """Read the header from the current position of `src`, leaving it at the payload.

    Raises `HeaderError` for anything but a well-formed header (`ArmorError` for an
    armored file); the MAC is not checked here, since that needs the file key.
    """
    taken = bytearray()
    first = src.readline(len(VERSION_LINE))
    if first.startswith(ARMOR_BEGIN[:len(VERSION_LINE)]):
        raise ArmorError("armored (PEM) age file: remove the armor first (age -d does)")
    if first != VERSION_LINE:
        raise HeaderError(f"not an age v1 file (first line {first[:40]!r})")
    taken += first
    stanzas: list[Stanza] = []
    while len(stanzas) <= MAX_STANZAS:
        line = _read_line(src)
        if line.startswith(FOOTER_PREFIX):
            parts = line[:-1].split(b" ")
            if parts[0] != FOOTER_PREFIX or len(parts) != 2:
                raise HeaderError(f"malformed MAC line {line[:80]!r}")
            try:
                mac = b64decode_strict(parts[1])
            except ValueError as e:
                raise HeaderError(f"malformed header MAC: {e}") from e
            if len(mac) != MAC_SIZE:
                raise HeaderError("header MAC has the wrong length")
            mac_input = bytes(taken) + FOOTER_PREFIX
            return Header(tuple(stanzas), mac, mac_input, len(taken) + len(line))
        if not line.startswith(STANZA_PREFIX):
            raise HeaderError(f"unexpected header line {line[:80]!r}")
        kind, args = _parse_stanza_line(line)
        taken += line
        stanzas.append(Stanza(kind, args, _read_body(src, taken)))
    raise HeaderError(f"more than {MAX_STANZAS} stanzas")
