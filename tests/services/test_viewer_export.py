"""Evidence packages, checked the way an outsider checks them: `sha256sum`, `openssl` and
`age` in subprocesses, nothing of posdesk."""
from __future__ import annotations

import json
import shutil
import subprocess
import zipfile

import pytest

from posdesk.core.sale_search import SearchFilter
from posdesk.db.audit import audit_entries
from posdesk.services.viewer import ReasonRequired, open_viewer
from posdesk.services.viewer_export import ExportRequest, export_package

from ..recorded_lane import PASSPHRASE

pytestmark = [pytest.mark.slow, pytest.mark.skipif(
    not all(shutil.which(t) for t in ("age", "openssl", "sha256sum")),
    reason="the age, openssl and sha256sum command-line tools are needed")]


@pytest.fixture
def viewer(lane):
    v = open_viewer(lane)
    v.unlock(PASSPHRASE, user="Max")
    return v


def _run(*args, cwd):
    return subprocess.run(list(args), cwd=cwd, capture_output=True, text=True, timeout=60)


def test_exported_package_verifies_with_standard_tools_only(viewer, lane, tmp_path):
    sales = [s for s in viewer.search(SearchFilter()) if s.state == "completed"]
    steps = []
    result = export_package(viewer, ExportRequest(tuple(s.id for s in sales), tmp_path / "pkg",
                                                  reason="customer dispute 4711"),
                            render_pdf=None, progress=lambda d, t, what: steps.append((d, t)))
    assert result.sales == len(sales) == 2 and not result.problems
    assert steps[-1][0] == steps[-1][1]
    identity = tmp_path / "manager-identity.txt"
    identity.write_text(lane.keys.export_identity(PASSPHRASE))
    howto = (result.path / "HOW-TO-VERIFY.txt").read_text()
    for folder in sorted((result.path / "sales").iterdir()):
        sums = _run("sha256sum", "-c", "SHA256SUMS", cwd=folder)
        assert sums.returncode == 0 and sums.stdout.count(": OK") == 2, sums.stdout + sums.stderr
        manifest = json.loads((folder / "manifest.json").read_text())
        assert manifest["clip"]["sha256"] in (folder / "SHA256SUMS").read_text()
        verify = _run("openssl", "pkeyutl", "-verify", "-pubin", "-inkey", "lane-key.pem", "-rawin",
                      "-in", "manifest.signed.json", "-sigfile", "manifest.sig", cwd=folder)
        assert verify.returncode == 0 and "Verified Successfully" in verify.stdout, verify.stderr
        plain = _run("age", "-d", "-i", str(identity), "-o", "clip.mp4", "clip.mp4.age", cwd=folder)
        assert plain.returncode == 0, plain.stderr
        assert (folder / "clip.mp4").read_bytes()[4:8] == b"ftyp"
        if shutil.which("ffprobe"):
            probe = _run("ffprobe", "-v", "error", "-show_streams", "-of", "json", "clip.mp4", cwd=folder)
            assert "h264" in probe.stdout
        (folder / "clip.mp4").unlink()
    assert "openssl pkeyutl -verify -pubin -inkey lane-key.pem -rawin" in howto
    # A changed signed manifest no longer verifies: the check can fail.
    folder = sorted((result.path / "sales").iterdir())[0]
    signed = folder / "manifest.signed.json"
    signed.write_bytes(signed.read_bytes().replace(b'"receipt":"', b'"receipt":"9'))
    bad = _run("openssl", "pkeyutl", "-verify", "-pubin", "-inkey", "lane-key.pem", "-rawin",
               "-in", "manifest.signed.json", "-sigfile", "manifest.sig", cwd=folder)
    assert bad.returncode != 0
    lane.writer.flush(timeout=10)
    export_rows = [r for r in audit_entries(50) if r.action == "viewer_export"]
    assert export_rows and export_rows[0].details["reason"] == "customer dispute 4711"
    assert export_rows[0].user == "Max"


def test_chain_excerpt_links_by_sha256(viewer, tmp_path):
    sale = viewer.search(SearchFilter(receipt_no=2))[0]
    result = export_package(viewer, ExportRequest((sale.id,), tmp_path / "pkg", reason="audit"),
                            render_pdf=None)
    chain = next(result.path.glob("chain-*.jsonl")).read_bytes().splitlines()
    assert len(chain) == 2 and json.loads(chain[1])["sale"] == sale.id
    digest = subprocess.run(["sha256sum"], input=chain[0], capture_output=True, check=True).stdout
    assert json.loads(chain[1])["prev"] == digest.split()[0].decode()


def test_export_needs_a_reason_and_makes_a_zip(viewer, tmp_path):
    sale = viewer.search(SearchFilter(receipt_no=1))[0]
    with pytest.raises(ReasonRequired):
        export_package(viewer, ExportRequest((sale.id,), tmp_path / "pkg", reason=" "), render_pdf=None)
    result = export_package(viewer, ExportRequest((sale.id,), tmp_path / "pkg", reason="police",
                                                  as_zip=True), render_pdf=lambda c: b"%PDF-1.4 test")
    names = zipfile.ZipFile(result.path).namelist()
    assert "HOW-TO-VERIFY.txt" in names and "report.pdf" in names
    assert any(n.endswith("clip.mp4.age") for n in names) and not (tmp_path / "pkg.partial").exists()


def test_decrypted_copy_carries_the_sale_and_a_visible_mark(viewer, tmp_path):
    from posdesk.recording.media.reader import read_clip
    sale = viewer.search(SearchFilter(receipt_no=1))[0]
    result = export_package(viewer, ExportRequest((sale.id,), tmp_path / "pkg", reason="insurer",
                                                  decrypted_mp4=True), render_pdf=None)
    copy = next(result.path.glob("sales/*/clip-decrypted.mp4"))
    probe = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format_tags", "-of", "json",
                            str(copy)], capture_output=True, text=True, check=True) if shutil.which("ffprobe") else None
    if probe is not None:
        tags = json.loads(probe.stdout)["format"]["tags"]
        assert sale.id in tags["comment"] and "Max" in tags["comment"] and "insurer" in tags["comment"]
    original = read_clip(viewer.open_sale(sale.id).clip, images=True).frames_of(0)
    marked = read_clip(copy.read_bytes(), images=True).frames_of(0)
    assert len(marked) == len(original)
    # The bottom rows carry the mark: they differ clearly from the original picture.
    bottom = slice(-20, None)
    diff = abs(marked[3].image[bottom].astype(int) - original[3].image[bottom].astype(int)).mean()
    assert diff > 20
    assert "clip-decrypted.mp4" not in (copy.parent / "SHA256SUMS").read_text()
