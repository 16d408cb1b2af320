"""The printer simulator draws what it was sent: text file and PNG with a readable QR."""
from __future__ import annotations

import cv2
import numpy as np
from PIL import Image

from posdesk.devices.escpos.profile import profile_by_name
from posdesk.devices.escpos.render import receipt_bytes

from .samples import chinese_receipt


def test_cut_receipt_is_saved_as_text_and_png_with_a_scannable_qr(printer_sim, tmp_path):
    with open(printer_sim.path, "wb", buffering=0) as port:
        port.write(receipt_bytes(chinese_receipt(), profile_by_name("chinese-80")))
    # chinese-80 has a cutter, so the receipt is saved at its cut.
    png = tmp_path / "printed" / "receipt-0001.png"
    assert printer_sim.wait_until(lambda s: png.exists())
    text = (tmp_path / "printed" / "receipt-0001.txt").read_text(encoding="utf-8")
    assert "幸福超市" in text
    image = np.array(Image.open(png).convert("L"))
    assert image.shape[1] == 48 * 12 and (image < 128).any()
    payload, _, _ = cv2.QRCodeDetector().detectAndDecode(image)
    assert payload == "posdesk:sale=88;rec=ab12"


def test_status_answer_follows_the_paper(printer_sim):
    printer_sim.paper_out = True
    assert printer_sim.status_byte(4) == 0x7E
    printer_sim.paper_out = False
    printer_sim.paper_near_end = True
    assert printer_sim.status_byte(4) == 0x1E
