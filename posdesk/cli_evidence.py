"""Command-line verbs for the evidence: keys, verify, clip decrypt, retention.

Decrypting needs the manager passphrase: it is asked on the terminal (or read from a file
for scripts) and every decryption is written to the audit log.
"""
from __future__ import annotations

import argparse
import getpass
import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from posdesk.cli_guard import add_guard_arguments, authorize
from posdesk.services.audit_log import queued_audit
from posdesk.services.clip_copy import ClipCopy, ClipRefused, ClipRequest
from posdesk.services.guard import Guard
from posdesk.services.key_admin import KeyAdmin, KeysRefused
from posdesk.services.retention import PurgeRefused, check_keep_periods
from posdesk.services.sale_listing import find_sale_id
from posdesk.services.verification import VerifyRequest, Witness, verify_data_dir

if TYPE_CHECKING:
    from posdesk.services.build import Services

Fail = Callable[[str], Exception]

#: Findings printed after the first one, per lane.
MAX_ALSO = 20


def _passphrase(args: argparse.Namespace, prompt: str = "Manager passphrase: ") -> str:
    if getattr(args, "passphrase_file", None):
        return Path(args.passphrase_file).read_text(encoding="utf-8").rstrip("\r\n")
    if not sys.stdin.isatty():
        raise ValueError("no terminal to ask the passphrase on; use --passphrase-file")
    return getpass.getpass(prompt)


def cmd_keys(args: argparse.Namespace, services: Services, fail: Fail) -> int:
    keys = KeyAdmin(keys=services.keys, audit=queued_audit(services.writer))
    try:
        return _keys(args, keys, fail)
    except KeysRefused as e:
        raise fail(str(e)) from e


def _keys(args: argparse.Namespace, keys: KeyAdmin, fail: Fail) -> int:
    if args.action == "init":
        if keys.is_set_up():
            raise fail("the keys are already set up (posdesk keys rotate to replace them)")
        passphrase = _passphrase(args, "New manager passphrase: ")
        if not getattr(args, "passphrase_file", None) and passphrase != _passphrase(args, "Again: "):
            raise fail("the two passphrases differ")
        made = keys.set_up(passphrase)
        print(f"lane signing key {made.key_id}; manager recipient {made.manager_recipient}")
        print(f"manager key fingerprint {made.manager_fingerprint} (keep it off this PC: "
              "posdesk verify --manager-key checks the lane against it)")
        return 0
    if not keys.is_set_up():
        raise fail("no keys yet: run posdesk keys init")
    if args.action == "show":
        facts = keys.facts()
        print(f"lane signing key: {facts.key_id}")
        print(f"lane key history: {', '.join(facts.lane_keys)}")
        print(f"manager recipient: {facts.manager_recipient}")
        print(f"manager key fingerprint: {facts.manager_fingerprint}")
        for r in facts.auditor_recipients:
            print(f"auditor recipient: {r}")
    elif args.action == "rotate":
        new = keys.rotate(args.which, _passphrase(args))
        if args.which == "lane":
            print(f"new lane signing key {new}, endorsed by manager key "
                  f"{keys.facts().manager_fingerprint}")
        else:
            print(f"new manager recipient {new}")
    elif args.action == "export-identity":
        if not args.out:
            raise fail("keys export-identity needs --out FILE")
        out = Path(args.out)
        keys.export_identity(_passphrase(args), out)
        print(f"manager identity written to {out} (keep it safe: it opens every clip)")
    return 0


def cmd_verify(args: argparse.Namespace, services: Services, fail: Fail) -> int:
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


def cmd_clip(args: argparse.Namespace, services: Services, fail: Fail) -> int:
    sale_id = _find_sale_id(services, args.sale)
    clips = ClipCopy(data_dir=services.data_dir, keys=services.keys, recordings=services.recordings,
                     audit=queued_audit(services.writer))
    request = ClipRequest(sale_id, args.sale, Path(args.out), allow_partial=args.allow_partial)
    try:
        written = clips.write(request, lambda: _passphrase(args))
    except ClipRefused as e:
        raise fail(str(e)) from e
    note = "" if written.partial is None else \
        f" (truncated: only its authenticated first {written.partial} bytes)"
    print(f"clip of sale {args.sale} written to {args.out}{note}")
    return 0


def cmd_clips(args: argparse.Namespace, services: Services, fail: Fail) -> int:
    from posdesk.services.viewer_retention import Retention, class_keep_periods
    retention = Retention(data_dir=services.data_dir, lane=services.config.get("lane.id"),
                          keys=services.keys, recordings=services.recordings,
                          audit=queued_audit(services.writer),
                          keep_periods=class_keep_periods(services))
    if args.action in ("hold", "release"):
        sale_id = _find_sale_id(services, args.sale)
        who = authorize(args, Guard(services.users), f"clips_{args.action}", fail, sale=sale_id)
        reason = args.reason or f"posdesk clips {args.action}"
        if not retention.set_hold(sale_id, args.action == "hold", reason=reason, user=who):
            raise fail(f"sale {args.sale} has no recording")
        print(f"legal hold {'set' if args.action == 'hold' else 'released'} on sale {args.sale}")
        return 0
    days = int(args.days if args.days is not None
               else services.config.get("recording.retention_days"))
    try:  # bad keep periods are refused before anyone is asked for a PIN
        check_keep_periods(services.config, days)
    except (PurgeRefused, ValueError) as e:
        raise fail(str(e)) from e
    who = authorize(args, Guard(services.users), "clips_purge", fail, days=days)
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


def _find_sale_id(services: Services, ref: str) -> str:
    """A sale's id, from its id or its receipt number."""
    return find_sale_id(services.sales, str(services.config.get("lane.id")), ref)


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
