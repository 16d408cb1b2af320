"""Appending signed entries: links, files beside the clip, crash consistency."""
from __future__ import annotations

import json

import pytest

from posdesk.recording.evidence.errors import ClipNotFound
from posdesk.recording.evidence.layout import PendingClip, clip_file
from posdesk.recording.evidence.manifest import (ClipFacts, JournalDigest, NoClipReason,
                                                 SaleRef)

from .conftest import LANE


def test_each_manifest_links_to_the_previous_one_in_sequence(lane):
    first = lane.sale_with_clip("0001")
    second = lane.sale_with_clip("0002")
    assert (first.seq, first.body["prev"]) == (1, None)
    assert (second.seq, second.body["prev"]) == (2, first.hash)
    assert lane.chain.head == (2, second.hash)


def test_manifest_beside_the_clip_holds_sale_clip_and_journal_facts(lane):
    entry = lane.sale_with_clip("0001", size=1234)
    beside = lane.layout.resolve(entry.file)
    assert beside.name == "lane-1-0001.manifest.json"
    assert beside.parent.relative_to(lane.layout.clips_dir).as_posix() == "2026/01/02"
    doc = json.loads(beside.read_bytes())
    assert doc["status"] == "complete" and doc["receipt"] == "0001"
    assert doc["clip"]["file"] == "clips/2026/01/02/lane-1-0001.mp4.age"
    assert doc["clip"]["size"] == len(b"age-encryption.org/v1\n") + 1234
    assert doc["clip"]["watermark"] == "burnt-in"
    assert [t["frames"] for t in doc["clip"]["tracks"]] == [84, 131]
    assert doc["journal"]["events"] == 4
    assert doc["signature"]["key_id"] == lane.signer.key_id
    assert doc["start"]["mono_ns"] < doc["end"]["mono_ns"]


def test_sale_without_clip_still_gets_a_signed_manifest_with_its_reason(lane):
    sale = SaleRef("sale-9", LANE, "0009")
    digest = lane.journals.add_sale(sale.sale_id, lane.clock)
    entry = lane.chain.record_no_clip(sale, started=lane.clock.now(), ended=lane.clock.now(),
                                      journal=digest, reason=NoClipReason.DISK_FULL)
    doc = json.loads(lane.layout.resolve(entry.file).read_bytes())
    assert (doc["status"], doc["reason"], doc["clip"]) == ("no-clip", "disk-full", None)
    assert lane.verify().ok


def test_reopened_chain_continues_after_its_last_entry(lane):
    lane.sale_with_clip("0001")
    last = lane.sale_with_clip("0002")
    lane.chain = lane.reopen()
    third = lane.sale_with_clip("0003")
    assert (third.seq, third.body["prev"]) == (3, last.hash)
    assert lane.verify().ok


def test_torn_last_log_line_is_cut_and_the_chain_goes_on(lane):
    lane.sale_with_clip("0001")
    with open(lane.chain.log_path, "ab") as f:
        f.write(b'{"type":"posdesk-evidence/manifest","seq":2,"pr')
    lane.chain = lane.reopen()
    assert lane.chain.head[0] == 1
    lane.sale_with_clip("0002")
    assert lane.verify().ok


def test_manifest_lost_after_commit_is_restored_from_the_log(lane):
    entry = lane.sale_with_clip("0001")
    lane.layout.resolve(entry.file).unlink()
    lane.chain = lane.reopen()
    assert lane.layout.resolve(entry.file).read_bytes() == entry.raw
    assert lane.verify().ok


def test_pending_note_disappears_once_the_clip_has_its_manifest(lane):
    sale = SaleRef("sale-1", LANE, "0001")
    start = lane.clock.now()
    rel = clip_file(lane.layout.new_stem(sale, start.utc))
    with lane.layout.open_clip(PendingClip(sale, ClipFacts(rel, start, None))) as f:
        f.write(b"sealed")
    assert [p.sale for p in lane.layout.pending()] == [sale]
    lane.chain.record_clip(sale, ClipFacts(rel, start, lane.clock.now()),
                           JournalDigest.of(b"", 0))
    assert lane.layout.pending() == []


def test_second_clip_of_one_receipt_gets_its_own_name(lane):
    sale = SaleRef("sale-1", LANE, "0001")
    start = lane.clock.now().utc
    first = lane.layout.new_stem(sale, start)
    lane.layout.resolve(clip_file(first)).parent.mkdir(parents=True)
    lane.layout.resolve(clip_file(first)).write_bytes(b"x")
    assert lane.layout.new_stem(sale, start) == first + "-2"


def test_unsafe_characters_in_receipt_numbers_stay_out_of_paths(lane):
    stem = lane.layout.new_stem(SaleRef("s", "lane/1", "../R 7"), lane.clock.now().utc)
    assert stem.endswith("/lane_1-.._R_7") and stem.count("/") == 4


def test_manifest_for_a_clip_that_is_not_on_disk_is_refused_and_the_chain_unchanged(lane):
    sale = SaleRef("sale-1", LANE, "0001")
    with pytest.raises(ClipNotFound, match="lane-1-0001.mp4.age"):
        lane.chain.record_clip(sale, ClipFacts("clips/2026/01/02/lane-1-0001.mp4.age",
                                               lane.clock.now(), lane.clock.now()),
                               JournalDigest.of(b"", 0))
    assert lane.chain.head == (0, None)
