"""A simulated serial barcode scanner: types codes onto a pty, each ending in CR LF.

`serve()` gives tests a scanner they can trigger with `scan(code)`; `main(argv)` is
`posdesk simulate scanner --pty`: it prints the port to open, then scans the codes given
on the command line (one per interval) or each line read from stdin.
"""
from __future__ import annotations

import argparse
import os
import sys
import threading
from typing import Iterable

from ..pty import PtyPair, open_pty_pair

#: What most scanners send after a code in their factory setting.
DEFAULT_SUFFIX = b"\r\n"


class ScannerSimulator:
    def __init__(self, pty: PtyPair, suffix: bytes = DEFAULT_SUFFIX):
        self.pty = pty
        self.suffix = suffix

    @property
    def path(self) -> str:
        return self.pty.path

    def scan(self, code: str) -> None:
        os.write(self.pty.master_fd, code.encode("utf-8") + self.suffix)

    def stop(self) -> None:
        self.pty.close()


def serve(pty: PtyPair | None = None, *, suffix: bytes = DEFAULT_SUFFIX) -> ScannerSimulator:
    return ScannerSimulator(pty or open_pty_pair(), suffix)


def _codes_from(args_codes: list[str], stdin: Iterable[str]) -> Iterable[str]:
    if args_codes:
        return args_codes
    return (line.strip() for line in stdin if line.strip())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="posdesk simulate scanner",
                                     description="Simulated serial barcode scanner on a pty.")
    parser.add_argument("codes", nargs="*", help="codes to scan (default: one per stdin line)")
    parser.add_argument("--pty", action="store_true", help="serve on a new pty (the default)")
    parser.add_argument("--interval", type=float, default=1.0,
                        help="seconds before each code given on the command line")
    parser.add_argument("--suffix", choices=("crlf", "cr", "lf"), default="crlf")
    args = parser.parse_args(argv)
    suffix = {"crlf": b"\r\n", "cr": b"\r", "lf": b"\n"}[args.suffix]
    sim = serve(suffix=suffix)
    print(f"scanner simulator on {sim.path}", flush=True)
    pause = threading.Event()
    try:
        for code in _codes_from(args.codes, sys.stdin):
            if args.codes:
                # Give the application time to open the port: opening flushes its input.
                pause.wait(args.interval)
            sim.scan(code)
            print(f"scanned {code}", flush=True)
        if args.codes:
            pause.wait(args.interval)  # let the last code be read before the pty closes
    except KeyboardInterrupt:
        pass
    finally:
        sim.stop()
    return 0
