"""ZVT bitmaps (BMPs): the numbered fields of an APDU's data, with their sizes.

Each BMP is one tag byte followed by a value whose size the tag fixes, or an LL/LLL
length in "Fx" digits, or (BMP 06) a TLV length. Sizes follow the ZVT spec's "List of
bitmaps"; the status-information vectors in Portalum.Zvt's tests exercise most of them.
A BMP this table does not know cannot be skipped (its size is unknown), so parsing stops
there and the caller keeps what it read.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass

from .apdu import length_digits_decode, length_digits_encode
from .errors import MalformedApdu
from .tlv import encode_tlv, read_length


class Kind(enum.Enum):
    FIXED = "fixed"  # `size` bytes (BCD or binary, the field decides)
    LLVAR = "llvar"  # two length digits FxFy, then that many bytes
    LLLVAR = "lllvar"  # three length digits FxFyFz
    TLV = "tlv"  # BER length, then a TLV container


@dataclass(frozen=True)
class BmpSpec:
    name: str
    kind: Kind
    size: int = 0


#: Timeout in seconds, binary (BMP 01).
BMP_TIMEOUT = 0x01
#: Service byte (BMP 03).
BMP_SERVICE = 0x03
#: Amount in minor units, 6 bytes BCD (BMP 04).
BMP_AMOUNT = 0x04
#: TLV container (BMP 06).
BMP_TLV = 0x06
#: Trace number, 3 bytes BCD (BMP 0B).
BMP_TRACE = 0x0B
#: Time HHMMSS, 3 bytes BCD (BMP 0C).
BMP_TIME = 0x0C
#: Date MMDD, 2 bytes BCD (BMP 0D).
BMP_DATE = 0x0D
#: Card expiry YYMM, 2 bytes BCD (BMP 0E).
BMP_EXPIRY = 0x0E
#: Card sequence number, 2 bytes BCD (BMP 17).
BMP_CARD_SEQUENCE = 0x17
#: Payment type, binary (BMP 19).
BMP_PAYMENT_TYPE = 0x19
#: PAN / EF_ID, LLVAR BCD; E nibbles are masked digits (BMP 22).
BMP_PAN = 0x22
#: Track 2 data, LLVAR (BMP 23). Never stored.
BMP_TRACK2 = 0x23
#: Track 3 data, LLLVAR (BMP 24). Never stored.
BMP_TRACK3 = 0x24
#: Result code, binary (BMP 27).
BMP_RESULT_CODE = 0x27
#: Terminal ID, 4 bytes BCD (BMP 29).
BMP_TERMINAL_ID = 0x29
#: VU (merchant contract) number, 15 bytes ASCII (BMP 2A).
BMP_VU_NUMBER = 0x2A
#: Track 1 data, LLVAR (BMP 2D). Never stored.
BMP_TRACK1 = 0x2D
#: Trace number of the original transaction, 3 bytes BCD (BMP 37).
BMP_ORIGINAL_TRACE = 0x37
#: Authorisation attribute (AID), 8 bytes (BMP 3B).
BMP_AID = 0x3B
#: Additional text, LLLVAR (BMP 3C).
BMP_ADDITIONAL_TEXT = 0x3C
#: Password, 3 bytes BCD (BMP 3D).
BMP_PASSWORD = 0x3D
#: Currency code, 2 bytes BCD ISO 4217 numeric (BMP 49).
BMP_CURRENCY = 0x49
#: Individual totals of an end-of-day, LLLVAR (BMP 60).
BMP_TOTALS = 0x60
#: Receipt number, 2 bytes BCD (BMP 87).
BMP_RECEIPT_NO = 0x87
#: Turnover record number, 3 bytes BCD (BMP 88).
BMP_TURNOVER_NO = 0x88
#: Card type, binary (BMP 8A).
BMP_CARD_TYPE = 0x8A
#: Card name, LLVAR ASCII, zero-terminated (BMP 8B).
BMP_CARD_NAME = 0x8B
#: Card-type ID of the network operator, binary (BMP 8C).
BMP_CARD_TYPE_ID = 0x8C
#: Additional data of an ec-cash transaction, LLLVAR (BMP 92).
BMP_EC_DATA = 0x92
#: Result code of the authorisation system, binary (BMP A0).
BMP_RESULT_CODE_AS = 0xA0
#: Chip data, LLVAR (BMP A7).
BMP_CHIP_DATA = 0xA7
#: Date YYMMDD, 3 bytes BCD (BMP AA).
BMP_DATE_YEAR = 0xAA
#: EF_Info, LLLVAR (BMP AF).
BMP_EF_INFO = 0xAF

#: Sizes of the BMPs this implementation reads (ZVT spec, "List of bitmaps").
BMPS: dict[int, BmpSpec] = {
    BMP_TIMEOUT: BmpSpec("timeout", Kind.FIXED, 1),
    0x02: BmpSpec("max status infos", Kind.FIXED, 1),
    BMP_SERVICE: BmpSpec("service byte", Kind.FIXED, 1),
    BMP_AMOUNT: BmpSpec("amount", Kind.FIXED, 6),
    0x05: BmpSpec("pump number", Kind.FIXED, 1),
    BMP_TLV: BmpSpec("TLV container", Kind.TLV),
    BMP_TRACE: BmpSpec("trace number", Kind.FIXED, 3),
    BMP_TIME: BmpSpec("time", Kind.FIXED, 3),
    BMP_DATE: BmpSpec("date", Kind.FIXED, 2),
    BMP_EXPIRY: BmpSpec("expiry date", Kind.FIXED, 2),
    BMP_CARD_SEQUENCE: BmpSpec("card sequence number", Kind.FIXED, 2),
    BMP_PAYMENT_TYPE: BmpSpec("payment type", Kind.FIXED, 1),
    BMP_PAN: BmpSpec("PAN", Kind.LLVAR),
    BMP_TRACK2: BmpSpec("track 2", Kind.LLVAR),
    BMP_TRACK3: BmpSpec("track 3", Kind.LLLVAR),
    BMP_RESULT_CODE: BmpSpec("result code", Kind.FIXED, 1),
    BMP_TERMINAL_ID: BmpSpec("terminal ID", Kind.FIXED, 4),
    BMP_VU_NUMBER: BmpSpec("VU number", Kind.FIXED, 15),
    BMP_TRACK1: BmpSpec("track 1", Kind.LLVAR),
    BMP_ORIGINAL_TRACE: BmpSpec("original trace number", Kind.FIXED, 3),
    0x3A: BmpSpec("CVV/CVC", Kind.FIXED, 2),
    BMP_AID: BmpSpec("AID", Kind.FIXED, 8),
    BMP_ADDITIONAL_TEXT: BmpSpec("additional text", Kind.LLLVAR),
    BMP_PASSWORD: BmpSpec("password", Kind.FIXED, 3),
    BMP_CURRENCY: BmpSpec("currency code", Kind.FIXED, 2),
    BMP_TOTALS: BmpSpec("individual totals", Kind.LLLVAR),
    BMP_RECEIPT_NO: BmpSpec("receipt number", Kind.FIXED, 2),
    BMP_TURNOVER_NO: BmpSpec("turnover record number", Kind.FIXED, 3),
    BMP_CARD_TYPE: BmpSpec("card type", Kind.FIXED, 1),
    BMP_CARD_NAME: BmpSpec("card name", Kind.LLVAR),
    BMP_CARD_TYPE_ID: BmpSpec("card type ID", Kind.FIXED, 1),
    BMP_EC_DATA: BmpSpec("ec-cash data", Kind.LLLVAR),
    0x9A: BmpSpec("Geldkarte data", Kind.LLLVAR),
    BMP_RESULT_CODE_AS: BmpSpec("result code AS", Kind.FIXED, 1),
    BMP_CHIP_DATA: BmpSpec("chip data", Kind.LLVAR),
    BMP_DATE_YEAR: BmpSpec("date YYMMDD", Kind.FIXED, 3),
    BMP_EF_INFO: BmpSpec("EF_Info", Kind.LLLVAR),
    0xBA: BmpSpec("AID parameter", Kind.FIXED, 5),
}


@dataclass(frozen=True)
class ParsedBmps:
    """The fields read in order; `stopped_at` is the offset of an unreadable rest, if any."""

    fields: dict[int, bytes]
    stopped_at: int | None = None
    reason: str = ""


def parse_bmps(data: bytes) -> ParsedBmps:
    """Read BMPs until the data ends or a BMP cannot be read. Never raises."""
    fields: dict[int, bytes] = {}
    i = 0
    while i < len(data):
        start = i
        try:
            tag, value, i = _read_bmp(data, i)
        except MalformedApdu as e:
            return ParsedBmps(fields, start, str(e))
        fields.setdefault(tag, value)  # a repeated BMP never overrides the first
    return ParsedBmps(fields)


def _read_bmp(data: bytes, i: int) -> tuple[int, bytes, int]:
    tag = data[i]
    spec = BMPS.get(tag)
    if spec is None:
        raise MalformedApdu(f"unknown BMP {tag:02X}")
    i += 1
    if spec.kind is Kind.FIXED:
        size = spec.size
    elif spec.kind is Kind.TLV:
        size, i = read_length(data, i)
    else:
        digits = 2 if spec.kind is Kind.LLVAR else 3
        if i + digits > len(data):
            raise MalformedApdu(f"BMP {tag:02X} length runs past the end")
        size = length_digits_decode(data[i:i + digits])
        i += digits
    if i + size > len(data):
        raise MalformedApdu(f"BMP {tag:02X} needs {size} bytes, {len(data) - i} left")
    return tag, bytes(data[i:i + size]), i + size


def encode_bmp(tag: int, value: bytes) -> bytes:
    """One BMP with its length prefix as the table defines it."""
    spec = BMPS[tag]
    if spec.kind is Kind.FIXED:
        if len(value) != spec.size:
            raise ValueError(f"BMP {tag:02X} takes {spec.size} bytes, got {len(value)}")
        return bytes((tag,)) + value
    if spec.kind is Kind.TLV:
        return encode_tlv(tag, value)
    digits = 2 if spec.kind is Kind.LLVAR else 3
    return bytes((tag,)) + length_digits_encode(len(value), digits) + value
