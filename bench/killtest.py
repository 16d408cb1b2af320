"""Never lose a printed sale: kill the lane at random points (or at named crash points) and
check what a shop would check the next morning.

    python bench/killtest.py --kills N [--seed S] [--keep DIR]
    python bench/killtest.py --crash-points [POINT,...]

`--kills N` starts `bench/lane_driver.py` (the real services, simulated printer and terminal,
the real recorder child) as a subprocess, lets it ring sales, and `kill -9`s its whole
process group (recorder included, like a power cut) at a random moment, N times, restarting
it like a cashier each time. `--crash-points` instead stops it at each named step of the
completion and sealing sequence (see `posdesk.crashpoints`), once per step.

Afterwards one clean run finishes, then the checks: every receipt the simulated printer put
on paper is in the database with its payment and the same total; receipt numbers are gapless
and no number was printed for two different sales; no restart got stuck; `posdesk verify`
finds the evidence chain intact (a clip cut short by a kill is `truncated`, which is not a
fault). Prints one JSON line with the counts; exits 0 only when every check holds.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DRIVER = ROOT / "bench" / "lane_driver.py"
#: Every step `posdesk.crashpoints.reached` marks, in the order a sale passes them.
CRASH_POINTS = ("sale-completed", "sale-committed", "receipt-printed", "chain-appended",
                "manifest-written", "pending-removed")
#: Seconds a (re)start may take until the lane takes its first scan.
READY_TIMEOUT_S = 120.0
#: The latest moment after `ready` at which a random kill lands (seconds).
MAX_KILL_AFTER_S = 4.0

RECEIPT = re.compile(r"^Receipt (\d+)\b", re.MULTILINE)
TOTAL = re.compile(r"^TOTAL\s+(-?[\d.,]+)", re.MULTILINE)


class Lane:
    """One run of the driver in its own process group, its stdout read on a thread."""

    def __init__(self, data: Path, *, sales: int, seed: int, crash_at: str | None = None):
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        env.pop("POSDESK_CRASH_AT", None)
        if crash_at:
            env["POSDESK_CRASH_AT"] = crash_at
        self.proc = subprocess.Popen(
            [sys.executable, str(DRIVER), "--data", str(data), "--sales", str(sales),
             "--seed", str(seed)],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env,
            start_new_session=True, cwd=ROOT)
        self.lines: list[str] = []
        self.ready = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line.strip())
            if line.strip() == "ready":
                self.ready.set()

    def kill(self) -> None:
        """Power cut: the app, its recorder child and everything else of the group."""
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.wait(30)

    def wait(self, timeout: float) -> int | None:
        try:
            code = self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            return None
        self._reader.join(10)
        try:  # whatever the dead app left behind (a recorder child) goes too
            os.killpg(self.proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        return code


def _archive(data: Path, paper: Path, run: int) -> None:
    """Move what the printer simulator put out into `paper` (a reused receipt number would
    overwrite its file in the simulator's folder)."""
    for txt in sorted((data / "printed").glob("*.txt")):
        shutil.move(str(txt), paper / f"run{run:04d}-{txt.name}")
    for png in (data / "printed").glob("*.png"):
        png.unlink()


def _printed(paper: Path) -> dict[int, set[int]]:
    """Receipt number -> the set of totals (minor units) printed under it."""
    found: dict[int, set[int]] = {}
    for txt in paper.glob("*.txt"):
        text = txt.read_text(encoding="utf-8")
        number, total = RECEIPT.search(text), TOTAL.search(text)
        if number and total:
            minor = int(Decimal(total.group(1).replace(",", "")) * 100)
            found.setdefault(int(number.group(1)), set()).add(minor)
    return found


def _stored(data: Path) -> dict[int, tuple[int, int]]:
    """Receipt number -> (total in minor units, number of payments) of completed sales."""
    con = sqlite3.connect(f"file:{data / 'posdesk.db'}?mode=ro", uri=True)
    try:
        rows = con.execute("select s.receipt_no, s.total_minor, (select count(*) from payment p "
                           "where p.sale_id = s.id) from sale s where s.state = 'completed' "
                           "and s.receipt_no is not null").fetchall()
    finally:
        con.close()
    return {number: (total, payments) for number, total, payments in rows}


def _verify(data: Path) -> tuple[bool, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("POSDESK_CRASH_AT", None)
    done = subprocess.run([sys.executable, "-m", "posdesk", "--data", str(data), "verify"],
                          capture_output=True, text=True, timeout=300, env=env, cwd=ROOT)
    return done.returncode == 0, (done.stdout.strip() or done.stderr.strip()).splitlines()[0]


def check(data: Path, paper: Path, *, kills: int, stuck: int, missed: int) -> dict[str, object]:
    printed, stored = _printed(paper), _stored(data)
    missing = sorted(n for n in printed if n not in stored or stored[n][1] == 0)
    reused = sorted(n for n, totals in printed.items()
                    if len(totals) > 1 or (n in stored and stored[n][0] not in totals))
    numbers = sorted(stored)
    gaps = len(set(range(1, (numbers[-1] if numbers else 0) + 1)) - set(numbers))
    verify_ok, verify_text = _verify(data)
    counts: dict[str, object] = {
        "figure": "killtest", "kills": kills, "restarts": kills + 1,
        "receipts_printed": len(printed), "sales_in_db": len(stored),
        "printed_missing_from_db": len(missing), "receipts_reused": len(reused),
        "receipt_gaps": gaps, "stuck_restarts": stuck, "crash_points_missed": missed,
        "verify_ok": verify_ok, "verify": verify_text,
    }
    counts["ok"] = (not missing and not reused and gaps == 0 and stuck == 0 and missed == 0
                    and verify_ok and len(printed) > 0)
    if missing or reused:
        counts["examples"] = {"missing": missing[:5], "reused": reused[:5]}
    return counts


def run_kills(data: Path, paper: Path, kills: int, seed: int) -> tuple[int, int]:
    rng = random.Random(seed)
    stuck = 0
    for run in range(kills):
        lane = Lane(data, sales=0, seed=rng.randrange(1 << 30))
        if lane.ready.wait(READY_TIMEOUT_S):
            time.sleep(rng.uniform(0, MAX_KILL_AFTER_S))
        else:
            stuck += 1
        lane.kill()
        _archive(data, paper, run)
    return stuck, 0


def run_crash_points(data: Path, paper: Path, points: list[str], seed: int) -> tuple[int, int]:
    stuck = missed = 0
    for run, point in enumerate(points):
        lane = Lane(data, sales=2, seed=seed + run, crash_at=point)
        code = lane.wait(READY_TIMEOUT_S * 2)
        if code is None:
            stuck += 1
            lane.kill()
        elif code != -signal.SIGKILL:
            missed += 1  # the run ended without passing its crash point
        _archive(data, paper, run)
    return stuck, missed


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = p.add_mutually_exclusive_group(required=True)
    mode.add_argument("--kills", type=int, help="kill -9 the lane at N random moments")
    mode.add_argument("--crash-points", nargs="?", const=",".join(CRASH_POINTS),
                      help="stop the lane at each named step (default: all of them)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--keep", type=Path, help="keep the data directory here (default: a temporary one)")
    args = p.parse_args()
    work = Path(tempfile.mkdtemp(prefix="posdesk-killtest-"))
    data = args.keep or work / "lane"
    paper = work / "paper"
    paper.mkdir()
    try:
        if args.kills is not None:
            stuck, missed = run_kills(data, paper, args.kills, args.seed)
            kills = args.kills
        else:
            points = [p for p in args.crash_points.split(",") if p]
            unknown = set(points) - set(CRASH_POINTS)
            if unknown:
                p.error(f"unknown crash points: {', '.join(sorted(unknown))}")
            stuck, missed = run_crash_points(data, paper, points, args.seed)
            kills = len(points)
        final = Lane(data, sales=1, seed=args.seed)
        if final.wait(READY_TIMEOUT_S * 2) != 0 or "done" not in final.lines:
            stuck += 1
            final.kill()
        _archive(data, paper, kills)
        counts = check(data, paper, kills=kills, stuck=stuck, missed=missed)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(counts), flush=True)
    return 0 if counts["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
