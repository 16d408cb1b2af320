"""Serial scanner codes over a real pty reach the barcode callback."""
from __future__ import annotations

import os
import queue

import pytest

from posdesk.devices.errors import DeviceError
from posdesk.devices.ports import SerialSettings
from posdesk.devices.scanner import SerialScannerReader, split_codes
from posdesk.devices.scanner.simulator import serve


@pytest.fixture
def scanner():
    sim = serve()
    codes: queue.Queue[str] = queue.Queue()
    reader = SerialScannerReader(SerialSettings(sim.path), codes.put)
    reader.start()
    yield sim, reader, codes
    assert reader.stop()
    sim.stop()


def _wait_open(sim, codes):
    """Scan a probe until the reader answers: opening the port flushes earlier input."""
    for _ in range(50):
        sim.scan("PROBE")
        try:
            if codes.get(timeout=0.1) == "PROBE":
                break
        except queue.Empty:
            continue
    while not codes.empty():
        codes.get_nowait()


def test_codes_with_cr_lf_suffix_arrive_in_order(scanner):
    sim, _, codes = scanner
    _wait_open(sim, codes)
    for code in ("4006381333931", "96385074", "ABC-123"):
        sim.scan(code)
    assert [codes.get(timeout=2) for _ in range(3)] == ["4006381333931", "96385074", "ABC-123"]


def test_code_split_across_writes_and_cr_only_suffix(scanner):
    sim, _, codes = scanner
    _wait_open(sim, codes)
    os.write(sim.pty.master_fd, b"40063")
    os.write(sim.pty.master_fd, b"81333931\r5901234123457\r")
    assert codes.get(timeout=2) == "4006381333931"
    assert codes.get(timeout=2) == "5901234123457"


def test_split_codes_keeps_the_unfinished_tail():
    assert split_codes(b"123\r\n456\n78") == (["123", "456"], b"78")
    assert split_codes(b"\r\n\r\n") == ([], b"")


def test_missing_port_is_reported_not_raised():
    errors: queue.Queue[DeviceError] = queue.Queue()
    reader = SerialScannerReader(SerialSettings("/nonexistent/ttyS99"), lambda c: None,
                                 on_error=errors.put)
    reader.start()
    error = errors.get(timeout=2)
    assert reader.stop()
    assert "/nonexistent/ttyS99" in str(error)
