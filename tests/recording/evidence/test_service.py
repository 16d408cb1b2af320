"""The evidence service signs each sale once, whatever the recorder did; no process runs.

The recorder's side is played by hand: what it would report (`clip_report`,
`recorder_ready`, `recorder_died`) is called directly, and what the service asks of it is
collected. Chain, clip files and pending notes are real.
"""
from __future__ import annotations

import os
import time

import pytest

from posdesk.core.journal import canonical_bytes
from posdesk.recording.age import SEALED_CHUNK_SIZE, AgeWriter, X25519Identity
from posdesk.recording.events import EvidenceFailed, ManifestSigned
from posdesk.recording.evidence.layout import PendingClip, clip_file
from posdesk.recording.evidence.manifest import (ClipFacts, JournalDigest, NoClipReason, SaleRef,
                                                 TrackFacts, Watermark, instant_to_dict)
from posdesk.recording.evidence.service import EvidenceService
from posdesk.recording.messages import (ClipFinalised, ClipOpened, ClipRefused, SaleEnded,
                                        SaleStarted)

from .conftest import LANE


@pytest.fixture(scope="module")
def manager() -> X25519Identity:
    return X25519Identity.generate()


class Desk:
    """The evidence service of one lane, with what it sent the recorder and reported."""

    def __init__(self, lane, on_event=None):
        self.lane = lane
        self.sent: list[object] = []
        self.events: list[object] = []
        self.service = EvidenceService(lane.chain, journal=self.digest,
                                       to_recorder=self.sent.append,
                                       on_event=on_event or self.events.append,
                                       clock=lane.clock)

    def digest(self, sale_id: str) -> JournalDigest:
        events = self.lane.journals.events.get(sale_id, [])
        return JournalDigest.of(canonical_bytes(events), len(events))

    def sale(self, receipt: str) -> SaleRef:
        sale = SaleRef(f"sale-{receipt}", LANE, receipt)
        self.lane.journals.add_sale(sale.sale_id, self.lane.clock, n=2)
        return sale

    def start(self, sale: SaleRef):
        at = self.lane.clock.now()
        self.service.sale_started(sale, at)
        return at

    def end(self, sale: SaleRef) -> None:
        self.lane.clock.advance(seconds=3)
        self.service.sale_ended(sale.sale_id, self.lane.clock.now(), "completed")

    def finished(self) -> dict[str, list]:
        """Wait for the evidence thread; the bodies signed, by sale."""
        self.service.stop()
        signed: dict[str, list] = {}
        for event in self.events:
            if isinstance(event, ManifestSigned):
                signed.setdefault(event.sale_id, []).append(event.entry.body)
        return signed


def pending_clip(lane, sale: SaleRef, manager=None, chunks: int = 0, frames: int = 40):
    """A clip the recorder opened: its pending note and a file (sealed chunks, unfinished)."""
    started = lane.clock.now()
    rel = clip_file(lane.layout.new_stem(sale, started.utc))
    facts = ClipFacts(rel, started, None, (TrackFacts("video", "h264", "cashier", 2000, frames),),
                      Watermark.BURNT_IN, ("age1manager",))
    pending = PendingClip(sale, facts)
    with lane.layout.open_clip(pending) as f:
        if manager is None:
            f.write(b"age-encryption.org/v1\n" + os.urandom(3000))
        else:
            AgeWriter(f, [manager.recipient()]).write(os.urandom(chunks * SEALED_CHUNK_SIZE))
    return pending


def finalised(lane, pending: PendingClip) -> ClipFinalised:
    lane.clock.advance(seconds=1)
    clip = ClipFacts(pending.clip.file, pending.clip.started, lane.clock.now(),
                     pending.clip.tracks, pending.clip.watermark, pending.clip.recipients)
    return ClipFinalised(pending.sale, clip)


def wait_until(condition, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.01)


@pytest.fixture
def desk(lane) -> Desk:
    return Desk(lane)


def test_a_sale_asks_for_its_clip_once_a_recorder_is_ready(desk):
    sale = desk.sale("0001")
    at = desk.start(sale)
    assert desk.sent == []
    desk.service.recorder_ready()
    desk.service.recorder_ready()  # asked already: no second request
    assert desk.sent == [SaleStarted(sale, at)]


def test_a_finalised_clip_is_signed_complete_and_its_pending_note_cleared(desk, lane):
    desk.service.recorder_ready()
    sale = desk.sale("0001")
    desk.start(sale)
    pending = pending_clip(lane, sale)
    desk.service.clip_report(ClipOpened(pending))
    desk.end(sale)
    assert isinstance(desk.sent[-1], SaleEnded) and desk.sent[-1].sale_id == sale.sale_id
    desk.service.clip_report(finalised(lane, pending))
    (body,) = desk.finished()[sale.sale_id]
    assert body["status"] == "complete" and body["journal"]["events"] == 2
    assert lane.layout.pending() == []
    assert lane.verify().ok


def test_a_clip_without_one_picture_is_signed_no_camera(desk, lane):
    desk.service.recorder_ready()
    sale = desk.sale("0001")
    desk.start(sale)
    pending = pending_clip(lane, sale, frames=0)
    desk.end(sale)
    desk.service.clip_report(finalised(lane, pending))
    (body,) = desk.finished()[sale.sale_id]
    assert (body["status"], body["reason"]) == ("no-camera", "no-camera")


@pytest.mark.parametrize("refused_before_the_end", [True, False])
def test_a_refused_clip_gives_a_no_clip_manifest_with_the_recorders_reason(
        desk, refused_before_the_end):
    desk.service.recorder_ready()
    sale = desk.sale("0001")
    desk.start(sale)
    if refused_before_the_end:
        desk.service.clip_report(ClipRefused(sale, NoClipReason.DISK_FULL))
        desk.end(sale)
    else:
        desk.end(sale)
        desk.service.clip_report(ClipRefused(sale, NoClipReason.DISK_FULL))
    (body,) = desk.finished()[sale.sale_id]
    assert (body["status"], body["reason"]) == ("no-clip", "disk-full")


def test_a_sale_that_ends_with_no_recorder_running_is_signed_recorder_down(desk):
    sale = desk.sale("0001")
    desk.start(sale)
    desk.end(sale)
    (body,) = desk.finished()[sale.sale_id]
    assert (body["status"], body["reason"]) == ("no-clip", "recorder-down")
    assert desk.sent == []


def test_a_sale_left_unrecorded_by_the_policy_is_still_chained(desk, lane):
    sale = desk.sale("0001")
    started = lane.clock.now()
    lane.clock.advance(seconds=4)
    desk.service.sale_without_clip(sale, started, lane.clock.now(), NoClipReason.POLICY)
    (body,) = desk.finished()[sale.sale_id]
    assert (body["status"], body["reason"]) == ("no-clip", "policy")
    assert lane.verify().ok


def test_a_dead_recorders_clips_are_recovered_and_the_sales_it_hit_named(desk, lane, manager):
    desk.service.recorder_ready()
    filming, waiting, done = desk.sale("0001"), desk.sale("0002"), desk.sale("0003")
    desk.start(filming)
    pending = pending_clip(lane, filming, manager, chunks=3)
    desk.service.clip_report(ClipOpened(pending))
    desk.start(waiting)
    desk.end(waiting)  # ended while its clip was asked for and never opened
    desk.start(done)
    done_clip = pending_clip(lane, done)
    desk.end(done)
    desk.service.clip_report(finalised(lane, done_clip))
    wait_until(lambda: any(isinstance(e, ManifestSigned) for e in desk.events))
    desk.sent.clear()

    died = lane.clock.now()
    hit = desk.service.recorder_died(died)

    assert set(hit) == {filming.sale_id, waiting.sale_id}
    desk.service.recorder_ready()  # the next recorder films the rest of the open sale
    assert [m.sale for m in desk.sent if isinstance(m, SaleStarted)] == [filming]
    signed = desk.finished()
    (recovered,) = signed[filming.sale_id]
    assert (recovered["status"], recovered["reason"]) == ("truncated", "recorder-down")
    assert recovered["end"] == instant_to_dict(died)  # the clip ends where the recorder died
    (missed,) = signed[waiting.sale_id]
    assert (missed["status"], missed["reason"]) == ("no-clip", "recorder-down")
    assert [b["status"] for b in signed[done.sale_id]] == ["complete"]
    assert lane.layout.pending() == []


def test_clips_left_by_a_power_cut_are_signed_once_even_across_a_second_crash(lane, manager):
    ours = pending_clip(lane, SaleRef("sale-0001", LANE, "0001"), manager, chunks=2)
    others = pending_clip(lane, SaleRef("sale-0009", "lane-9", "0009"), manager, chunks=2)
    first = Desk(lane)
    first.service.recover_dead_clips(None)
    (body,) = first.finished()["sale-0001"]
    assert body["status"] == "truncated"
    assert lane.layout.pending() == [others]  # another lane's clip is not ours to sign

    # A crash after the manifest reached the chain, before the note was cleared: the next
    # start finds the note again and must not sign the clip a second time.
    lane.layout.write_pending(ours)
    again = Desk(lane)
    again.service.recover_dead_clips(None)
    assert again.finished()["sale-0001"] == [body]
    assert [e.sale_id for e in lane.chain.entries()] == ["sale-0001"]
    assert lane.layout.pending() == [others]


def test_a_manifest_that_cannot_be_signed_is_reported(desk, lane):
    desk.service.recorder_ready()
    sale = desk.sale("0001")
    desk.start(sale)
    pending = pending_clip(lane, sale)
    lane.layout.resolve(pending.clip.file).unlink()  # the clip is gone before it is hashed
    desk.end(sale)
    desk.service.clip_report(finalised(lane, pending))
    assert desk.finished() == {}
    (failed,) = desk.events
    assert isinstance(failed, EvidenceFailed) and failed.sale_id == sale.sale_id


def test_a_faulty_listener_does_not_stop_the_signing(lane):
    seen = []

    def faulty(event) -> None:
        seen.append(event)
        raise RuntimeError("listener bug")

    desk = Desk(lane, on_event=faulty)
    for receipt in ("0001", "0002"):
        sale = desk.sale(receipt)
        desk.start(sale)
        desk.end(sale)
    desk.service.stop()
    assert [e.sale_id for e in seen] == ["sale-0001", "sale-0002"]
    assert len(list(lane.chain.entries())) == 2
