"""The evidence as a third party checks it: demo sales recorded, then the standard `age` tool,
PyAV, `posdesk verify` and tampering — all through real subprocesses."""
import json
import shutil
import subprocess

import pytest

from posdesk.recording.media.reader import read_clip

from .test_cli import posdesk

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def recorded(tmp_path_factory):
    data = tmp_path_factory.mktemp("lane")
    for key, value in (("recording.width", "1280"), ("recording.height", "720"),
                       ("recording.fps", "15"), ("recording.preroll_s", "1"),
                       ("recording.postroll_s", "1")):
        posdesk(data, "config", "set", key, value)
    posdesk(data, "demo", "--sales", "3", "--headless", "--seed", "7")
    passfile = data / "pass.txt"
    passfile.write_text("demo-manager\n")
    sales = json.loads(posdesk(data, "sales", "list", "--json").stdout)
    return data, passfile, sales


def test_every_demo_sale_has_a_sealed_clip_and_manifest(recorded):
    data, _, sales = recorded
    completed = [s for s in sales if s["state"] == "completed"]
    assert len(completed) >= 2
    for sale in completed:
        rec = sale["recording"]
        assert rec and rec["status"] == "complete", sale
        assert (data / rec["clip"]).exists() and (data / rec["manifest"]).exists()
        manifest = json.loads((data / rec["manifest"]).read_text())
        assert manifest["sale"] == sale["id"] and manifest["clip"]["sha256"] == rec["sha256"]


@pytest.mark.skipif(shutil.which("age") is None, reason="the age command-line tool is not installed")
def test_standard_age_tool_decrypts_a_clip_that_pyav_then_reads(recorded):
    data, passfile, sales = recorded
    identity = data / "identity.txt"
    posdesk(data, "keys", "export-identity", "--out", str(identity), "--passphrase-file", str(passfile))
    clip = data / next(s for s in sales if s["recording"])["recording"]["clip"]
    plain = subprocess.run(["age", "-d", "-i", str(identity), str(clip)], capture_output=True,
                           check=True, timeout=60).stdout
    contents = read_clip(plain)
    assert {t.kind for t in contents.tracks} >= {"video", "audio"}
    assert contents.frames_of(0) and contents.cues
    if shutil.which("ffprobe"):
        probe = subprocess.run(["ffprobe", "-v", "error", "-show_streams", "-of", "json", "-"],
                               input=plain, capture_output=True, check=True, timeout=60)
        codecs = {s["codec_name"] for s in json.loads(probe.stdout)["streams"]}
        assert {"h264", "aac"} <= codecs


def test_clip_decrypt_command_writes_a_playable_mp4(recorded):
    data, passfile, sales = recorded
    receipt = str(next(s for s in sales if s["recording"])["receipt_no"])
    out = data / "clip.mp4"
    posdesk(data, "clip", "decrypt", receipt, "--out", str(out), "--passphrase-file", str(passfile))
    assert read_clip(out.read_bytes()).frames_of(0)
    wrong = data / "wrong.txt"
    wrong.write_text("not the passphrase\n")
    bad = posdesk(data, "clip", "decrypt", receipt, "--out", str(out), "--passphrase-file", str(wrong),
                  check=False)
    assert bad.returncode == 1 and "wrong manager passphrase" in bad.stderr


def test_verify_passes_then_names_a_tampered_clip(recorded, tmp_path):
    data, _, sales = recorded
    copy = tmp_path / "copy"
    shutil.copytree(data, copy)
    ok = posdesk(copy, "verify", check=False)
    assert ok.returncode == 0 and "chain intact" in ok.stdout, ok.stdout + ok.stderr
    rec = next(s for s in sales if s["recording"])["recording"]
    clip = copy / rec["clip"]
    blob = bytearray(clip.read_bytes())
    blob[len(blob) // 2] ^= 0x01
    clip.write_bytes(bytes(blob))
    broken = posdesk(copy, "verify", check=False)
    assert broken.returncode == 1 and rec["clip"].split("/")[-1] in broken.stdout, broken.stdout


def test_truncated_clip_is_an_error_unless_its_authenticated_prefix_is_asked_for(recorded, tmp_path):
    data, passfile, sales = recorded
    copy = tmp_path / "copy"
    shutil.copytree(data, copy)
    sale = max((s for s in sales if s["recording"]), key=lambda s: s["recording"]["size"])
    clip = copy / sale["recording"]["clip"]
    sealed = clip.read_bytes()
    assert len(sealed) > 65536 + 1000, "the clip should span more than one age chunk"
    # Cut after the first whole chunk, as recovery leaves a clip a crash interrupted:
    # header, 16-byte nonce, then chunks of 64 KiB + 16-byte tag.
    header_end = sealed.index(b"\n", sealed.index(b"\n---") + 1) + 1
    clip.write_bytes(sealed[: header_end + 16 + 65536 + 16])
    if shutil.which("age"):  # the standard tool refuses it too, as the format requires
        identity = tmp_path / "identity.txt"
        posdesk(copy, "keys", "export-identity", "--out", str(identity),
                "--passphrase-file", str(passfile))
        cut = subprocess.run(["age", "-d", "-i", str(identity), str(clip)], capture_output=True,
                             timeout=60)
        assert cut.returncode != 0 and b"unexpected EOF" in cut.stderr, cut.stderr
    out = tmp_path / "clip.mp4"
    receipt = str(sale["receipt_no"])
    refused = posdesk(copy, "clip", "decrypt", receipt, "--out", str(out),
                      "--passphrase-file", str(passfile), check=False)
    assert refused.returncode == 1 and "--allow-partial" in refused.stderr, refused.stderr
    assert not out.exists()
    partial = posdesk(copy, "clip", "decrypt", receipt, "--out", str(out), "--allow-partial",
                      "--passphrase-file", str(passfile))
    assert "truncated" in partial.stdout
    assert read_clip(out.read_bytes()).frames_of(0)


@pytest.mark.parametrize("days", ["-1", "0"])
def test_purge_with_a_keep_period_under_one_day_is_refused_and_keeps_every_clip(recorded, tmp_path, days):
    data, _, sales = recorded
    copy = tmp_path / "copy"
    shutil.copytree(data, copy)
    refused = posdesk(copy, "clips", "purge", "--days", days, check=False)
    assert refused.returncode == 1 and "at least 1 day" in refused.stderr, refused.stderr
    assert refused.stderr.count("\n") == 1  # one line, no traceback
    for sale in sales:
        if sale["recording"] and sale["recording"]["clip"]:
            assert (copy / sale["recording"]["clip"]).exists()


def test_a_class_keep_period_beyond_ten_years_is_refused_in_one_line(recorded, tmp_path):
    data, _, _ = recorded
    copy = tmp_path / "copy"
    shutil.copytree(data, copy)
    bad = posdesk(copy, "config", "set", "recording.retention.refund_days", "4000", check=False)
    assert bad.returncode == 1 and "recording.retention.refund_days" in bad.stderr
    assert len(bad.stderr.strip().splitlines()) == 1
