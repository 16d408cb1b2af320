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

from posdesk.db.audit import audit
from posdesk.core.clock import SystemClock
from posdesk.core.retention import RetentionClass
from posdesk.recording.age import decrypt_bytes
from posdesk.recording.errors import AgeError, WrongPassphrase
from posdesk.recording.evidence.chain import EvidenceChain
from posdesk.recording.evidence.layout import ClipLayout
from posdesk.recording.evidence.retention import purge_expired
from posdesk.recording.evidence.verify import verify_chain
from posdesk.recording.keys import KeyStore
from posdesk.services.retention import keep_period, retention_policy

Fail = Callable[[str], Exception]


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
        return 0
    if not keys.is_set_up():
        raise fail("no keys yet: run posdesk keys init")
    if args.action == "show":
        print(f"lane signing key: {keys.key_id}")
        print(f"lane key history: {', '.join(keys.lane_public_keys())}")
        print(f"manager recipient: {keys.manager_recipient()}")
        for r in keys.auditor_recipients():
            print(f"auditor recipient: {r}")
    elif args.action == "rotate":
        if args.which == "lane":
            print(f"new lane signing key {keys.rotate_lane_signing()}")
        else:
            try:
                print(f"new manager recipient {keys.rotate_manager(_passphrase(args))}")
            except WrongPassphrase as e:
                raise fail("wrong manager passphrase") from e
    elif args.action == "export-identity":
        if not args.out:
            raise fail("keys export-identity needs --out FILE")
        try:
            text = keys.export_identity(_passphrase(args))
        except WrongPassphrase as e:
            raise fail("wrong manager passphrase") from e
        out = Path(args.out)
        out.touch(mode=0o600)
        out.write_text(text, encoding="utf-8")
        services.writer.submit(lambda: _audit("identity_exported", out=str(out)))
        print(f"manager identity written to {out} (keep it safe: it opens every clip)")
    return 0


def cmd_verify(args: argparse.Namespace, services: Any, fail: Fail) -> int:
    lane = services.config.get("lane.id")
    since = datetime.fromisoformat(args.since).replace(tzinfo=timezone.utc) if args.since else None
    sale_ids = [s.id for s in services.sales.list_sales(lane=lane, since=since, limit=10**9)
                if s.state.value in ("completed", "voided")]
    report = verify_chain(services.data_dir, lane, services.keys.lane_public_keys(),
                          services.sales.journal_bytes, sale_ids=sale_ids)
    print(report.summary())
    for finding in report.findings[1:]:
        print(f"  also: {finding}")
    return 0 if report.ok else 1


def cmd_clip(args: argparse.Namespace, services: Any, fail: Fail) -> int:
    sale = _find_sale(services, args.sale, fail)
    info = services.recordings.get(sale.id)
    if info is None or not info.clip_path:
        raise fail(f"sale {args.sale} has no clip")
    try:
        identities = services.keys.unlock_manager_identities(_passphrase(args))
    except WrongPassphrase as e:
        raise fail("wrong manager passphrase") from e
    sealed = (services.data_dir / info.clip_path).read_bytes()
    try:
        plain = decrypt_bytes(sealed, identities)
        note = ""
    except AgeError as e:
        plain = getattr(e, "partial", b"")
        if not plain:
            raise fail(f"clip of sale {args.sale} cannot be decrypted: {e}") from e
        note = f" (only its first {len(plain)} bytes: {type(e).__name__})"
    Path(args.out).write_bytes(plain)
    services.writer.submit(lambda: _audit("clip_decrypted", sale=sale.id, out=str(args.out)))
    print(f"clip of sale {args.sale} written to {args.out}{note}")
    return 0


def cmd_clips(args: argparse.Namespace, services: Any, fail: Fail) -> int:
    if args.action in ("hold", "release"):
        sale = _find_sale(services, args.sale, fail)
        if not services.recordings.set_legal_hold(sale.id, args.action == "hold"):
            raise fail(f"sale {args.sale} has no recording")
        print(f"legal hold {'set' if args.action == 'hold' else 'released'} on sale {args.sale}")
        return 0
    try:
        policy = retention_policy(services.config, args.days)
    except ValueError as e:
        raise fail(str(e)) from e
    days = policy.keep_days[RetentionClass.ORDINARY]
    chain = EvidenceChain(ClipLayout(services.data_dir), services.config.get("lane.id"),
                          services.keys, SystemClock())
    result = purge_expired(chain, keep=timedelta(days=days),
                           legal_holds=services.recordings.legal_holds(),
                           keep_for=keep_period(policy, services.config, services.sales))
    for entry in result.purged:
        services.recordings.upsert(entry.sale_id, status="purged", clip_path=None,
                                   manifest_path=entry.body.get("file", ""), size=0, sha256=None,
                                   duration_ms=None, key_ids=[], now=datetime.now(timezone.utc))
    print(f"purged {len(result.purged)} clips past their keep period (ordinary sales "
          f"{days} days, flagged sales per class); {len(result.held)} on legal hold")
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

    c = add("clip", cmd_clip, "decrypt a sale's clip (asks the manager passphrase; audited)")
    c.add_argument("action", choices=["decrypt"])
    c.add_argument("sale", help="sale id or receipt number")
    c.add_argument("--out", required=True)
    c.add_argument("--passphrase-file")

    p = add("clips", cmd_clips, "retention: purge old clips, legal hold")
    p.add_argument("action", choices=["purge", "hold", "release"])
    p.add_argument("sale", nargs="?")
    p.add_argument("--days", type=int, help="keep period of ordinary sales (flagged sales "
                   "keep theirs: recording.retention.*_days)")
