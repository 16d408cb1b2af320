"""Commands that change evidence, keys, users or recording policy need a manager: without
one they are refused in one line; with one they leave an audit row naming who did what."""
from __future__ import annotations

import pytest

from posdesk.db.models import AuditLog

from ..test_cli import posdesk
from .conftest import database

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("command", [
    ("clips", "purge", "--days", "1"),
    ("user", "add", "X", "--role", "admin", "--pin", "4444"),
    ("config", "set", "lane.id", "L2"),
    ("config", "set", "recording.mode", "manual"),
])
def test_guarded_command_without_a_pin_is_refused_in_one_line(lane, command):
    refused = posdesk(lane, *command, check=False)
    assert refused.returncode == 1
    assert refused.stderr.count("\n") == 1 and "needs a manager or admin PIN" in refused.stderr
    assert "X\tadmin" not in posdesk(lane, "user", "list").stdout
    assert posdesk(lane, "config", "get", "lane.id").stdout.strip() == "L1"


def test_keys_rotate_lane_without_the_passphrase_is_refused(lane):
    wrong = lane / "wrong.txt"
    wrong.write_text("not the passphrase\n")
    before = posdesk(lane, "keys", "show").stdout
    refused = posdesk(lane, "keys", "rotate", "lane", "--passphrase-file", str(wrong), check=False)
    assert refused.returncode == 1 and "wrong manager passphrase" in refused.stderr
    assert posdesk(lane, "keys", "show").stdout == before


def test_cashier_pin_is_refused_and_manager_pin_is_audited(lane):
    cashier, manager = lane / "cashier.txt", lane / "manager.txt"
    cashier.write_text("Anna:1234\n")
    manager.write_text("Max:9999\n")
    refused = posdesk(lane, "user", "add", "X", "--role", "admin", "--pin", "4444",
                      "--pin-file", str(cashier), check=False)
    assert refused.returncode == 1 and "Anna is not a manager or admin" in refused.stderr
    posdesk(lane, "user", "add", "X", "--role", "admin", "--pin", "4444", "--pin-file", str(manager))
    posdesk(lane, "keys", "rotate", "lane", "--passphrase-file", str(lane / "pass.txt"))
    with database(lane):
        rows = [(r.user, r.action, r.details) for r in AuditLog.select().order_by(AuditLog.id)]
    assert any(r[:2] == ("Max", "user_add") and r[2]["name"] == "X" for r in rows)
    assert any(action == "user_add_refused" and user == "Anna" for user, action, _ in rows)
    assert any(action == "key_rotated" for _, action, _ in rows)
    assert posdesk(lane, "verify").returncode == 0  # the rotated key is endorsed
