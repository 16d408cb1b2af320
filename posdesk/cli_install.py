"""Command-line verbs for installers and remote support: the self-test and the support bundle."""
from __future__ import annotations

import argparse
import json
from typing import Any, Callable

from posdesk.services.selftest import run_selftest

Fail = Callable[[str], Exception]


def cmd_selftest(args: argparse.Namespace, services: Any, fail: Fail) -> int:
    report = run_selftest(services)
    if args.json:
        print(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
    else:
        print("\n".join(report.lines()))
    return 0 if report.ok else 1


def add_parsers(add: Callable[..., argparse.ArgumentParser]) -> None:
    s = add("selftest", cmd_selftest, "check database, disk, clock, keys and every device")
    s.add_argument("--json", action="store_true")
