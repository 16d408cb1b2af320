"""A recorded demo lane, and the tools of an attacker who can write its files.

The lane is recorded once per session through the real demo (real window, recorder, clips);
each attack works on its own copy. The attacker's tools use the lane's own code and key,
as someone with the PC's login could.
"""
from __future__ import annotations

import hashlib
import json
import shutil
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest

from posdesk.core.journal import canonical_bytes
from posdesk.db import sale_rows
from posdesk.db.database import close_database, open_database
from posdesk.db.models import JournalEventRow
from posdesk.recording.evidence.manifest import Entry
from posdesk.recording.evidence.signing import SIGNATURE_MEMBER, Signer, sign_body
from posdesk.recording.evidence.witnesses import WitnessBook

from ..test_cli import posdesk
from ..ui.conftest import pin_only_services, services, window  # noqa: F401 - real lanes and window (PIN attacks)

#: The demo's manager passphrase, as the README gives it.
PASSPHRASE = "demo-manager"
LANE = "L1"


@pytest.fixture(scope="session")
def recorded_lane(tmp_path_factory) -> Path:
    data = tmp_path_factory.mktemp("attacked-lane")
    for key, value in (("recording.width", "160"), ("recording.height", "120"),
                       ("recording.fps", "10"), ("recording.preroll_s", "1"),
                       ("recording.postroll_s", "1")):
        posdesk(data, "config", "set", key, value)
    posdesk(data, "demo", "--sales", "4", "--headless", "--seed", "3")
    return data


@pytest.fixture
def lane(recorded_lane: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "lane"
    shutil.copytree(recorded_lane, copy)
    (copy / "pass.txt").write_text(PASSPHRASE + "\n")
    return copy


def verify(data: Path, *args: str):
    return posdesk(data, "verify", *args, check=False)


def head_witness(data: Path) -> str:
    """The chain head as a Z report prints it, taken before the attack."""
    head = WitnessBook(data).head(LANE)
    assert head is not None
    return str(head)


def chain_lines(data: Path) -> list[bytes]:
    return (data / "clips" / f"{LANE}.chain.jsonl").read_bytes().splitlines()


def sales(data: Path) -> list[dict[str, Any]]:
    return json.loads(posdesk(data, "sales", "list", "--json").stdout)


@contextmanager
def database(data: Path) -> Iterator[Any]:
    db = open_database(data / "posdesk.db")
    try:
        yield db
    finally:
        close_database()


def resign_chain(data: Path, signer: Signer,
                 edit: Callable[[dict[str, Any]], None] = lambda body: None) -> None:
    """Rewrite every entry (after `edit`), binding the journals as the database now holds
    them, relinked and signed by `signer`: what a thief holding a lane key can do."""
    log_path = data / "clips" / f"{LANE}.chain.jsonl"
    prev = None
    out = []
    with database(data):
        for raw in log_path.read_bytes().splitlines():
            body = json.loads(raw)
            body.pop(SIGNATURE_MEMBER)
            edit(body)
            if "journal" in body:
                rows = (JournalEventRow.select().where(JournalEventRow.sale == body["sale"])
                        .order_by(JournalEventRow.seq).limit(body["journal"]["events"]))
                journal = canonical_bytes(sale_rows.event_from_row(r) for r in rows)
                body["journal"]["sha256"] = hashlib.sha256(journal).hexdigest()
            body["prev"] = prev
            signed = sign_body(body, signer)
            entry = Entry.parse(signed)
            prev = entry.hash
            (data / entry.file).write_bytes(signed)
            out.append(signed)
    log_path.write_bytes(b"".join(line + b"\n" for line in out))
