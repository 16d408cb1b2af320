"""A lane with a few recorded demo sales, made once per test session by the real CLI.

Every test may ask for the `recorded` and `lane` fixtures: `tests/conftest.py` loads this
module as a plugin.
`posdesk demo` records every sale through the real recorder (test-pattern camera, test
tone), seals the clips and signs the manifests. Tests get their own copy, since they
tamper with it or write audit rows. The manager identities are re-sealed with a small
scrypt work factor so that each unlock in a test takes milliseconds, not seconds.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Iterator

import pytest

from posdesk.recording.keys import KeyStore
from posdesk.services.build import Services, build_services

#: The demo's manager passphrase (README).
PASSPHRASE = "demo-manager"
#: scrypt work factor of the copies (age's default is 18, about a second per try).
TEST_WORK_FACTOR = 10


def make_recorded_lane(root: Path, sales: int = 3) -> Path:
    data = root / "lane"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}

    def run(*args: str) -> None:
        subprocess.run([sys.executable, "-m", "posdesk", "--data", str(data), *args], check=True,
                       capture_output=True, timeout=300, env=env)

    for key, value in (("recording.width", "320"), ("recording.height", "240"),
                       ("recording.fps", "15"), ("recording.preroll_s", "1"),
                       ("recording.postroll_s", "1")):
        run("config", "set", key, value)
    run("demo", "--sales", str(sales), "--headless", "--seed", "7")
    KeyStore(data / "keys", work_factor=TEST_WORK_FACTOR).change_passphrase(PASSPHRASE, PASSPHRASE)
    return data


def copy_lane(source: Path, target: Path) -> Path:
    shutil.copytree(source, target)
    return target


@pytest.fixture(scope="session")
def recorded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The recorded demo lane, made once per session; never changed by a test."""
    return make_recorded_lane(tmp_path_factory.mktemp("recorded"))


@pytest.fixture
def lane(recorded: Path, tmp_path: Path) -> Iterator[Services]:
    """The services of a test's own copy of the recorded lane."""
    services = build_services(copy_lane(recorded, tmp_path / "copy"))
    yield services
    services.close()
