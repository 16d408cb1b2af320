"""Dual recording through the checkout: a real recorder child process, real sealed clips."""
import time

import pytest

from posdesk.core.money import Money, currency
from posdesk.recording.age import decrypt_bytes
from posdesk.recording.evidence.verify import verify_chain
from posdesk.recording.media.reader import read_clip
from posdesk.services.build import build_services, open_config
from posdesk.services.recording import DEMO_PASSPHRASE
from tests.services.lane import settle

EUR = currency("EUR")
MILK = "4006381333931"


def small_lane(data, **settings):
    config = open_config(data)
    for key, value in {"recording.width": "320", "recording.height": "240", "recording.fps": "15",
                       "recording.preroll_s": "1", "recording.postroll_s": "1", **settings}.items():
        config.set(key, value)
    config.save()
    return build_services(data, demo=True, with_recording=True)


def wait_for(services, condition, timeout=60.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        services.dispatch.run_pending()
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError("condition not met in time")


def journal_bytes(services):
    return lambda sale_id, count: services.sales.journal_bytes(sale_id, count)


@pytest.mark.slow
def test_sale_is_sealed_with_picture_sound_and_journal_cues(tmp_path):
    s = small_lane(tmp_path)
    try:
        wait_for(s, lambda: s.recording.state.recorder_up)
        s.checkout.login("1234")
        s.checkout.enter(f"2*{MILK}")
        time.sleep(0.5)  # let a few frames of the sale itself reach the clip
        s.checkout.start_tender()
        s.checkout.pay_cash(Money.of("5", EUR))
        settle(s)
        sale = s.checkout.last_sale
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
        report = verify_chain(tmp_path, "L1", s.keys.lane_public_keys(), journal_bytes(s),
                              sale_ids=[sale.id])
        assert report.ok, report.summary()
    finally:
        s.close()


@pytest.mark.slow
def test_rules_policy_leaves_a_plain_sale_unrecorded_but_chained(tmp_path):
    s = small_lane(tmp_path, **{"recording.mode": "rules"})
    try:
        wait_for(s, lambda: s.recording.state.recorder_up)
        s.checkout.login("1234")
        s.checkout.enter(MILK)
        s.checkout.start_tender()
        s.checkout.pay_cash(Money.of("5", EUR))
        settle(s)
        sale = s.checkout.last_sale
        wait_for(s, lambda: s.recordings.get(sale.id) is not None)
        info = s.recordings.get(sale.id)
        assert info.status == "no-clip" and info.clip_path is None
        report = verify_chain(tmp_path, "L1", s.keys.lane_public_keys(), journal_bytes(s),
                              sale_ids=[sale.id])
        assert report.ok, report.summary()
    finally:
        s.close()


@pytest.mark.slow
def test_missing_microphone_records_video_only_with_a_warning_and_journal_event(tmp_path):
    s = small_lane(tmp_path, **{"recording.audio": "microphone:no-such-device"})
    notices = []
    s.checkout.on_notice.append(notices.append)
    try:
        wait_for(s, lambda: s.recording.state.recorder_up and not s.recording.state.sound_ok)
        s.checkout.login("1234")
        s.checkout.enter(MILK)
        s.checkout.start_tender()
        s.checkout.pay_cash(Money.of("5", EUR))
        settle(s)
        sale = s.checkout.last_sale
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
    # Big enough pictures that whole 64 KiB age chunks reach the disk within seconds.
    s = small_lane(tmp_path, **{"recording.width": "640", "recording.height": "360",
                                "recording.fps": "30"})
    try:
        wait_for(s, lambda: s.recording.state.recorder_up)
        s.checkout.login("1234")
        s.checkout.enter(MILK)
        sale = s.checkout.sale
        time.sleep(3.0)  # some of the sale on camera
        first_pid = s.recording.supervisor.pid
        os.kill(first_pid, signal.SIGKILL)
        wait_for(s, lambda: "recording_gap" in [e.kind for e in sale.events])
        wait_for(s, lambda: s.recording.state.recorder_up and s.recording.supervisor.pid != first_pid)
        s.checkout.enter(MILK)  # the sale goes on
        s.checkout.start_tender()
        s.checkout.pay_cash(Money.of("5", EUR))
        settle(s)
        # Indexed in the database only once its manifest is written beside the clip.
        wait_for(s, lambda: getattr(s.recordings.get(sale.id), "status", None) == "complete")
        statuses = sorted(e.body["status"] for e in s.recording.chain.entries() if e.sale_id == sale.id)
        assert statuses == ["complete", "truncated"], statuses
        report = verify_chain(tmp_path, "L1", s.keys.lane_public_keys(), journal_bytes(s),
                              sale_ids=[sale.id])
        assert report.ok, report.summary()
    finally:
        s.close()


def _sell_one(s):
    s.checkout.enter(MILK)
    s.checkout.start_tender()
    s.checkout.pay_cash(Money.of("5", EUR))
    wait_for(s, lambda: not s.checkout.saving)  # the next sale starts once this one is saved
    return s.checkout.last_sale


@pytest.mark.slow
def test_recorder_killed_again_and_again_restarts_within_seconds_and_journals_every_sale_in_the_gap(tmp_path):
    import os
    import signal
    import threading
    s = small_lane(tmp_path)
    killed: list[int] = []
    stop = threading.Event()

    def kill_every_new_recorder():
        while not stop.is_set():
            pid = s.recording.supervisor.pid
            if pid is not None and pid not in killed:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                killed.append(pid)
            stop.wait(0.005)

    try:
        wait_for(s, lambda: s.recording.state.recorder_up)
        s.checkout.login("1234")
        killer = threading.Thread(target=kill_every_new_recorder, daemon=True)
        killer.start()
        wait_for(s, lambda: not s.recording.state.recorder_up)
        sales = [_sell_one(s), _sell_one(s)]
        # Old back-off (0, 1, 5, 30 s) needs over a minute for this; a capped one seconds.
        wait_for(s, lambda: len(killed) >= 7, timeout=40)
        sales.append(_sell_one(s))
        stop.set()
        killer.join()
        for sale in sales:
            gaps = [e.data for e in sale.events if e.kind == "recording_gap"]
            assert gaps and "recorder-down" in gaps[0]["cause"], [e.kind for e in sale.events]
        wait_for(s, lambda: s.recording.state.recorder_up)
        wait_for(s, lambda: all(s.recordings.get(x.id) is not None for x in sales))
        assert {s.recordings.get(x.id).status for x in sales} == {"no-clip"}
        report = verify_chain(tmp_path, "L1", s.keys.lane_public_keys(), journal_bytes(s),
                              sale_ids=[x.id for x in sales])
        assert report.ok, report.summary()
    finally:
        stop.set()
        s.close()


@pytest.mark.slow
def test_missing_camera_makes_no_camera_manifests_a_journaled_gap_and_a_warning(tmp_path):
    s = small_lane(tmp_path, **{"recording.camera": "/dev/video9", "recording.audio": "synthetic"})
    notices = []
    s.checkout.on_notice.append(notices.append)
    try:
        wait_for(s, lambda: s.recording.state.recorder_up and s.recording.state.no_camera)
        assert any("/dev/video9" in str(n) for n in notices), notices
        s.checkout.login("1234")
        sale = _sell_one(s)
        gaps = [e.data for e in sale.events if e.kind == "recording_gap"]
        assert gaps and gaps[0]["cause"] == "no-camera"
        wait_for(s, lambda: s.recordings.get(sale.id) is not None)
        assert s.recordings.get(sale.id).status == "no-camera"
        (entry,) = [e for e in s.recording.chain.entries() if e.sale_id == sale.id]
        assert (entry.body["status"], entry.body["reason"]) == ("no-camera", "no-camera")
        report = verify_chain(tmp_path, "L1", s.keys.lane_public_keys(), journal_bytes(s),
                              sale_ids=[sale.id])
        assert report.ok and report.counts["no-camera"] == 1, report.summary()
        assert "1 no-camera" in report.summary()
    finally:
        s.close()


@pytest.mark.slow
def test_manual_mode_signs_the_last_sale_before_shutdown_even_when_the_disk_is_slow(tmp_path):
    import threading
    s = small_lane(tmp_path, **{"recording.mode": "manual"})
    try:
        wait_for(s, lambda: s.recording.state.recorder_up)
        s.checkout.login("1234")
        slow_disk = threading.Event()
        s.writer.submit(lambda: slow_disk.wait(10))  # the sale's commit queues behind this
        threading.Timer(2.0, slow_disk.set).start()
        sale = _sell_one(s)
    finally:
        s.close()  # the cashier closes the app right after the sale
    reopened = build_services(tmp_path, demo=True)
    try:
        report = verify_chain(tmp_path, "L1", reopened.keys.lane_public_keys(),
                              journal_bytes(reopened), sale_ids=[sale.id])
        assert report.ok and report.counts["no-clip"] == 1, report.summary()
    finally:
        reopened.close()


@pytest.mark.slow
def test_clock_set_back_behind_the_last_recorded_sale_is_journaled_and_shown(tmp_path):
    from datetime import datetime, timedelta, timezone

    from posdesk.core.clock import ManualClock
    config = open_config(tmp_path)
    config.set("recording.mode", "manual")  # no clips: the manifests carry the till's clock
    config.save()
    clock = ManualClock(datetime.now(timezone.utc))
    s = build_services(tmp_path, demo=True, with_recording=True, clock=clock)
    notices = []
    s.checkout.on_notice.append(notices.append)
    try:
        s.checkout.login("1234")
        first = _sell_one(s)
        wait_for(s, lambda: s.recordings.get(first.id) is not None)
        clock.advance(60)
        assert "clock_behind_evidence" not in [e.kind for e in _sell_one(s).events]
        clock.set_wall(clock.now().utc - timedelta(days=2))
        late = _sell_one(s)
        (note,) = [e.data for e in late.events if e.kind == "clock_behind_evidence"]
        assert note["minutes"] >= 2 * 24 * 60 - 5
        assert any("clock is" in str(n) for n in notices), notices
    finally:
        s.close()
