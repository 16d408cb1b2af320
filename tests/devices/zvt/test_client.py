"""A ZvtTerminal against the simulator over a real pty: the sales a cashier rings up."""
from __future__ import annotations

import logging
import threading

import pytest

from posdesk.devices.errors import DeviceError
from posdesk.devices.payment import Outcome, PaymentTerminal
from posdesk.devices.worker import DeviceWorker
from posdesk.devices.zvt.errors import CommandRefused

from posdesk.devices.zvt.framing import encode_frame
from posdesk.devices.zvt.messages import CMD_AUTHORIZATION, CMD_REGISTRATION, authorization

from .conftest import EUR, eur, make_terminal


def test_terminal_is_a_payment_terminal(terminal):
    assert isinstance(terminal, PaymentTerminal)


def test_card_sale_is_approved_with_receipt_details_and_slip(simulator, terminal):
    sim = simulator()
    statuses = []
    result = terminal.authorize(eur("12.34"), on_status=statuses.append)
    assert result.outcome is Outcome.APPROVED
    assert result.amount == eur("12.34")
    assert result.receipt_no == 1 and result.trace_no == 1
    assert result.terminal_id == "52500001"
    assert result.masked_pan == "************4771"
    assert result.card_name == "girocard"
    assert "AMOUNT EUR 12.34" in result.slip_lines
    assert [s.text for s in statuses] and str(statuses[0].text) == "Insert card"
    assert sim.book.charged_minor() == 1234


def test_slip_arrives_as_text_block_when_registered_for_it(simulator, pty_pair):
    from posdesk.devices.zvt.messages import CONFIG_TEXT_BLOCKS, DEFAULT_CONFIG
    simulator()
    term = make_terminal(pty_pair.path, config=DEFAULT_CONFIG | CONFIG_TEXT_BLOCKS)
    try:
        assert term.register().ok
        result = term.authorize(eur("5.00"))
    finally:
        term.close()
    assert result.approved and "AMOUNT EUR 5.00" in result.slip_lines


def test_declined_card_reports_the_terminals_reason(simulator, terminal):
    sim = simulator(mode="decline", decline_code=0x71)
    result = terminal.authorize(eur("80.00"))
    assert result.outcome is Outcome.DECLINED
    assert result.result_code == 0x71
    assert str(result.message) == "Insufficient funds"
    assert sim.book.charged_minor() == 0


def test_cashier_abort_during_pin_entry_cancels_the_payment(simulator, terminal):
    sim = simulator(mode="slow", status_delay_s=5.0)
    first_status, finished = threading.Event(), threading.Event()
    outcome = {}
    worker = DeviceWorker("terminal")
    worker.start()

    def done(result, error):
        outcome["result"], outcome["error"] = result, error
        finished.set()

    worker.submit(lambda: terminal.authorize(eur("9.99"), on_status=lambda s: first_status.set()), done)
    try:
        assert first_status.wait(5)
        assert terminal.abort()  # from this thread, while the worker waits on the terminal
        assert finished.wait(5)
    finally:
        worker.stop()
    assert outcome["error"] is None
    assert outcome["result"].outcome is Outcome.ABORTED
    assert str(outcome["result"].message) == "Aborted"
    assert sim.book.charged_minor() == 0


def test_abort_with_nothing_running_does_nothing(simulator, terminal):
    simulator()
    assert terminal.abort() is False


def test_slow_terminal_statuses_reach_the_callback_live_in_order(simulator, terminal):
    simulator(mode="slow", status_delay_s=0.01)
    seen = []
    result = terminal.authorize(eur("1.00"), on_status=lambda s: seen.append((s.code, s.display)))
    assert result.approved
    assert seen == [(0x0A, ("Insert card",)), (0x01, ("PIN entry",)), (0x0E, ("Please wait",))]


def test_naks_from_the_terminal_are_recovered_by_retransmission(simulator, terminal):
    sim = simulator()
    terminal.open()  # registered: the faults below hit the authorization
    sim.faults.nak_next = 2  # the authorization frame itself is rejected twice
    result = terminal.authorize(eur("3.00"))
    assert result.approved
    assert sim.book.charged_minor() == 300
    assert sim.received == [CMD_REGISTRATION, CMD_AUTHORIZATION]  # three copies on the wire, one payment
    frame = encode_frame(authorization(300, EUR).encode())
    assert terminal.transport.bytes_out >= 3 * len(frame)


def test_bad_crc_from_the_terminal_is_naked_and_the_repeat_accepted(simulator, terminal):
    sim = simulator()
    terminal.open()
    sim.faults.corrupt_next = 3  # 80 00, the status and the first slip line arrive broken
    result = terminal.authorize(eur("4.00"))
    assert result.approved and result.receipt_no == 1
    assert len(sim.book.transactions) == 1


def test_terminal_that_never_acknowledges_gives_unknown_not_declined(simulator, terminal):
    sim = simulator()
    terminal.open()
    sim.faults.nak_next = 10
    result = terminal.authorize(eur("6.00"))
    assert result.outcome is Outcome.UNKNOWN
    assert result.pending is not None and result.pending.amount == eur("6.00")


def test_terminal_that_never_answers_gives_unknown_after_t3(simulator, terminal):
    simulator(mode="timeout")
    result = terminal.authorize(eur("7.00"), reference="sale-42")
    assert result.outcome is Outcome.UNKNOWN
    assert result.pending.reference == "sale-42"
    assert "unknown" in str(result.message)


def test_refund_and_end_of_day_total(simulator, terminal):
    sim = simulator()
    assert terminal.authorize(eur("20.00")).approved
    refund = terminal.refund(eur("5.00"))
    assert refund.approved and refund.amount == eur("5.00")
    report = terminal.end_of_day()
    assert report.ok and "TOTAL 15.00" in report.slip_lines
    assert sim.book.charged_minor() == 1500


def test_registration_diagnosis_and_status_enquiry_succeed(simulator, terminal):
    simulator()
    reg = terminal.register()
    assert reg.ok and reg.terminal_id == "52500001"
    assert terminal.diagnosis().ok
    assert terminal.status_enquiry().terminal_id == "52500001"


def test_registration_with_wrong_password_is_a_clear_error(simulator, pty_pair):
    simulator(password="123456")
    term = make_terminal(pty_pair.path, password="000000")
    try:
        with pytest.raises(CommandRefused) as info:
            term.register()
    finally:
        term.close()
    assert isinstance(info.value, DeviceError)
    assert info.value.result_code == 0x83
    message = str(info.value)
    assert pty_pair.path in message and "password" in message and "refused registration" in message


def test_missing_port_is_a_device_error_naming_it():
    term = make_terminal("/nonexistent/ttyZVT")
    with pytest.raises(DeviceError, match="/nonexistent/ttyZVT"):
        term.authorize(eur("1.00"))


def test_results_and_logs_hold_only_a_masked_card_number(simulator, terminal, caplog):
    simulator(full_pan=True)  # a careless terminal that sends the whole PAN
    caplog.set_level(logging.DEBUG)
    result = terminal.authorize(eur("2.50"))
    assert result.approved
    assert result.masked_pan == "************4771"
    everything = caplog.text + repr(result)
    for secret in ("6725123412344771", "672512341234", "1234 4771"):
        assert secret not in everything
