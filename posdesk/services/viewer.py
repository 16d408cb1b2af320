"""The manager's evidence viewer: unlock, search, open a sale — each audited, once.

The manager identity (the age X25519 keys that open every clip) is unlocked with the
manager passphrase and kept in this object's memory only; it is dropped on `lock()`, when
the window logs out, and after `idle_timeout_s` without use. A clip is decrypted into
memory and never written anywhere in plain. Every method may block (scrypt, SQL, disk,
decryption): the window calls them from a worker, never from the GUI thread.
"""
from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Mapping, Protocol

from posdesk.core.clock import Clock, SystemClock
from posdesk.core.errors import DomainError
from posdesk.core.i18n import QT_TRANSLATE_NOOP
from posdesk.core.journal import JournalEvent, JournalKind
from posdesk.core.journal_text import describe
from posdesk.core.money import Currency, currency
from posdesk.core.picture import Picture
from posdesk.core.receipt import DEFAULT_LABELS, StoreHeader
from posdesk.core.sale_marks import EVENT_MARKS, Mark
from posdesk.core.sale_search import ExceptionReport, FoundSale, SearchFilter
from posdesk.db import audit as db_audit
from posdesk.db import sale_facts, sale_search
from posdesk.db.errors import UnknownSale
from posdesk.db.recordings import RecordingInfo, RecordingStore
from posdesk.db.sales import SaleStore
from posdesk.recording.age import X25519Identity, decrypt_bytes
from posdesk.recording.errors import AgeError, TruncatedPayload, WrongPassphrase
from posdesk.recording.evidence.layout import ClipLayout
from posdesk.recording.evidence.manifest import Entry
from posdesk.recording.keys import KeyStore
from posdesk.recording.media.errors import MediaError
from posdesk.recording.media.playback import ClipPlayback, picture_png

from .viewer_badge import Badge, sale_badge
from .viewer_receipt import receipt_lines

if TYPE_CHECKING:
    from .build import Services

log = logging.getLogger(__name__)

#: Default idle time after which the identity is dropped.
DEFAULT_IDLE_TIMEOUT_S = 300

Audit = Callable[..., None]
#: How long a search waits for the newest sales' facts before it searches without them.
CATCH_UP_TIMEOUT_S = 60


class Writer(Protocol):
    """The database's one writing thread (`db.writer.DbWriter`)."""

    def submit(self, fn: Callable[[], object],
               done: Callable[[object, BaseException | None], None] | None = None) -> None: ...


class ViewerLocked(DomainError):
    def __init__(self) -> None:
        super().__init__("the recordings are locked",
                         QT_TRANSLATE_NOOP("Viewer", "Unlock the recordings with the manager passphrase first."))


class WrongViewerPassphrase(DomainError):
    def __init__(self, failures: int) -> None:
        self.failures = failures
        super().__init__(f"wrong manager passphrase ({failures} failed)", QT_TRANSLATE_NOOP(
            "Viewer", "Wrong manager passphrase ({count} failed tries).").format(count=failures))


class ReasonRequired(DomainError):
    def __init__(self) -> None:
        super().__init__("a reason is required", QT_TRANSLATE_NOOP("Viewer", "Say why (a reason is required)."))


@dataclass(frozen=True)
class JournalLine:
    """One journal event as the viewer lists it beside the video."""

    seq: int
    kind: str
    utc: datetime
    #: Seconds from the clip's start (None when the sale has no clip start).
    offset_s: float | None
    #: The event's journaled details, as JSON holds them.
    data: Mapping[str, object]
    mark: Mark | None
    #: The event as the clip's subtitle shows it ("2 × Milk 1.98"); the kind when it has none.
    text: str = ""


@dataclass(frozen=True)
class Gap:
    """A stretch of the clip without picture, with its journaled cause."""

    start_s: float
    cause: str


@dataclass(frozen=True)
class SaleEvidence:
    sale: FoundSale
    journal: tuple[JournalLine, ...]
    badge: Badge
    #: The decrypted clip, in memory; None when there is none or it could not be opened.
    clip: bytes | None
    duration_s: float
    gaps: tuple[Gap, ...]
    #: The signed manifest as stored (for the report), or None.
    manifest: Mapping[str, object] | None
    #: The receipt as printed, line by line (empty when none was printed).
    receipt: tuple[str, ...] = ()


class ViewerService:
    """Listeners: `on_locked()` is called (from the calling thread) when the identity drops."""

    def __init__(self, *, data_dir: Path, keys: KeyStore, sales: SaleStore,
                 recordings: RecordingStore, writer: Writer,
                 audit: Audit, clock: Clock | None = None,
                 idle_timeout_s: float = DEFAULT_IDLE_TIMEOUT_S,
                 receipt_header: StoreHeader | None = None,
                 receipt_labels: Mapping[str, str] = DEFAULT_LABELS):
        self.data_dir = Path(data_dir)
        self._keys, self._sales, self._recordings = keys, sales, recordings
        self._writer, self._audit_log = writer, audit
        self._clock = clock or SystemClock()
        self.idle_timeout_s = idle_timeout_s
        self._receipt_header = receipt_header or StoreHeader("")
        self._receipt_labels = receipt_labels
        self._lock = threading.Lock()
        self._identities: list[X25519Identity] = []
        self._user = ""
        self._last_use_ns = 0
        self.failures = 0
        self.on_locked: list[Callable[[], None]] = []

    # -- the identity ----------------------------------------------------------------------
    def unlock(self, passphrase: str, *, user: str) -> None:
        """Open the manager identity; a wrong passphrase is refused, counted and audited."""
        try:
            identities = self._keys.unlock_manager_identities(passphrase)
        except WrongPassphrase:
            with self._lock:
                self.failures += 1
                failures = self.failures
            self._audit(user, "viewer_unlock_refused", failures=failures)
            raise WrongViewerPassphrase(failures) from None
        with self._lock:
            self._identities, self._user, self.failures = identities, user, 0
            self._last_use_ns = self._clock.now().mono_ns
        self._audit(user, "viewer_unlocked")

    def lock(self, why: str = "lock") -> None:
        with self._lock:
            was, user = bool(self._identities), self._user
            self._identities = []
        if was:
            self._audit(user, "viewer_locked", why=why)
            for listener in self.on_locked:
                listener()

    @property
    def unlocked(self) -> bool:
        """False once the idle timeout has passed (which locks)."""
        with self._lock:
            if not self._identities:
                return False
            idle = (self._clock.now().mono_ns - self._last_use_ns) / 1e9
        if idle >= self.idle_timeout_s:
            self.lock("idle")
            return False
        return True

    @property
    def user(self) -> str:
        return self._user

    def require_unlocked(self) -> None:
        """Raise `ViewerLocked` unless unlocked (and count this as use)."""
        self._unlocked_identities()

    def _unlocked_identities(self) -> list[X25519Identity]:
        if not self.unlocked:
            raise ViewerLocked()
        with self._lock:
            self._last_use_ns = self._clock.now().mono_ns
            return list(self._identities)

    # -- find ------------------------------------------------------------------------------
    def search(self, f: SearchFilter) -> list[FoundSale]:
        self._unlocked_identities()  # searching needs no key, but only an unlocked manager
        self._catch_up()
        found = sale_search.search_sales(f)
        self._audit(self._user, "viewer_search", filter=_filter_text(f), results=len(found))
        return found

    def exception_report(self, by: str, *, since: datetime | None = None,
                         until: datetime | None = None) -> ExceptionReport:
        self._unlocked_identities()
        self._catch_up()
        report = sale_search.exception_report(by, since=since, until=until)
        self._audit(self._user, "viewer_exception_report", by=by, since=since, until=until)
        return report

    def thumbnail(self, sale_id: str, width: int = 160) -> Picture | None:
        """The first picture of the sale's clip (decrypted in memory), or None."""
        plain, _, _ = self._decrypt(sale_id, self._unlocked_identities())
        if not plain:
            return None
        try:
            playback = ClipPlayback(plain)
        except MediaError:
            return None
        try:
            return playback.thumbnail(width)
        finally:
            playback.close()

    # -- one sale --------------------------------------------------------------------------
    def find(self, sale_id: str) -> FoundSale:
        found = sale_search.search_sales(SearchFilter(limit=1, sale_id=sale_id))
        if not found:
            raise UnknownSale(sale_id)
        return found[0]

    def open_sale(self, sale_id: str) -> SaleEvidence:
        """Everything the player shows of a sale; audited as a view."""
        identities = self._unlocked_identities()
        self._catch_up()
        sale = self.find(sale_id)
        info = self._recordings.get(sale_id)
        manifest = self._manifest(info.manifest_path if info else None)
        plain, problem, truncated = self._decrypt(sale_id, identities)
        badge = sale_badge(data_dir=self.data_dir, lane=sale.lane, sale_id=sale_id,
                           status=info.status if info else None,
                           public_keys=self._keys.lane_public_keys(),
                           journal_bytes=self._sales.journal_bytes, decrypt_problem=problem,
                           truncated=truncated)
        start = manifest.get("start") if manifest else None
        start_ns = start.get("mono_ns") if isinstance(start, dict) else None
        events = self._sales.load_events(sale_id)
        cur = currency(sale.currency)
        journal = tuple(_line(e, start_ns, cur) for e in events)
        receipt = receipt_lines(events, header=self._receipt_header, labels=self._receipt_labels)
        duration = 0.0
        if plain:
            try:
                playback = ClipPlayback(plain)
                duration = playback.duration_s
                playback.close()
            except MediaError as e:
                log.info("clip of %s does not play: %s", sale_id, e)
        gaps = tuple(Gap(j.offset_s, str(j.data.get("cause") or j.data.get("reason") or j.kind))
                     for j in journal if j.kind in (JournalKind.RECORDING_GAP, JournalKind.RECORDING_STOPPED)
                     and j.offset_s is not None)
        self._audit(self._user, "viewer_view", sale=sale_id, badge=badge.state.value)
        return SaleEvidence(sale, journal, badge, plain or None, duration, gaps, manifest, receipt)

    def _manifest(self, relative: str | None) -> Mapping[str, object] | None:
        if not relative:
            return None
        try:
            return Entry.parse((self.data_dir / relative).read_bytes()).body
        except (OSError, ValueError):
            return None

    def _decrypt(self, sale_id: str, identities: list[X25519Identity]
                 ) -> tuple[bytes, str | None, bool]:
        """(plaintext, problem or None, truncated) of the sale's clip, all in memory."""
        info = self._recordings.get(sale_id)
        if info is None or not info.clip_path:
            return b"", None, False
        try:
            sealed = (self.data_dir / info.clip_path).read_bytes()
        except OSError as e:
            return b"", f"the clip cannot be read: {e.strerror or e}", False
        try:
            return decrypt_bytes(sealed, identities), None, False
        except TruncatedPayload as e:
            return e.partial, None, True
        except AgeError as e:
            return getattr(e, "partial", b""), f"the clip does not decrypt: {e}", False

    def save_still(self, sale_id: str, time_s: float, out_dir: Path) -> Path:
        """The picture of each camera at `time_s` as PNG files in `out_dir`; audited."""
        plain, problem, _ = self._decrypt(sale_id, self._unlocked_identities())
        if not plain:
            raise MediaError(problem or f"sale {sale_id} has no clip")
        playback = ClipPlayback(plain)
        try:
            pictures = playback.seek(time_s)
        finally:
            playback.close()
        if not pictures:
            raise MediaError(f"no picture at {time_s:.2f} s")
        out_dir.mkdir(parents=True, exist_ok=True)
        paths = []
        for n, picture in enumerate(pictures):
            path = out_dir / f"{sale_id[:8]}-{picture.time_s:08.3f}s-cam{n + 1}.png"
            path.write_bytes(picture_png(picture))
            paths.append(path)
        self._audit(self._user, "viewer_still", sale=sale_id, at_s=round(time_s, 3),
                    files=[str(p) for p in paths])
        return paths[0]

    # -- evidence files (for exports) -----------------------------------------------------
    def recording_info(self, sale_id: str) -> RecordingInfo | None:
        return self._recordings.get(sale_id)

    def journal_bytes(self, sale_id: str, count: int) -> bytes:
        """The first `count` journal events in the canonical bytes a manifest hashed."""
        return self._sales.journal_bytes(sale_id, count)

    def chain_lines(self, lane: str) -> list[bytes]:
        """The lane's chain log, line by line (without newlines)."""
        path = ClipLayout(self.data_dir).chain_log(lane)
        return path.read_bytes().splitlines() if path.exists() else []

    def lane_public_keys(self) -> dict[str, bytes]:
        return self._keys.lane_public_keys()

    @property
    def keys_dir(self) -> Path:
        return self._keys.directory

    # -- audit -----------------------------------------------------------------------------
    def audit(self, action: str, **details: object) -> None:
        """An audit row in the viewer user's name (for exports and holds)."""
        self._audit(self._user, action, **details)

    def _audit(self, user: str, action: str, **details: object) -> None:
        self._writer.submit(lambda: self._audit_log(user, action, **details))

    def _catch_up(self) -> None:
        """Extract the facts of sales finished since the last search, on the writer thread."""
        done = threading.Event()
        self._writer.submit(sale_facts.extract_pending,
                            lambda _, error: done.set() if error is None else None)
        if not done.wait(CATCH_UP_TIMEOUT_S):
            log.warning("search facts are behind; searching without the newest sales")


def _line(event: JournalEvent, start_ns: int | None, cur: Currency) -> JournalLine:
    offset = None if start_ns is None else max(0.0, (event.mono_ns - start_ns) / 1e9)
    try:
        text = describe(event, cur) or event.kind
    except (KeyError, TypeError, ValueError, ArithmeticError):
        # The list must show a journal even where an old event lacks a field `describe` reads.
        text = event.kind
    return JournalLine(event.seq, event.kind, event.utc, offset, dict(event.data),
                       EVENT_MARKS.get(event.kind), text)


def _filter_text(f: SearchFilter) -> dict[str, object]:
    """The filter as an audit row keeps it: only what was set."""
    out: dict[str, object] = {}
    for name, value in vars(f).items():
        if value in (None, frozenset()) or name == "limit":
            continue
        out[name] = sorted(v.value for v in value) if isinstance(value, frozenset) else str(value)
    return out


def open_viewer(services: Services, *, clock: Clock | None = None,
                receipt_labels: Mapping[str, str] = DEFAULT_LABELS) -> ViewerService:
    """The viewer of the lane `services` opened, with its configured idle timeout."""
    config = services.config
    timeout = float(config.get("viewer.idle_timeout_s") or DEFAULT_IDLE_TIMEOUT_S)
    header = StoreHeader(config.get("store.name"), tuple(
        line for line in str(config.get("store.address")).split("|") if line),
        config.get("store.tax_id"))
    return ViewerService(data_dir=services.data_dir, keys=services.keys, sales=services.sales,
                         recordings=services.recordings, writer=services.writer,
                         audit=db_audit.audit, clock=clock, idle_timeout_s=timeout,
                         receipt_header=header, receipt_labels=receipt_labels)


__all__ = ["Badge", "DEFAULT_IDLE_TIMEOUT_S", "FoundSale", "Gap", "JournalLine", "ReasonRequired",
           "SaleEvidence", "SearchFilter", "ViewerLocked", "ViewerService",
           "WrongViewerPassphrase", "open_viewer"]
