"""Retention purges old clips, keeps manifests, tombstones them, and obeys legal holds."""
from __future__ import annotations

from datetime import timedelta

import pytest

from posdesk.recording.evidence.purge_safety import PurgeRefused
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
    lane.sale_with_clip("0002")
    result = purge_expired(lane.chain, keep=KEEP, legal_holds={"sale-0001"})
    assert result.purged == [] and result.held == ["sale-0001"]
    assert lane.layout.resolve(held.clip["file"]).exists()
    assert lane.chain.head[0] == 2


def test_second_purge_run_finds_nothing_more_to_do(lane):
    lane.sale_with_clip("0001")
    lane.advance_days(31)
    lane.sale_with_clip("0002")
    assert len(purge_expired(lane.chain, keep=KEEP).purged) == 1
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


@pytest.mark.parametrize("days", [-1, 0])
def test_purge_refuses_a_keep_period_under_one_day_and_deletes_nothing(lane, days):
    clip = lane.sale_with_clip("0001")
    lane.advance_days(2)
    lane.sale_with_clip("0002")
    with pytest.raises(PurgeRefused, match="at least 1 day"):
        purge_expired(lane.chain, keep=timedelta(days=days))
    assert lane.layout.resolve(clip.clip["file"]).exists()
    assert lane.chain.head[0] == 2


def test_clock_jumped_forward_100_days_purges_nothing_even_after_new_sales(lane):
    young = lane.sale_with_clip("0001")
    lane.clock.set_wall(lane.clock.now().utc + timedelta(days=100))
    lane.sale_with_clip("0002")  # recorded with the wrong clock
    result = purge_expired(lane.chain, keep=KEEP)
    assert result.purged == []
    assert lane.layout.resolve(young.clip["file"]).exists()
    (step,) = result.clock_steps
    assert step.seq == 2 and not step.backwards and step.step > timedelta(days=99)


def test_clock_jumped_forward_without_new_sales_purges_nothing(lane):
    young = lane.sale_with_clip("0001")
    lane.clock.set_wall(lane.clock.now().utc + timedelta(days=100))
    assert purge_expired(lane.chain, keep=KEEP).purged == []
    assert lane.layout.resolve(young.clip["file"]).exists()


def test_clock_set_back_is_reported_and_only_keeps_clips_longer(lane):
    old = lane.sale_with_clip("0001")
    lane.advance_days(40)
    lane.clock.set_wall(lane.clock.now().utc - timedelta(days=20))
    lane.sale_with_clip("0002")
    result = purge_expired(lane.chain, keep=KEEP)
    assert result.purged == []  # 40 days by the timeline, but only 20 by the clock now
    assert lane.layout.resolve(old.clip["file"]).exists()
    (step,) = result.clock_steps
    assert step.backwards and step.seq == 2
    lane.advance_days(11)
    lane.sale_with_clip("0003")
    assert [e.sale_id for e in purge_expired(lane.chain, keep=KEEP).purged] == ["sale-0001"]


def test_forward_jump_is_not_taken_back_in_by_a_reboot(lane):
    young = lane.sale_with_clip("0001")
    lane.clock.advance(seconds=2 * 3600)
    lane.clock.set_wall(lane.clock.now().utc + timedelta(days=100))
    lane.sale_with_clip("0002")
    lane.clock.reboot()
    lane.clock.advance(seconds=60)
    lane.sale_with_clip("0003")
    assert purge_expired(lane.chain, keep=KEEP).purged == []
    assert lane.layout.resolve(young.clip["file"]).exists()
