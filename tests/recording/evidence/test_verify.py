"""verify_chain names the first broken link for every kind of tampering."""
from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from posdesk.core.journal import JournalEvent
from posdesk.recording.evidence.signing import sign_body
from posdesk.recording.evidence.verify import Problem, verify_chain
from posdesk.recording.keys import KeyStore

from .conftest import LaneSigner


@pytest.fixture
def three_sales(lane):
    entries = [lane.sale_with_clip(r, size=3000) for r in ("0001", "0002", "0003")]
    return lane, entries


def flip(path, position: int) -> None:
    data = bytearray(path.read_bytes())
    data[position % len(data)] ^= 0x01
    path.write_bytes(bytes(data))


def first(report):
    f = report.first_broken
    return f.problem, f.seq


def test_untouched_chain_verifies_with_a_summary(three_sales):
    lane, _ = three_sales
    report = lane.verify()
    assert report.ok and report.entries == 3 and report.counts["complete"] == 3
    assert report.summary() == ("lane lane-1: 3 entries (3 complete): chain intact; could not "
                                "check the lane against an outside anchor (no manager key or "
                                "witness was given)")


# Each example re-verifies a lane of sealed clips (about a second): a fixed, small count in
# every profile.
settings_tamper = settings(max_examples=15, deadline=None,
                           suppress_health_check=[HealthCheck.function_scoped_fixture])


@settings_tamper
@given(position=st.integers(min_value=0, max_value=10_000))
def test_any_flipped_byte_in_a_sealed_clip_is_named(three_sales, position):
    lane, entries = three_sales
    clip = lane.layout.resolve(entries[1].clip["file"])
    flip(clip, position)
    try:
        report = lane.verify()
        assert first(report) == (Problem.CLIP_EDITED, 2)
        assert report.first_broken.file == entries[1].clip["file"]
    finally:
        flip(clip, position)


@settings_tamper
@given(position=st.integers(min_value=0, max_value=10_000))
def test_any_flipped_byte_in_a_manifest_beside_its_clip_is_named(three_sales, position):
    lane, entries = three_sales
    beside = lane.layout.resolve(entries[0].file)
    flip(beside, position)
    try:
        assert first(lane.verify()) == (Problem.MANIFEST_EDITED, 1)
    finally:
        flip(beside, position)


@settings_tamper
@given(position=st.integers(min_value=0, max_value=10_000))
def test_any_flipped_byte_in_the_chain_log_is_named_at_its_entry(three_sales, position):
    lane, entries = three_sales
    log_bytes = lane.chain.log_path.read_bytes()
    lines = log_bytes.split(b"\n")[:-1]
    target = position % (len(log_bytes) - len(lines))  # a byte that is not a line end
    line_no = next(i for i, n in enumerate(_cumulative(lines)) if target < n)
    offset = target + line_no  # skip the newlines before it
    flip(lane.chain.log_path, offset)
    try:
        report = lane.verify()
        broken = report.first_broken
        assert broken is not None
        assert broken.line == line_no + 1
        assert broken.problem in (Problem.BAD_SIGNATURE, Problem.LOG_UNREADABLE,
                                  Problem.SEQUENCE_START, Problem.SEQUENCE_GAP,
                                  Problem.SEQUENCE_ORDER, Problem.BROKEN_LINK,
                                  Problem.WRONG_LANE)
    finally:
        flip(lane.chain.log_path, offset)


def _cumulative(lines):
    total = 0
    for line in lines:
        total += len(line)
        yield total


@settings_tamper
@given(event=st.integers(min_value=0, max_value=3), price=st.integers(min_value=0))
def test_edited_journal_event_is_named(three_sales, event, price):
    lane, _ = three_sales
    events = lane.journals.events["sale-0002"]
    original = events[event]
    if original.data["price_minor"] == price:
        return
    events[event] = JournalEvent(original.seq, original.kind, original.utc, original.mono_ns,
                                 {**original.data, "price_minor": price})
    try:
        assert first(lane.verify()) == (Problem.JOURNAL_MISMATCH, 2)
    finally:
        events[event] = original


def test_reordered_journal_is_named(three_sales):
    lane, _ = three_sales
    events = lane.journals.events["sale-0003"]
    events[1], events[2] = events[2], events[1]
    assert first(lane.verify()) == (Problem.JOURNAL_MISMATCH, 3)


def test_events_appended_after_signing_do_not_break_the_signed_prefix(three_sales):
    lane, _ = three_sales
    ev = lane.journals.events["sale-0001"][-1]
    lane.journals.events["sale-0001"].append(JournalEvent(ev.seq + 1, "receipt_reprinted",
                                                          ev.utc, ev.mono_ns + 1))
    assert lane.verify().ok


def test_deleted_sale_is_named_by_its_missing_journal(three_sales):
    lane, _ = three_sales
    del lane.journals.events["sale-0002"]
    report = lane.verify()
    assert first(report) == (Problem.JOURNAL_MISSING, 2)
    assert report.first_broken.sale_id == "sale-0002"


def test_deleted_sale_and_its_manifest_break_the_chain_at_the_next_entry(three_sales):
    lane, entries = three_sales
    lines = lane.chain.log_path.read_bytes().splitlines(keepends=True)
    lane.chain.log_path.write_bytes(lines[0] + lines[2])
    lane.layout.resolve(entries[1].file).unlink()
    lane.layout.resolve(entries[1].clip["file"]).unlink()
    report = lane.verify()
    assert first(report) == (Problem.SEQUENCE_GAP, 3)
    assert "entries 2..2 are missing" in report.first_broken.detail
    assert Problem.BROKEN_LINK in {f.problem for f in report.findings}


def test_reordered_manifests_are_named(three_sales):
    lane, _ = three_sales
    lines = lane.chain.log_path.read_bytes().splitlines(keepends=True)
    lane.chain.log_path.write_bytes(lines[0] + lines[2] + lines[1])
    assert first(lane.verify())[1] == 3


def test_deleted_manifest_file_is_named(three_sales):
    lane, entries = three_sales
    lane.layout.resolve(entries[2].file).unlink()
    assert first(lane.verify()) == (Problem.MANIFEST_MISSING, 3)


def test_clip_swapped_between_two_sales_names_the_other_sale(three_sales):
    lane, entries = three_sales
    a = lane.layout.resolve(entries[0].clip["file"])
    b = lane.layout.resolve(entries[1].clip["file"])
    data_a, data_b = a.read_bytes(), b.read_bytes()
    a.write_bytes(data_b)
    b.write_bytes(data_a)
    report = lane.verify()
    assert first(report) == (Problem.CLIP_SWAPPED, 1)
    assert "sale-0002" in report.first_broken.detail
    assert [f.seq for f in report.findings] == [1, 2]


def test_deleted_clip_without_tombstone_is_named(three_sales):
    lane, entries = three_sales
    lane.layout.resolve(entries[1].clip["file"]).unlink()
    assert first(lane.verify()) == (Problem.CLIP_MISSING, 2)


def test_manifest_re_signed_by_another_key_is_named(three_sales):
    lane, entries = three_sales
    body = dict(entries[1].body)
    body.pop("signature")
    body["receipt"] = "0099"
    forged = sign_body(body, LaneSigner())
    lines = lane.chain.log_path.read_bytes().splitlines(keepends=True)
    lines[1] = forged + b"\n"
    lane.chain.log_path.write_bytes(b"".join(lines))
    lane.layout.resolve(entries[1].file).write_bytes(forged)
    report = lane.verify()
    assert first(report) == (Problem.BAD_SIGNATURE, 2)
    assert "unknown key" in report.first_broken.detail


def test_manifest_of_another_lane_is_named(three_sales):
    lane, entries = three_sales
    body = json.loads(entries[0].raw)
    assert body["lane"] == "lane-1"
    report = verify_chain(lane.layout.data_dir, "lane-2", lane.keys, lane.journals.load)
    assert report.entries == 0 and report.ok


def test_chain_signed_across_a_lane_key_rotation_verifies_with_the_key_store_history(lane,
                                                                                      tmp_path):
    store = KeyStore(tmp_path / "keys", work_factor=2)
    store.set_up("manager passphrase")
    lane.signer = store
    lane.chain = lane.reopen()
    before = lane.sale_with_clip("0001")
    store.rotate_lane_signing("manager passphrase")
    after = lane.sale_with_clip("0002")
    assert before.body["signature"]["key_id"] != after.body["signature"]["key_id"]
    report = verify_chain(lane.layout.data_dir, "lane-1", store.lane_public_keys(),
                          lane.journals.load)
    assert report.ok, report.summary()


def test_last_sale_deleted_with_its_entry_is_named_from_the_database_sale_list(three_sales):
    lane, entries = three_sales
    lines = lane.chain.log_path.read_bytes().splitlines(keepends=True)
    lane.chain.log_path.write_bytes(b"".join(lines[:2]))
    report = verify_chain(lane.layout.data_dir, "lane-1", lane.keys, lane.journals.load,
                          sale_ids=["sale-0001", "sale-0002", "sale-0003"])
    assert first(report) == (Problem.MANIFEST_MISSING, None)
    assert report.first_broken.sale_id == "sale-0003"


def test_clip_signed_complete_without_one_video_frame_is_named(lane):
    from posdesk.recording.evidence.layout import clip_file
    from posdesk.recording.evidence.manifest import ClipFacts, SaleRef, TrackFacts

    lane.sale_with_clip("0001")
    sale = SaleRef("sale-0002", "lane-1", "0002")
    started = lane.clock.now()
    digest = lane.journals.add_sale(sale.sale_id, lane.clock)
    rel = clip_file(lane.layout.new_stem(sale, started.utc))
    lane.layout.resolve(rel).write_bytes(b"age-encryption.org/v1\n")
    # What a lane with a missing camera signed before no-camera manifests existed.
    lane.chain.record_clip(sale, ClipFacts(rel, started, lane.clock.now(),
                                           (TrackFacts("video", "h264", "cashier", 0, 0),)),
                           digest)
    report = lane.verify()
    assert first(report) == (Problem.EMPTY_CLIP, 2)
    assert "no video frame" in str(report.first_broken)
