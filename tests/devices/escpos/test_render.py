"""Receipt bytes, read back by our own parser and checked against Epson reference values."""
from __future__ import annotations

import pytest

from posdesk.core.receipt import TextReport
from posdesk.devices.escpos import commands as cmd
from posdesk.devices.escpos.parser import Cut, PrintedBarcode, PrintedQr, parse
from posdesk.devices.escpos.profile import DrawerPin, QrMode, profile_by_name
from posdesk.devices.escpos.render import drawer_pulse_bytes, encode_text, receipt_bytes, report_bytes

from .samples import chinese_receipt, latin_receipt


@pytest.mark.parametrize("profile_name", ["tm-t20", "western-cp1252", "legacy-cp437", "generic-58"])
def test_latin_receipt_reads_back_with_accents_and_amounts(profile_name):
    profile = profile_by_name(profile_name)
    doc = parse(receipt_bytes(latin_receipt(), profile))
    lines = doc.lines
    assert "Café Müller" in lines
    assert "Hauptstraße 5" in lines
    assert any(line.startswith("Crème brûlée") and line.endswith("7.00 A") for line in lines)
    assert "  Discount -1.00" in lines
    assert "  0.755 kg x 2.99/kg" in lines
    assert all(len(line) <= profile.width for line in lines)
    total = next(b for b in doc.blocks if getattr(b, "text", "").startswith("TOTAL"))
    assert total.bold and total.double and total.text.endswith("12.79")


def test_latin_amounts_are_right_aligned_at_the_paper_edge():
    profile = profile_by_name("tm-t20")
    lines = parse(receipt_bytes(latin_receipt(), profile)).lines
    change = next(line for line in lines if line.startswith("Change"))
    assert len(change) == 48 and change.endswith("7.21")


def test_long_description_wraps_and_keeps_its_amount_on_the_first_line():
    lines = parse(receipt_bytes(latin_receipt(), profile_by_name("generic-58"))).lines
    i = next(i for i, line in enumerate(lines) if line.startswith("Extra long"))
    assert lines[i].endswith("4.20 B")
    assert "sourdough" in lines[i + 1] or "sourdough" in lines[i]
    assert lines[i + 2] == "bread with seeds" or lines[i + 1] == "bread with seeds"


def test_chinese_receipt_reads_back_from_gb18030_bytes():
    profile = profile_by_name("chinese-80")
    data = receipt_bytes(chinese_receipt(), profile)
    assert "幸福超市".encode("gb18030") in data
    lines = parse(data).lines
    assert "幸福超市" in lines
    assert "北京市朝阳区建国路88号" in lines
    assert "谢谢惠顾" in lines
    assert any(line.startswith("合计") and line.endswith("18.00") for line in lines)


def test_chinese_line_counts_cjk_as_two_columns():
    profile = profile_by_name("chinese-58")
    lines = parse(receipt_bytes(chinese_receipt(), profile)).lines
    apple = next(line for line in lines if line.startswith("苹果"))
    # 苹果（红富士）: 7 wide characters = 14 columns; the line fills exactly 32 columns.
    assert apple.endswith("12.00 A")
    assert len(apple) == 32 - 7


def test_chinese_text_is_sent_inside_fs_ampersand_and_fs_dot():
    # Epson reference: FS & = 1C 26 selects Kanji mode, FS . = 1C 2E cancels it.
    data = encode_text("A苹B", profile_by_name("chinese-80"))
    assert data == b"A\x1c\x26" + "苹".encode("gb18030") + b"\x1c\x2eB"


def test_western_profile_selects_its_code_table_with_esc_t():
    # Epson reference: ESC t n = 1B 74 n; n = 19 is PC858 (Euro), n = 16 is WPC1252.
    assert b"\x1b\x74\x13" in receipt_bytes(latin_receipt(), profile_by_name("tm-t20"))
    assert b"\x1b\x74\x10" in receipt_bytes(latin_receipt(), profile_by_name("western-cp1252"))
    assert "€".encode("cp858") == b"\xd5"


def test_native_qr_uses_gs_paren_k_with_the_payload():
    data = receipt_bytes(latin_receipt(), profile_by_name("tm-t20"))
    payload = b"posdesk:sale=4711;rec=9f1c2e"
    # Epson reference GS ( k <Function 180>: 1D 28 6B pL pH 31 50 30 d1...dk, with
    # pL + pH*256 = k + 3; <Function 181> prints: 1D 28 6B 03 00 31 51 30.
    n = len(payload) + 3
    assert b"\x1d\x28\x6b" + bytes((n & 0xFF, n >> 8)) + b"\x31\x50\x30" + payload in data
    assert b"\x1d\x28\x6b\x03\x00\x31\x51\x30" in data
    # <Function 165> model 2: 1D 28 6B 04 00 31 41 32 00.
    assert b"\x1d\x28\x6b\x04\x00\x31\x41\x32\x00" in data
    assert PrintedQr("posdesk:sale=4711;rec=9f1c2e") in parse(data).blocks


def test_image_qr_profile_sends_a_raster_instead_of_gs_paren_k():
    data = receipt_bytes(latin_receipt(), profile_by_name("legacy-cp437"))
    assert profile_by_name("legacy-cp437").qr is QrMode.IMAGE
    assert b"\x1d\x28\x6b" not in data
    assert b"\x1d\x76\x30" in data  # GS v 0: print raster bit image


def test_receipt_number_barcode_is_code128():
    data = receipt_bytes(latin_receipt(), profile_by_name("tm-t20"))
    # Epson reference GS k m n d1..dn with m = 73 (CODE128), "{B" selects code set B.
    assert b"\x1d\x6b\x49\x0a{BR-000123" in data
    assert PrintedBarcode("R-000123") in parse(data).blocks


def test_receipt_ends_with_a_full_cut_only_on_printers_with_a_cutter():
    # Epson reference: GS V 0 = 1D 56 00 (full cut).
    with_cutter = receipt_bytes(latin_receipt(), profile_by_name("tm-t20"))
    assert with_cutter.endswith(b"\x1d\x56\x00")
    assert isinstance(parse(with_cutter).blocks[-1], Cut)
    without = parse(receipt_bytes(latin_receipt(), profile_by_name("generic-58")))
    assert not any(isinstance(b, Cut) for b in without.blocks)


def test_reprint_is_marked_copy_at_top_and_bottom():
    lines = parse(receipt_bytes(latin_receipt().as_copy(), profile_by_name("tm-t20"))).lines
    marks = [i for i, line in enumerate(lines) if line == "*** COPY ***"]
    assert len(marks) == 2 and marks[0] == 0
    original = parse(receipt_bytes(latin_receipt(), profile_by_name("tm-t20"))).lines
    assert "*** COPY ***" not in original


def test_copy_mark_uses_the_translated_label():
    lines = parse(receipt_bytes(chinese_receipt().as_copy(), profile_by_name("chinese-80"))).lines
    assert "*** 副本 ***" in lines


@pytest.mark.parametrize(("pin", "m"), [(DrawerPin.PIN2, 0), (DrawerPin.PIN5, 1)])
def test_drawer_pulse_is_esc_p(pin, m):
    # Epson reference: ESC p m t1 t2 = 1B 70 m t1 t2; m = 0 pin 2, m = 1 pin 5,
    # on time t1 x 2 ms, off time t2 x 2 ms.
    assert drawer_pulse_bytes(pin, profile_by_name("tm-t20")) == bytes((0x1B, 0x70, m, 50, 250))
    pulse = parse(drawer_pulse_bytes(pin, profile_by_name("tm-t20"))).pulses[0]
    assert (pulse.pin, pulse.on_ms, pulse.off_ms) == (int(pin), 100, 500)


def test_status_query_constants_match_the_reference():
    # Epson reference: DLE EOT n = 10 04 n; ESC @ = 1B 40.
    assert cmd.STATUS_QUERY + bytes((cmd.STATUS_PAPER,)) == b"\x10\x04\x04"
    assert cmd.INIT == b"\x1b\x40"


def test_x_report_prints_title_and_rows():
    report = TextReport("X REPORT", (("Sales", "12"), ("Cash", "345.60")), ("Lane L1",))
    lines = parse(report_bytes(report, profile_by_name("generic-80-42"))).lines
    assert lines[0] == "X REPORT"
    assert "Cash" + " " * (42 - 4 - 6) + "345.60" in lines
    assert "Lane L1" in lines


def test_parser_waits_for_a_command_split_across_reads():
    from posdesk.devices.escpos.parser import EscposParser

    data = receipt_bytes(chinese_receipt(), profile_by_name("chinese-80"))
    parser = EscposParser()
    for i in range(0, len(data), 7):
        parser.feed(data[i:i + 7])
    assert parser.document.lines == parse(data).lines


def test_logo_is_sent_as_a_raster_and_a_missing_logo_is_skipped(tmp_path):
    from PIL import Image

    from posdesk.devices.escpos.parser import PrintedImage

    logo = tmp_path / "logo.png"
    Image.new("L", (200, 40), 0).save(logo)
    doc = parse(receipt_bytes(latin_receipt(logo_path=str(logo)), profile_by_name("tm-t20")))
    images = [b for b in doc.blocks if isinstance(b, PrintedImage)]
    assert images and images[0].width_bytes * 8 >= 200 and images[0].height == 40
    assert any(images[0].raster)  # black logo: dots set
    missing = parse(receipt_bytes(latin_receipt(logo_path=str(tmp_path / "gone.png")),
                                  profile_by_name("tm-t20")))
    assert "Café Müller" in missing.lines


def test_parser_reads_a_real_time_drawer_pulse():
    # Epson reference: DLE DC4 fn m t = 10 14 01 m t, pulse of t x 100 ms on pin m.
    pulse = parse(b"\x10\x14\x01\x01\x03").pulses[0]
    assert (pulse.pin, pulse.on_ms) == (5, 300)
