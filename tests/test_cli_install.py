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


def test_support_bundle_has_logs_config_and_selftest_but_no_keys_pins_or_clips(tmp_path):
    import zipfile
    data = tmp_path / "lane"
    posdesk(data, "config", "set", "devices.terminal.password", "314159")
    (tmp_path / "pass").write_text("bundle-secret-passphrase\n", encoding="utf-8")
    posdesk(data, "keys", "init", "--passphrase-file", str(tmp_path / "pass"))
    posdesk(data, "user", "add", "Lea", "--role", "manager", "--pin", "90817263")
    clip = data / "clips" / "2026" / "12" / "02" / "L1-sale.mp4.age"
    clip.parent.mkdir(parents=True)
    clip.write_bytes(b"age-encryption.org/v1\n" + b"\x00" * 64)
    (data / "logs" / "posdesk.log.1").write_text("an older, rotated log line\n", encoding="utf-8")
    out = tmp_path / "support.zip"
    proc = posdesk(data, "support-bundle", "--out", str(out))
    assert "no keys, PINs or clips" in proc.stdout

    with zipfile.ZipFile(out) as bundle:
        names = set(bundle.namelist())
        contents = b"".join(bundle.read(n) for n in names)
    assert {"selftest.json", "selftest.txt", "config.txt", "about.txt",
            "logs/posdesk.log", "logs/posdesk.log.1"} <= names
    assert not any(n.startswith(("keys/", "clips/")) or n.endswith((".db", ".age", ".pem")) for n in names)
    signing_key = (data / "keys" / "lane-signing.pem").read_bytes()
    for secret in (b"314159", b"90817263", b"bundle-secret-passphrase", signing_key.strip(),
                   b"age-encryption.org", (data / "keys" / "manager-identities.age").read_bytes()[:40]):
        assert secret not in contents
    assert b"devices.terminal.port" in contents and b"(not included)" in contents
    assert json.loads(bundle_json(out))["checks"][0]["check"] == "database"


def bundle_json(path):
    import zipfile
    with zipfile.ZipFile(path) as bundle:
        return bundle.read("selftest.json")


def test_support_bundle_wants_a_zip_name(tmp_path):
    proc = posdesk(tmp_path, "support-bundle", "--out", str(tmp_path / "bundle.tar"), check=False)
    assert proc.returncode == 1 and "should end in .zip" in proc.stderr
