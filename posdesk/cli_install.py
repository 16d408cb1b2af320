"""Command-line verbs for installers and remote support: the self-test and the support bundle."""
from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from posdesk.services.build import Services

Fail = Callable[[str], Exception]


def cmd_selftest(args: argparse.Namespace, services: Services, fail: Fail) -> int:
    # Imported here: the parser is built on every start, the window's included.
    from posdesk.services.selftest import run_selftest
    report = run_selftest(services)
    if args.json:
        print(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
    else:
        print("\n".join(report.lines()))
    return 0 if report.ok else 1


def cmd_support_bundle(args: argparse.Namespace, services: Services, fail: Fail) -> int:
    out = Path(args.out)
    if out.suffix.lower() != ".zip":
        raise fail(f"the bundle is a zip file: {out} should end in .zip")
    from posdesk.services.selftest import run_selftest
    from posdesk.services.support_bundle import write_support_bundle
    names = write_support_bundle(services, out, run_selftest(services))
    print(f"support bundle written to {out} ({len(names)} files; no keys, PINs or clips)")
    return 0


def add_parsers(add: Callable[..., argparse.ArgumentParser]) -> None:
    s = add("selftest", cmd_selftest, "check database, disk, clock, keys and every device")
    s.add_argument("--json", action="store_true")

    b = add("support-bundle", cmd_support_bundle, "zip the logs, configuration and self-test for support")
    b.add_argument("--out", required=True, help="FILE.zip")
