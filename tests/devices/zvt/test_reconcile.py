"""Never charge twice: a lost answer is UNKNOWN, reconciliation finds out, reversal undoes."""
from __future__ import annotations

import json

from posdesk.devices.payment import Outcome, PendingPayment
from posdesk.devices.pty import open_pty_pair
from posdesk.devices.zvt.book import TransactionBook
from posdesk.devices.zvt.simulator import serve

from .conftest import eur, make_terminal


def test_silent_line_after_charge_is_unknown_then_reconciled_and_reversed(simulator, terminal):
    sim = simulator(mode="drop")
    result = terminal.authorize(eur("42.00"), reference="sale-7")
    assert result.outcome is Outcome.UNKNOWN  # not DECLINED: the card was charged
    assert sim.book.charged_minor() == 4200

    # The pending payment survives a restart of the application.
    pending = PendingPayment.from_dict(json.loads(json.dumps(result.pending.to_dict())))
    assert pending == result.pending

    found = terminal.reconcile(pending)
    assert found.outcome is Outcome.APPROVED
    assert found.amount == eur("42.00") and found.receipt_no == 1
    assert found.masked_pan == "************4771"

    undone = terminal.reverse(found.receipt_no)
    assert undone.approved
    assert sim.book.charged_minor() == 0
    again = terminal.reverse(found.receipt_no)
    assert again.outcome is Outcome.DECLINED and again.result_code == 0xB4  # already reversed
    assert sim.book.charged_minor() == 0


def test_cut_cable_after_charge_is_unknown_and_reconciled_on_the_restored_line():
    book = TransactionBook()
    cut = open_pty_pair()
    sim = serve(cut, mode="drop", drop_closes_line=True, book=book, ack_timeout_s=0.5)
    cut.master_fd = -1  # the simulator owns and closes it when it pulls the cable
    term = make_terminal(cut.path)
    try:
        result = term.authorize(eur("19.99"))
    finally:
        term.close()
        sim.stop()
        cut.close()
    assert result.outcome is Outcome.UNKNOWN
    assert book.charged_minor() == 1999

    restored = open_pty_pair()
    sim = serve(restored, book=book, ack_timeout_s=0.5)
    term = make_terminal(restored.path)
    try:
        found = term.reconcile(result.pending)
        assert found.outcome is Outcome.APPROVED and found.amount == eur("19.99")
        assert term.reverse(found.receipt_no).approved
    finally:
        term.close()
        sim.stop()
        restored.close()
    assert book.charged_minor() == 0


def test_unanswered_payment_that_never_reached_the_host_reconciles_as_not_charged(
        simulator, terminal):
    sim = simulator()
    earlier = terminal.authorize(eur("5.00"))
    assert earlier.approved
    sim.mode = type(sim.mode)("timeout")
    lost = terminal.authorize(eur("5.00"))  # same amount as the earlier sale on purpose
    assert lost.outcome is Outcome.UNKNOWN
    assert lost.pending.previous_receipt_no == earlier.receipt_no

    sim.mode = type(sim.mode)("approve")
    verdict = terminal.reconcile(lost.pending)
    assert verdict.outcome is Outcome.NOT_CHARGED
    assert sim.book.charged_minor() == 500  # only the earlier sale; charging again is safe
    retry = terminal.authorize(eur("5.00"))
    assert retry.approved and sim.book.charged_minor() == 1000
