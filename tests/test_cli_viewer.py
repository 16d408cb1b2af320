"""`posdesk export` as a script runs it: a real subprocess on a recorded demo lane."""
from __future__ import annotations

import json

import pytest

from .recorded_lane import PASSPHRASE, copy_lane
from .test_cli import posdesk

pytestmark = pytest.mark.slow


def test_export_command_writes_a_package_with_progress_and_refuses_bad_input(recorded, tmp_path):
    data = copy_lane(recorded, tmp_path / "lane")
    passfile = tmp_path / "pass.txt"
    passfile.write_text(PASSPHRASE + "\n")
    out = tmp_path / "package"
    done = posdesk(data, "export", "1", "2", "--out", str(out), "--reason", "dispute",
                   "--passphrase-file", str(passfile), "--progress")
    assert "exported 2 sale(s)" in done.stdout and "2/3" in done.stderr and "3/3 done" in done.stderr
    assert (out / "report.pdf").read_bytes().startswith(b"%PDF")
    assert json.loads((out / "export.json").read_text())["reason"] == "dispute"
    again = posdesk(data, "export", "1", "--out", str(out), "--reason", "x",
                    "--passphrase-file", str(passfile), check=False)
    assert again.returncode == 1 and "not empty" in again.stderr and "Traceback" not in again.stderr
    no_reason = posdesk(data, "export", "1", "--out", str(tmp_path / "p2"),
                        "--passphrase-file", str(passfile), check=False)
    assert no_reason.returncode == 1 and "--reason" in no_reason.stderr
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("nope\n")
    refused = posdesk(data, "export", "1", "--out", str(tmp_path / "p3"), "--reason", "x",
                      "--passphrase-file", str(wrong), check=False)
    assert refused.returncode == 1 and "wrong manager passphrase" in refused.stderr
    assert not (tmp_path / "p3").exists()
