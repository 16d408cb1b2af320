"""Never lose a printed sale: the lane is killed (at random moments, and at each step of the
completion and sealing sequence) and restarted like a cashier; every printed receipt is in
the database with its payment, receipt numbers are gapless and never reused, no restart gets
stuck, and `verify` finds the evidence chain intact (no sale signed twice)."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
KILLTEST = ROOT / "bench" / "killtest.py"

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not hasattr(os, "killpg"), reason="kills a POSIX process group")]


def _killtest(*args: str) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, str(KILLTEST), *args], capture_output=True, text=True,
                          timeout=280, env=env, cwd=ROOT)
    counts = json.loads(done.stdout.strip().splitlines()[-1])
    assert done.returncode == (0 if counts["ok"] else 1)
    return counts


def _assert_nothing_lost(counts: dict) -> None:
    assert counts["receipts_printed"] > 0
    assert counts["printed_missing_from_db"] == 0
    assert counts["receipts_reused"] == 0
    assert counts["receipt_gaps"] == 0
    assert counts["stuck_restarts"] == 0
    assert counts["verify_ok"], counts["verify"]
    assert counts["ok"]


@pytest.mark.timeout(300)
def test_a_crash_at_each_step_of_completion_and_sealing_loses_nothing_and_signs_once():
    counts = _killtest("--crash-points")
    assert counts["crash_points_missed"] == 0, "a crash point was never reached"
    _assert_nothing_lost(counts)


@pytest.mark.timeout(300)
def test_ten_kill_9s_at_random_moments_lose_no_printed_sale():
    counts = _killtest("--kills", "10", "--seed", "3")
    assert counts["kills"] == 10
    _assert_nothing_lost(counts)
