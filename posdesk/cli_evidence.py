"""Command-line verbs for the evidence: keys, verify, clip decrypt, retention.

Decrypting needs the manager passphrase: it is asked on the terminal (or read from a file
for scripts) and every decryption is written to the audit log.
"""
from __future__ import annotations

import argparse
import getpass
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Callable

from posdesk.cli_guard import add_guard_arguments, authorize
from posdesk.db.audit import audit
from posdesk.recording.age import decrypt_bytes
from posdesk.recording.errors import AgeError, TruncatedPayload, WrongPassphrase
from posdesk.recording.evidence.clip_check import ClipCutShort, ClipMismatch, checked_clip
from posdesk.recording.evidence.layout import ClipLayout
from posdesk.recording.evidence.private_files import write_private
from posdesk.recording.evidence.purge_safety import PurgeRefused, check_keep
from posdesk.recording.evidence.anchors import Witness
from posdesk.services.verification import VerifyRequest, verify_data_dir
from posdesk.recording.keys import KeyStore
from posdesk.services.retention import retention_policy

Fail = Callable[[str], Exception]

#: Who the audit log names for an action the manager passphrase allowed.
PASSPHRASE_HOLDER = "manager (passphrase)"
#: Findings printed after the first one, per lane.
MAX_ALSO = 20


def _passphrase(args: argparse.Namespace, prompt: str = "Manager passphrase: ") -> str:
    if getattr(args, "passphrase_file", None):
        return Path(args.passphrase_file).read_text(encoding="utf-8").rstrip("\r\n")
    if not sys.stdin.isatty():
        raise ValueError("no terminal to ask the passphrase on; use --passphrase-file")
    return getpass.getpass(prompt)


def cmd_keys(args: argparse.Namespace, services: Any, fail: Fail) -> int:
    keys: KeyStore = services.keys
    if args.action == "init":
        if keys.is_set_up():
            raise fail("the keys are already set up (posdesk keys rotate to replace them)")
        passphrase = _passphrase(args, "New manager passphrase: ")
        if not getattr(args, "passphrase_file", None) and passphrase != _passphrase(args, "Again: "):
            raise fail("the two passphrases differ")
        if len(passphrase) < 8:
            raise fail("the manager passphrase needs at least 8 characters")
        keys.set_up(passphrase)
        print(f"lane signing key {keys.key_id}; manager recipient {keys.manager_recipient()}")
        print(f"manager key fingerprint {keys.manager_fingerprint} (keep it off this PC: "
              "posdesk verify --manager-key checks the lane against it)")
        return 0
    if not keys.is_set_up():
        raise fail("no keys yet: run posdesk keys init")
    if args.action == "show":
        print(f"lane signing key: {keys.key_id}")
        print(f"lane key history: {', '.join(keys.lane_public_keys())}")
        print(f"manager recipient: {keys.manager_recipient()}")
        print(f"manager key fingerprint: {keys.manager_fingerprint}")
        for r in keys.auditor_recipients():
            print(f"auditor recipient: {r}")
    elif args.action == "rotate":
        try:
            if args.which == "lane":
                new = keys.rotate_lane_signing(_passphrase(args))
                print(f"new lane signing key {new}, endorsed by manager key "
                      f"{keys.manager_fingerprint}")
            else:
                print(f"new manager recipient {keys.rotate_manager(_passphrase(args))}")
        except WrongPassphrase as e:
            raise fail("wrong manager passphrase") from e
        services.writer.submit(lambda: audit(PASSPHRASE_HOLDER, "key_rotated", which=args.which))
    elif args.action == "export-identity":
        if not args.out:
            raise fail("keys export-identity needs --out FILE")
        try:
            text = keys.export_identity(_passphrase(args))
        except WrongPassphrase as e:
            raise fail("wrong manager passphrase") from e
        out = Path(args.out)
        write_private(out, text.encode("utf-8"))
        services.writer.submit(lambda: _audit("identity_exported", out=str(out)))
        print(f"manager identity written to {out} (keep it safe: it opens every clip)")
    return 0


def cmd_verify(args: argparse.Namespace, services: Any, fail: Fail) -> int:
    since = datetime.fromisoformat(args.since).replace(tzinfo=timezone.utc) if args.since else None
    try:
        witnesses = tuple(Witness.parse(text, "--witness") for text in args.witness)
    except ValueError as e:
        raise fail(str(e)) from e
    request = VerifyRequest(manager_key=args.manager_key, witnesses=witnesses, since=since)
    result = verify_data_dir(services.data_dir, configured_lane=services.config.get("lane.id"),
                             keys=services.keys, sales=services.sales, request=request)
    for report in result.reports:
        print(report.summary())
        for finding in report.findings[1:1 + MAX_ALSO]:
            print(f"  also: {finding}")
        if len(report.findings) > 1 + MAX_ALSO:
            print(f"  ... and {len(report.findings) - 1 - MAX_ALSO} more")
    return 0 if result.ok else 1


def cmd_clip(args: argparse.Namespace, services: Any, fail: Fail) -> int:
    sale = _find_sale(services, args.sale, fail)
    info = services.recordings.get(sale.id)
    if info is None or not info.clip_path:
        raise fail(f"sale {args.sale} has no clip")
    if not info.manifest_path:
        raise fail(f"sale {args.sale} has no signed manifest to check its clip against")
    try:  # first: is this the clip signed for this sale (not a swapped or replaced file)?
        clip_path = checked_clip(ClipLayout(services.data_dir), info.manifest_path, sale.id,
                                 services.keys.lane_public_keys())
    except ClipCutShort as e:
        if not args.allow_partial:
            raise fail(f"refused: {e}; --allow-partial writes its authenticated prefix") from e
        clip_path = e.path
    except ClipMismatch as e:
        raise fail(f"refused: {e}") from e
    try:
        identities = services.keys.unlock_manager_identities(_passphrase(args))
    except WrongPassphrase as e:
        raise fail("wrong manager passphrase") from e
    sealed = clip_path.read_bytes()
    try:
        plain = decrypt_bytes(sealed, identities)
        note = ""
    except TruncatedPayload as e:
        # A clip cut short by a crash is not a whole age file; its prefix is authenticated,
        # but handing it out must be asked for, so nobody takes it for the whole sale.
        if not args.allow_partial:
            raise fail(f"clip of sale {args.sale} is truncated (cut short by a crash); "
                       "use --allow-partial to write its authenticated prefix") from e
        if not e.partial:
            raise fail(f"clip of sale {args.sale} has no whole chunk to decrypt") from e
        plain, note = e.partial, f" (truncated: only its authenticated first {len(e.partial)} bytes)"
    except AgeError as e:
        raise fail(f"clip of sale {args.sale} cannot be decrypted: {e}") from e
    write_private(Path(args.out), plain)
    services.writer.submit(lambda: _audit("clip_decrypted", sale=sale.id, out=str(args.out),
                                          partial=bool(note)))
    print(f"clip of sale {args.sale} written to {args.out}{note}")
    return 0


def cmd_clips(args: argparse.Namespace, services: Any, fail: Fail) -> int:
    from posdesk.services.viewer_retention import Retention, class_keep_periods
    retention = Retention(data_dir=services.data_dir, lane=services.config.get("lane.id"),
                          keys=services.keys, recordings=services.recordings,
                          audit=lambda *a, **k: services.writer.submit(lambda: audit(*a, **k)),
                          keep_periods=class_keep_periods(services))
    if args.action in ("hold", "release"):
        sale = _find_sale(services, args.sale, fail)
        who = authorize(args, services.users, f"clips_{args.action}", fail, sale=sale.id)
        reason = args.reason or f"posdesk clips {args.action}"
        if not retention.set_hold(sale.id, args.action == "hold", reason=reason, user=who):
            raise fail(f"sale {args.sale} has no recording")
        print(f"legal hold {'set' if args.action == 'hold' else 'released'} on sale {args.sale}")
        return 0
    days = int(args.days if args.days is not None
               else services.config.get("recording.retention_days"))
    try:  # bad keep periods are refused before anyone is asked for a PIN
        check_keep(timedelta(days=days))
        retention_policy(services.config, days)  # the flagged classes' periods, checked
    except (PurgeRefused, ValueError) as e:
        raise fail(str(e)) from e
    who = authorize(args, services.users, "clips_purge", fail, days=days)
    try:
        outcome = retention.purge(days, user=who, preview=args.preview)
    except PurgeRefused as e:
        raise fail(str(e)) from e
    for step in outcome.clock_steps:
        print(f"warning: the lane's clock was set {'back' if step.backwards else 'forward'} "
              f"by {abs(step.step)} before evidence entry {step.seq}; ages are measured "
              "without that step")
    verb = "would purge" if args.preview else "purged"
    print(f"{verb} {len(outcome.sale_ids)} clips past their keep period (ordinary sales "
          f"{days} days, flagged sales per class); {len(outcome.held)} on legal hold")
    return 0


def sale_json(services: Any, summary: Any) -> dict[str, Any]:
    """A sale as `posdesk sales list --json` shows it, with its evidence files."""
    rec = services.recordings.get(summary.id)
    return {
        "id": summary.id, "lane": summary.lane, "kind": summary.kind.value,
        "state": summary.state.value, "cashier": summary.cashier,
        "started_utc": summary.started_utc.isoformat(),
        "ended_utc": summary.ended_utc.isoformat() if summary.ended_utc else None,
        "receipt_no": summary.receipt_no, "total": str(summary.total.amount),
        "currency": summary.total.currency.code, "original_receipt": summary.original_receipt,
        "recording": None if rec is None else {
            "status": rec.status, "clip": rec.clip_path, "manifest": rec.manifest_path,
            "size": rec.size, "sha256": rec.sha256, "duration_ms": rec.duration_ms},
    }


def _find_sale(services: Any, ref: str, fail: Fail) -> Any:
    """A sale by id or by receipt number."""
    if ref.isdigit():
        found = services.sales.find_by_receipt(services.config.get("lane.id"), ref)
        if found is not None:
            return found[0]
    summary = services.sales.get(ref)
    if summary is None:
        raise fail(f"no sale {ref}")
    return summary


def _audit(action: str, **details: Any) -> None:
    audit("cli", action, **details)


def add_parsers(add: Callable[..., argparse.ArgumentParser]) -> None:
    k = add("keys", cmd_keys, "lane signing key and manager key")
    k.add_argument("action", choices=["init", "show", "rotate", "export-identity"])
    k.add_argument("which", nargs="?", choices=["manager", "lane"], default="manager")
    k.add_argument("--out")
    k.add_argument("--passphrase-file")

    v = add("verify", cmd_verify, "check signatures, hashes and the chain of evidence")
    v.add_argument("--from", dest="since", help="only require sales since DATE (YYYY-MM-DD)")
    v.add_argument("--manager-key", metavar="FPR",
                   help="the manager key fingerprint shown by keys init (ed25519:...)")
    v.add_argument("--witness", action="append", default=[], metavar="SEQ:HASH",
                   help="a chain head from a Z report, or a receipt's QR text (repeatable)")

    c = add("clip", cmd_clip, "decrypt a sale's clip (asks the manager passphrase; audited)")
    c.add_argument("action", choices=["decrypt"])
    c.add_argument("sale", help="sale id or receipt number")
    c.add_argument("--out", required=True)
    c.add_argument("--passphrase-file")
    c.add_argument("--allow-partial", action="store_true",
                   help="write the authenticated prefix of a clip cut short by a crash")

    p = add("clips", cmd_clips, "retention: purge old clips, legal hold")
    p.add_argument("action", choices=["purge", "hold", "release"])
    p.add_argument("sale", nargs="?")
    p.add_argument("--days", type=int, help="keep period of ordinary sales (flagged sales "
                   "keep theirs: recording.retention.*_days)")
    p.add_argument("--reason", help="why a hold is set or released (audited)")
    p.add_argument("--preview", action="store_true", help="purge: only list what would go")
    add_guard_arguments(p)
