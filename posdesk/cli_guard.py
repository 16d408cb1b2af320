"""The CLI's side of guarded commands: where the approver's PIN comes from.

A person types it on the terminal; a script gives `--pin-file FILE` (the PIN, or
`NAME:PIN` to log in by name). `--approver NAME` names the approver on a terminal.
"""
from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import Callable

from posdesk.services.guard import Credentials, Guard, NotAuthorized


def add_guard_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--pin-file", help="file holding the approver's PIN (or NAME:PIN)")
    parser.add_argument("--approver", help="name of the approving manager or admin")


def credentials(args: argparse.Namespace) -> Credentials | None:
    name = getattr(args, "approver", None)
    if getattr(args, "pin_file", None):
        text = Path(args.pin_file).read_text(encoding="utf-8").strip()
        if ":" in text:
            name, _, text = text.rpartition(":")
        return Credentials(text, name or None)
    if sys.stdin.isatty():
        return Credentials(getpass.getpass("Manager or admin PIN: "), name)
    return None


Fail = Callable[[str], Exception]


def authorize(args: argparse.Namespace, guard: Guard, action: str, fail: Fail,
              **details: object) -> str:
    """Check the approver for `action` with `guard` (audited); raise `fail(reason)` when
    refused."""
    try:
        return guard.authorize(credentials(args) if guard.needs_pin() else None, action,
                               **details)
    except NotAuthorized as e:
        raise fail(str(e)) from e
