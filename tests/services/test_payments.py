"""Card payments through the checkout, over a pty to the ZVT simulator: real bytes."""
import os

import pytest

from posdesk.core.errors import DomainError
from posdesk.core.lines import PaymentStatus
from posdesk.core.money import Money, currency
from posdesk.core.sale import SaleState
from posdesk.devices.ports import SerialSettings
from posdesk.devices.pty import open_pty_pair
from posdesk.devices.worker import DeviceWorker
from posdesk.devices.zvt.book import TransactionBook
from posdesk.devices.zvt.client import ZvtTerminal, ZvtTimeouts
from posdesk.devices.zvt.simulator import serve
from posdesk.services.dispatch import Dispatch
from posdesk.services.payments import CardPayments, TerminalState

from .helpers import wait_for

EUR = currency("EUR")
MILK = "4006381333931"
FAST = ZvtTimeouts(ack_s=0.3, retransmissions=3, command_s=1.0, inactivity_s=1.0)


@pytest.fixture
def lane(services, till, tmp_path):
    pair = open_pty_pair()
    book = TransactionBook()
    terminal = ZvtTerminal(SerialSettings(pair.path, baudrate=115200), cur=EUR, timeouts=FAST)
    worker = DeviceWorker("terminal")
    worker.start()
    dispatch = Dispatch()
    payments = CardPayments(checkout=till.checkout, tender=till.tender, terminal=terminal,
                            worker=worker, dispatch=dispatch, writer=services.writer,
                            state=TerminalState(tmp_path / "terminal.json"))
    sims = []

    def simulate(mode="approve"):
        for s in sims:
            s.stop()
        sims.append(serve(pair, mode=mode, book=book, ack_timeout_s=0.5))
        return sims[-1]

    class Lane:
        pass
    lane = Lane()
    lane.__dict__.update(pair=pair, book=book, payments=payments, dispatch=dispatch,
                         simulate=simulate, checkout=till.checkout, till=till,
                         services=services)
    yield lane
    for s in sims:
        s.stop()
    worker.stop()
    terminal.close()
    pair.close()


def ring(lane):
    lane.till.selling.enter(MILK)
    lane.till.tender.start_tender()
    return lane.checkout.sale


def test_card_sale_is_journaled_before_sending_and_completes(lane):
    lane.simulate("approve")
    sale = ring(lane)
    statuses = []
    lane.payments.on_status.append(statuses.append)
    pid = lane.payments.pay(sale.remaining)
    wait_for(lane, lambda: sale.state is SaleState.COMPLETED)
    p = sale.payment(pid)
    assert p.status is PaymentStatus.APPROVED and p.details["masked_pan"].endswith(p.details["masked_pan"][-4:])
    assert "*" in p.details["masked_pan"]
    kinds = [e.kind for e in sale.events]
    assert kinds.index("payment_started") < kinds.index("payment_approved") < kinds.index("sale_completed")
    assert lane.book.charged_minor() == sale.total.minor


def test_declined_card_leaves_the_sale_open_for_cash(lane):
    lane.simulate("decline")
    sale = ring(lane)
    pid = lane.payments.pay(sale.remaining)
    wait_for(lane, lambda: sale.payment(pid).status is PaymentStatus.DECLINED)
    assert sale.state is SaleState.TENDERING and lane.book.charged_minor() == 0
    lane.till.tender.pay_cash(Money.of("5", EUR))
    assert sale.state is SaleState.COMPLETED


def test_lost_answer_is_reconciled_and_never_charged_twice(lane):
    lane.simulate("drop")
    sale = ring(lane)
    pid = lane.payments.pay(sale.remaining)
    wait_for(lane, lambda: sale.payment(pid).status is PaymentStatus.UNKNOWN)
    assert lane.book.charged_minor() == sale.total.minor  # the card WAS charged
    with pytest.raises(DomainError, match="unresolved"):
        lane.payments.pay(sale.remaining)  # no second payment while one is unresolved
    lane.simulate("approve")  # the line comes back
    lane.payments.reconcile(pid)
    wait_for(lane, lambda: sale.state is SaleState.COMPLETED)
    assert sale.payment(pid).status is PaymentStatus.APPROVED
    assert lane.book.charged_minor() == sale.total.minor
    assert len([t for t in lane.book.transactions if t.kind == "payment"]) == 1


def test_unplugged_terminal_is_a_clear_error_and_nothing_is_charged(lane):
    # The terminal's end of the line goes away; our end stays open, so the port's name is
    # not handed to another program's pty meanwhile (that one would answer something).
    os.close(lane.pair.master_fd)
    lane.pair.master_fd = -1
    sale = ring(lane)
    errors = []
    lane.payments.on_error.append(errors.append)
    pid = lane.payments.pay(sale.remaining)
    wait_for(lane, lambda: not sale.payment(pid).open)
    assert sale.payment(pid).status is PaymentStatus.ABORTED and errors
    lane.till.tender.pay_cash(Money.of("5", EUR))
    assert sale.state is SaleState.COMPLETED
