"""A simulated ESC/POS receipt printer on the master side of a pty.

It parses what it receives (text in the active code page, GB18030 in Chinese mode, bold,
double size, QR, barcode, cut, drawer pulse), answers DLE EOT status queries, and writes
each cut receipt as text and PNG when given an output folder. Tests and demos can run it
out of paper or open its cover. `main(argv)` is `posdesk simulate printer`.
"""
from __future__ import annotations

import argparse
import logging
import os
import select
import signal
import threading
from pathlib import Path
from typing import Callable

from ..pty import PtyPair, open_pty_pair
from . import commands as cmd
from .parser import Cut, Document, EscposParser
from .picture import render_png

log = logging.getLogger(__name__)

#: How often the serving thread looks at its stop flag, in seconds.
POLL_S = 0.05


class PrinterSimulator:
    """Serves one pty master on its own thread. Flip `paper_out`, `paper_near_end` or
    `cover_open` at any time; `wait_until` waits for what the printer received."""

    def __init__(self, pty: PtyPair, *, out_dir: Path | None = None, columns: int = 48,
                 on_saved: Callable[[Path], None] | None = None):
        self.pty = pty
        self.out_dir = out_dir
        #: Called with the PNG path of each receipt saved at its cut.
        self.on_saved = on_saved
        self.columns = columns
        self.paper_out = False
        self.paper_near_end = False
        self.cover_open = False
        self.drawer_open = False
        #: Bytes of print data the roll still takes before it runs out; None = endless.
        self.paper_left: int | None = None
        #: Bytes that arrived while the printer could not print (they are lost, as on paper).
        self.lost_blocks = 0
        self.status_queries = 0
        self._parser = EscposParser(on_status_query=self._answer_status)
        self._changed = threading.Condition()
        self._stop = threading.Event()
        self._saved = 0
        self._thread = threading.Thread(target=self._run, name="printer-simulator", daemon=True)

    @property
    def path(self) -> str:
        """The port the application opens."""
        return self.pty.path

    @property
    def document(self) -> Document:
        return self._parser.document

    def start(self) -> PrinterSimulator:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2)
        self.pty.close()

    def wait_until(self, condition: Callable[[PrinterSimulator], bool], timeout: float = 5.0) -> bool:
        with self._changed:
            return self._changed.wait_for(lambda: condition(self), timeout)

    def close_drawer(self) -> None:
        self.drawer_open = False

    # -- status ---------------------------------------------------------------------------
    def status_byte(self, n: int) -> int:
        """The answer to DLE EOT `n`, bit by bit as the Epson reference lays it out."""
        offline = self.paper_out or self.cover_open
        value = cmd.STATUS_FIXED_VALUE
        if n == cmd.STATUS_PRINTER:
            value |= (cmd.PRINTER_OFFLINE if offline else 0) | (
                cmd.PRINTER_DRAWER_PIN3 if self.drawer_open else 0)
        elif n == cmd.STATUS_OFFLINE_CAUSE:
            value |= (cmd.OFFLINE_COVER_OPEN if self.cover_open else 0) | (
                cmd.OFFLINE_PAPER_END if self.paper_out else 0)
        elif n == cmd.STATUS_PAPER:
            value |= (cmd.PAPER_NEAR_END if self.paper_near_end or self.paper_out else 0) | (
                cmd.PAPER_END if self.paper_out else 0)
        return value

    def _answer_status(self, n: int) -> None:
        self.status_queries += 1
        os.write(self.pty.master_fd, bytes((self.status_byte(n),)))

    # -- serving --------------------------------------------------------------------------
    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                ready, _, _ = select.select([self.pty.master_fd], [], [], POLL_S)
                if not ready:
                    continue
                data = os.read(self.pty.master_fd, 4096)
            except OSError as e:
                log.info("printer simulator stops: %s", e)
                return
            try:
                self._receive(data)
            except Exception:  # noqa: BLE001 - a bad byte must not end the simulated printer
                log.exception("printer simulator failed on %r", data[:32])

    def _receive(self, data: bytes) -> None:
        doc = self._parser.document
        blocks_before, pulses_before = len(doc.blocks), len(doc.pulses)
        if self.paper_left is not None:
            self.paper_left -= len(data)
            self.paper_out = self.paper_out or self.paper_left <= 0
        self._parser.feed(data)
        if self.paper_out or self.cover_open:
            # A stopped printer prints nothing; what it was sent never reaches paper.
            self.lost_blocks += len(doc.blocks) - blocks_before
            del doc.blocks[blocks_before:]
        if len(doc.pulses) > pulses_before:
            self.drawer_open = True
        self._save_cut_receipts()
        with self._changed:
            self._changed.notify_all()

    def _save_cut_receipts(self) -> None:
        if self.out_dir is None:
            return
        cuts = [i for i, b in enumerate(self.document.blocks) if isinstance(b, Cut)]
        for number, end in enumerate(cuts[self._saved:], start=self._saved + 1):
            start = cuts[number - 2] + 1 if number > 1 else 0
            png = self.save(f"receipt-{number:04d}", Document(self.document.blocks[start:end + 1]))
            if self.on_saved is not None:
                self.on_saved(png)
        self._saved = len(cuts)

    def save(self, stem: str, document: Document | None = None) -> Path:
        """Write `document` (default: all received so far) as `stem`.txt and `stem`.png."""
        assert self.out_dir is not None, "no output folder"
        document = document or self.document
        self.out_dir.mkdir(parents=True, exist_ok=True)
        (self.out_dir / f"{stem}.txt").write_text(document.text + "\n", encoding="utf-8")
        return render_png(document, self.out_dir / f"{stem}.png", self.columns)


def serve(pty: PtyPair | None = None, *, out_dir: Path | None = None, columns: int = 48,
          on_saved: Callable[[Path], None] | None = None) -> PrinterSimulator:
    """Start a simulated printer on `pty` (a new pair by default); `.path` is its port."""
    return PrinterSimulator(pty or open_pty_pair(), out_dir=out_dir, columns=columns,
                            on_saved=on_saved).start()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="posdesk simulate printer",
                                     description="Simulated ESC/POS receipt printer on a pty.")
    parser.add_argument("--pty", action="store_true", help="serve on a new pty (the default)")
    parser.add_argument("--out", type=Path, default=Path("printed"),
                        help="folder for the printed receipts (.txt and .png)")
    parser.add_argument("--columns", type=int, default=48)
    parser.add_argument("--paper-out", action="store_true", help="start without paper")
    args = parser.parse_args(argv)
    sim = serve(out_dir=args.out, columns=args.columns,
                on_saved=lambda png: print(f"printed {png}", flush=True))
    sim.paper_out = args.paper_out
    print(f"printer simulator on {sim.path}; receipts go to {args.out}", flush=True)
    # Ctrl-C ends it cleanly. The handler is set explicitly: a process started from a
    # background shell inherits SIGINT ignored, and would then never stop on Ctrl-C.
    stop = threading.Event()
    previous = signal.signal(signal.SIGINT, lambda *_: stop.set())
    try:
        while not stop.wait(0.5):
            pass
    finally:
        signal.signal(signal.SIGINT, previous)
        sim.stop()
    return 0
