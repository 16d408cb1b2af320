"""The disk watchdog classifies the real free space of the clip file system."""
from __future__ import annotations

import shutil

import pytest

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
