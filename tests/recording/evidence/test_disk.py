"""The disk watchdog classifies the real free space of the clip file system."""
from __future__ import annotations

import shutil
from datetime import datetime, timedelta, timezone

import pytest

from posdesk.core.clock import ManualClock
from posdesk.recording.evidence.disk import DiskLevel, DiskWatchdog


def test_plenty_of_space_is_ok_and_starts_clips(tmp_path):
    dog = DiskWatchdog(tmp_path / "clips", warn_bytes=2, full_bytes=1)
    assert dog.check().level is DiskLevel.OK and dog.may_start_clip()


def test_less_than_the_warning_threshold_is_low_but_still_records(tmp_path):
    free = shutil.disk_usage(tmp_path).free
    dog = DiskWatchdog(tmp_path, warn_bytes=free * 2, full_bytes=1)
    assert dog.check().level is DiskLevel.LOW and dog.may_start_clip()


def test_less_than_the_full_threshold_starts_no_clip(tmp_path):
    free = shutil.disk_usage(tmp_path).free
    dog = DiskWatchdog(tmp_path / "not" / "yet", warn_bytes=free * 4, full_bytes=free * 2)
    state = dog.check()
    assert state.level is DiskLevel.FULL and state.free_bytes > 0
    assert not dog.may_start_clip()


def test_full_threshold_above_the_warning_one_is_refused(tmp_path):
    with pytest.raises(ValueError):
        DiskWatchdog(tmp_path, warn_bytes=1, full_bytes=2)


def _clips_on(clips, day, sizes):
    folder = clips / f"{day:%Y}" / f"{day:%m}" / f"{day:%d}"
    folder.mkdir(parents=True, exist_ok=True)
    for i, size in enumerate(sizes):
        (folder / f"L1-{day:%d}-{i}.mp4.age").write_bytes(b"x" * size)
        (folder / f"L1-{day:%d}-{i}.manifest.json").write_bytes(b"{}" * 500)  # not clips


def test_forecast_warns_early_when_the_current_rate_fills_the_disk_within_the_warning_days(tmp_path):
    clock = ManualClock(datetime(2026, 12, 2, 18, 0, tzinfo=timezone.utc))
    today = clock.now().utc.date()
    _clips_on(tmp_path, today, [600, 400])  # 1000 bytes today
    _clips_on(tmp_path, today - timedelta(days=2), [1000])  # and two days ago; none yesterday
    dog = DiskWatchdog(tmp_path, warn_bytes=5_000, full_bytes=1_000, warn_days=30,
                       free_bytes=lambda _: 21_000, clock=clock)
    state = dog.check()
    assert state.days_left == pytest.approx(20.0)  # (21000 - 1000) / 1000 per recording day
    assert state.level is DiskLevel.LOW and dog.may_start_clip()
    roomy = DiskWatchdog(tmp_path, warn_bytes=5_000, full_bytes=1_000, warn_days=30,
                         free_bytes=lambda _: 100_000, clock=clock)
    assert roomy.check().level is DiskLevel.OK


def test_no_recordings_yet_means_no_forecast_and_no_early_warning(tmp_path):
    dog = DiskWatchdog(tmp_path / "clips", warn_bytes=5_000, full_bytes=1_000,
                       free_bytes=lambda _: 6_000)
    state = dog.check()
    assert state.days_left is None and state.level is DiskLevel.OK


def test_clips_older_than_a_week_do_not_count_towards_the_rate(tmp_path):
    clock = ManualClock(datetime(2026, 12, 2, 18, 0, tzinfo=timezone.utc))
    _clips_on(tmp_path, clock.now().utc.date() - timedelta(days=8), [10**9])
    dog = DiskWatchdog(tmp_path, warn_bytes=5_000, full_bytes=1_000,
                       free_bytes=lambda _: 100_000, clock=clock)
    assert dog.check().days_left is None
