"""Framing and CRC against published values, and a decoder that survives any bytes."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from posdesk.devices.zvt.framing import ACK_BYTES, NAK_BYTES, Ack, BadAck, BrokenFrame, Frame, \
    FrameDecoder, Nak, crc16, encode_frame, frame_crc


def test_crc_matches_the_crc16_kermit_catalogue_check_value():
    # The CRC catalogue (reveng) lists check = 0x2189 for CRC-16/KERMIT over "123456789":
    # the reflected-0x8408, init-0 CRC-CCITT variant the ZVT spec prescribes.
    assert crc16(b"123456789") == 0x2189


def test_crc_matches_the_table_of_a_public_zvt_implementation():
    # ecrterm (mathiasfrey/ecrterm, crc.py) ships its ZVT CRC table; for one byte b after
    # init 0 the CRC is table[b]: entries 1, 2 and 255 are 4489, 8978 and 3960.
    assert crc16(b"\x01") == 4489
    assert crc16(b"\x02") == 8978
    assert crc16(b"\xff") == 3960


def test_frame_has_stuffed_dle_and_crc_over_apdu_plus_etx_low_byte_first():
    apdu = bytes.fromhex("0601 07 04 000000001000 10")  # a DLE inside the data
    frame = encode_frame(apdu)
    assert frame[:2] == b"\x10\x02"
    assert b"\x10\x10" in frame
    assert frame[-4:-2] == b"\x10\x03"
    crc = crc16(apdu + b"\x03")
    assert frame[-2:] == bytes((crc & 0xFF, crc >> 8))
    assert frame_crc(apdu) == frame[-2:]


def test_decoder_returns_the_apdu_of_a_frame_split_into_single_bytes():
    apdu = bytes.fromhex("040F 02 2700") + b"\x10\x10\x10"
    decoder = FrameDecoder()
    events = []
    for b in encode_frame(apdu):
        events += decoder.feed(bytes((b,)))
    assert events == [Frame(apdu, True)]


def test_decoder_flags_a_bad_crc_and_then_reads_the_repeated_frame():
    frame = encode_frame(b"\x80\x00\x00")
    bad = frame[:-1] + bytes((frame[-1] ^ 1,))
    assert FrameDecoder().feed(bad + frame) == [Frame(b"\x80\x00\x00", False), Frame(b"\x80\x00\x00", True)]


def test_decoder_reads_ack_nak_and_skips_noise_between_frames():
    events = FrameDecoder().feed(b"\x41\x10\x06\x99\x15" + encode_frame(b"\x06\x0f\x00") + b"\x06")
    assert events == [Ack(), Nak(), Frame(b"\x06\x0f\x00", True), Ack()]


def test_this_side_acknowledges_with_one_byte_only():
    assert ACK_BYTES == b"\x06" and NAK_BYTES == b"\x15"


def test_a_strict_decoder_reads_dle_ack_as_neither_ack_nor_nak():
    # A terminal reads the 10 of "10 06" where it wants 06 or 15: the frame was not acknowledged.
    assert FrameDecoder(strict=True).feed(b"\x10\x06\x10\x15\x06\x15") == [BadAck(), BadAck(), Ack(), Nak()]
    assert FrameDecoder(strict=True).feed(encode_frame(b"\x80\x00\x00")) == [Frame(b"\x80\x00\x00", True)]


def test_decoder_resynchronises_on_a_new_frame_start_inside_a_broken_one():
    events = FrameDecoder().feed(b"\x10\x02\x04\x0f" + encode_frame(b"\x06\x1e\x01\x6c"))
    assert events == [BrokenFrame(), Frame(b"\x06\x1e\x01\x6c", True)]


def test_decoder_refuses_a_frame_longer_than_any_apdu():
    decoder = FrameDecoder(max_apdu_len=16)
    assert decoder.feed(b"\x10\x02" + b"\x00" * 40) == [BrokenFrame()]
    assert decoder.feed(encode_frame(b"\x80\x00\x00")) == [Frame(b"\x80\x00\x00", True)]


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=64))
def test_any_apdu_survives_encoding_and_decoding(apdu):
    assert FrameDecoder().feed(encode_frame(apdu)) == [Frame(apdu, True)]


@settings(max_examples=2000, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes_never_crash_the_decoder_and_yield_only_frames_really_present(data):
    for event in FrameDecoder().feed(data):
        if isinstance(event, Frame) and event.crc_ok:
            assert encode_frame(event.apdu) in data
