"""ESC/POS command bytes shared by the status reader, the parser and the simulator.

Values are those of the Epson "ESC/POS Command Reference" (TM series); each comment names
the command as the reference does. Command building for printing goes through
python-escpos; these names exist for the places where we read bytes back.
"""
from __future__ import annotations

#: Data link escape, first byte of the real-time commands.
DLE: int = 0x10
#: End of transmission, second byte of DLE EOT (real-time status transmission).
EOT: int = 0x04
#: Device control 4, second byte of DLE DC4 (real-time request, e.g. drawer pulse).
DC4: int = 0x14
#: Escape, first byte of most commands.
ESC: int = 0x1B
#: Group separator, first byte of the GS commands.
GS: int = 0x1D
#: File separator, first byte of the Kanji/Chinese commands.
FS: int = 0x1C
#: Line feed: print and feed one line.
LF: int = 0x0A

#: ESC @ — initialize printer (1B 40).
INIT: bytes = b"\x1b\x40"
#: ESC t n — select character code table (1B 74 n).
SELECT_CODE_TABLE: bytes = b"\x1b\x74"
#: FS & — select Kanji (here: Chinese GB18030) character mode (1C 26).
CHINESE_MODE_ON: bytes = b"\x1c\x26"
#: FS . — cancel Kanji character mode (1C 2E).
CHINESE_MODE_OFF: bytes = b"\x1c\x2e"
#: ESC p m t1 t2 — generate pulse on drawer kick connector pin m (1B 70 m t1 t2).
DRAWER_PULSE: bytes = b"\x1b\x70"

#: DLE EOT n — real-time status transmission (10 04 n).
STATUS_QUERY: bytes = bytes((DLE, EOT))
#: n = 1: printer status.
STATUS_PRINTER: int = 1
#: n = 2: offline cause status.
STATUS_OFFLINE_CAUSE: int = 2
#: n = 3: error cause status.
STATUS_ERROR_CAUSE: int = 3
#: n = 4: roll paper sensor status.
STATUS_PAPER: int = 4

#: Bits the reference fixes in every DLE EOT answer: bit 1 and bit 4 set, bits 0 and 7
#: clear. An answer without them is not a status byte.
STATUS_FIXED_MASK: int = 0x93
STATUS_FIXED_VALUE: int = 0x12

#: DLE EOT 1, bit 2: drawer kick-out connector pin 3 is HIGH.
PRINTER_DRAWER_PIN3: int = 0x04
#: DLE EOT 1, bit 3: offline.
PRINTER_OFFLINE: int = 0x08
#: DLE EOT 2, bit 2: cover is open.
OFFLINE_COVER_OPEN: int = 0x04
#: DLE EOT 2, bit 5: printing stops because the paper ran out.
OFFLINE_PAPER_END: int = 0x20
#: DLE EOT 2, bit 6: an error occurred.
OFFLINE_ERROR: int = 0x40
#: DLE EOT 3, bit 3: autocutter error.
ERROR_AUTOCUTTER: int = 0x08
#: DLE EOT 3, bit 5: unrecoverable error.
ERROR_UNRECOVERABLE: int = 0x20
#: DLE EOT 3, bit 6: auto-recoverable error (e.g. head temperature).
ERROR_AUTO_RECOVERABLE: int = 0x40
#: DLE EOT 4, bits 2-3: roll paper near-end sensor: paper near end.
PAPER_NEAR_END: int = 0x0C
#: DLE EOT 4, bits 5-6: roll paper end sensor: paper not present.
PAPER_END: int = 0x60

#: ESC t n values of the code tables we use (Epson: page 0 PC437, 16 WPC1252, 19 PC858).
CODE_TABLES: dict[str, int] = {"cp437": 0, "cp1252": 16, "cp858": 19}
