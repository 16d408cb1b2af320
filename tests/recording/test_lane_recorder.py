"""The lane recorder keeps the real recorder running, signs every sale, and survives kills."""
from __future__ import annotations

import os
import signal
import threading
import time

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from posdesk.core.clock import SystemClock
from posdesk.core.journal import JournalEvent, canonical_bytes
from posdesk.recording.age import AgeWriter, SEALED_CHUNK_SIZE, X25519Identity, decrypt_bytes
from posdesk.recording.errors import TruncatedPayload
from posdesk.recording.evidence.chain import EvidenceChain
from posdesk.recording.evidence.layout import ClipLayout, PendingClip, clip_file
from posdesk.recording.evidence.manifest import ClipFacts, JournalDigest, SaleRef
from posdesk.recording.evidence.signing import key_id_for
from posdesk.recording.evidence.verify import verify_chain
from posdesk.recording.media.reader import read_clip
from posdesk.recording.messages import RecorderConfig, RecorderWarning, VideoSpec, WarningCode
from posdesk.recording.events import ManifestSigned, RecorderDown, RecorderUp
from posdesk.recording.lane_recorder import LaneRecorder

LANE = "lane-3"
pytestmark = pytest.mark.slow


class LaneKey:
    def __init__(self):
        self._key = Ed25519PrivateKey.generate()
        self.public_raw = self._key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        self.key_id = key_id_for(self.public_raw)

    def sign(self, data: bytes) -> bytes:
        return self._key.sign(data)


class Till:
    """The app side of one lane: journals, chain, recorder and the events it saw."""

    def __init__(self, tmp_path, **config):
        self.clock = SystemClock()
        self.manager = X25519Identity.generate()
        self.key = LaneKey()
        self.layout = ClipLayout(tmp_path)
        self.chain = EvidenceChain(self.layout, LANE, self.key, self.clock)
        self.journals: dict[str, list[JournalEvent]] = {}
        self.events: list = []
        self.changed = threading.Condition()
        settings = dict(video=VideoSpec(width=320, height=240, fps=15), preroll_s=0.5,
                        postroll_s=0.3, preview_size=(160, 90))
        settings.update(config)
        self.recorder = LaneRecorder(
            RecorderConfig(tmp_path, LANE, (str(self.manager.recipient()),), **settings),
            chain=self.chain, journal=self.digest, on_event=self.on_event,
            heartbeat_timeout_s=2.5, restart_delays_s=(0.0, 0.5))

    def on_event(self, event) -> None:
        with self.changed:
            self.events.append(event)
            self.changed.notify_all()

    def wait_for(self, predicate, timeout=30.0):
        with self.changed:
            if not self.changed.wait_for(lambda: predicate(self.events), timeout):
                raise AssertionError(f"timed out; events: {self.events}")

    def signed(self, sale_id):
        return [e.entry for e in self.events
                if isinstance(e, ManifestSigned) and e.sale_id == sale_id]

    def journal(self, sale_id: str, kind: str, **data) -> None:
        events = self.journals.setdefault(sale_id, [])
        t = self.clock.now()
        events.append(JournalEvent(len(events) + 1, kind, t.utc, t.mono_ns, data))
        self.recorder.cue(sale_id, t.mono_ns, f"{kind} {data}")

    def digest(self, sale_id: str) -> JournalDigest:
        events = self.journals.get(sale_id, [])
        return JournalDigest.of(canonical_bytes(events), len(events))

    def load(self, sale_id: str, count: int) -> bytes | None:
        events = self.journals.get(sale_id)
        return None if events is None else canonical_bytes(events[:count])

    def start_sale(self, receipt: str) -> str:
        sale = SaleRef(f"sale-{receipt}", LANE, receipt)
        self.journals[sale.sale_id] = []
        self.recorder.sale_started(sale, self.clock.now())
        return sale.sale_id

    def clip_bytes(self, entry) -> bytes:
        return self.layout.resolve(entry.clip["file"]).read_bytes()

    def verify(self):
        return verify_chain(self.layout.data_dir, LANE, {self.key.key_id: self.key.public_raw},
                            self.load)

    def clip_file_size(self) -> int:
        return max((p.stat().st_size for p in self.layout.clips_dir.rglob("*.mp4.age")),
                   default=0)


@pytest.fixture
def till(tmp_path):
    t = Till(tmp_path)
    t.recorder.start()
    t.wait_for(lambda ev: any(isinstance(e, RecorderUp) for e in ev))
    yield t
    t.recorder.stop()


def wait_until(condition, timeout=30.0):
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.05)


def test_two_sales_get_playable_sealed_clips_and_a_chain_that_verifies(till):
    for receipt in ("0001", "0002"):
        sale_id = till.start_sale(receipt)
        till.journal(sale_id, "line_added", sku="4006381333931")
        wait_until(lambda: till.clip_file_size() > 0)
        till.journal(sale_id, "payment_approved", amount_minor=129)
        till.recorder.sale_ended(sale_id, till.clock.now(), "completed")
    till.wait_for(lambda ev: len([e for e in ev if isinstance(e, ManifestSigned)]) == 2)
    for receipt in ("0001", "0002"):
        (entry,) = till.signed(f"sale-{receipt}")
        assert entry.body["status"] == "complete" and entry.body["journal"]["events"] == 2
        clip = read_clip(decrypt_bytes(till.clip_bytes(entry), [till.manager]))
        assert len(clip.frames_of(0)) == entry.clip["tracks"][0]["frames"] > 0
        assert len(clip.frames_of(1)) > 0
        shown = [line.split()[0] for c in clip.cues for line in c.text.splitlines()]
        assert shown == ["line_added", "payment_approved"]
    report = till.verify()
    assert report.ok, report.summary()
    assert report.counts["complete"] == 2


def test_killed_recorder_is_reported_restarted_and_its_clip_recovered(till):
    sale_id = till.start_sale("0001")
    till.journal(sale_id, "line_added", sku="4006381333931")
    first_pid = till.recorder.pid
    wait_until(lambda: till.clip_file_size() > 2 * SEALED_CHUNK_SIZE + 500)

    os.kill(first_pid, signal.SIGKILL)

    till.wait_for(lambda ev: any(isinstance(e, RecorderDown) for e in ev))
    down = next(e for e in till.events if isinstance(e, RecorderDown))
    assert down.sales == (sale_id,) and down.reason == "exited with code -9"
    till.wait_for(lambda ev: any(isinstance(e, RecorderUp) and e.restarts == 1 for e in ev))
    assert till.recorder.pid != first_pid
    till.wait_for(lambda ev: till.signed(sale_id))
    (recovered,) = till.signed(sale_id)
    assert (recovered.body["status"], recovered.body["reason"]) == ("truncated", "recorder-down")
    assert recovered.clip["size"] % SEALED_CHUNK_SIZE != 0  # header + nonce + whole chunks
    with pytest.raises(TruncatedPayload) as cut:
        decrypt_bytes(till.clip_bytes(recovered), [till.manager])
    assert len(read_clip(cut.value.partial).frames_of(0)) > 0

    # The sale goes on: the new recorder records the rest of it into a second clip.
    till.journal(sale_id, "payment_approved", amount_minor=129)
    wait_until(lambda: len(list(till.layout.clips_dir.rglob("*.mp4.age"))) == 2)
    till.recorder.sale_ended(sale_id, till.clock.now(), "completed")
    till.wait_for(lambda ev: len(till.signed(sale_id)) == 2)
    rest = till.signed(sale_id)[1]
    assert rest.body["status"] == "complete" and rest.body["journal"]["events"] == 2
    assert rest.clip["file"].endswith(f"{LANE}-0001-2.mp4.age")
    report = till.verify()
    assert report.ok, report.summary()
    assert (report.counts["truncated"], report.counts["complete"]) == (1, 1)


def test_hung_recorder_without_heartbeat_is_killed_and_replaced(till):
    hung = till.recorder.pid
    os.kill(hung, signal.SIGSTOP)
    till.wait_for(lambda ev: any(isinstance(e, RecorderUp) and e.restarts == 1 for e in ev))
    down = next(e for e in till.events if isinstance(e, RecorderDown))
    assert down.reason == "no heartbeat" and down.sales == ()
    assert till.recorder.pid != hung
    with pytest.raises(ProcessLookupError):
        os.kill(hung, 0)


def test_sale_while_the_disk_is_full_goes_on_with_a_no_clip_manifest(tmp_path):
    till = Till(tmp_path, warn_free_bytes=1 << 62, full_free_bytes=1 << 61)
    till.recorder.start()
    try:
        till.wait_for(lambda ev: any(isinstance(e, RecorderWarning)
                                     and e.code is WarningCode.DISK_FULL for e in ev))
        sale_id = till.start_sale("0001")
        till.journal(sale_id, "line_added", sku="4006381333931")
        till.recorder.sale_ended(sale_id, till.clock.now(), "completed")
        till.wait_for(lambda ev: till.signed(sale_id))
        (entry,) = till.signed(sale_id)
        assert (entry.body["status"], entry.body["reason"]) == ("no-clip", "disk-full")
        assert till.verify().ok
    finally:
        till.recorder.stop()


def test_preview_reaches_the_app_while_recording(till):
    wait_until(lambda: till.recorder.preview() is not None)
    first = till.recorder.preview()
    wait_until(lambda: till.recorder.preview(newer_than=first.seq) is not None)
    assert first.image.shape == (90, 160, 3)


def test_stop_signs_the_clip_of_a_sale_still_open(till):
    sale_id = till.start_sale("0001")
    wait_until(lambda: till.clip_file_size() > 0)
    till.recorder.stop()
    (entry,) = till.signed(sale_id)
    assert entry.body["status"] == "complete"
    assert till.layout.pending() == []


def test_start_recovers_a_clip_left_open_by_a_power_cut(tmp_path):
    till = Till(tmp_path)
    sale = SaleRef("sale-0001", LANE, "0001")
    till.journals[sale.sale_id] = []
    started = till.clock.now()
    rel = clip_file(till.layout.new_stem(sale, started.utc))
    with till.layout.open_clip(PendingClip(sale, ClipFacts(rel, started, None))) as f:
        AgeWriter(f, [till.manager.recipient()]).write(os.urandom(3 * SEALED_CHUNK_SIZE))
    till.recorder.start()
    try:
        till.wait_for(lambda ev: till.signed(sale.sale_id))
        (entry,) = till.signed(sale.sale_id)
        assert entry.body["status"] == "truncated"
        with pytest.raises(TruncatedPayload) as cut:
            decrypt_bytes(till.clip_bytes(entry), [till.manager])
        assert len(cut.value.partial) == 3 * 64 * 1024
        assert till.verify().ok
    finally:
        till.recorder.stop()


def test_sale_that_ends_while_the_recorder_hangs_still_gets_a_manifest(till):
    os.kill(till.recorder.pid, signal.SIGSTOP)
    sale_id = till.start_sale("0001")
    till.journal(sale_id, "line_added", sku="4006381333931")
    till.recorder.sale_ended(sale_id, till.clock.now(), "completed")
    till.wait_for(lambda ev: till.signed(sale_id))
    (entry,) = till.signed(sale_id)
    assert (entry.body["status"], entry.body["reason"]) == ("no-clip", "recorder-down")
    down = next(e for e in till.events if isinstance(e, RecorderDown))
    assert down.sales == (sale_id,)
    assert till.verify().ok
