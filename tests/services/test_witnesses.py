"""Witnesses that leave the lane: the Z report's chain head and the receipt's QR code."""
from __future__ import annotations

import json
from decimal import Decimal

import pytest

from posdesk.core.clock import ManualClock
from posdesk.core.money import Money
from posdesk.core.report_rows import report_dict, report_rows
from posdesk.recording.evidence.anchors import Witness
from posdesk.recording.evidence.chain import EvidenceChain
from posdesk.recording.evidence.layout import ClipLayout
from posdesk.recording.evidence.manifest import JournalDigest, SaleRef
from posdesk.recording.evidence.witnesses import WitnessBook
from posdesk.services.build import build_services, open_config

from ..test_cli import posdesk
from .test_recording import EUR, MILK, settle, wait_for


def _sign_two_entries(services) -> tuple[int, str]:
    services.keys.work_factor = 8
    services.keys.set_up("manager passphrase")
    clock = ManualClock()
    chain = EvidenceChain(ClipLayout(services.data_dir), "L1", services.keys, clock)
    for n in (1, 2):
        chain.record_no_clip(SaleRef(f"sale-{n}", "L1", str(n)), started=clock.now(), ended=None,
                             journal=JournalDigest.of(b"", 0), reason="policy")
    seq, digest = chain.head
    return seq, digest


@pytest.mark.slow
def test_z_report_carries_the_chain_head_on_paper_and_in_json(tmp_path):
    data = tmp_path / "lane"
    services = build_services(data, demo=True)
    try:
        seq, digest = _sign_two_entries(services)
        till, eur = services.till, services.checkout.currency
        till.session.login("9999", name="Max")
        till.shifts.open_shift(Money(Decimal("100.00"), eur))
        report = till.reports.close_shift(Money(Decimal("100.00"), eur))
    finally:
        services.close()
    assert str(report.chain_head) == f"{seq}:{digest[:16]}"
    assert ("Evidence chain head", f"2:{digest[:16]}") in [(str(a), b) for a, b in report_rows(report)]
    assert report_dict(report)["chain_head"] == {"entries": 2, "hash": digest[:16]}
    assert WitnessBook(data).remembered("L1")[-1] == Witness(2, digest[:16], "Z report 1", "L1")
    printed = json.loads(posdesk(data, "report", "z", "--json").stdout)
    assert printed["chain_head"] == {"entries": 2, "hash": digest[:16]}


def test_receipt_qr_payload_is_a_witness_for_verify():
    qr = "posdesk:sale=abc;lane=L2;receipt=7;rec=r1;ev=12:0123456789abcdef"
    witness = Witness.parse(qr)
    assert (witness.seq, witness.hash_prefix, witness.lane) == (12, "0123456789abcdef", "L2")
    assert witness.source == "receipt 7 QR"
    with pytest.raises(ValueError, match="SEQ:HASH"):
        Witness.parse("12:abc")
    with pytest.raises(ValueError, match="no evidence witness"):
        Witness.parse("posdesk:sale=abc;lane=L2;receipt=7")


@pytest.mark.slow
def test_receipts_print_the_chain_head_of_the_recording_lane(tmp_path):
    config_dir = tmp_path / "lane"
    config = open_config(config_dir)
    for key, value in {"recording.width": "160", "recording.height": "120", "recording.fps": "10",
                       "recording.preroll_s": "1", "recording.postroll_s": "1",
                       "recording.mode": "rules"}.items():
        config.set(key, value)
    config.save()
    s = build_services(config_dir, demo=True, with_devices=True, with_recording=True)
    try:
        assert s.devices.printing is not None
        wait_for(s, lambda: s.recording.state.recorder_up)
        s.till.session.login("1234", name="Anna")
        s.till.selling.enter(MILK)
        s.till.tender.start_tender()
        s.till.tender.pay_cash(Money.of("5", EUR))
        settle(s)
        sale = s.checkout.last_sale
        wait_for(s, lambda: s.recordings.get(sale.id) is not None)
        head = WitnessBook(config_dir).head("L1")
        assert s.devices.printing.evidence_head() == str(head) == f"1:{head.hash_prefix}"
    finally:
        s.close()


def test_every_lane_found_in_the_data_directory_is_verified(tmp_path):
    from posdesk.services.verification import lanes_found
    clips = tmp_path / "clips"
    clips.mkdir()
    (clips / "L1.chain.jsonl").write_bytes(b"")
    (clips / "OLD_LANE.chain.jsonl").write_bytes(b"")
    assert lanes_found(tmp_path, "L2", ["L1", "L3"]) == ["L2", "L1", "L3", "OLD_LANE"]
