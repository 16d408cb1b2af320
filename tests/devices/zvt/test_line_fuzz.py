"""Garbage on the line: thousands of random and mutated frames during a payment never
crash the client, never hang it, and never turn into an approved payment."""
from __future__ import annotations

import os
import random
import select
import threading
import time

import pytest

from posdesk.devices.payment import Outcome
from posdesk.devices.zvt import messages as M
from posdesk.devices.zvt.framing import ACK_BYTES, Frame, FrameDecoder, encode_frame

from .conftest import FAST, eur

#: The frames of a declined payment; mutations of these are what a noisy line delivers.
DECLINE_SCRIPT = [
    M.intermediate_status_apdu(0x0A, display=("Insert card",)),
    M.status_information_apdu(result_code=0x71, amount_minor=999, currency_numeric=978,
                              terminal_id="52500001", pan_nibbles="6725EEEEEEEE4771"),
    M.print_line_apdu("DECLINED", last=True),
    M.terminal_abort_apdu(0x71),
    M.completion_apdu("52500001"),
]


def _noise(rng: random.Random, frames: int) -> bytes:
    chunks = []
    for _ in range(frames):
        kind = rng.random()
        if kind < 0.4:
            chunks.append(rng.randbytes(rng.randint(1, 40)))
        else:
            frame = bytearray(encode_frame(rng.choice(DECLINE_SCRIPT).encode()))
            for _ in range(rng.randint(1, 3)):
                frame[rng.randrange(len(frame))] ^= rng.randrange(1, 256)
            if kind > 0.9:
                frame = frame[:rng.randrange(len(frame))]
            chunks.append(bytes(frame))
    return b"".join(chunks)


class NoisyTerminal(threading.Thread):
    """Takes the client's registration, accepts its payment (80 00), then floods the line
    with noise, ACKing whatever well-formed frame the client sends, and finally falls silent."""

    def __init__(self, fd: int, noise: bytes):
        super().__init__(daemon=True)
        self.fd, self.noise, self.done = fd, noise, threading.Event()
        self.delivered = 0

    def run(self) -> None:
        decoder = FrameDecoder()
        sent_accept = False
        pending = memoryview(self.noise)
        while not self.done.is_set():
            writable = [self.fd] if sent_accept and pending else []
            ready_r, ready_w, _ = select.select([self.fd], writable, [], 0.05)
            if ready_r:
                for event in decoder.feed(os.read(self.fd, 4096)):
                    if isinstance(event, Frame) and event.crc_ok:
                        os.write(self.fd, ACK_BYTES)
                        command = tuple(event.apdu[:2])
                        if command == M.CMD_REGISTRATION:
                            os.write(self.fd, encode_frame(M.ACK_APDU.encode())
                                     + encode_frame(M.completion_apdu().encode()))
                        elif command == M.CMD_AUTHORIZATION and not sent_accept:
                            os.write(self.fd, encode_frame(M.ACK_APDU.encode()))
                            sent_accept = True
            if ready_w:
                written = os.write(self.fd, pending[:512])
                self.delivered += written
                pending = pending[written:]


@pytest.mark.parametrize("seed", range(4))
def test_noise_during_payment_never_becomes_an_approval(pty_pair, terminal, seed):
    noisy = NoisyTerminal(pty_pair.master_fd, _noise(random.Random(seed), 2500))
    noisy.start()
    started = time.monotonic()
    try:
        result = terminal.authorize(eur("9.99"))
    finally:
        noisy.done.set()
        noisy.join(2)
    assert noisy.delivered == len(noisy.noise)  # the client read all of it
    assert result.outcome is not Outcome.APPROVED
    assert result.outcome in (Outcome.UNKNOWN, Outcome.DECLINED)
    # Bounded: T3 + T4 + retransmissions of our acks, never an endless wait on noise.
    assert time.monotonic() - started < FAST.command_s + FAST.inactivity_s + 4 * FAST.ack_s + 5
