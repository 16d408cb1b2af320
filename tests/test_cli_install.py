"""`posdesk selftest` as an installer or remote support runs it: a subprocess, headless."""
import json

from tests.simulated_lane import configure_lane, simulated_devices
from tests.test_cli import posdesk


def test_selftest_json_passes_against_the_simulators_and_exits_zero(tmp_path):
    with simulated_devices(tmp_path / "printed") as devices:
        configure_lane(tmp_path, devices)
        (tmp_path / "pass").write_text("a passphrase\n", encoding="utf-8")
        posdesk(tmp_path, "keys", "init", "--passphrase-file", str(tmp_path / "pass"))
        proc = posdesk(tmp_path, "selftest", "--json", check=False)
    report = json.loads(proc.stdout)
    assert proc.returncode == 0, proc.stdout
    assert report["ok"] and {c["check"] for c in report["checks"]} >= {
        "database", "disk", "clock", "keys", "camera", "microphone", "terminal", "printer", "drawer"}


def test_selftest_prints_one_line_per_check_with_the_fix_and_exits_one(tmp_path):
    with simulated_devices(tmp_path / "printed") as devices:
        configure_lane(tmp_path, devices)
        devices.printer.cover_open = True
        proc = posdesk(tmp_path, "selftest", check=False)
    lines = proc.stdout.splitlines()
    assert proc.returncode == 1
    assert len(lines) == 9
    printer = next(line for line in lines if line.split()[1] == "printer")
    assert printer.startswith("FAIL") and "cover is open" in printer and "fix:" in printer
    assert next(line for line in lines if line.split()[1] == "terminal").startswith("PASS")
