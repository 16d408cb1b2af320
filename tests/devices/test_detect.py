"""Auto-detection finds the simulated printer and terminal on their ptys, in bounded time."""
from __future__ import annotations

import time

import pytest

from posdesk.devices.detect import DeviceKind, detect_devices, probe_port
from posdesk.devices.escpos.simulator import serve as serve_printer
from posdesk.devices.pty import open_pty_pair
from posdesk.devices.zvt.apdu import Apdu
from posdesk.devices.zvt.framing import Frame, FrameDecoder
from posdesk.devices.zvt.messages import CLS_ACK, CMD_STATUS_ENQUIRY
from posdesk.devices.zvt.simulator import serve as serve_terminal


def test_printer_and_terminal_are_found_on_their_ports():
    printer = serve_printer()
    terminal_pty = open_pty_pair()
    terminal = serve_terminal(terminal_pty)
    silent = open_pty_pair()
    try:
        started = time.monotonic()
        reports = detect_devices([printer.path, terminal_pty.path, silent.path], zvt_password="000000",
                                 system_ports=False, baudrates=(9600, 19200))
        elapsed = time.monotonic() - started
    finally:
        terminal.stop()
        terminal_pty.close()
        printer.stop()
        silent.close()
    by_port = {r.port: r for r in reports}
    assert by_port[printer.path].kind is DeviceKind.RECEIPT_PRINTER
    assert by_port[printer.path].baudrate == 9600
    assert by_port[terminal_pty.path].kind is DeviceKind.ZVT_TERMINAL
    assert by_port[silent.path].kind is None and by_port[silent.path].error is None
    # Silent port: 2 baud rates x 2 probes x 0.3 s, probed in parallel with the others.
    assert elapsed < 3.0


def test_printer_probe_prints_nothing_on_the_printer():
    printer = serve_printer()
    try:
        assert probe_port(printer.path, (9600,), zvt_password="000000").kind is DeviceKind.RECEIPT_PRINTER
        assert printer.document.lines == [] and printer.status_queries == 1
    finally:
        printer.stop()


def test_missing_port_is_reported_with_its_name():
    report = probe_port("/nonexistent/ttyUSB7", (9600,), zvt_password="000000")
    assert report.kind is None and "/nonexistent/ttyUSB7" in report.error


def test_deadline_bounds_the_run():
    silent = [open_pty_pair() for _ in range(3)]
    try:
        started = time.monotonic()
        reports = detect_devices([p.path for p in silent], zvt_password="000000", system_ports=False,
                                 baudrates=(9600, 19200, 38400, 115200), deadline_s=0.5)
        assert time.monotonic() - started < 2.0
        assert all(r.kind is None for r in reports)
    finally:
        for p in silent:
            p.close()


def test_terminal_probe_sends_the_configured_password_and_no_other():
    terminal_pty = open_pty_pair()
    terminal = serve_terminal(terminal_pty, password="314159")
    try:
        report = probe_port(terminal_pty.path, (9600,), zvt_password="314159")
        heard = bytes(terminal.faults.heard)
    finally:
        terminal.stop()
        terminal_pty.close()
    assert report.kind is DeviceKind.ZVT_TERMINAL
    sent = [Apdu.decode(e.apdu) for e in FrameDecoder().feed(heard) if isinstance(e, Frame)]
    enquiries = [a for a in sent if a.command == CMD_STATUS_ENQUIRY]
    assert enquiries and all(a.data[:3] == bytes.fromhex("314159") for a in enquiries)
    assert all(a.command == CMD_STATUS_ENQUIRY or a.cls == CLS_ACK for a in sent)


def test_a_malformed_password_is_refused_before_any_port_is_probed():
    with pytest.raises(ValueError, match="6 digits"):
        probe_port("/nonexistent/ttyUSB7", (9600,), zvt_password="12")
