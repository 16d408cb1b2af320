"""Draw a parsed ESC/POS document as a receipt picture (PNG), for the printer simulator.

One column is `COLUMN_PX` dots, so 48 columns make the 576 dots of an 80 mm printer head.
Chinese needs a CJK font; the first one found in the usual font folders is used, else
Pillow's built-in font (which draws CJK as boxes, but still draws).
"""
from __future__ import annotations

import logging
from functools import cache
from pathlib import Path

import qrcode
from PIL import Image, ImageDraw, ImageFont

from .layout import char_width
from .parser import Cut, Document, PrintedBarcode, PrintedImage, PrintedLine, PrintedQr

log = logging.getLogger(__name__)

#: Dots per text column in font A.
COLUMN_PX = 12
#: Dots per text line in normal size.
LINE_PX = 28
#: Folders where fonts live on Linux desktops and servers.
FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".fonts")
#: Font files tried in order: CJK-capable first, then any monospace.
FONT_NAMES = ("NotoSansCJK-Regular.ttc", "NotoSansMonoCJKsc-Regular.otf",
              "NotoSerifCJK-Regular.ttc", "wqy-zenhei.ttc", "DejaVuSansMono.ttf")


@cache
def _font_path() -> Path | None:
    for name in FONT_NAMES:
        for folder in FONT_DIRS:
            if folder.is_dir():
                found = next(folder.rglob(name), None)
                if found is not None:
                    return found
    return None


@cache
def _font(size: int) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    path = _font_path()
    if path is None:
        log.info("no TrueType font found; CJK text will not be drawn legibly")
        return ImageFont.load_default()
    return ImageFont.truetype(str(path), size)


def _draw_text(draw: ImageDraw.ImageDraw, line: PrintedLine, y: int, width_px: int) -> int:
    scale = 2 if line.double else 1
    font = _font(22 * scale)
    col = COLUMN_PX * scale
    text_w = sum(char_width(ch) for ch in line.text) * col
    x = (width_px - text_w) // 2 if line.centered else 0
    # Place character by character on the column grid, as the printer does.
    for ch in line.text:
        draw.text((x, y), ch, fill=0, font=font, stroke_width=1 if line.bold else 0, stroke_fill=0)
        x += char_width(ch) * col
    return LINE_PX * scale


def _raster_image(block: PrintedImage) -> Image.Image:
    # ESC/POS rasters set a bit for a black dot; Pillow's mode "1" means white for 1.
    inverted = bytes(b ^ 0xFF for b in block.raster)
    return Image.frombytes("1", (block.width_bytes * 8, block.height), inverted).convert("L")


def _qr_image(payload: str) -> Image.Image:
    return qrcode.make(payload, box_size=6, border=2).get_image().convert("L")


def _barcode_image(data: str, width_px: int) -> Image.Image:
    from barcode import Code128  # python-barcode, installed with python-escpos
    from barcode.writer import ImageWriter

    img = Code128(data, writer=ImageWriter()).render({"module_height": 8.0, "font_size": 8})
    img = img.convert("L")
    if img.width > width_px:
        img = img.resize((width_px, img.height * width_px // img.width))
    return img


def render_png(document: Document, path: Path, columns: int = 48) -> Path:
    """Draw `document` and write it to `path` as PNG."""
    width_px = columns * COLUMN_PX
    pieces: list[PrintedLine | Image.Image] = []
    height = 10
    for block in document.blocks:
        if isinstance(block, PrintedLine):
            pieces.append(block)
            height += LINE_PX * (2 if block.double else 1)
        else:
            img = _block_image(block, width_px)
            pieces.append(img)
            height += img.height + 8
    page = Image.new("L", (width_px, height), 255)
    draw = ImageDraw.Draw(page)
    y = 5
    for piece in pieces:
        if isinstance(piece, PrintedLine):
            y += _draw_text(draw, piece, y, width_px)
        else:
            page.paste(piece, ((width_px - piece.width) // 2, y + 4))
            y += piece.height + 8
    path.parent.mkdir(parents=True, exist_ok=True)
    page.save(path, "PNG")
    return path


def _block_image(block: object, width_px: int) -> Image.Image:
    if isinstance(block, PrintedQr):
        return _qr_image(block.payload)
    if isinstance(block, PrintedBarcode):
        return _barcode_image(block.data, width_px)
    if isinstance(block, PrintedImage):
        return _raster_image(block)
    assert isinstance(block, Cut)
    cut = Image.new("L", (width_px, 4), 255)
    ImageDraw.Draw(cut).line([(0, 2), (width_px, 2)], fill=128, width=1)
    return cut
