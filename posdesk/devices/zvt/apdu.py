"""ZVT APDUs and their number encodings: control field, length field, BCD.

An APDU is CCRC/APRC (class, instruction), a length and data. Lengths below 255 take one
byte; longer data is announced as FF followed by the length in two bytes, low byte first
(ZVT spec, "APDU structure"; Portalum.Zvt's ApduHelper tests read FF 00 01 as 256).
"""
from __future__ import annotations

from dataclasses import dataclass

from .errors import MalformedApdu

#: Length byte that announces a two-byte (little-endian) length.
EXTENDED_LENGTH = 0xFF
#: Largest data length an APDU can carry.
MAX_DATA_LEN = 0xFFFF


@dataclass(frozen=True)
class Apdu:
    cls: int
    instr: int
    data: bytes = b""

    @property
    def command(self) -> tuple[int, int]:
        return (self.cls, self.instr)

    def encode(self) -> bytes:
        n = len(self.data)
        if n > MAX_DATA_LEN:
            raise ValueError(f"APDU data of {n} bytes exceeds {MAX_DATA_LEN}")
        length = bytes((n,)) if n < EXTENDED_LENGTH else bytes((EXTENDED_LENGTH,)) + n.to_bytes(2, "little")
        return bytes((self.cls, self.instr)) + length + self.data

    @classmethod
    def decode(cls, raw: bytes) -> Apdu:
        """Parse one whole APDU; raise `MalformedApdu` if its length does not match."""
        if len(raw) < 3:
            raise MalformedApdu(f"APDU of {len(raw)} bytes is shorter than its header")
        n, start = raw[2], 3
        if n == EXTENDED_LENGTH:
            if len(raw) < 5:
                raise MalformedApdu("APDU announces an extended length but ends before it")
            n, start = int.from_bytes(raw[3:5], "little"), 5
        data = raw[start:]
        if len(data) != n:
            raise MalformedApdu(f"APDU {raw[0]:02X} {raw[1]:02X} announces {n} data bytes, "
                                f"carries {len(data)}")
        return cls(raw[0], raw[1], bytes(data))

    def __repr__(self) -> str:  # never the data: it may hold card details
        return f"Apdu({self.cls:02X} {self.instr:02X}, {len(self.data)} bytes)"


# -- BCD --------------------------------------------------------------------------------
def bcd_encode(digits: str, size: int) -> bytes:
    """Packed BCD of `digits`, left-padded with zeros to `size` bytes."""
    if not digits.isdigit() or not digits.isascii():
        raise ValueError(f"BCD needs decimal digits, got {digits!r}")
    if len(digits) > 2 * size:
        raise ValueError(f"{len(digits)} digits do not fit in {size} BCD bytes")
    return bytes.fromhex(digits.rjust(2 * size, "0"))


def bcd_decode(raw: bytes) -> str:
    """The digits of packed BCD; raise `MalformedApdu` on a nibble above 9."""
    text = raw.hex()
    if not text.isdigit() and text:
        raise MalformedApdu(f"invalid BCD digits {text!r}")
    return text


def bcd_int(raw: bytes) -> int:
    return int(bcd_decode(raw) or "0")


def length_digits_encode(n: int, digits: int) -> bytes:
    """The LL/LLL length of a variable BMP: one byte per digit, each as Fx (spec: "FxFy")."""
    text = str(n).rjust(digits, "0")
    if len(text) > digits:
        raise ValueError(f"length {n} needs more than {digits} digits")
    return bytes(0xF0 | int(c) for c in text)


def length_digits_decode(raw: bytes) -> int:
    value = 0
    for b in raw:
        if b >> 4 != 0xF or (b & 0x0F) > 9:
            raise MalformedApdu(f"invalid length digit {b:02X}")
        value = value * 10 + (b & 0x0F)
    return value
