"""Retention classes: each flagged class keeps its clips for its own period, ordinary sales
go first, legal hold outlasts them all; every purge leaves a tombstone and a whole chain."""
from __future__ import annotations

from datetime import timedelta

from posdesk.core.retention import RetentionPolicy, classify
from posdesk.recording.evidence.manifest import TOMBSTONE_TYPE
from posdesk.recording.evidence.retention import purge_expired

#: Receipt -> the journal events that flag it (none: an ordinary sale).
SALES = {
    "0001": [],
    "0002": [("line_added", {"sku": "POL-1", "category": "insurance"})],
    "0003": [("age_confirmed", {"sku": "WHISKY", "min_age": 18})],
    "0004": [("sale_started", {"kind": "return"})],
    "0005": [("line_voided", {"line_id": 1, "approved_by": "max"})],
    "0006": [("price_overridden", {"line_id": 2, "price": 100, "approved_by": "max"})],
    "0007": [],  # ordinary, but on legal hold
}


def _purge(lane, policy) -> list[str]:
    """Sale ids of this test's sales that the purge took (the later sales are only there to
    move the chain's time on)."""
    def keep_for(sale_id: str) -> timedelta:
        return policy.keep_for(classify(lane.journals.events[sale_id]))
    result = purge_expired(lane.chain, keep=timedelta(days=30), legal_holds={"sale-0007"},
                           keep_for=keep_for)
    assert [s for s in result.held if s[-4:] in SALES] in ([], ["sale-0007"])
    return sorted(e.sale_id for e in result.purged if e.sale_id[-4:] in SALES)


def _days_pass(lane, days: int) -> None:
    # Ages are measured against the chain's newest entry (a clock set forward purges
    # nothing), so time passes the way it does on a lane: with sales in it.
    lane.advance_days(days)
    lane.sale_with_clip(f"9{len(list(lane.chain.entries())):03d}")


def _on_disk(lane, entries):
    return sorted(e.sale_id[-4:] for e in entries if lane.layout.resolve(e.clip["file"]).exists())


def test_each_class_is_purged_after_its_own_period_and_tombstoned(lane):
    entries = [lane.sale_with_clip(receipt, extra=extra) for receipt, extra in SALES.items()]
    policy = RetentionPolicy()  # ordinary 30 days, refund/void/override 1 year, regulated 10

    _days_pass(lane, 29)
    assert _purge(lane, policy) == []
    _days_pass(lane, 2)
    assert _purge(lane, policy) == ["sale-0001"]
    assert _on_disk(lane, entries) == ["0002", "0003", "0004", "0005", "0006", "0007"]

    _days_pass(lane, 365 - 31 + 1)
    assert _purge(lane, policy) == ["sale-0004", "sale-0005", "sale-0006"]
    assert _on_disk(lane, entries) == ["0002", "0003", "0007"]

    _days_pass(lane, 3653 - 366)
    assert _purge(lane, policy) == ["sale-0002", "sale-0003"]
    assert _on_disk(lane, entries) == ["0007"]  # legal hold overrides every class

    tombstoned = {e.body["purges"]["seq"] for e in lane.chain.entries() if e.kind == TOMBSTONE_TYPE}
    assert {e.seq for e in entries if e.sale_id != "sale-0007"} <= tombstoned
    assert all(lane.layout.resolve(e.file).exists() for e in entries)  # manifests stay
    report = lane.verify()
    assert report.ok, report.summary()
    assert report.counts["purged"] >= 6  # ours, and the later ordinary sales' in time


def test_a_shorter_configured_period_purges_that_class_sooner(lane):
    refund = lane.sale_with_clip("0001", extra=SALES["0004"])
    insurance = lane.sale_with_clip("0002", extra=SALES["0002"])
    policy = RetentionPolicy({**RetentionPolicy().keep_days, "refund": 60})
    _days_pass(lane, 61)
    assert _purge(lane, policy) == ["sale-0001"]
    assert not lane.layout.resolve(refund.clip["file"]).exists()
    assert lane.layout.resolve(insurance.clip["file"]).exists()
