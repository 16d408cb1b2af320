"""The installer's self-test against simulated devices on ptys and the test-pattern camera."""
import threading
import time
from datetime import datetime, timedelta, timezone

from posdesk.services.build import build_services, open_config
from posdesk.services.selftest import check_clock, check_disk, run_selftest
from tests.simulated_lane import configure_lane, simulated_devices


def by_id(report):
    return {c.id: c for c in report.checks}


def test_every_check_passes_on_a_lane_with_its_devices_and_keys(tmp_path):
    with simulated_devices(tmp_path / "printed") as devices:
        configure_lane(tmp_path, devices)
        services = build_services(tmp_path)
        try:
            services.keys.set_up("a passphrase")
            report = run_selftest(services)
        finally:
            services.close()
    checks = by_id(report)
    assert report.ok, report.lines()
    assert list(checks) == ["database", "disk", "clock", "keys", "camera", "microphone",
                            "terminal", "printer", "drawer"]
    assert "52500001" in str(checks["terminal"].detail)  # the simulator's terminal id
    assert "640x360" in str(checks["camera"].detail)
    assert all(c.fix is None for c in report.checks)


def test_paper_out_and_an_open_drawer_fail_with_the_fix(tmp_path):
    with simulated_devices(tmp_path / "printed") as devices:
        configure_lane(tmp_path, devices)
        devices.printer.paper_out = True
        devices.printer.drawer_open = True
        services = build_services(tmp_path)
        try:
            report = run_selftest(services)
        finally:
            services.close()
    checks = by_id(report)
    assert not report.ok
    assert not checks["printer"].ok and "out of paper" in str(checks["printer"].fix)
    assert not checks["drawer"].ok and "Close the cash drawer" in str(checks["drawer"].fix)
    assert not checks["keys"].ok and "keys init" in str(checks["keys"].fix)
    assert checks["terminal"].ok


def test_a_missing_port_is_named_with_what_to_check(tmp_path):
    config = open_config(tmp_path)
    config.set("devices.terminal.port", str(tmp_path / "ttyUSB9"))
    config.save()
    services = build_services(tmp_path)
    try:
        report = run_selftest(services)
    finally:
        services.close()
    terminal = by_id(report)["terminal"]
    assert not terminal.ok and "ttyUSB9" in str(terminal.detail)
    assert "baudrate" in str(terminal.fix)
    assert "No receipt printer" in str(by_id(report)["printer"].detail)


def test_running_devices_are_asked_through_their_workers(tmp_path):
    """The window's lane: the self-test must not open the ports the devices hold."""
    services = build_services(tmp_path, demo=True, with_devices=True)
    config = services.config
    config.set("recording.retention_days", "1")
    config.set("recording.hours_per_day", "1")
    found = []
    worker = threading.Thread(target=lambda: found.append(run_selftest(services)))
    try:
        worker.start()
        deadline = time.monotonic() + 60
        while worker.is_alive() and time.monotonic() < deadline:
            services.dispatch.run_pending()  # the window's event loop, in this test
            time.sleep(0.02)
        worker.join(1)
    finally:
        services.close()
    checks = by_id(found[0])
    assert checks["terminal"].ok and checks["printer"].ok and checks["drawer"].ok, found[0].lines()


def test_a_clock_behind_the_newest_sale_fails():
    now = datetime(2026, 12, 2, 12, 0, tzinfo=timezone.utc)
    assert check_clock(now, now - timedelta(hours=1)).ok
    behind = check_clock(now, now + timedelta(days=3))
    assert not behind.ok and "2026-12-05" in str(behind.detail) and "network time" in str(behind.fix)
    assert not check_clock(datetime(2001, 1, 1, tzinfo=timezone.utc), None).ok


def test_disk_days_follow_the_free_space_and_the_picture_settings(tmp_path):
    config = open_config(tmp_path)
    gib = 1024**3
    # 720p30 is about 2.2 GB an hour; 4 h a day; 90 days need about 780 GB.
    assert not check_disk(tmp_path, config, {}, lambda p: 100 * gib).ok
    assert check_disk(tmp_path, config, {}, lambda p: 1000 * gib).ok
    config.set("recording.fps", "10")
    config.set("recording.width", "640")
    config.set("recording.height", "360")
    small = check_disk(tmp_path, config, {}, lambda p: 100 * gib)
    assert small.ok, str(small.detail)
