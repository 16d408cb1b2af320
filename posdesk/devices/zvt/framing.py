"""ZVT serial framing: DLE STX <APDU, DLE doubled> DLE ETX CRC-lo CRC-hi, ACK and NAK.

Pure bytes in, events out: `encode_frame` builds what goes on the wire and `FrameDecoder`
turns any byte soup back into frames, acknowledgements and nothing else. The decoder keeps no
more than one frame of state and resynchronises on every DLE STX, so garbage can delay a
frame but never crash or hang the reader.

The receiver of a frame answers with ONE byte, ACK 06h or NAK 15h: that is what terminals
read, and a `10 06` is to them neither. This side therefore sends bare bytes; on receive a
stray DLE before ACK/NAK is forgiven unless the decoder is `strict` (as a terminal is, and as
the simulator must be to catch an ECR that gets it wrong).

Spec: ZVT-Protokoll (Kassenschnittstelle), chapter "Transport layer RS232". The CRC is the
CRC-CCITT variant with the reflected polynomial 0x8408 and initial value 0 ("CRC-16/KERMIT"
in the CRC catalogue), computed over the unstuffed APDU plus ETX and sent low byte first.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

#: Data link escape; doubled when it occurs inside the APDU.
DLE = 0x10
#: Start of text, after DLE: a frame begins.
STX = 0x02
#: End of text, after DLE: the frame ends, two CRC bytes follow.
ETX = 0x03
#: Positive acknowledgement of a frame, sent as this single byte.
ACK = 0x06
#: Negative acknowledgement, a single byte too: the frame is repeated by the sender.
NAK = 0x15
#: What this side sends to acknowledge a good frame: the bare ACK byte, never DLE ACK.
ACK_BYTES = bytes((ACK,))
#: What this side sends to reject a frame with a bad CRC or a broken escape.
NAK_BYTES = bytes((NAK,))
#: The longest APDU the extended length field (FF LL HH) can announce, plus its header.
MAX_APDU_LEN = 3 + 2 + 0xFFFF

#: Reflected CRC-CCITT polynomial of the ZVT transport layer.
CRC_POLY_REFLECTED = 0x8408


@cache  # built on first use: nothing happens at import time
def _crc_table() -> tuple[int, ...]:
    table = []
    for byte in range(256):
        crc = byte
        for _ in range(8):
            crc = (crc >> 1) ^ CRC_POLY_REFLECTED if crc & 1 else crc >> 1
        table.append(crc)
    return tuple(table)


def crc16(data: bytes) -> int:
    """The ZVT CRC of `data` (callers append ETX themselves, see `frame_crc`)."""
    table = _crc_table()
    crc = 0
    for b in data:
        crc = (crc >> 8) ^ table[(crc ^ b) & 0xFF]
    return crc


def frame_crc(apdu: bytes) -> bytes:
    """The two CRC bytes that close a frame carrying `apdu`, low byte first."""
    return crc16(apdu + bytes((ETX,))).to_bytes(2, "little")


def stuff(apdu: bytes) -> bytes:
    """Double every DLE so that the receiver cannot mistake data for a frame boundary."""
    return apdu.replace(bytes((DLE,)), bytes((DLE, DLE)))


def encode_frame(apdu: bytes) -> bytes:
    """The full frame for `apdu`, ready to write to the port."""
    return bytes((DLE, STX)) + stuff(apdu) + bytes((DLE, ETX)) + frame_crc(apdu)


# -- decoding ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Frame:
    """A complete frame. `crc_ok` False means it must be NAKed and will be repeated."""

    apdu: bytes
    crc_ok: bool


@dataclass(frozen=True)
class Ack:
    """The other side accepted our last frame."""


@dataclass(frozen=True)
class Nak:
    """The other side rejected our last frame; repeat it."""


@dataclass(frozen=True)
class BadAck:
    """DLE ACK or DLE NAK read by a strict decoder: neither an ACK nor a NAK, so the frame
    it answers counts as not acknowledged and is repeated."""


@dataclass(frozen=True)
class BrokenFrame:
    """A frame that started but broke (bad escape, too long): answer with NAK."""


Event = Frame | Ack | Nak | BadAck | BrokenFrame

_IDLE, _IDLE_DLE, _BODY, _BODY_DLE, _CRC = range(5)


class FrameDecoder:
    """Incremental parser: `feed(bytes)` returns the events those bytes complete.

    `strict` reads acknowledgements like a terminal: only the bare bytes 06 and 15 count."""

    def __init__(self, max_apdu_len: int = MAX_APDU_LEN, *, strict: bool = False):
        self._max = max_apdu_len
        self._strict = strict
        self._state = _IDLE
        self._body = bytearray()
        self._crc = bytearray()

    def feed(self, data: bytes) -> list[Event]:
        events: list[Event] = []
        for b in data:
            event = self._step(b)
            if event is not None:
                events.append(event)
        return events

    def _step(self, b: int) -> Event | None:
        state = self._state
        if state == _IDLE:
            if b == DLE:
                self._state = _IDLE_DLE
            elif b == ACK:
                return Ack()
            elif b == NAK:
                return Nak()
            return None  # line noise between frames is ignored
        if state == _IDLE_DLE:
            self._state = _IDLE
            if b == STX:
                self._start()
            elif b in (ACK, NAK) and self._strict:
                return BadAck()
            elif b == ACK:
                return Ack()
            elif b == NAK:
                return Nak()
            elif b == DLE:
                self._state = _IDLE_DLE
            return None
        if state == _BODY:
            if b == DLE:
                self._state = _BODY_DLE
                return None
            return self._append(b)
        if state == _BODY_DLE:
            if b == DLE:
                self._state = _BODY
                return self._append(DLE)
            if b == ETX:
                self._state = _CRC
                self._crc.clear()
                return None
            if b == STX:  # a sender that restarted its frame: resynchronise on it
                self._start()
                return BrokenFrame()
            self._state = _IDLE
            return BrokenFrame()
        # _CRC
        self._crc.append(b)
        if len(self._crc) < 2:
            return None
        self._state = _IDLE
        apdu = bytes(self._body)
        return Frame(apdu, bytes(self._crc) == frame_crc(apdu))

    def _start(self) -> None:
        self._state = _BODY
        self._body.clear()

    def _append(self, b: int) -> Event | None:
        if len(self._body) >= self._max:
            self._state = _IDLE
            self._body.clear()
            return BrokenFrame()
        self._body.append(b)
        return None
