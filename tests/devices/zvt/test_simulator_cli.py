"""`posdesk simulate terminal`: the simulator as a separate process on a fresh pty."""
from __future__ import annotations

import signal
import subprocess
import sys

import pytest

from posdesk.devices.payment import Outcome

from .conftest import eur, make_terminal


@pytest.mark.slow
def test_simulator_process_prints_its_pty_and_serves_a_sale_until_interrupted():
    proc = subprocess.Popen(
        [sys.executable, "-c", ("import sys; from posdesk.devices.zvt.simulator import main; "
                                "sys.exit(main(sys.argv[1:]))"), "--pty", "--mode", "approve"],
        stdout=subprocess.PIPE, text=True)
    try:
        path = proc.stdout.readline().strip()
        assert path.startswith("/dev/")
        term = make_terminal(path)
        try:
            assert term.authorize(eur("1.50")).outcome is Outcome.APPROVED
        finally:
            term.close()
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=10) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
