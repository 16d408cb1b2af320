"""Fixtures: a raw pty pair, a simulator on its master side, a ZvtTerminal on its slave."""
from __future__ import annotations

import pytest

from posdesk.core.money import Money, currency
from posdesk.devices.ports import SerialSettings
from posdesk.devices.pty import open_pty_pair
from posdesk.devices.zvt.client import ZvtTerminal, ZvtTimeouts
from posdesk.devices.zvt.simulator import TerminalSimulator, serve

EUR = currency("EUR")
#: Short protocol timeouts so that failure paths take about a second, not minutes.
FAST = ZvtTimeouts(ack_s=0.3, retransmissions=3, command_s=1.0, inactivity_s=1.0)


def eur(text: str) -> Money:
    return Money.of(text, EUR)


@pytest.fixture
def pty_pair():
    pair = open_pty_pair()
    yield pair
    pair.close()


@pytest.fixture
def simulator(pty_pair):
    """Start a simulator on the pty: `simulator(mode="decline", ...)`."""
    started: list[TerminalSimulator] = []

    def start(**options) -> TerminalSimulator:
        options.setdefault("ack_timeout_s", 0.5)
        sim = serve(pty_pair, **options)
        started.append(sim)
        return sim

    yield start
    for sim in started:
        sim.stop()


def make_terminal(path: str, **options) -> ZvtTerminal:
    options.setdefault("timeouts", FAST)
    return ZvtTerminal(SerialSettings(path, baudrate=115200), cur=EUR, **options)


@pytest.fixture
def terminal(pty_pair):
    term = make_terminal(pty_pair.path)
    yield term
    term.close()
