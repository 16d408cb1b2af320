"""Laid-out blocks to ESC/POS bytes, built with python-escpos' command builder.

python-escpos' `Dummy` printer collects the bytes of styles, QR codes, barcodes, cuts and
drawer pulses. Text is encoded here rather than through its "magic" encoder: a Chinese
printer wants GB18030 inside FS & ... FS . and the profile's Western code page outside,
and the code page must be chosen by the profile, not guessed per line.
"""
from __future__ import annotations

import logging

from escpos.exceptions import Error as EscposLibraryError
from escpos.printer import Dummy

from posdesk.core.receipt import Receipt, TextReport

from . import commands as cmd
from .layout import BarcodeBlock, Block, LogoBlock, QrBlock, TextBlock, layout_receipt, layout_report
from .profile import DrawerPin, PrinterProfile, QrMode

log = logging.getLogger(__name__)

#: Python codec of the Chinese character mode of GB18030 printers.
CHINESE_CODEC = "gb18030"
#: Lines fed at the end on a printer without cutter, so the last line clears the tear bar.
FEED_FOR_TEAR_OFF = 4


def encode_text(text: str, profile: PrinterProfile) -> bytes:
    """`text` as the printer's bytes: ASCII and the Western code page plain, other
    characters (on GB18030 printers) inside FS & ... FS . as GB18030."""
    if not profile.gb18030:
        return text.encode(profile.code_page, errors="replace")
    out = bytearray()
    chinese = False
    for ch in text:
        wide = ord(ch) >= 0x80
        if wide != chinese:
            out += cmd.CHINESE_MODE_ON if wide else cmd.CHINESE_MODE_OFF
            chinese = wide
        out += ch.encode(CHINESE_CODEC, errors="replace") if wide else ch.encode("ascii")
    if chinese:
        out += cmd.CHINESE_MODE_OFF
    return bytes(out)


def _select_code_table(p: Dummy, profile: PrinterProfile) -> None:
    p._raw(cmd.SELECT_CODE_TABLE + bytes((cmd.CODE_TABLES[profile.code_page],)))


def _text(p: Dummy, block: TextBlock, profile: PrinterProfile) -> None:
    p.set(align=block.align.value, bold=block.bold, double_width=block.double,
          double_height=block.double, normal_textsize=not block.double)
    p._raw(encode_text(block.text, profile) + b"\n")


def _qr(p: Dummy, payload: str, profile: PrinterProfile) -> None:
    if profile.qr is QrMode.NONE:
        return
    p.set(align="center")
    # Native: GS ( k (model 2, module size, EC level M, store, print). Image: a raster
    # GS v 0 of the same code, for printers without a 2D-code engine.
    p.qr(payload, native=profile.qr is QrMode.NATIVE, size=profile.qr_module_size, ec=1)
    # The image path writes its newlines through python-escpos' encoder, which may select
    # code table 0; select ours again.
    _select_code_table(p, profile)


def _barcode(p: Dummy, data: str) -> None:
    # CODE128 code set B ("{B" prefix, GS k 73 n): any printable ASCII receipt number.
    # `_hw_barcode` is what `barcode()` calls for a hardware code, without its print().
    p._hw_barcode("{B" + data, "CODE128", height=60, width=2, function_type="B")
    p._raw(b"\n")


def _logo(p: Dummy, path: str) -> None:
    try:
        p.image(path, center=False)
    except (OSError, ValueError, EscposLibraryError) as e:
        # A missing logo must not cost the customer the receipt.
        log.warning("logo %s not printed: %s", path, e)


def render_blocks(blocks: list[Block], profile: PrinterProfile, *, cut: bool = True) -> bytes:
    p = Dummy(profile=profile.escpos_model)
    p._raw(cmd.INIT)
    _select_code_table(p, profile)
    for block in blocks:
        if isinstance(block, TextBlock):
            _text(p, block, profile)
        elif isinstance(block, QrBlock):
            _qr(p, block.payload, profile)
        elif isinstance(block, BarcodeBlock):
            _barcode(p, block.data)
        elif isinstance(block, LogoBlock):
            _logo(p, block.path)
    p.set(align="left", bold=False, normal_textsize=True)
    if cut and profile.cutter:
        p.cut()  # ESC d 6 (feed past the blade), then GS V 0 (full cut)
    else:
        p.ln(FEED_FOR_TEAR_OFF)
    return p.output


def receipt_bytes(receipt: Receipt, profile: PrinterProfile) -> bytes:
    """Everything the printer needs for `receipt`, from ESC @ to the cut."""
    return render_blocks(layout_receipt(receipt, profile.width), profile)


def report_bytes(report: TextReport, profile: PrinterProfile) -> bytes:
    return render_blocks(layout_report(report, profile.width), profile)


def drawer_pulse_bytes(pin: DrawerPin, profile: PrinterProfile) -> bytes:
    """ESC p m t1 t2 for `pin` (m = 0 for pin 2, m = 1 for pin 5)."""
    p = Dummy(profile=profile.escpos_model)
    on, off = profile.drawer_pulse
    p.cashdraw([cmd.ESC, cmd.DRAWER_PULSE[1], 0 if pin is DrawerPin.PIN2 else 1, on, off])
    return p.output
