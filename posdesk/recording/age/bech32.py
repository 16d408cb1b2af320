"""Bech32 (BIP 173) text encoding, as age uses it for keys: `age1...`, `AGE-SECRET-KEY-1...`.

age keeps bech32 (not bech32m) and drops BIP 173's 90-character limit, so this codec
has no length limit either.
"""
from __future__ import annotations

import logging

log = logging.getLogger(__name__)

#: The 32 data characters; a character's index is its 5-bit value.
CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
#: Generator coefficients of the BCH checksum (BIP 173).
_GENERATOR = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)
#: Checksum length in characters.
_CHECKSUM_LENGTH = 6


class Bech32Error(ValueError):
    """The text is not valid bech32."""


def _polymod(values: list[int]) -> int:
    checksum = 1
    for value in values:
        top = checksum >> 25
        checksum = (checksum & 0x1FFFFFF) << 5 ^ value
        for bit, coefficient in enumerate(_GENERATOR):
            if (top >> bit) & 1:
                checksum ^= coefficient
    return checksum


def _expand_hrp(hrp: str) -> list[int]:
    return [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]


def _regroup(values: bytes | list[int], from_bits: int, to_bits: int, pad: bool) -> list[int]:
    accumulator = bits = 0
    out: list[int] = []
    mask = (1 << to_bits) - 1
    for value in values:
        accumulator = (accumulator << from_bits) | value
        bits += from_bits
        while bits >= to_bits:
            bits -= to_bits
            out.append((accumulator >> bits) & mask)
    if pad:
        if bits:
            out.append((accumulator << (to_bits - bits)) & mask)
    elif bits >= from_bits or (accumulator << (to_bits - bits)) & mask:
        # Leftover bits must be fewer than one input group and all zero (canonical form).
        raise Bech32Error("non-zero or excess padding bits")
    return out


def encode(hrp: str, data: bytes) -> str:
    """Lower-case bech32 of `data` under the human-readable part `hrp`."""
    hrp = hrp.lower()
    words = _regroup(data, 8, 5, pad=True)
    checksum = _polymod(_expand_hrp(hrp) + words + [0] * _CHECKSUM_LENGTH) ^ 1
    words += [(checksum >> 5 * (5 - i)) & 31 for i in range(_CHECKSUM_LENGTH)]
    return hrp + "1" + "".join(CHARSET[w] for w in words)


def decode(text: str) -> tuple[str, bytes]:
    """The human-readable part (in the case it was written) and the data of `text`."""
    if text.lower() != text and text.upper() != text:
        raise Bech32Error("mixed case")
    separator = text.rfind("1")
    if separator < 1 or separator + 1 + _CHECKSUM_LENGTH > len(text):
        raise Bech32Error("separator misplaced")
    hrp = text[:separator]
    if any(not 33 <= ord(c) <= 126 for c in hrp):
        raise Bech32Error("invalid character in human-readable part")
    lowered = text.lower()
    try:
        words = [CHARSET.index(c) for c in lowered[separator + 1:]]
    except ValueError:
        raise Bech32Error("invalid data character") from None
    if _polymod(_expand_hrp(hrp.lower()) + words) != 1:
        raise Bech32Error("checksum mismatch")
    return hrp, bytes(_regroup(words[:-_CHECKSUM_LENGTH], 5, 8, pad=False))
