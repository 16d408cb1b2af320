"""A full disk loses nothing that was printed: the lane sells until its disk is full, is told
so, keeps the drawer shut and the receipt unprinted, and finishes the sale once space is
freed; after a restart every printed receipt is in the database with its payments."""
import os
import re
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from posdesk.core.money import Money, currency
from posdesk.core.sale import SaleState
from posdesk.services.build import build_services

EUR = currency("EUR")
MILK = "4006381333931"
RECEIPT = re.compile(r"^Receipt (\d+)\b", re.MULTILINE)


@pytest.fixture
def small_disk(tmp_path):
    """A 6 MiB tmpfs: a disk that really fills up."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("mounting a small filesystem needs root")
    mnt = tmp_path / "disk"
    mnt.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", str(mnt)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


def _fill(path: Path) -> None:
    """Write `path` until the disk has no byte left."""
    block = b"\0" * 65536
    with open(path, "wb", buffering=0) as f:
        try:
            while True:
                f.write(block)
        except OSError:
            pass
        try:
            while True:
                f.write(b"\0" * 512)
        except OSError:
            pass


def _wait(services, condition, timeout=30.0, what="condition"):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        services.dispatch.run_pending()
        if condition():
            return
        time.sleep(0.02)
    raise AssertionError(f"waited in vain for {what}")


def _printed(folder: Path) -> list[int]:
    return sorted(int(n) for f in folder.glob("*.txt") for n in RECEIPT.findall(f.read_text("utf-8")))


def test_sells_until_the_disk_is_full_then_nothing_printed_is_missing(tmp_path, small_disk):
    data = small_disk / "lane"
    data.mkdir()
    paper = tmp_path / "printed"  # the paper is not on the full disk
    paper.mkdir()
    (data / "printed").symlink_to(paper)
    s = build_services(data, demo=True, with_devices=True)
    notices = []
    s.checkout.on_notice.append(notices.append)
    try:
        s.till.session.login("1234", name="Anna")
        _fill(small_disk / "ballast")
        os.truncate(small_disk / "ballast", os.path.getsize(small_disk / "ballast") - 200_000)
        saved = 0
        for _ in range(500):
            s.till.selling.enter(MILK)
            s.till.tender.start_tender()
            s.till.tender.pay_cash(Money.of("5", EUR))
            _wait(s, lambda: s.checkout.sale is None or any("disk is full" in str(n) for n in notices),
                  what="the sale saved or a full disk named")
            if s.checkout.sale is not None:
                break
            saved += 1
        else:
            pytest.fail("the disk never filled up")
        assert saved >= 1, "no sale fitted before the disk was full"
        stuck = s.checkout.sale
        assert stuck.state is SaleState.COMPLETED
        _wait(s, lambda: len(_printed(paper)) == saved, what="the saved sales' receipts")
        time.sleep(0.5)  # would the unsaved one print now? it must not
        s.dispatch.run_pending()
        assert int(stuck.receipt_no) not in _printed(paper), "an unsaved sale was printed"
        assert "drawer_opened" not in [e.kind for e in stuck.events], "drawer opened for an unsaved sale"
        assert not any("rollback" in str(n) for n in notices)

        os.unlink(small_disk / "ballast")
        _wait(s, lambda: s.checkout.sale is None, what="the sale saved once space was freed")
        _wait(s, lambda: int(stuck.receipt_no) in _printed(paper), what="its receipt")
        assert "drawer_opened" in [e.kind for e in stuck.events]
    finally:
        s.close()

    build_services(data, demo=True).close()  # a cashier's restart
    con = sqlite3.connect(data / "posdesk.db")
    try:
        stored = dict(con.execute(
            "select s.receipt_no, (select count(*) from payment p where p.sale_id = s.id) "
            "from sale s where s.state = 'completed'").fetchall())
    finally:
        con.close()
    printed = _printed(paper)
    assert printed == list(range(1, saved + 2)), "receipt numbers printed with a gap or twice"
    for number in printed:
        assert number in stored, f"receipt {number} was printed but is not in the database"
        assert stored[number] >= 1, f"receipt {number} is stored without its payment"
    assert sorted(stored) == printed
