"""A terminal whose frames arrive garbled or not at all: a cashier who pays each sale until
the terminal says it is paid (reconciling every unknown answer first, as posdesk's payment
service does) never gets a card charged twice."""
from __future__ import annotations

import random

import pytest

from posdesk.devices.errors import DeviceError
from posdesk.devices.payment import Outcome, PaymentResult
from posdesk.devices.zvt.client import ZvtTerminal
from posdesk.devices.zvt.framing import DLE, STX
from posdesk.devices.zvt.simulator import serve
from posdesk.devices.zvt.transport import ByteStream, FdStream

from .conftest import eur, make_terminal

#: Sales rung up per run, and how often one may be tried before the test calls it stuck.
SALES = 6
ATTEMPTS = 12


class GarblingStream:
    """The terminal's side of the line: some of its frames get a byte changed (the CRC
    catches it and the ECR asks for a repeat), some vanish, and now and then the line goes
    dead for longer than the terminal's repetitions, so the conversation breaks off."""

    def __init__(self, inner: ByteStream, rng: random.Random):
        self.inner, self.rng, self.name = inner, rng, inner.name
        self.dead_frames = 0
        self.garbled = self.swallowed = 0

    def read_some(self) -> bytes:
        return self.inner.read_some()

    def write(self, data: bytes) -> None:
        if data[:2] != bytes((DLE, STX)):
            self.inner.write(data)  # the terminal's ACK/NAK bytes pass untouched
            return
        roll = self.rng.random()
        if self.dead_frames == 0 and roll < 0.04:
            self.dead_frames = 5  # one frame plus its three repetitions, and one more
        if self.dead_frames:
            self.dead_frames -= 1
            self.swallowed += 1
            return
        if roll < 0.25:
            garbled = bytearray(data)
            at = self.rng.randrange(2, len(garbled))
            garbled[at] ^= self.rng.randrange(1, 256)
            self.garbled += 1
            data = bytes(garbled)
        self.inner.write(data)


def _settle(term: ZvtTerminal, result: PaymentResult) -> PaymentResult:
    """Ask the terminal about an unknown answer until it says charged or not charged."""
    for _ in range(ATTEMPTS):
        if result.outcome is not Outcome.UNKNOWN:
            return result
        try:
            result = term.reconcile(result.pending)
        except DeviceError:
            continue  # the question itself got lost: ask again
    pytest.fail("the terminal never said what became of a payment")


@pytest.mark.parametrize("seed", range(2))
def test_garbled_and_lost_frames_never_charge_a_sale_twice(pty_pair, seed):
    line = GarblingStream(FdStream(pty_pair.master_fd, pty_pair.path), random.Random(seed))
    sim = serve(line, ack_timeout_s=0.3)
    term = make_terminal(pty_pair.path)
    amounts = [eur(f"{10 + i}.{seed:02d}") for i in range(SALES)]
    try:
        for amount in amounts:
            for _ in range(ATTEMPTS):
                try:
                    result = _settle(term, term.authorize(amount))
                except DeviceError:
                    continue  # the port could not even register: nothing was sent
                if result.outcome is Outcome.APPROVED:
                    break
            else:
                pytest.fail(f"{amount} was never paid")
    finally:
        term.close()
        sim.stop()
    charged = [tx.amount_minor for tx in sim.book.transactions if tx.kind == "payment"]
    assert sorted(charged) == sorted(a.minor for a in amounts)  # each sale exactly once
    assert line.garbled and line.swallowed  # the line really was bad
