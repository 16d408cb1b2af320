"""Evidence packages: what a manager hands to a third party, checkable without posdesk.

For each sale the package holds the sealed clip exactly as recorded, its signed manifest
as stored, the bytes the signature covers and the raw signature (for `openssl pkeyutl`),
the journal in the canonical form the manifest hashed (for `sha256sum`) and as JSON and
CSV, and a SHA256SUMS file whose hashes are copied from the signed manifest, so
`sha256sum -c` compares the files against what the lane signed. Beside them: the lane's
public keys as PEM with their endorsement history, the chain entries of the sales, a PDF
report (rendered by the caller: Qt stays in the window) and HOW-TO-VERIFY.txt.
"""
from __future__ import annotations

import base64
import csv
import io
import json
import logging
import shutil
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from posdesk.core.sale_search import FoundSale
from posdesk.recording.evidence.layout import safe_name
from posdesk.recording.evidence.manifest import Entry
from posdesk.recording.evidence.signing import signed_bytes
from posdesk.recording.keys import LANE_KEYS_FILE
from posdesk.recording.media.errors import MediaError
from posdesk.recording.media.export_copy import watermarked_mp4
from posdesk.recording.media.playback import ClipPlayback, picture_png

from .viewer import JournalLine, ReasonRequired, SaleEvidence, ViewerService
from .viewer_badge import Badge
from .viewer_howto import how_to_verify

log = logging.getLogger(__name__)

#: Most key frames per sale in the report.
KEY_FRAMES = 6

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class KeyFrame:
    time_s: float
    label: str
    png: bytes


@dataclass(frozen=True)
class ReportSale:
    sale: FoundSale
    badge: Badge
    journal: tuple[JournalLine, ...]
    key_frames: tuple[KeyFrame, ...]
    folder: str


@dataclass(frozen=True)
class ReportContent:
    """What the PDF report says; `render_pdf(content) -> bytes` lays it out."""

    exported_by: str
    exported_utc: datetime
    reason: str
    sales: tuple[ReportSale, ...] = field(default_factory=tuple)


RenderPdf = Callable[[ReportContent], bytes]


@dataclass(frozen=True)
class ExportRequest:
    sale_ids: tuple[str, ...]
    out: Path
    reason: str = ""
    #: Write a zip file `out` (".zip" added) instead of a folder.
    as_zip: bool = False
    #: Add a decrypted, watermarked MP4 of each clip (plaintext on disk: audited as such).
    decrypted_mp4: bool = False


@dataclass(frozen=True)
class ExportResult:
    path: Path
    sales: int
    problems: tuple[str, ...]


class ExportTargetExists(Exception):
    pass


def export_package(viewer: ViewerService, request: ExportRequest, *, render_pdf: RenderPdf | None,
                   progress: Progress | None = None) -> ExportResult:
    """Write the package; audited with who, which sales and why."""
    if not request.reason.strip():
        raise ReasonRequired()
    target = request.out.with_suffix(".zip") if request.as_zip else request.out
    if target.exists() and (target.is_file() or any(target.iterdir())):
        raise ExportTargetExists(f"{target} exists and is not empty")
    folder = request.out.with_name(request.out.name + ".partial") if request.as_zip else request.out
    folder.mkdir(parents=True, exist_ok=True)
    report = progress or (lambda done, total, what: None)
    total = len(request.sale_ids) + 1
    sales: list[ReportSale] = []
    problems: list[str] = []
    lanes: set[str] = set()
    for n, sale_id in enumerate(request.sale_ids):
        report(n, total, sale_id)
        evidence = viewer.open_sale(sale_id)
        lanes.add(evidence.sale.lane)
        sales.append(_write_sale(viewer, evidence, folder))
        if request.decrypted_mp4 and evidence.clip:
            _write_decrypted(viewer, evidence, folder / sales[-1].folder, request.reason)
        problems += [f"{sale_id}: {r}" for r in evidence.badge.reasons]
    report(len(request.sale_ids), total, "report")
    _write_chain_excerpt(viewer, folder, lanes, set(request.sale_ids))
    _write_keys(viewer, folder)
    now = datetime.now(timezone.utc)
    content = ReportContent(viewer.user, now, request.reason.strip(), tuple(sales))
    if render_pdf is not None:
        (folder / "report.pdf").write_bytes(render_pdf(content))
    (folder / "export.json").write_text(json.dumps({
        "exported_by": viewer.user, "exported_utc": now.isoformat(), "reason": content.reason,
        "sales": [{"id": s.sale.id, "folder": s.folder, "badge": s.badge.state.value,
                   "reasons": list(s.badge.reasons)} for s in sales]}, indent=2, ensure_ascii=False),
        encoding="utf-8")
    (folder / "HOW-TO-VERIFY.txt").write_text(how_to_verify([s.folder for s in sales]),
                                              encoding="utf-8")
    if request.as_zip:
        _zip(folder, target)
        shutil.rmtree(folder)
    viewer.audit("viewer_export", sales=list(request.sale_ids), reason=content.reason,
                 out=str(target), decrypted_mp4=request.decrypted_mp4)
    report(total, total, "done")
    return ExportResult(target, len(sales), tuple(problems))


def _write_sale(viewer: ViewerService, evidence: SaleEvidence, root: Path) -> ReportSale:
    sale = evidence.sale
    name = safe_name(f"{sale.lane}-{sale.receipt_no if sale.receipt_no is not None else sale.id[:8]}")
    folder = root / "sales" / name
    folder.mkdir(parents=True, exist_ok=True)
    info = viewer.recording_info(sale.id)
    sums: list[str] = []
    if info is not None and info.manifest_path:
        raw = (viewer.data_dir / info.manifest_path).read_bytes()
        (folder / "manifest.json").write_bytes(raw)
        body = Entry.parse(raw).body
        (folder / "manifest.signed.json").write_bytes(signed_bytes(body))
        signature = body.get("signature") or {}
        if signature.get("ed25519"):
            (folder / "manifest.sig").write_bytes(base64.b64decode(signature["ed25519"]))
            public = viewer.lane_public_keys().get(signature.get("key_id", ""))
            if public is not None:
                (folder / "lane-key.pem").write_bytes(_pem(public))
        journal_sig = body.get("journal") or {}
        events = int(journal_sig.get("events", 0))
        (folder / "journal.signed.jsonl").write_bytes(viewer.journal_bytes(sale.id, events))
        if journal_sig.get("sha256"):
            sums.append(f"{journal_sig['sha256']}  journal.signed.jsonl")
        clip = body.get("clip")
        if clip and info.clip_path and (viewer.data_dir / info.clip_path).exists():
            shutil.copyfile(viewer.data_dir / info.clip_path, folder / "clip.mp4.age")
            sums.append(f"{clip['sha256']}  clip.mp4.age")
    if sums:
        (folder / "SHA256SUMS").write_text("\n".join(sums) + "\n", encoding="ascii")
    _write_journal(evidence.journal, folder)
    return ReportSale(sale, evidence.badge, evidence.journal, _key_frames(evidence), f"sales/{name}")


def _write_decrypted(viewer: ViewerService, evidence: SaleEvidence, folder: Path,
                     reason: str) -> None:
    sale = evidence.sale
    now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    receipt = sale.receipt_no if sale.receipt_no is not None else sale.id[:8]
    mark = f"Exported by {viewer.user} {now} - sale {sale.lane}/{receipt}"
    metadata = {"title": f"posdesk sale {sale.lane}/{receipt}",
                "comment": f"sale {sale.id}; exported by {viewer.user} at {now}; reason: {reason}; "
                           "decrypted copy - the sealed clip.mp4.age is the evidence"}
    assert evidence.clip is not None
    (folder / "clip-decrypted.mp4").write_bytes(watermarked_mp4(evidence.clip, text=mark,
                                                                metadata=metadata))


def _write_journal(journal: tuple[JournalLine, ...], folder: Path) -> None:
    rows = [{"seq": j.seq, "kind": j.kind, "utc": j.utc.isoformat(),
             "clip_s": None if j.offset_s is None else round(j.offset_s, 3), "data": j.data}
            for j in journal]
    (folder / "journal.json").write_text(json.dumps(rows, indent=2, ensure_ascii=False),
                                         encoding="utf-8")
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(["seq", "kind", "utc", "clip_s", "data"])
    for r in rows:
        writer.writerow([r["seq"], r["kind"], r["utc"], r["clip_s"],
                         json.dumps(r["data"], ensure_ascii=False, sort_keys=True)])
    (folder / "journal.csv").write_text(text.getvalue(), encoding="utf-8")


def _key_frames(evidence: SaleEvidence) -> tuple[KeyFrame, ...]:
    """Pictures at the first event, each marked event and the last one (at most KEY_FRAMES)."""
    if not evidence.clip:
        return ()
    timed = [j for j in evidence.journal if j.offset_s is not None]
    chosen = [j for j in timed if j.mark is not None][:KEY_FRAMES - 2]
    if timed:
        chosen = [timed[0], *chosen, timed[-1]]
    try:
        playback = ClipPlayback(evidence.clip)
    except MediaError:
        return ()
    frames = []
    try:
        for line in {j.seq: j for j in chosen}.values():
            pictures = playback.seek(min(line.offset_s or 0.0, max(0.0, playback.duration_s - 0.05)))
            if pictures:
                frames.append(KeyFrame(line.offset_s or 0.0, f"#{line.seq} {line.kind}",
                                       picture_png(pictures[0])))
    finally:
        playback.close()
    return tuple(frames)


def _write_chain_excerpt(viewer: ViewerService, folder: Path, lanes: set[str],
                         sale_ids: set[str]) -> None:
    """Each sale's chain line and the line before it (to check the `prev` link)."""
    for lane in sorted(lanes):
        lines = viewer.chain_lines(lane)
        keep: list[tuple[int, bytes]] = []
        for i, raw in enumerate(lines):
            try:
                sale = json.loads(raw).get("sale")
            except ValueError:
                continue
            if sale in sale_ids:
                if i > 0:
                    keep.append((i, lines[i - 1]))
                keep.append((i + 1, raw))
        unique = dict(keep)
        (folder / f"chain-{safe_name(lane)}.jsonl").write_bytes(
            b"".join(unique[k] + b"\n" for k in sorted(unique)))


def _write_keys(viewer: ViewerService, folder: Path) -> None:
    keys = folder / "keys"
    keys.mkdir(exist_ok=True)
    for key_id, raw in viewer.lane_public_keys().items():
        (keys / f"{safe_name(key_id)}.pem").write_bytes(_pem(raw))
    history = viewer.keys_dir / LANE_KEYS_FILE
    if history.exists():
        shutil.copyfile(history, keys / LANE_KEYS_FILE)


def _pem(public_raw: bytes) -> bytes:
    return Ed25519PublicKey.from_public_bytes(public_raw).public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)


def _zip(folder: Path, target: Path) -> None:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                z.write(path, path.relative_to(folder).as_posix())
