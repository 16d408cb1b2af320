"""Rewriting a lane's history with file access: each attack is caught by verify, which names
the first broken item, or needs an outside anchor that it then names."""
from __future__ import annotations

import base64
import json

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from posdesk.core.clock import SystemClock
from posdesk.core.sale import Sale
from posdesk.db import sale_rows
from posdesk.db.models import JournalEventRow, SaleLine
from posdesk.db.models import Sale as SaleRow
from posdesk.db.sales import SaleStore
from posdesk.recording.endorsements import (lane_key_statement, new_document,
                                            recipients_statement, sign_statement)
from posdesk.recording.evidence.signing import key_id_for
from posdesk.recording.keys import KeyStore

from .conftest import (LANE, chain_lines, database, head_witness, resign_chain, sales,
                       verify)

pytestmark = pytest.mark.slow


def _first_line_of_first_sale(data):
    sale_id = next(s for s in sales(data) if s["state"] == "completed")["id"]
    return sale_id


def test_journal_price_edited_and_chain_resigned_is_caught_by_a_witness(lane):
    witness = head_witness(lane)
    sale_id = _first_line_of_first_sale(lane)
    with database(lane):
        event = (JournalEventRow.select().where(JournalEventRow.sale == sale_id,
                                                JournalEventRow.kind == "line_added").first())
        event.data = {**event.data, "unit_price": 1}
        event.save()
        # The thorough attacker makes the rows agree with the edited journal too.
        sale = Sale.replay(SaleStore().load_events(sale_id), SystemClock())
        SaleRow.update(**sale_rows.sale_fields(sale)).where(SaleRow.id == sale_id).execute()
        SaleStore()._replace_rows(sale)
    resign_chain(lane, KeyStore(lane / "keys"))

    alone = verify(lane)
    assert alone.returncode == 0
    assert "could not check the lane against an outside anchor" in alone.stdout
    caught = verify(lane, "--witness", witness)
    assert caught.returncode == 1
    assert "witness-mismatch" in caught.stdout and "history rewritten" in caught.stdout


def test_new_lane_key_with_forged_endorsements_is_caught_by_the_pinned_manager_key(lane):
    pinned = KeyStore(lane / "keys").manager_fingerprint
    keys_dir = lane / "keys"
    thief, thief_manager = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
    raw = thief.public_key().public_bytes_raw()
    (keys_dir / "lane-keys.json").write_text(json.dumps({"version": 1, "keys": [{
        "key_id": key_id_for(raw), "public_key": base64.b64encode(raw).decode(),
        "created": "2026-01-01T00:00:00+00:00"}]}))
    from cryptography.hazmat.primitives import serialization
    (keys_dir / "lane-signing.pem").write_bytes(thief.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption()))
    old = json.loads((keys_dir / "endorsements.json").read_text())
    recipients = [s["statement"]["recipients"] for s in old["statements"]
                  if s["statement"]["kind"] == "recipients"][-1]
    forged = new_document(thief_manager)
    forged["statements"] = [sign_statement(thief_manager, lane_key_statement(raw, "now")),
                            sign_statement(thief_manager, recipients_statement(recipients, "now"))]
    (keys_dir / "endorsements.json").write_text(json.dumps(forged))
    resign_chain(lane, KeyStore(keys_dir))

    alone = verify(lane)
    assert alone.returncode == 0 and "could not check the lane against an outside anchor" in alone.stdout
    caught = verify(lane, "--manager-key", pinned)
    assert caught.returncode == 1
    assert "first: lane: manager-key-mismatch" in caught.stdout and pinned in caught.stdout


def test_new_lane_key_without_the_manager_is_named_unendorsed(lane):
    keys_dir = lane / "keys"
    store = KeyStore(keys_dir)
    thief = Ed25519PrivateKey.generate()
    raw = thief.public_key().public_bytes_raw()
    (keys_dir / "lane-keys.json").write_text(json.dumps({"version": 1, "keys": [{
        "key_id": key_id_for(raw), "public_key": base64.b64encode(raw).decode(),
        "created": "2026-01-01T00:00:00+00:00"}]}))

    class ThiefSigner:
        key_id = key_id_for(raw)

        def sign(self, data: bytes) -> bytes:
            return thief.sign(data)
    resign_chain(lane, ThiefSigner())
    caught = verify(lane, "--manager-key", store.manager_fingerprint)
    assert caught.returncode == 1
    assert "first: entry 1" in caught.stdout and "unendorsed-key" in caught.stdout


def test_sale_total_and_line_prices_updated_in_the_database_are_named(lane):
    sale = next(s for s in sales(lane) if s["state"] == "completed")
    with database(lane):
        SaleRow.update(total_minor=99).where(SaleRow.id == sale["id"]).execute()
        SaleLine.update(unit_price_minor=99).where(SaleLine.sale == sale["id"]).execute()
    caught = verify(lane)
    assert caught.returncode == 1
    assert "sale-rows-mismatch" in caught.stdout and sale["id"] in caught.stdout
    assert "sale.total_minor is 99 in the database" in caught.stdout


def test_last_sale_deleted_with_its_clip_manifest_and_chain_line_is_named(lane):
    newest = max((s for s in sales(lane) if s["receipt_no"]), key=lambda s: s["receipt_no"])
    lines = chain_lines(lane)
    last = json.loads(lines[-1])
    assert last["sale"] == newest["id"]
    (lane / "clips" / f"{LANE}.chain.jsonl").write_bytes(b"".join(ln + b"\n" for ln in lines[:-1]))
    (lane / last["file"]).unlink()
    if last.get("clip"):
        (lane / last["clip"]["file"]).unlink()
    with database(lane):
        SaleRow.delete().where(SaleRow.id == newest["id"]).execute()
    caught = verify(lane)
    assert caught.returncode == 1
    assert "receipt-missing" in caught.stdout
    assert f"receipt number(s) {newest['receipt_no']} of lane {LANE}" in caught.stdout


def test_last_two_entries_dropped_and_sales_suspended_is_named(lane):
    lines = chain_lines(lane)
    dropped = [json.loads(ln) for ln in lines[-2:]]
    (lane / "clips" / f"{LANE}.chain.jsonl").write_bytes(b"".join(ln + b"\n" for ln in lines[:-2]))
    with database(lane):
        SaleRow.update(state="suspended").where(
            SaleRow.id.in_([d["sale"] for d in dropped])).execute()
    caught = verify(lane)
    assert caught.returncode == 1 and "receipt-missing" in caught.stdout


def test_lane_renamed_then_old_lane_clip_tampered_is_refused_or_named(lane):
    from posdesk.services.config import Config
    clip = next(s for s in sales(lane) if s["recording"] and s["recording"]["clip"])["recording"]["clip"]
    config = Config(lane / "posdesk.toml")
    config.set("lane.id", "L2")
    config.save()
    blob = bytearray((lane / clip).read_bytes())
    blob[len(blob) // 2] ^= 0xFF
    (lane / clip).write_bytes(bytes(blob))
    caught = verify(lane)
    assert caught.returncode == 1
    # The database knows it is lane L1's: the renamed lane does not even open. Were it to,
    # every lane found in the data directory is verified, L1's tampered clip included.
    refused = "belongs to lane L1, not to this lane (L2)" in caught.stderr
    named = f"lane {LANE}:" in caught.stdout and "clip-edited" in caught.stdout
    assert refused or named, caught.stdout + caught.stderr
    assert caught.stderr.count("\n") <= 1


def test_recipient_added_to_the_files_is_not_sealed_to(lane):
    from posdesk.recording.age import X25519Identity
    store = KeyStore(lane / "keys")
    endorsed = store.recipients()
    thief = X25519Identity.generate()
    with open(lane / "keys" / "auditors.txt", "a") as f:
        f.write(f"{thief.recipient()}\n")
    (lane / "keys" / "manager.pub").write_text(f"{X25519Identity.generate().recipient()}\n")
    assert KeyStore(lane / "keys").recipients() == endorsed  # new clips: the manager only


def test_clip_sealed_to_an_unendorsed_recipient_is_named(lane):
    from posdesk.recording.age import X25519Identity
    thief = str(X25519Identity.generate().recipient())

    def add_thief(body):
        if body.get("clip"):
            body["clip"]["recipients"] = [*body["clip"]["recipients"], thief]
    resign_chain(lane, KeyStore(lane / "keys"), add_thief)
    caught = verify(lane)
    assert caught.returncode == 1 and "unendorsed-recipients" in caught.stdout


def test_audit_log_deleted_is_named(lane):
    with database(lane) as db:
        db.execute_sql("DELETE FROM audit_log")
    caught = verify(lane)
    assert caught.returncode == 1
    assert "audit-broken" in caught.stdout and "rows deleted" in caught.stdout


def test_audit_row_deleted_in_the_middle_is_named(lane):
    with database(lane) as db:
        (count,) = db.execute_sql("SELECT count(*) FROM audit_log").fetchone()
        assert count >= 3
        db.execute_sql("DELETE FROM audit_log WHERE id = (SELECT min(id) + 1 FROM audit_log)")
    caught = verify(lane)
    assert caught.returncode == 1 and "does not follow the row before it" in caught.stdout
