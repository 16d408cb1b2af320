"""Dual recording through the checkout: a real recorder child process, real sealed clips."""
import time

import pytest

from posdesk.core.money import Money, currency
from posdesk.recording.age import decrypt_bytes
from posdesk.recording.evidence.verify import verify_chain
from posdesk.recording.media.reader import read_clip
from posdesk.services.build import build_services, open_config
from posdesk.services.recording import DEMO_PASSPHRASE

from .helpers import settle, wait_for

EUR = currency("EUR")
MILK = "4006381333931"


def small_lane(data, **settings):
    config = open_config(data)
    for key, value in {"recording.width": "320", "recording.height": "240", "recording.fps": "15",
                       "recording.preroll_s": "1", "recording.postroll_s": "1", **settings}.items():
        config.set(key, value)
    config.save()
    return build_services(data, demo=True, with_recording=True)


def pay_five_in_cash(services):
    """Tender the open sale and pay it with a 5 euro note; the completed sale."""
    services.till.tender.start_tender()
    services.till.tender.pay_cash(Money.of("5", EUR))
    settle(services)  # the sale is saved before the next one may start
    return services.checkout.last_sale


def assert_chain_intact(services, data, sale):
    report = verify_chain(data, "L1", services.keys.lane_public_keys(),
                          services.sales.journal_bytes, sale_ids=[sale.id])
    assert report.ok, report.summary()


@pytest.mark.slow
def test_sale_is_sealed_with_picture_sound_and_journal_cues(tmp_path):
    s = small_lane(tmp_path)
    try:
        wait_for(s, lambda: s.recording.state.recorder_up)
        s.till.session.login("1234", name="Anna")
        s.till.selling.enter(f"2*{MILK}")
        time.sleep(0.5)  # let a few frames of the sale itself reach the clip
        sale = pay_five_in_cash(s)
        wait_for(s, lambda: (s.recordings.get(sale.id) or None) is not None)
        info = s.recordings.get(sale.id)
        assert info.status == "complete" and info.clip_path.endswith(".age")
        identities = s.keys.unlock_manager_identities(DEMO_PASSPHRASE)
        clip = read_clip(decrypt_bytes((tmp_path / info.clip_path).read_bytes(), identities))
        kinds = {t.kind for t in clip.tracks}
        assert {"video", "audio"} <= kinds
        assert len(clip.frames_of(0)) > 15  # pre-roll + sale + post-roll at 15 fps
        texts = [c.text for c in clip.cues]
        assert any("× Whole milk" in t for t in texts), texts
        assert any("Sale completed" in t for t in texts), texts
        assert_chain_intact(s, tmp_path, sale)
    finally:
        s.close()


@pytest.mark.slow
def test_rules_policy_leaves_a_plain_sale_unrecorded_but_chained(tmp_path):
    s = small_lane(tmp_path, **{"recording.mode": "rules"})
    try:
        wait_for(s, lambda: s.recording.state.recorder_up)
        s.till.session.login("1234", name="Anna")
        s.till.selling.enter(MILK)
        sale = pay_five_in_cash(s)
        wait_for(s, lambda: s.recordings.get(sale.id) is not None)
        info = s.recordings.get(sale.id)
        assert info.status == "no-clip" and info.clip_path is None
        assert_chain_intact(s, tmp_path, sale)
    finally:
        s.close()


@pytest.mark.slow
def test_missing_microphone_records_video_only_with_a_warning_and_journal_event(tmp_path):
    s = small_lane(tmp_path, **{"recording.audio": "microphone:no-such-device"})
    notices = []
    s.checkout.on_notice.append(notices.append)
    try:
        wait_for(s, lambda: s.recording.state.recorder_up and not s.recording.state.sound_ok)
        s.till.session.login("1234", name="Anna")
        s.till.selling.enter(MILK)
        sale = pay_five_in_cash(s)
        assert "recording_without_sound" in [e.kind for e in sale.events]
        assert any("microphone" in str(n).lower() for n in notices), notices
        wait_for(s, lambda: s.recordings.get(sale.id) is not None)
        info = s.recordings.get(sale.id)
        identities = s.keys.unlock_manager_identities(DEMO_PASSPHRASE)
        clip = read_clip(decrypt_bytes((tmp_path / info.clip_path).read_bytes(), identities))
        assert {t.kind for t in clip.tracks} & {"audio"} == set() and clip.frames_of(0)
    finally:
        s.close()


@pytest.mark.slow
def test_killed_recorder_journals_a_gap_restarts_and_the_sale_goes_on(tmp_path):
    import os
    import signal
    # Big enough pictures, near-lossless, that whole 64 KiB age chunks reach the disk
    # within seconds.
    s = small_lane(tmp_path, **{"recording.width": "640", "recording.height": "360",
                                "recording.fps": "30", "recording.crf": "8"})
    try:
        wait_for(s, lambda: s.recording.state.recorder_up)
        s.till.session.login("1234", name="Anna")
        s.till.selling.enter(MILK)
        sale = s.checkout.sale
        time.sleep(3.0)  # some of the sale on camera
        first_pid = s.recording.recorder.pid
        os.kill(first_pid, signal.SIGKILL)
        wait_for(s, lambda: "recording_gap" in [e.kind for e in sale.events])
        wait_for(s, lambda: s.recording.state.recorder_up and s.recording.recorder.pid != first_pid)
        s.till.selling.enter(MILK)  # the sale goes on
        pay_five_in_cash(s)
        # Indexed in the database only once its manifest is written beside the clip.
        wait_for(s, lambda: getattr(s.recordings.get(sale.id), "status", None) == "complete")
        statuses = sorted(e.body["status"] for e in s.recording.chain.entries() if e.sale_id == sale.id)
        assert statuses == ["complete", "truncated"], statuses
        assert_chain_intact(s, tmp_path, sale)
    finally:
        s.close()
