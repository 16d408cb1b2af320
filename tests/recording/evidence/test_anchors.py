"""check_anchors: the chain against the manager key's endorsements and against witnesses."""
from __future__ import annotations

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from posdesk.recording.endorsements import (check_document, lane_key_statement, new_document,
                                            recipients_statement, sign_statement)
from posdesk.recording.evidence.anchors import Witness, check_anchors
from posdesk.recording.evidence.verify import Problem


def _endorsing(lane, recipients=("age1manager",)):
    manager = Ed25519PrivateKey.generate()
    document = new_document(manager)
    document["statements"] = [sign_statement(manager, lane_key_statement(lane.signer.public_raw, "t")),
                              sign_statement(manager, recipients_statement(list(recipients), "t"))]
    return check_document(document)


def _three_sales(lane):
    for receipt in ("1", "2", "3"):
        lane.sale_with_clip(receipt)


def test_pinned_manager_key_anchors_an_endorsed_chain(lane):
    _three_sales(lane)
    endorsed = _endorsing(lane, recipients=lane.chain.entries().__next__().clip["recipients"])
    report = lane.verify()
    check_anchors(report, endorsements=endorsed, pinned=endorsed.fingerprint)
    assert report.ok and report.unanchored is None
    assert report.summary().endswith("chain intact; anchored")


def test_without_anchor_the_summary_says_so(lane):
    _three_sales(lane)
    endorsed = _endorsing(lane, recipients=lane.chain.entries().__next__().clip["recipients"])
    report = lane.verify()
    check_anchors(report, endorsements=endorsed, pinned=None)
    assert report.ok
    assert "could not check the lane against an outside anchor" in report.summary()


def test_other_manager_key_is_named_first(lane):
    _three_sales(lane)
    endorsed = _endorsing(lane)
    report = lane.verify()
    check_anchors(report, endorsements=endorsed, pinned="ed25519:0123456789abcdef")
    assert report.first_broken.problem is Problem.MANAGER_KEY_MISMATCH
    assert "not by the pinned ed25519:0123456789abcdef" in str(report.first_broken)


def test_witness_of_a_rewritten_entry_is_named_at_that_entry(lane):
    _three_sales(lane)
    report = lane.verify()
    check_anchors(report, endorsements=None, pinned=None,
                  witnesses=[Witness.parse("2:00000000000000000000")])
    problems = [f for f in report.findings if f.problem is Problem.WITNESS_MISMATCH]
    assert problems[0].seq == 2 and "history rewritten" in problems[0].detail
    assert report.unanchored is None  # a witness from outside is an anchor


def test_remembered_witness_beyond_the_chain_end_is_named(lane):
    _three_sales(lane)
    head = [e for e in lane.chain.entries()][-1]
    report = lane.verify()
    check_anchors(report, endorsements=None, pinned=None,
                  remembered=[Witness(5, head.hash[:16], "Z report 9")])
    assert any("Z report 9 witnessed entry 5" in f.detail for f in report.findings)
    assert report.unanchored is not None  # the lane's own memory is no outside anchor


def test_unendorsed_recipients_are_named(lane):
    _three_sales(lane)
    endorsed = _endorsing(lane, recipients=("age1someoneelse",))
    report = lane.verify()
    check_anchors(report, endorsements=endorsed, pinned=endorsed.fingerprint)
    assert report.first_broken.problem is Problem.UNENDORSED_RECIPIENTS
    assert report.first_broken.seq == 1
