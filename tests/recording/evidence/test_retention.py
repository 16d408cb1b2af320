"""Retention purges old clips, keeps manifests, tombstones them, and obeys legal holds."""
from __future__ import annotations

from datetime import timedelta

from posdesk.recording.evidence.retention import purge_expired
from posdesk.recording.evidence.verify import Problem

KEEP = timedelta(days=30)


def test_clip_past_its_keep_period_is_deleted_and_the_chain_still_verifies(lane):
    old = lane.sale_with_clip("0001")
    lane.advance_days(31)
    recent = lane.sale_with_clip("0002")
    result = purge_expired(lane.chain, keep=KEEP)
    assert [e.sale_id for e in result.purged] == ["sale-0001"]
    assert not lane.layout.resolve(old.clip["file"]).exists()
    assert lane.layout.resolve(old.file).exists()  # the manifest stays
    assert lane.layout.resolve(recent.clip["file"]).exists()
    tomb = list(lane.chain.entries())[-1]
    assert tomb.body["purges"] == {"seq": 1, "entry": old.hash, "clip": old.clip["file"]}
    assert lane.layout.resolve(tomb.file).name == "lane-1-0001.tombstone.json"
    report = lane.verify()
    assert report.ok, report.summary()
    assert (report.counts["purged"], report.counts["complete"]) == (1, 1)


def test_sale_on_legal_hold_keeps_its_clip(lane):
    held = lane.sale_with_clip("0001")
    lane.advance_days(400)
    result = purge_expired(lane.chain, keep=KEEP, legal_holds={"sale-0001"})
    assert result.purged == [] and result.held == ["sale-0001"]
    assert lane.layout.resolve(held.clip["file"]).exists()
    assert lane.chain.head[0] == 1


def test_second_purge_run_finds_nothing_more_to_do(lane):
    lane.sale_with_clip("0001")
    lane.advance_days(31)
    purge_expired(lane.chain, keep=KEEP)
    head = lane.chain.head
    assert purge_expired(lane.chain, keep=KEEP).purged == []
    assert lane.chain.head == head


def test_clip_deleted_by_hand_is_not_mistaken_for_a_purge(lane):
    purged = lane.sale_with_clip("0001")
    deleted = lane.sale_with_clip("0002")
    lane.advance_days(31)
    purge_expired(lane.chain, keep=KEEP, legal_holds={"sale-0002"})
    lane.layout.resolve(deleted.clip["file"]).unlink()
    report = lane.verify()
    assert (report.first_broken.problem, report.first_broken.seq) == (Problem.CLIP_MISSING, 2)
    assert purged.seq == 1
