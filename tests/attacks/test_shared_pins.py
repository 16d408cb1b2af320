"""`user add` must not tell whether a PIN belongs to someone else. With name + PIN login (the
default) two people may share a PIN and nothing is said; PIN-only login needs unique PINs,
so it refuses a taken PIN, and cannot be switched on while two users share one, in words
that name nobody."""
from __future__ import annotations

from pathlib import Path

import pytest

from ..test_cli import posdesk

pytestmark = pytest.mark.slow


def _lane_with_admin(data: Path, approver: str) -> Path:
    posdesk(data, "user", "add", "Boss", "--role", "admin", "--pin", "4711")  # first set-up
    pin_file = data / "approver.txt"
    pin_file.write_text(approver + "\n")
    return pin_file


def test_name_and_pin_accepts_a_shared_pin_without_a_word(tmp_path):
    approver = _lane_with_admin(tmp_path, "Boss:4711")
    posdesk(tmp_path, "user", "add", "Anna", "--pin", "1234", "--pin-file", str(approver))
    bea = posdesk(tmp_path, "user", "add", "Bea", "--pin", "1234", "--pin-file", str(approver))
    assert bea.stdout == "added cashier Bea\n" and bea.stderr == ""
    assert "Bea\tcashier\tactive" in posdesk(tmp_path, "user", "list").stdout


def test_pin_only_cannot_be_switched_on_while_a_pin_is_shared(tmp_path):
    approver = _lane_with_admin(tmp_path, "Boss:4711")
    posdesk(tmp_path, "user", "add", "Anna", "--pin", "1234", "--pin-file", str(approver))
    posdesk(tmp_path, "user", "add", "Bea", "--pin", "1234", "--pin-file", str(approver))
    refused = posdesk(tmp_path, "config", "set", "ui.login", "pin_only", "--pin-file", str(approver),
                      check=False)
    assert refused.returncode == 1 and refused.stderr.count("\n") == 1
    assert "share a PIN" in refused.stderr
    assert "Anna" not in refused.stderr and "Bea" not in refused.stderr and "1234" not in refused.stderr
    assert posdesk(tmp_path, "config", "get", "ui.login").stdout.strip() == "name_and_pin"


def test_pin_only_refuses_a_taken_pin_without_naming_its_holder(tmp_path):
    approver = _lane_with_admin(tmp_path, "Boss:4711")
    posdesk(tmp_path, "config", "set", "ui.login", "pin_only", "--pin-file", str(approver))
    approver.write_text("4711\n")  # PIN-only: the approver's PIN alone
    posdesk(tmp_path, "user", "add", "Anna", "--pin", "1234", "--pin-file", str(approver))
    refused = posdesk(tmp_path, "user", "add", "Bea", "--pin", "1234", "--pin-file", str(approver),
                      check=False)
    assert refused.returncode == 1 and refused.stderr.count("\n") == 1
    assert "choose another" in refused.stderr and "Anna" not in refused.stderr
    assert "Bea" not in posdesk(tmp_path, "user", "list").stdout
