"""Port detection as the settings page and the wizard run it: on a thread of its own, the
simulated printer and terminal found on their ptys, the lane's own ports left alone."""
from __future__ import annotations

import threading

from posdesk.services.device_facts import DeviceKind, PortReport
from posdesk.services.port_detection import PortDetection
from tests.simulated_lane import simulated_devices


def test_reports_arrive_on_the_run_thread_with_both_devices_found(tmp_path):
    found: list[list[PortReport]] = []
    done = threading.Event()
    threads: list[str] = []

    def report(reports: list[PortReport]) -> None:
        threads.append(threading.current_thread().name)
        found.append(reports)
        done.set()

    with simulated_devices(tmp_path / "printed") as devices:
        detection = PortDetection(system_ports=lambda: [devices.printer_port])
        assert detection.start([devices.terminal_port, ""], zvt_password="000000", done=report)
        assert not detection.start([], zvt_password="000000", done=report), "one run at a time"
        assert done.wait(15) and detection.wait(5)
    kinds = {r.port: r.kind for r in found[0]}
    assert kinds == {devices.printer_port: DeviceKind.RECEIPT_PRINTER,
                     devices.terminal_port: DeviceKind.ZVT_TERMINAL}
    assert threads == ["port-detection"]
    assert not detection.running


def test_ports_in_use_are_not_probed(tmp_path):
    found: list[list[PortReport]] = []
    done = threading.Event()
    with simulated_devices(tmp_path / "printed") as devices:
        detection = PortDetection(system_ports=lambda: [devices.printer_port, devices.terminal_port])
        detection.start([], zvt_password="000000", in_use=[devices.printer_port],
                        done=lambda reports: (found.append(reports), done.set()))
        assert done.wait(15)
        assert devices.printer.status_queries == 0, "the lane's printer got probe bytes"
    assert [r.port for r in found[0]] == [devices.terminal_port]


def test_a_port_that_cannot_be_opened_is_reported_with_why():
    found: list[list[PortReport]] = []
    done = threading.Event()
    detection = PortDetection(system_ports=lambda: ["/dev/does-not-exist"])
    detection.start([], zvt_password="000000", done=lambda reports: (found.append(reports), done.set()))
    assert done.wait(15)
    (report,) = found[0]
    assert report.port == "/dev/does-not-exist" and report.kind is None and report.error
