"""The installer's self-test: is this lane ready to sell and record?

One `Check` per part (database, disk, clock, keys, camera, microphone, terminal, printer,
drawer), each with what was found and, when it fails, what to do about it. The same report
serves `posdesk selftest [--json]` (headless, for remote support) and the settings page.
Texts are `Text`s: the command line prints their English form, the window translates them.
"""
from __future__ import annotations

import logging
import shutil
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from posdesk.core.i18n import QT_TRANSLATE_NOOP
from posdesk.db.health import database_health
from posdesk.db.recordings import RecordingInfo
from posdesk.recording.keys import KeyStore

from .config import Config
from .selftest_devices import DeviceAccess
from .selftest_report import Check, SelfTestReport, check

if TYPE_CHECKING:
    from .build import Services

log = logging.getLogger(__name__)

#: Clip size per recorded hour at 1280x720, 30 fps with the live x264 settings, measured
#: on busy real footage (about 36 MB a minute); other sizes and rates scale with the pixels.
REFERENCE_BYTES_PER_HOUR = 36 * 60 * 1_000_000
REFERENCE_PIXEL_RATE = 1280 * 720 * 30
#: Days reported when nothing is recorded (no hours a day): the disk never fills.
UNLIMITED_DAYS = 10**6
#: A clock this far behind the newest sale has been set back (or lost its battery).
CLOCK_TOLERANCE = timedelta(minutes=5)
#: No lane runs before this year: an older date is a PC whose clock was never set.
EARLIEST_PLAUSIBLE_YEAR = 2025

def check_database(db_path: Path) -> Check:
    try:
        health = database_health()
    except Exception as e:  # noqa: BLE001 - a broken database is this check's finding
        return check("database", False, QT_TRANSLATE_NOOP("SelfTest", "{path} cannot be read: {error}")
                      .format(path=str(db_path), error=str(e)),
                      QT_TRANSLATE_NOOP("SelfTest", "Restore the database from the last backup."))
    detail = QT_TRANSLATE_NOOP("SelfTest", "{path}: schema {version} of {latest}, integrity {integrity}").format(
        path=str(db_path), version=health.version, latest=health.latest, integrity=health.integrity)
    if health.integrity != "ok":
        fix = QT_TRANSLATE_NOOP("SelfTest", "The database is damaged: restore it from the last backup.")
    else:
        fix = QT_TRANSLATE_NOOP("SelfTest", "Run posdesk db upgrade with this version of posdesk.")
    return check("database", health.ok, detail, fix)


def recorded_bytes_per_hour(config: Config, recordings: dict[str, RecordingInfo]) -> int:
    """What an hour of recording takes: measured from this lane's clips when it has some,
    else estimated from the picture settings."""
    sized = [(r.size, r.duration_ms) for r in recordings.values() if r.size and r.duration_ms]
    if sized:
        return int(sum(size for size, _ in sized) * 3_600_000 / sum(ms for _, ms in sized))
    pixel_rate = int(config.get("recording.width")) * int(config.get("recording.height")) \
        * float(config.get("recording.fps"))
    return int(REFERENCE_BYTES_PER_HOUR * pixel_rate / REFERENCE_PIXEL_RATE)


def check_disk(clip_dir: Path, config: Config, recordings: dict[str, RecordingInfo],
               free_bytes: Callable[[Path], int]) -> Check:
    path = clip_dir
    while not path.exists() and path != path.parent:
        path = path.parent
    usable = free_bytes(path) - int(config.get("recording.disk_full_mb")) * 1024**2
    per_hour = recorded_bytes_per_hour(config, recordings)
    hours = float(config.get("recording.hours_per_day"))
    days = max(0, int(usable // (per_hour * hours))) if per_hour * hours > 0 else UNLIMITED_DAYS
    retention = int(config.get("recording.retention_days"))
    detail = QT_TRANSLATE_NOOP(
        "SelfTest", "{free} GB free: {days} days of recording at {mb} MB per hour, {hours} h a day "
        "(retention {retention} days)").format(
        free=f"{max(0, usable) / 1e9:.1f}", days=days, mb=round(per_hour / 1e6), hours=f"{hours:g}",
        retention=retention)
    fix = QT_TRANSLATE_NOOP("SelfTest", "Free disk space, add a larger disk, or lower "
                            "recording.retention_days, recording.fps or the picture size.")
    return check("disk", days >= retention, detail, fix)


def check_clock(now: datetime, newest_sale: datetime | None) -> Check:
    fix = QT_TRANSLATE_NOOP("SelfTest", "Set the date and time (and turn on network time).")
    shown = now.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    if now.year < EARLIEST_PLAUSIBLE_YEAR:
        return check("clock", False, QT_TRANSLATE_NOOP("SelfTest", "The clock says {now}: it was never set.")
                      .format(now=shown), fix)
    if newest_sale is not None and now < newest_sale - CLOCK_TOLERANCE:
        return check("clock", False, QT_TRANSLATE_NOOP(
            "SelfTest", "The clock says {now}, before the newest sale ({sale}).").format(
            now=shown, sale=newest_sale.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")), fix)
    return check("clock", True, QT_TRANSLATE_NOOP("SelfTest", "{now}").format(now=shown))


def check_keys(keys: KeyStore) -> Check:
    fix = QT_TRANSLATE_NOOP("SelfTest", "Run the setup wizard or posdesk keys init.")
    if not keys.is_set_up():
        return check("keys", False, QT_TRANSLATE_NOOP("SelfTest", "No lane signing key or manager key yet."), fix)
    try:
        key_id, manager = keys.key_id, keys.manager_recipient()
    except Exception as e:  # noqa: BLE001 - unreadable or tampered keys are this check's finding
        return check("keys", False, QT_TRANSLATE_NOOP("SelfTest", "The keys cannot be read: {error}")
                      .format(error=str(e)), QT_TRANSLATE_NOOP(
                          "SelfTest", "Restore the keys folder from the recovery backup."))
    return check("keys", True, QT_TRANSLATE_NOOP("SelfTest", "lane key {key}, manager {manager}").format(
        key=key_id, manager=str(manager)[:16] + "…"))


def run_selftest(services: Services, *, free_bytes: Callable[[Path], int] | None = None,
                 now: datetime | None = None) -> SelfTestReport:
    """Every check against `services`: devices that are running are asked through their
    workers, the others are opened from the configuration. Blocks for seconds: call it
    from a worker thread in the window."""
    config = services.config
    devices = DeviceAccess.for_services(services)
    newest = services.sales.list_sales(limit=1)
    local = [
        check_database(services.data_dir / "posdesk.db"),
        check_disk(services.data_dir / "clips", config, services.recordings.all(),
                   free_bytes or (lambda p: shutil.disk_usage(p).free)),
        check_clock(now or datetime.now(timezone.utc), newest[0].started_utc if newest else None),
        check_keys(services.keys),
    ]
    # Device checks wait on ports and drivers: run them side by side, report them in order.
    with ThreadPoolExecutor(max_workers=4, thread_name_prefix="selftest") as pool:
        cameras = pool.submit(devices.cameras)
        microphone = pool.submit(devices.microphone)
        terminal = pool.submit(devices.terminal)
        printer = pool.submit(devices.printer_and_drawer)
        found = [*cameras.result(), microphone.result(), terminal.result(), *printer.result()]
    report = SelfTestReport(tuple(local + found))
    log.info("self-test: %s", "; ".join(report.lines()))
    return report
