"""A new lane's first start: `posdesk` on an empty data directory opens the setup wizard,
and once it is finished the same start goes on to the cashier's login screen. The app runs
as its own process (tests/ui/wizard/first_start_driver.py drives its wizard)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from posdesk.services.build import open_config
from posdesk.services.setup import needs_setup

ROOT = Path(__file__).resolve().parents[3]
#: Key generation is the slow step; a busy machine takes several times its usual few seconds.
START_TIMEOUT_S = 240


def first_start(data: Path, action: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "tests.ui.wizard.first_start_driver", str(data), action],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=START_TIMEOUT_S)


def test_first_start_runs_the_wizard_then_shows_the_login_screen(tmp_path: Path) -> None:
    data = tmp_path / "new-lane"
    done = first_start(data, "walk")
    assert done.returncode == 0, done.stderr
    assert "wizard walked" in done.stdout, "the first start did not show the setup wizard"
    assert "login screen shown" in done.stdout
    assert not needs_setup(data)
    assert open_config(data).get("store.name") == "First Shop"


def test_a_cancelled_first_start_saves_nothing_and_asks_again(tmp_path: Path) -> None:
    data = tmp_path / "new-lane"
    done = first_start(data, "cancel")
    assert "wizard cancelled" in done.stdout
    assert done.returncode != 0
    assert "the wizard runs again next time" in done.stderr
    assert needs_setup(data)
    assert "login screen shown" not in done.stdout
