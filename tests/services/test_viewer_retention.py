"""Legal hold and retention from the viewer: a held clip survives the purge, the preview
deletes nothing, everything is audited."""
from __future__ import annotations

import pytest

from posdesk.core.clock import ManualClock
from posdesk.core.sale_search import SearchFilter
from posdesk.db.audit import audit_entries
from posdesk.recording.evidence.chain import EvidenceChain
from posdesk.recording.evidence.layout import ClipLayout
from posdesk.recording.evidence.manifest import JournalDigest, NoClipReason, SaleRef
from posdesk.services.viewer import ReasonRequired, ViewerLocked, open_viewer
from posdesk.services.viewer_retention import Retention

from ..recorded_lane import PASSPHRASE

pytestmark = pytest.mark.slow


def test_hold_preview_purge_and_audit(lane):
    viewer = open_viewer(lane)
    later = _far_future()
    _a_sale_recorded_at(lane, later)
    retention = Retention(data_dir=lane.data_dir, lane="L1", keys=lane.keys,
                          recordings=lane.recordings,
                          audit=lambda user, action, **d: viewer.audit(action, **d),
                          guard=viewer.require_unlocked, clock=later)
    with pytest.raises(ViewerLocked):
        retention.purge(30, user="Max", preview=True)
    viewer.unlock(PASSPHRASE, user="Max")
    sales = viewer.search(SearchFilter())
    held = sales[0].id
    with pytest.raises(ReasonRequired):
        retention.set_hold(held, True, reason=" ", user="Max")
    assert retention.set_hold(held, True, reason="court order 12/26", user="Max")
    preview = retention.purge(30, user="Max", preview=True)
    assert held in preview.held and len(preview.sale_ids) == len(sales) - 1
    clips = [lane.data_dir / lane.recordings.get(s.id).clip_path for s in sales]
    assert all(c.exists() for c in clips)  # the preview deleted nothing
    done = retention.purge(30, user="Max")
    assert set(done.sale_ids) == set(preview.sale_ids)
    for sale, clip in zip(sales, clips, strict=True):
        assert clip.exists() == (sale.id == held)
    statuses = {s.id: s.recording for s in viewer.search(SearchFilter())}
    assert statuses[held] == "complete" and list(statuses.values()).count("purged") == len(sales) - 1
    lane.writer.flush(timeout=10)
    actions = [r.action for r in audit_entries(100)]
    assert {"legal_hold", "purge_preview", "purge"} <= set(actions)


def _far_future():
    from datetime import datetime, timezone
    return ManualClock(datetime(2030, 1, 1, tzinfo=timezone.utc))


def _a_sale_recorded_at(lane, clock) -> None:
    """Years pass the way they do on a lane, with sales in its chain: a clip's age is measured
    against the chain's newest entry, so a clock set forward alone purges nothing."""
    chain = EvidenceChain(ClipLayout(lane.data_dir), "L1", lane.keys, clock)
    now = clock.now()
    chain.record_no_clip(SaleRef("a-later-sale", "L1", "999"), started=now, ended=now,
                         journal=JournalDigest.of(b"", 0), reason=NoClipReason.RECORDER_DOWN)
