"""An independent ESC/POS reader: bytes back to printed lines, codes, cuts and pulses.

Written from the Epson ESC/POS command reference, not from python-escpos, so that tests
check our bytes against the reference rather than against the library that built them, and
so the printer simulator knows what it was asked to print. Incremental: `feed()` takes
bytes as they come off a port; a command split across reads waits for its tail.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Callable

from . import commands as cmd

log = logging.getLogger(__name__)

#: Python codecs of the ESC t code tables we understand.
CODECS: dict[int, str] = {n: name for name, n in cmd.CODE_TABLES.items()}
#: ESC commands with a fixed number of parameter bytes after the command letter.
ESC_PARAMS: dict[int, int] = {
    ord("@"): 0, ord("2"): 0, ord("!"): 1, ord("E"): 1, ord("-"): 1, ord("a"): 1,
    ord("M"): 1, ord("t"): 1, ord("d"): 1, ord("J"): 1, ord("G"): 1, ord("{"): 1,
    ord("V"): 1, ord("3"): 1, ord("r"): 1, ord("R"): 1, ord("p"): 3, ord("c"): 2,
    ord(" "): 1, ord("$"): 2, ord("="): 1,
}
#: GS commands with a fixed number of parameter bytes.
GS_PARAMS: dict[int, int] = {
    ord("!"): 1, ord("B"): 1, ord("h"): 1, ord("w"): 1, ord("H"): 1, ord("f"): 1,
    ord("b"): 1, ord("|"): 1, ord("L"): 2, ord("W"): 2,
}
#: FS commands with a fixed number of parameter bytes.
FS_PARAMS: dict[int, int] = {ord("&"): 0, ord("."): 0, ord("!"): 1, ord("C"): 1}
#: GS V function codes that carry a feed amount byte after m.
CUT_WITH_FEED = {65, 66, 97, 98, 103, 104}
#: GS ( k: cn 49 is QR code; fn 80 stores the data, fn 81 prints it.
QR_CN, QR_STORE, QR_PRINT = 49, 80, 81


class _NeedMore(Exception):
    """The buffer ends inside a command; wait for more bytes."""


@dataclass(frozen=True)
class PrintedLine:
    text: str
    bold: bool = False
    double: bool = False
    centered: bool = False


@dataclass(frozen=True)
class PrintedQr:
    payload: str


@dataclass(frozen=True)
class PrintedBarcode:
    data: str


@dataclass(frozen=True)
class PrintedImage:
    """A GS v 0 raster: `rows` of `width_bytes` bytes, one bit per dot, MSB left."""

    width_bytes: int
    height: int
    raster: bytes


@dataclass(frozen=True)
class Cut:
    partial: bool


@dataclass(frozen=True)
class DrawerPulse:
    pin: int
    on_ms: int
    off_ms: int


Printed = PrintedLine | PrintedQr | PrintedBarcode | PrintedImage | Cut


@dataclass
class Document:
    blocks: list[Printed] = field(default_factory=list)
    pulses: list[DrawerPulse] = field(default_factory=list)
    #: Commands we do not know, as their first bytes, for diagnosis.
    unknown: list[bytes] = field(default_factory=list)

    @property
    def lines(self) -> list[str]:
        return [b.text for b in self.blocks if isinstance(b, PrintedLine)]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


class EscposParser:
    """Feed bytes; read `document`. `on_status_query(n)` is called for each DLE EOT n."""

    def __init__(self, on_status_query: Callable[[int], None] | None = None):
        self.document = Document()
        self._on_status_query = on_status_query
        self._buf = bytearray()
        self._line = ""
        self._line_style: tuple[bool, bool, bool] | None = None
        self._qr_data = b""
        self._reset_modes()

    def _reset_modes(self) -> None:
        self.bold = False
        self.double_width = False
        self.double_height = False
        self.centered = False
        self.code_table = 0
        self.chinese = False

    def feed(self, data: bytes) -> None:
        self._buf += data
        pos = 0
        try:
            while pos < len(self._buf):
                pos = self._step(pos)
        except _NeedMore:
            pass
        del self._buf[:pos]

    # -- one item at `pos`; returns where the next starts ---------------------------------
    def _need(self, end: int) -> None:
        if end > len(self._buf):
            raise _NeedMore

    def _step(self, pos: int) -> int:
        b = self._buf[pos]
        if b >= 0x20:
            return self._text_run(pos)
        if b == cmd.LF:
            self._end_line()
            return pos + 1
        if b == cmd.ESC:
            return self._esc(pos)
        if b == cmd.GS:
            return self._gs(pos)
        if b == cmd.FS:
            return self._fixed(pos, FS_PARAMS, self._on_fs)
        if b == cmd.DLE:
            return self._dle(pos)
        return pos + 1  # CR, HT and other controls print nothing on a receipt

    def _text_run(self, pos: int) -> int:
        end = pos
        while end < len(self._buf) and self._buf[end] >= 0x20:
            end += 1
        # A run that reaches the end of what we have may stop inside a GB18030 character.
        self._need(end + 1)
        codec = "gb18030" if self.chinese else CODECS.get(self.code_table, "cp437")
        if self._line_style is None:
            self._line_style = (self.bold, self.double_width and self.double_height, self.centered)
        self._line += bytes(self._buf[pos:end]).decode(codec, errors="replace")
        return end

    def _end_line(self) -> None:
        bold, double, centered = self._line_style or (self.bold, False, self.centered)
        self.document.blocks.append(PrintedLine(self._line, bold, double, centered))
        self._line = ""
        self._line_style = None

    def _fixed(self, pos: int, table: dict[int, int], handle: Callable[[int, bytes], None]) -> int:
        self._need(pos + 2)
        letter = self._buf[pos + 1]
        if letter not in table:
            self.document.unknown.append(bytes(self._buf[pos:pos + 2]))
            return pos + 2
        end = pos + 2 + table[letter]
        self._need(end)
        handle(letter, bytes(self._buf[pos + 2:end]))
        return end

    def _esc(self, pos: int) -> int:
        return self._fixed(pos, ESC_PARAMS, self._on_esc)

    def _on_esc(self, letter: int, p: bytes) -> None:
        c = chr(letter)
        if c == "@":
            self._reset_modes()
        elif c == "!":
            # ESC ! n: bit 3 emphasized, bit 4 double height, bit 5 double width.
            self.bold = bool(p[0] & 0x08)
            self.double_height = bool(p[0] & 0x10)
            self.double_width = bool(p[0] & 0x20)
        elif c == "E":
            self.bold = bool(p[0] & 1)
        elif c == "a":
            self.centered = p[0] in (1, 49)
        elif c == "t":
            self.code_table = p[0]
        elif c == "p":
            # ESC p m t1 t2: m 0/48 = pin 2, 1/49 = pin 5; times in 2 ms units.
            pin = 2 if p[0] in (0, 48) else 5
            self.document.pulses.append(DrawerPulse(pin, p[1] * 2, p[2] * 2))

    def _on_fs(self, letter: int, p: bytes) -> None:
        if letter == ord("&"):
            self.chinese = True
        elif letter == ord("."):
            self.chinese = False

    def _gs(self, pos: int) -> int:
        self._need(pos + 2)
        letter = self._buf[pos + 1]
        if letter == ord("V"):
            self._need(pos + 3)
            m = self._buf[pos + 2]
            end = pos + 3 + (1 if m in CUT_WITH_FEED else 0)
            self._need(end)
            self.document.blocks.append(Cut(partial=m in (1, 49, 66, 98, 104)))
            return end
        if letter == ord("k"):
            return self._barcode(pos)
        if letter == ord("("):
            return self._gs_paren(pos)
        if letter == ord("v"):
            return self._raster(pos)
        return self._fixed(pos, GS_PARAMS, self._on_gs)

    def _on_gs(self, letter: int, p: bytes) -> None:
        if letter == ord("!"):
            # GS ! n: high nibble width - 1, low nibble height - 1.
            self.double_width = (p[0] >> 4) >= 1
            self.double_height = (p[0] & 0x0F) >= 1

    def _barcode(self, pos: int) -> int:
        self._need(pos + 3)
        m = self._buf[pos + 2]
        if m <= 6:  # function A: data ends with NUL
            try:
                end = self._buf.index(0, pos + 3)
            except ValueError:
                raise _NeedMore from None
            data, nxt = bytes(self._buf[pos + 3:end]), end + 1
        else:  # function B: GS k m n d1..dn
            self._need(pos + 4)
            n = self._buf[pos + 3]
            self._need(pos + 4 + n)
            data, nxt = bytes(self._buf[pos + 4:pos + 4 + n]), pos + 4 + n
        text = data.decode("ascii", errors="replace")
        if m == 73 and text[:1] == "{":  # CODE128: drop the code set selector ({A {B {C)
            text = text[2:]
        self.document.blocks.append(PrintedBarcode(text))
        return nxt

    def _gs_paren(self, pos: int) -> int:
        # GS ( fn pL pH ...: a length-prefixed function; only "k" cn 49 (QR) matters here.
        self._need(pos + 5)
        kind = self._buf[pos + 2]
        length = self._buf[pos + 3] | self._buf[pos + 4] << 8
        end = pos + 5 + length
        self._need(end)
        body = bytes(self._buf[pos + 5:end])
        if kind == ord("k") and len(body) >= 2 and body[0] == QR_CN:
            if body[1] == QR_STORE:
                self._qr_data = body[3:]  # after cn fn m(48)
            elif body[1] == QR_PRINT:
                self.document.blocks.append(PrintedQr(self._qr_data.decode("utf-8", errors="replace")))
        return end

    def _raster(self, pos: int) -> int:
        # GS v 0 m xL xH yL yH d1...dk, k = (xL + xH*256) * (yL + yH*256).
        self._need(pos + 8)
        x = self._buf[pos + 4] | self._buf[pos + 5] << 8
        y = self._buf[pos + 6] | self._buf[pos + 7] << 8
        end = pos + 8 + x * y
        self._need(end)
        self.document.blocks.append(PrintedImage(x, y, bytes(self._buf[pos + 8:end])))
        return end

    def _dle(self, pos: int) -> int:
        self._need(pos + 3)
        fn = self._buf[pos + 1]
        if fn == cmd.EOT:
            if self._on_status_query is not None:
                self._on_status_query(self._buf[pos + 2])
            return pos + 3
        if fn == cmd.DC4:  # DLE DC4 1 m t: real-time pulse, t x 100 ms on and off
            self._need(pos + 5)
            if self._buf[pos + 2] == 1:
                pin = 2 if self._buf[pos + 3] == 0 else 5
                ms = self._buf[pos + 4] * 100
                self.document.pulses.append(DrawerPulse(pin, ms, ms))
            return pos + 5
        return pos + 3  # DLE ENQ n and other two-byte requests


def parse(data: bytes) -> Document:
    """Parse a complete byte stream (a trailing partial command is ignored)."""
    parser = EscposParser()
    parser.feed(data)
    return parser.document
