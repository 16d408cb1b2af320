"""TLV containers (BMP 06) of ZVT: BER-style tags and lengths, nested when constructed.

Tags: if the low five bits of the first byte are all set (xx1F), more tag bytes follow
while their top bit is set; bit 0x20 of the first byte marks a constructed tag whose value
is itself TLV. Lengths: below 0x80 one byte, else 0x81 + one byte or 0x82 + two bytes,
big-endian (ZVT spec, chapter "TLV-container").
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .errors import MalformedApdu

#: Display texts (constructed; lines in tag 07) of an intermediate status.
TAG_DISPLAY_TEXTS = 0x24
#: Print texts (constructed; lines in tag 07) of a Print Text Block.
TAG_PRINT_TEXTS = 0x25
#: One line of text.
TAG_TEXT_LINE = 0x07
#: Receipt type of a Print Text Block (1 merchant, 2 customer, 3 administration).
TAG_RECEIPT_TYPE = 0x1F07
#: Nesting deeper than this is refused: no real container needs it, a fuzzer might.
MAX_DEPTH = 8


@dataclass(frozen=True)
class Tlv:
    tag: int
    value: bytes
    children: tuple[Tlv, ...] = field(default=())

    @property
    def constructed(self) -> bool:
        return _first_tag_byte(self.tag) & 0x20 != 0

    def find(self, tag: int) -> list[Tlv]:
        """All descendants with `tag`, depth first, in order."""
        found = []
        for child in self.children:
            if child.tag == tag:
                found.append(child)
            found.extend(child.find(tag))
        return found


def _first_tag_byte(tag: int) -> int:
    return tag.to_bytes(max(1, (tag.bit_length() + 7) // 8), "big")[0]


def parse_tlv(data: bytes, depth: int = 0) -> tuple[Tlv, ...]:
    """Parse a sequence of TLV objects; raise `MalformedApdu` on any inconsistency."""
    if depth > MAX_DEPTH:
        raise MalformedApdu("TLV nesting too deep")
    items = []
    i = 0
    while i < len(data):
        tag, i = _read_tag(data, i)
        length, i = read_length(data, i)
        if i + length > len(data):
            raise MalformedApdu(f"TLV tag {tag:X} announces {length} bytes, {len(data) - i} left")
        value = bytes(data[i:i + length])
        i += length
        children = parse_tlv(value, depth + 1) if _first_tag_byte(tag) & 0x20 else ()
        items.append(Tlv(tag, value, children))
    return tuple(items)


def _read_tag(data: bytes, i: int) -> tuple[int, int]:
    tag = data[i]
    i += 1
    if tag & 0x1F == 0x1F:
        while True:
            if i >= len(data):
                raise MalformedApdu("TLV tag runs past the end")
            b = data[i]
            tag = (tag << 8) | b
            i += 1
            if not b & 0x80:
                break
            if tag > 0xFFFFFFFF:
                raise MalformedApdu("TLV tag longer than four bytes")
    return tag, i


def read_length(data: bytes, i: int) -> tuple[int, int]:
    """The TLV length at `data[i]` and the offset after it."""
    if i >= len(data):
        raise MalformedApdu("TLV length missing")
    first = data[i]
    i += 1
    if first < 0x80:
        return first, i
    count = first & 0x7F
    if count not in (1, 2) or i + count > len(data):
        raise MalformedApdu(f"invalid TLV length byte {first:02X}")
    return int.from_bytes(data[i:i + count], "big"), i + count


def encode_tlv(tag: int, value: bytes) -> bytes:
    """One TLV object; `value` of a constructed tag is the encoding of its children."""
    tag_bytes = tag.to_bytes(max(1, (tag.bit_length() + 7) // 8), "big")
    n = len(value)
    if n < 0x80:
        length = bytes((n,))
    elif n <= 0xFF:
        length = bytes((0x81, n))
    elif n <= 0xFFFF:
        length = bytes((0x82,)) + n.to_bytes(2, "big")
    else:
        raise ValueError(f"TLV value of {n} bytes is too long")
    return tag_bytes + length + value


def text_lines(container: tuple[Tlv, ...], list_tag: int, encoding: str) -> list[str]:
    """The text lines (tag 07) inside every `list_tag` of a container, in order."""
    lines = []
    for item in container:
        candidates = [item] if item.tag == list_tag else item.find(list_tag)
        for found in candidates:
            lines.extend(line.value.decode(encoding, "replace") for line in found.find(TAG_TEXT_LINE))
    return lines
