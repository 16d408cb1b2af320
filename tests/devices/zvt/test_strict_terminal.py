"""A terminal as strict as a real one: only a bare 06 acknowledges, an unregistered ECR is
refused, and posdesk registers, re-registers after a restart and logs off."""
from __future__ import annotations

import pytest
import serial

from posdesk.devices.errors import DeviceError
from posdesk.devices.payment import Outcome
from posdesk.devices.zvt import messages as M
from posdesk.devices.zvt import transport as zvt_transport
from posdesk.devices.zvt.apdu import Apdu
from posdesk.devices.zvt.codes import RESULT_NOT_REGISTERED
from posdesk.devices.zvt.framing import Ack, BadAck, Frame, FrameDecoder, encode_frame
from posdesk.devices.zvt.transport import LinkTimeouts, SerialStream, ZvtTransport

from .conftest import EUR, eur, make_terminal


def _line_events(heard: bytes) -> list:
    return FrameDecoder(strict=True).feed(bytes(heard))


def test_card_sale_completes_and_the_line_shows_single_byte_acks(simulator, terminal):
    sim = simulator()
    result = terminal.authorize(eur("4.78"))
    assert result.outcome is Outcome.APPROVED
    assert sim.book.charged_minor() == 478
    events = _line_events(sim.faults.heard)
    # Every message the terminal sent was acknowledged with the bare byte 06, never DLE ACK.
    assert not any(isinstance(e, BadAck) for e in events)
    assert sum(isinstance(e, Ack) for e in events) >= 6  # 80 00, status, slip lines, completion


def test_dle_ack_is_no_acknowledgement_so_the_sale_never_completes(simulator, terminal, monkeypatch):
    sim = simulator()
    monkeypatch.setattr(zvt_transport, "ACK_BYTES", b"\x10\x06")  # what posdesk used to send
    with pytest.raises(DeviceError):
        terminal.authorize(eur("4.78"))
    assert sim.book.charged_minor() == 0
    assert sim.received == [M.CMD_REGISTRATION]  # the terminal gave up before any payment
    assert not sim.registered


@pytest.fixture
def ecr_port(pty_pair):
    """The ECR's end of the pty as a plain port: bytes under the test's control."""
    port = serial.serial_for_url(pty_pair.path, baudrate=115200, timeout=0.05)
    yield port
    port.close()


def _frames_until_silence(port: serial.SerialBase, decoder: FrameDecoder, answer: bytes,
                          quiet_s: float) -> list[bytes]:
    """Read the terminal's frames, answering each with `answer`, until it is quiet."""
    frames = []
    port.timeout = quiet_s
    while data := port.read(4096):
        for event in decoder.feed(data):
            if isinstance(event, Frame):
                frames.append(event.apdu)
                port.write(answer)
    return frames


def test_the_terminal_repeats_a_frame_answered_with_dle_ack_three_times_then_gives_up(simulator, ecr_port):
    sim = simulator()
    port = ecr_port
    port.write(encode_frame(M.registration("000000", EUR).encode()))
    decoder = FrameDecoder()
    frames = _frames_until_silence(port, decoder, b"\x10\x06", quiet_s=1.5)
    # Its 80 00: the first send and the spec's three repetitions, then nothing more.
    assert frames == [M.ACK_APDU.encode()] * 4
    assert not sim.registered


def test_a_frame_with_a_bad_crc_is_naked_by_the_terminal(simulator, ecr_port):
    simulator()
    port = ecr_port
    port.timeout = 2.0
    frame = encode_frame(M.registration("000000", EUR).encode())
    port.write(frame[:-1] + bytes((frame[-1] ^ 0x5A,)))
    assert port.read(1) == b"\x15"


def test_an_unregistered_ecr_is_refused_and_nothing_is_charged(simulator, ecr_port):
    sim = simulator()
    ecr = ZvtTransport(SerialStream(ecr_port), timeouts=LinkTimeouts(ack_s=0.5, retransmissions=3))
    ecr.send(M.authorization(500, EUR).encode())
    answer = Apdu.decode(ecr.receive(2.0))
    assert (answer.cls, answer.instr) == (M.CLS_NACK, RESULT_NOT_REGISTERED)
    assert sim.book.charged_minor() == 0


def test_opening_registers_with_the_configured_password_config_byte_and_currency(simulator, pty_pair):
    sim = simulator(password="271828")
    term = make_terminal(pty_pair.path, password="271828")
    try:
        term.open()
        assert sim.registered
        assert sim.registration_data[:3] == bytes.fromhex("271828")
        assert sim.registration_data[3] == M.DEFAULT_CONFIG
        assert sim.registration_data[4:6] == bytes.fromhex("0978")  # EUR
    finally:
        term.close()


def test_a_restarted_terminal_is_registered_again_and_charges_once(simulator, terminal):
    sim = simulator()
    assert terminal.authorize(eur("1.00")).approved
    sim.restart()  # power cut at the terminal: our registration is gone
    again = terminal.authorize(eur("2.00"))
    assert again.outcome is Outcome.APPROVED
    assert sim.book.charged_minor() == 300  # 1.00 + 2.00, the refused attempt charged nothing
    assert sim.received == [M.CMD_REGISTRATION, M.CMD_AUTHORIZATION,
                            M.CMD_AUTHORIZATION, M.CMD_REGISTRATION, M.CMD_AUTHORIZATION]


def test_closing_logs_off(simulator, terminal):
    sim = simulator()
    assert terminal.authorize(eur("1.00")).approved
    terminal.close()
    assert sim.received[-1] == M.CMD_LOG_OFF
    assert not sim.registered


def test_a_registration_refused_on_opening_charges_nothing_and_names_the_port(simulator, pty_pair):
    sim = simulator(password="999999")
    term = make_terminal(pty_pair.path, password="000000")
    try:
        with pytest.raises(DeviceError, match=pty_pair.path):
            term.authorize(eur("3.00"))
    finally:
        term.close()
    assert sim.received == [M.CMD_REGISTRATION] and sim.book.charged_minor() == 0
