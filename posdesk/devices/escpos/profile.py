"""Printer profiles: the facts about one printer model that change the bytes we send.

A profile is data, chosen by name from the config (`printer.profile = "tm-t20-58"`).
Widths are characters per line in font A: 48 on 80 mm paper, 42 on 80 mm printers with a
wider font, 32 on 58 mm paper.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass

from .errors import UnknownProfile


class QrMode(enum.Enum):
    #: The printer draws the code itself (GS ( k): small, sharp, fast.
    NATIVE = "native"
    #: We render the code and send it as a raster image (GS v 0), for printers without GS ( k.
    IMAGE = "image"
    NONE = "none"


class DrawerPin(enum.IntEnum):
    """Drawer kick connector pins, as ESC p names them (m = 0 for pin 2, 1 for pin 5)."""

    PIN2 = 2
    PIN5 = 5


@dataclass(frozen=True)
class PrinterProfile:
    name: str
    #: Characters per line in font A (one Latin character = one column).
    width: int = 48
    #: Western code page for non-Chinese text: "cp437", "cp858" or "cp1252".
    code_page: str = "cp858"
    #: Whether the printer has a GB18030 font behind FS & (Chinese models).
    gb18030: bool = False
    cutter: bool = True
    qr: QrMode = QrMode.NATIVE
    #: Module size of the QR code in dots (GS ( k function 167, 1-16).
    qr_module_size: int = 6
    drawer_pins: tuple[DrawerPin, ...] = (DrawerPin.PIN2,)
    #: Pulse on-time and off-time in 2 ms units (ESC p t1 t2): 50 = 100 ms on, 250 = 500 ms off.
    drawer_pulse: tuple[int, int] = (50, 250)
    #: Whether the drawer's switch is wired to pin 3, so DLE EOT 1 tells open from closed.
    reports_drawer: bool = True
    #: Pin 3 level that means "drawer open" (depends on the drawer's switch).
    drawer_open_level_high: bool = True
    #: python-escpos capability profile used to build commands (it knows the head's dot
    #: width, which image commands need).
    escpos_model: str = "TM-T20II"


#: The profiles this build knows; the config names one of them.
PROFILES: dict[str, PrinterProfile] = {
    p.name: p
    for p in (
        PrinterProfile("generic-80", width=48),
        PrinterProfile("generic-80-42", width=42),
        PrinterProfile("generic-58", width=32, cutter=False, qr_module_size=4,
                       escpos_model="POS-5890"),
        PrinterProfile("tm-t20", width=48, code_page="cp858"),
        PrinterProfile("western-cp1252", width=48, code_page="cp1252"),
        PrinterProfile("legacy-cp437", width=42, code_page="cp437", qr=QrMode.IMAGE),
        PrinterProfile("chinese-80", width=48, code_page="cp437", gb18030=True),
        PrinterProfile("chinese-58", width=32, code_page="cp437", gb18030=True,
                       cutter=False, qr_module_size=4, escpos_model="POS-5890"),
    )
}


def profile_by_name(name: str) -> PrinterProfile:
    try:
        return PROFILES[name]
    except KeyError:
        known = ", ".join(sorted(PROFILES))
        raise UnknownProfile(f"unknown printer profile {name!r} (known: {known})") from None
