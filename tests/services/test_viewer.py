"""The viewer's use cases on a recorded demo lane: unlock, search, open, verify, audit."""
from __future__ import annotations

import pytest

from posdesk.core.clock import ManualClock
from posdesk.core.sale_marks import Mark
from posdesk.core.sale_search import ClipProblem, SearchFilter
from posdesk.db.audit import audit_entries
from posdesk.services.viewer import (ViewerLocked, WrongViewerPassphrase, open_viewer)
from posdesk.services.viewer_badge import BadgeState

from ..recorded_lane import PASSPHRASE

pytestmark = pytest.mark.slow


@pytest.fixture
def clock():
    return ManualClock()


@pytest.fixture
def viewer(lane, clock):
    return open_viewer(lane, clock=clock)


def _audit_actions(lane):
    lane.writer.flush(timeout=10)
    return [row.action for row in audit_entries(200)]


def test_wrong_passphrase_is_refused_counted_and_audited(viewer, lane):
    for n in (1, 2):
        with pytest.raises(WrongViewerPassphrase) as refused:
            viewer.unlock("not it", user="Max")
        assert refused.value.failures == n
    assert not viewer.unlocked
    with pytest.raises(ViewerLocked):
        viewer.search(SearchFilter())
    viewer.unlock(PASSPHRASE, user="Max")
    assert viewer.unlocked
    assert _audit_actions(lane).count("viewer_unlock_refused") == 2


def test_identity_is_dropped_after_the_idle_timeout(viewer, clock):
    viewer.unlock(PASSPHRASE, user="Max")
    clock.advance(viewer.idle_timeout_s - 1)
    assert viewer.search(SearchFilter())  # use keeps it alive
    clock.advance(viewer.idle_timeout_s - 1)
    assert viewer.unlocked
    clock.advance(2)
    assert not viewer.unlocked
    with pytest.raises(ViewerLocked):
        viewer.open_sale("anything")


def test_filters_find_the_demo_sales(viewer):
    viewer.unlock(PASSPHRASE, user="Max")
    every = viewer.search(SearchFilter())
    assert len(every) == 3
    voided = viewer.search(SearchFilter(marks=frozenset({Mark.VOIDED})))
    assert [s.state for s in voided] == ["voided"]
    card = viewer.search(SearchFilter(tender="card"))
    assert card and all("card" in s.tenders for s in card)
    receipt = viewer.search(SearchFilter(receipt_no=2))
    assert [s.receipt_no for s in receipt] == [2]
    cheap = min(s.total_minor for s in every)
    assert [s.total_minor for s in viewer.search(SearchFilter(max_total_minor=cheap))] == [cheap]
    assert viewer.search(SearchFilter(cashier="Anna")) and not viewer.search(SearchFilter(cashier="Max"))
    assert not viewer.search(SearchFilter(clip_problems=frozenset({ClipProblem.MISSING})))


def test_open_sale_decrypts_in_memory_and_verifies(viewer, lane):
    viewer.unlock(PASSPHRASE, user="Max")
    sale = viewer.search(SearchFilter(receipt_no=1))[0]
    evidence = viewer.open_sale(sale.id)
    assert evidence.badge.state is BadgeState.VERIFIED and evidence.badge.ok
    assert evidence.clip and evidence.clip[4:8] == b"ftyp"
    assert evidence.duration_s > 1
    offsets = [j.offset_s for j in evidence.journal]
    assert all(o is not None and 0 <= o <= evidence.duration_s + 1 for o in offsets)
    assert offsets == sorted(offsets)
    receipt = "\n".join(evidence.receipt)
    assert "posdesk demo store" in receipt and f"sale={sale.id}" in receipt
    assert "9.56" in receipt  # the total the customer paid


def test_a_tampered_clip_turns_the_badge_and_says_why(viewer, lane):
    viewer.unlock(PASSPHRASE, user="Max")
    sale = viewer.search(SearchFilter(receipt_no=1))[0]
    clip = lane.data_dir / lane.recordings.get(sale.id).clip_path
    blob = bytearray(clip.read_bytes())
    blob[len(blob) // 2] ^= 0x01
    clip.write_bytes(bytes(blob))
    badge = viewer.open_sale(sale.id).badge
    assert badge.state is BadgeState.TAMPERED and not badge.clip_ok
    assert any("clip-edited" in r for r in badge.reasons), badge.reasons


def test_exception_report_counts_marks_and_no_sale_openings(viewer, lane):
    from posdesk.db.audit import audit
    lane.writer.submit(lambda: audit("Anna", "no_sale", approved_by=None))
    lane.writer.flush(timeout=10)
    viewer.unlock(PASSPHRASE, user="Max")
    report = viewer.exception_report("cashier")
    assert report.counts[("Anna", Mark.VOIDED)] == 1
    assert report.counts[("Anna", Mark.NO_SALE)] == 1
    voided = next(r for r in report.rows if r.mark is Mark.VOIDED)
    evidence = viewer.open_sale(voided.sale_id)
    assert any(j.seq == voided.seq and j.kind == "sale_voided" for j in evidence.journal)
