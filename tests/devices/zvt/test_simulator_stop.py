"""A stopped simulator is silent: its pty's descriptor numbers go to the next pty opened."""
from __future__ import annotations

import os
import select
import time

from posdesk.devices.pty import open_pty_pair
from posdesk.devices.zvt import messages as M
from posdesk.devices.zvt.apdu import Apdu
from posdesk.devices.zvt.framing import encode_frame
from posdesk.devices.zvt.simulator import serve


def _read_for(fd: int, seconds: float) -> bytes:
    heard, end = bytearray(), time.monotonic() + seconds
    while (left := end - time.monotonic()) > 0:
        if select.select([fd], [], [], left)[0]:
            heard += os.read(fd, 4096)
    return bytes(heard)


def test_a_simulator_stopped_while_repeating_an_unanswered_frame_writes_nothing_more():
    pair = open_pty_pair()
    sim = serve(pair, ack_timeout_s=0.5)
    try:
        # A status enquiry that is acknowledged, after which the ECR goes quiet: the terminal
        # keeps repeating its answer, waiting for an ACK that never comes.
        os.write(pair.slave_fd, encode_frame(Apdu(*M.CMD_STATUS_ENQUIRY,
                                                  bytes.fromhex("000000")).encode()))
        assert _read_for(pair.slave_fd, 0.3).startswith(b"\x06")
        _read_for(pair.slave_fd, 0.6)  # at least one repeat is under way
        sim.stop(timeout=0.0)
        assert _read_for(pair.slave_fd, 2.0) == b""
    finally:
        sim.stop()
        pair.close()
