"""The Linux package as an installer meets it: built once per test session (or taken from
$POSDESK_DEB), unpacked into a scratch root with dpkg -x, its declared dependencies
checked, and the frozen posdesk run from there against the simulated terminal and printer
and the test-pattern camera."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.simulated_lane import configure_lane, simulated_devices

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def deb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("dpkg-deb") is None:
        pytest.skip("dpkg-deb is not installed (not a Debian system)")
    given = os.environ.get("POSDESK_DEB")
    if given:
        return Path(given)
    out = tmp_path_factory.mktemp("package")
    proc = subprocess.run([sys.executable, str(ROOT / "packaging" / "build_deb.py"), "--out", str(out)],
                          capture_output=True, text=True, timeout=1500)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return Path(json.loads(proc.stdout.strip().splitlines()[-1])["deb"])


@pytest.fixture(scope="session")
def installed(deb: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("scratch-root")
    subprocess.run(["dpkg", "-x", str(deb), str(root)], check=True, timeout=600)
    return root


def frozen(root: Path, data: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PYTHONPATH", None)  # the frozen build must stand on its own
    return subprocess.run([str(root / "opt" / "posdesk" / "posdesk"), "--data", str(data), *args],
                          capture_output=True, text=True, timeout=timeout, env=env, cwd=data.parent)


def test_declared_dependencies_are_debian_packages_present_here(deb: Path) -> None:
    fields = subprocess.run(["dpkg-deb", "-f", str(deb), "Package", "Version", "Depends"],
                            capture_output=True, text=True, check=True).stdout
    assert "Package: posdesk" in fields and "Version: 0.1.0" in fields
    depends = [d.strip() for d in fields.split("Depends:", 1)[1].split(",")]
    assert {"libportaudio2", "libxcb-cursor0", "libegl1", "libfontconfig1"} <= set(depends)
    missing = [d for d in depends if "ok installed" not in subprocess.run(
        ["dpkg-query", "-W", "-f=${Status}", d], capture_output=True, text=True).stdout]
    assert missing == [], f"declared but not installed on this machine: {missing}"


def test_package_installs_menu_entry_icon_udev_rule_and_keeps_data_on_removal(installed: Path) -> None:
    desktop = (installed / "usr/share/applications/posdesk.desktop").read_text(encoding="utf-8")
    assert "Exec=/usr/bin/posdesk" in desktop and "Icon=posdesk" in desktop
    assert (installed / "usr/share/icons/hicolor/scalable/apps/posdesk.svg").is_file()
    assert (installed / "usr/share/posdesk/posdesk-kiosk.desktop").is_file()
    assert os.readlink(installed / "usr/bin/posdesk") == "/opt/posdesk/posdesk"
    assert "uaccess" in (installed / "lib/udev/rules.d/70-posdesk-serial.rules").read_text(encoding="utf-8")


def test_maintainer_scripts_never_touch_a_data_directory(deb: Path, tmp_path: Path) -> None:
    subprocess.run(["dpkg-deb", "-e", str(deb), str(tmp_path / "DEBIAN")], check=True)
    for script in ("postinst", "postrm"):
        text = (tmp_path / "DEBIAN" / script).read_text(encoding="utf-8")
        code = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
        assert "rm " not in code and ".local" not in code and "POSDESK_DATA" not in code


def test_frozen_selftest_passes_against_the_simulators(installed: Path, tmp_path: Path) -> None:
    data = tmp_path / "lane"
    with simulated_devices(tmp_path / "printed") as devices:
        configure_lane(data, devices)
        (tmp_path / "pass").write_text("frozen passphrase\n", encoding="utf-8")
        keys = frozen(installed, data, "keys", "init", "--passphrase-file", str(tmp_path / "pass"))
        assert keys.returncode == 0, keys.stderr
        proc = frozen(installed, data, "selftest", "--json")
    report = json.loads(proc.stdout)
    assert proc.returncode == 0 and report["ok"], proc.stdout + proc.stderr
    checks = {c["check"]: c for c in report["checks"]}
    assert "52500001" in checks["terminal"]["detail"] and checks["printer"]["detail"].endswith("ready")
    assert "test-pattern" in checks["camera"]["detail"]


def test_frozen_window_starts_offscreen_to_the_login_screen(installed: Path, tmp_path: Path) -> None:
    data = tmp_path / "lane"
    with simulated_devices(tmp_path / "printed") as devices:
        configure_lane(data, devices)
        proc = frozen(installed, data, "--quit-at-login")
    assert proc.returncode == 0, proc.stderr
    assert "login screen shown" in proc.stdout
    assert "Traceback" not in proc.stderr
