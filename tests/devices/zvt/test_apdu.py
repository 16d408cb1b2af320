"""APDU, BMP and TLV decoding against byte strings from a public implementation's tests.

Vectors marked "Portalum" are from Portalum.Zvt (github.com/Portalum/Portalum.Zvt,
src/Portalum.Zvt.UnitTest: ApduHelperTest, StatusInformationParserTest, PrintLineTest,
IntermediateStatusInformationParserTest), recorded from real terminals.
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from posdesk.core.money import currency
from posdesk.devices.zvt import messages as M
from posdesk.devices.zvt.apdu import Apdu, bcd_encode
from posdesk.devices.zvt.errors import MalformedApdu
from posdesk.devices.zvt.tlv import encode_tlv, parse_tlv

EUR = currency("EUR")

# Portalum StatusInformationParserTest.Parse_PaymentGood1: an approved EUR 20.40 payment.
PAYMENT_GOOD = bytes.fromhex(
    "040F77 2700 04000000002040 0B000470 0C223953 0D1006 0E2512 170001 1970"
    " 22F0F8EEEEEEEEEEEE4771 2928004869 2A313030343631373633202020202020"
    " 3B3631313830340000 3CF0F1F4 47454E2E4E522E3A363131383034 490978 870470"
    " 88000470 8A2E 8BF1F7 4465626974204D617374657263617264 00".replace(" ", ""))
# Portalum Parse_TlvInfos1: status information with a TLV container (BMP 06).
PAYMENT_TLV = bytes.fromhex(
    "040F6527000C2313550D10290E999922F0F8EEEEEEEEEEEE4771A0012900000006870008"
    "0B0000008A068BF1F14D41535445524341524400062E2F081F1201021F100100601B4307A0"
    "00000004101044104465626974204D6173746572636172641F2B0410015008")
# Portalum Parse_AbortByKey: status with result code 6C and an additional text.
ABORT_BY_KEY = bytes.fromhex(
    "040F1E276C29280048693CF0F1F9" + "Abbruch durch Kunde".encode().hex())


def test_extended_length_field_is_low_byte_first():
    # Portalum ApduHelperTest: FF 01 00 announces 1 byte, FF 00 01 announces 256.
    assert Apdu.decode(bytes.fromhex("040FFF01006C")) == Apdu(0x04, 0x0F, b"\x6c")
    long = Apdu(0x04, 0x0F, bytes(256))
    assert long.encode()[:5] == bytes.fromhex("040FFF0001")
    assert Apdu.decode(long.encode()) == long


@pytest.mark.parametrize("raw", ["040F", "", "040F066C", "040FFF0100", "040F016C6C"])
def test_truncated_or_overlong_apdus_are_refused(raw):
    with pytest.raises(MalformedApdu):
        Apdu.decode(bytes.fromhex(raw))


def test_approved_payment_status_is_read_with_amount_receipt_and_masked_card():
    s = M.decode_message(Apdu.decode(PAYMENT_GOOD))
    assert isinstance(s, M.StatusInformation)
    assert (s.result_code, s.amount_minor, s.currency_numeric) == (0, 2040, 978)
    assert (s.trace_no, s.receipt_no, s.turnover_no) == (470, 470, 470)
    assert s.terminal_id == "28004869"
    assert s.card_name == "Debit Mastercard"
    assert s.masked_pan == "************4771"
    assert (s.date_mmdd, s.time_hhmmss) == ("1006", "223953")
    assert s.additional_text == "GEN.NR.:611804"
    assert not s.incomplete


def test_status_with_tlv_container_is_read_completely():
    s = M.decode_message(Apdu.decode(PAYMENT_TLV))
    assert s.card_name == "MASTERCARD"
    assert s.terminal_id == "00000006"
    assert s.receipt_no == 8
    assert not s.incomplete


def test_abort_by_customer_status_carries_result_code_6c():
    s = M.decode_message(Apdu.decode(ABORT_BY_KEY))
    assert s.result_code == 0x6C
    assert s.additional_text == "Abbruch durch Kunde"


def test_tlv_multibyte_tags_and_constructed_containers():
    # From PAYMENT_TLV: 2F { 1F12: 02, 1F10: 00 }.
    (outer,) = parse_tlv(bytes.fromhex("2F081F1201021F100100"))
    assert outer.tag == 0x2F and outer.constructed
    assert [(c.tag, c.value) for c in outer.children] == [(0x1F12, b"\x02"), (0x1F10, b"\x00")]


def test_tlv_long_lengths_round_trip():
    value = bytes(300)
    (item,) = parse_tlv(encode_tlv(0x1F07, value))
    assert (item.tag, item.value) == (0x1F07, value)
    assert encode_tlv(0x07, bytes(200))[:3] == bytes.fromhex("0781C8")


@pytest.mark.parametrize("raw", ["2F05", "1F", "1F8080", "0783010203", "2F031F0501"])
def test_broken_tlv_is_refused(raw):
    with pytest.raises(MalformedApdu):
        parse_tlv(bytes.fromhex(raw))


def test_print_lines_of_a_real_terminal_become_slip_text():
    # Portalum PrintLineTest: attribute 40, text, and on newer terminals a trailing TLV.
    line = M.decode_message(Apdu.decode(bytes.fromhex(
        "06D119402A2A2048C44E444C455242454C4547202A2A06041F070101")))
    assert line == M.PrintLine(0x40, "** H\u00c4NDLERBELEG **")
    last = M.decode_message(Apdu.decode(bytes.fromhex("06D10181")))
    assert last.last and last.text == ""


def test_intermediate_status_display_texts_are_read_from_tlv():
    # Portalum IntermediateStatusInformationParserTest.GetMessage_TlvData (behind 04 FF 1E).
    status = M.decode_message(Apdu.decode(bytes.fromhex(
        "04FF1EFF10061A2418070845555220312E3233070C426974746520776172746" + "56E")))
    assert status == M.IntermediateStatus(0xFF, 0x10, ("EUR 1.23", "Bitte warten"))


def test_commands_have_the_spec_layout():
    assert M.authorization(1234, EUR).encode() == bytes.fromhex("06010A04000000001234490978")
    assert M.registration("123456", EUR, 0x8E).encode() == bytes.fromhex("0600061234568E0978")
    assert M.reversal("000000", 42).encode() == bytes.fromhex("063006000000870042")
    assert M.abort().encode() == bytes.fromhex("06B000")
    assert M.status_enquiry("000000").encode() == bytes.fromhex("0501 03 000000".replace(" ", ""))


def test_a_password_that_is_not_six_digits_is_refused():
    with pytest.raises(ValueError):
        M.registration("12345", EUR)
    with pytest.raises(ValueError):
        bcd_encode("12a4", 2)


def test_a_full_pan_from_a_careless_terminal_is_masked_on_decoding():
    apdu = M.status_information_apdu(result_code=0, pan_nibbles="6725123412344771")
    assert M.decode_message(apdu).masked_pan == "************4771"


# Random bytes seldom reach the deeper fields, and one example is cheap: many times the
# profile's examples (500 with the fast profile).
@settings(max_examples=25 * settings().max_examples)
@given(st.binary(min_size=0, max_size=120))
def test_random_apdus_decode_or_fail_with_malformed_apdu_only(raw):
    try:
        M.decode_message(Apdu.decode(raw))
    except MalformedApdu:
        pass


@settings(max_examples=25 * settings().max_examples)  # as above: one cheap mutation each
@given(st.integers(0, len(PAYMENT_GOOD) - 1), st.integers(0, 255), st.booleans())
def test_mutated_status_messages_never_crash_the_decoder(pos, value, truncate):
    raw = bytearray(PAYMENT_GOOD)
    raw[pos] = value
    if truncate:
        raw = raw[:pos]
    try:
        s = M.decode_message(Apdu.decode(bytes(raw)))
    except MalformedApdu:
        return
    if isinstance(s, M.StatusInformation) and s.masked_pan:
        assert set(s.masked_pan[:-4]) <= {"*"}
