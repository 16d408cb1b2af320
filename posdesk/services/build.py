"""Building a lane's services from its data directory: the composition of the lower layers.

Everything a lane keeps — database, clips, keys, config, logs — lives under one data
directory, so a test or a second lane on the same PC is one `--data` flag away.
"""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from pathlib import Path
from typing import Callable

import platformdirs

from posdesk.core.catalog import MemoryCatalog
from posdesk.core.clock import Clock, SystemClock
from posdesk.core.money import currency
from posdesk.core.permissions import Policy, Role
from posdesk.core.tax import PRESETS, TaxMode
from posdesk.db import audit as db_audit
from posdesk.db.catalog import CatalogStore
from posdesk.db.recordings import RecordingStore
from posdesk.db.database import check_lane, close_database, open_database
from posdesk.db.migrations import current_version
from posdesk.db.sales import SaleStore
from posdesk.db.shifts import ShiftStore
from posdesk.db.users import UserStore
from posdesk.db.writer import DbWriter
from posdesk.recording.evidence.chain import EvidenceChain
from posdesk.recording.evidence.private_files import make_private
from posdesk.recording.keys import KeyStore

from .checkout import Checkout
from .config import Config
from .devices import LaneDevices
from .dispatch import Dispatch
from .lane import LaneServices
from .pin_throttle import ThrottledUsers
from .quiet_logging import RepeatFilter, SafeFileHandler, SafeStreamHandler
from .recording import RecordingService, ensure_keys
from .till import Till, build_till
from .z_witness import ZWitness

log = logging.getLogger(__name__)

#: The demo's people, as the README states them.
DEMO_USERS = (("Anna", Role.CASHIER, "1234"), ("Max", Role.MANAGER, "9999"),
              ("Admin", Role.ADMIN, "0000"))

RESOURCES = Path(__file__).resolve().parents[2] / "resources"


def default_data_dir() -> Path:
    env = os.environ.get("POSDESK_DATA")
    return Path(env) if env else Path(platformdirs.user_data_dir("posdesk", appauthor=False))


@dataclass
class Services:
    """The lane composed: its stores and its use cases. The command line works on this; the
    window gets `lane`, the same use cases without the stores."""

    data_dir: Path
    config: Config
    checkout: Checkout
    #: The checkout use cases sharing `checkout`: login, selling, tender, returns, shifts, reports.
    till: Till
    catalog: CatalogStore
    sales: SaleStore
    users: UserStore
    shifts: ShiftStore
    writer: DbWriter
    dispatch: Dispatch
    devices: LaneDevices
    keys: KeyStore
    recordings: RecordingStore
    recording: RecordingService | None = None
    closers: list[Callable[[], None]] = field(default_factory=list)

    @cached_property
    def lane(self) -> LaneServices:
        """What the window works with: these use cases, without the stores."""
        return LaneServices(self)

    def close(self) -> None:
        for close in reversed(self.closers):
            try:
                close()
            except Exception:  # noqa: BLE001 - shut everything down even if one part fails
                log.exception("while shutting down")


#: How long closing waits for the database between two reminders in the log.
DRAIN_REMINDER_S = 10.0


def drain_writer(writer: DbWriter) -> None:
    """Close the writer only when every queued write is on disk. A job dropped here would be
    a sale that exists only on paper, so a lane whose disk is full does not close: it says
    why, and goes on as soon as space is freed."""
    while not writer.stop(timeout=DRAIN_REMINDER_S):
        log.error("cannot close yet: %d database write(s) are not saved (is the disk full?)",
                  writer.pending)


class _BriefFormatter(logging.Formatter):
    """One line per record on the terminal; tracebacks go to the log file only."""

    def format(self, record: logging.LogRecord) -> str:
        brief = logging.makeLogRecord(record.__dict__)
        brief.exc_info = brief.exc_text = brief.stack_info = None
        return super().format(brief)


def setup_logging(data_dir: Path) -> None:
    log_dir = data_dir / "logs"
    log_dir.mkdir(parents=True, exist_ok=True)
    handler = SafeFileHandler(log_dir / "posdesk.log", maxBytes=5_000_000, backupCount=5,
                              encoding="utf-8")
    handler.addFilter(RepeatFilter())
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"))
    console = SafeStreamHandler()
    console.addFilter(RepeatFilter())
    console.setLevel(logging.WARNING)
    console.setFormatter(_BriefFormatter("posdesk: %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    # Replace, not add: python-escpos installs a root handler of its own at import time,
    # which would print every INFO line of the till on the terminal.
    root.handlers = [handler, console]
    root.setLevel(logging.INFO)


def open_config(data_dir: Path, *, check: bool = True) -> Config:
    return Config(data_dir / "posdesk.toml", check=check)


def chain_head_text(chain: EvidenceChain) -> Callable[[], str]:
    """The chain head as a receipt's QR code prints it (`SEQ:HASH`, "" for an empty chain)."""
    def head() -> str:
        seq, digest = chain.head
        return f"{seq}:{digest[:16]}" if digest else ""
    return head


def upgrade_database(data_dir: Path) -> int:
    """Open the lane's database, migrating it to the current schema; its version after.
    A damaged file is refused before any migration writes to it."""
    db = open_database(data_dir / "posdesk.db", check_integrity=True)
    try:
        return current_version(db)
    finally:
        close_database()


def signed_audit_head() -> dict[str, object]:
    """The audit log's head, as every manifest signs it."""
    head = db_audit.audit_head()
    return {"audit": {"rows": head.rows, "hash": head.hash}}


def seed_demo(users: UserStore, catalog: CatalogStore) -> None:
    """Demo users and catalog on a fresh data dir; never touches one that has them."""
    if not users.list():
        for name, role, pin in DEMO_USERS:
            users.add(name, role, pin)
    if catalog.count() == 0:
        result = catalog.import_csv(RESOURCES / "catalog" / "demo.csv")
        if result.errors:
            log.warning("demo catalog: %d rows skipped", len(result.errors))


def build_services(data_dir: Path, *, demo: bool = False, clock: Clock | None = None,
                   with_devices: bool = False, with_recording: bool = False) -> Services:
    """Open the lane in `data_dir`. `with_devices` starts the configured devices (and, with
    `demo`, simulators for the ones left unconfigured); `with_recording` the recorder."""
    make_private(data_dir, directory=True)
    config = open_config(data_dir)
    db = open_database(data_dir / "posdesk.db")
    for name in ("posdesk.db", "posdesk.db-wal", "posdesk.db-shm"):
        make_private(data_dir / name)  # inside a 0700 directory from the start
    try:
        check_lane(config.get("lane.id"))
    except Exception:
        close_database()
        raise
    lane_clock = clock or SystemClock()
    users = ThrottledUsers(config.get("lane.id"), now=lambda: lane_clock.now().utc,
                           pin_only=config.get("ui.login") == "pin_only")
    catalog_store = CatalogStore(currency(config.get("store.currency")))
    if not catalog_store.tax_rates():
        catalog_store.set_tax_rates(PRESETS[config.get("store.tax_preset")])
    sales, shifts = SaleStore(), ShiftStore()
    sales.recover_completed(config.get("lane.id"))
    if demo:
        seed_demo(users, catalog_store)
    writer = DbWriter(db)
    writer.start()
    dispatch = Dispatch()
    cur = currency(config.get("store.currency"))
    policy = Policy(discount_threshold_percent=Decimal(str(config.get("policy.discount_threshold_percent"))))
    till = build_till(
        lane=config.get("lane.id"), currency=cur, tax_mode=TaxMode(config.get("store.tax_mode")),
        policy=policy, catalog=MemoryCatalog(catalog_store.all_products()), sales=sales,
        users=users, shifts=shifts, writer=writer, clock=clock or SystemClock(),
        audit=db_audit.audit, dispatch=dispatch, stamp=ZWitness(data_dir, config.get("lane.id")).stamp)
    checkout = till.checkout
    devices = LaneDevices(config=config, data_dir=data_dir, till=till, writer=writer,
                          dispatch=dispatch, cur=cur)
    if with_devices:
        devices.start(simulate=demo)
    keys = KeyStore(data_dir / "keys")
    services = Services(data_dir, config, checkout, till, catalog_store, sales, users, shifts, writer,
                        dispatch, devices, keys, RecordingStore())
    services.closers += [close_database, lambda: drain_writer(writer),
                         devices.close]
    if with_recording:
        ensure_keys(keys, demo=demo)
        recording = RecordingService(checkout=checkout, config=config, data_dir=data_dir, keys=keys,
                                     sales=sales, recordings=services.recordings, writer=writer,
                                     dispatch=dispatch, clock=clock or SystemClock())
        recording.start()
        services.recording = recording
        services.closers.append(recording.stop)
        if recording.chain is not None:
            devices.print_evidence_head(chain_head_text(recording.chain))
            recording.chain.context = signed_audit_head
    return services
