"""Sales and their journals: event by event while open, then one transaction at completion.

`append_event` is called for every journal event as it happens (each its own short
transaction, by the writer thread), so after a crash `open_sale_events` hands back the
interrupted sale to replay. `commit_sale` writes the finished sale's rows and advances the
lane's receipt counter in ONE transaction: receipt numbers are gapless per lane, and a sale
is either wholly committed or not at all.
"""
from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Iterable

from peewee import IntegrityError, fn

from posdesk.core.clock import Clock, SystemClock
from posdesk.core.journal import JournalEvent, JournalKind, canonical_bytes
from posdesk.core.money import Money, currency
from posdesk.core.sale import OriginalLine, Sale, SaleKind, SaleState

from . import sale_rows
from .errors import JournalConflict, ReceiptGap, StoreError, UnknownSale
from .models import JournalEventRow, Payment, ReceiptCounter, SaleLine, SaleTax, db
from .models import Sale as SaleRow
from .shifts import open_shift_row

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SaleSummary:
    id: str
    lane: str
    kind: SaleKind
    state: SaleState
    cashier: str
    started_utc: datetime
    ended_utc: datetime | None
    receipt_no: int | None
    total: Money
    original_receipt: str | None
    shift_id: int | None


def _summary(row: SaleRow) -> SaleSummary:
    return SaleSummary(row.id, row.lane, SaleKind(row.kind), SaleState(row.state), row.cashier,
                       row.started_utc, row.ended_utc, row.receipt_no,
                       Money.from_minor(row.total_minor, currency(row.currency)),
                       row.original_receipt, row.shift_id)


class SaleStore:
    """Sales of every lane in the bound database. `clock` stamps nothing in the journal
    (events carry their own time); it only serves replays of interrupted sales."""

    def __init__(self, clock: Clock | None = None):
        self._clock = clock or SystemClock()

    # -- while the sale is open ------------------------------------------------------------
    def append_event(self, sale_id: str, event: JournalEvent) -> None:
        """Journal one event. `sale_started` creates the sale row; suspend, resume, tender
        and void events also move the row's state, so the row never lags the journal."""
        with db.atomic():
            if event.kind == JournalKind.SALE_STARTED:
                if SaleRow.get_or_none(SaleRow.id == sale_id) is None:
                    fields = sale_rows.started_fields(sale_id, event)
                    shift = open_shift_row(fields["lane"])
                    SaleRow.create(**fields, shift=shift.id if shift else None)
            self._insert_event(sale_id, event)
            state = sale_rows.STATE_EVENTS.get(event.kind)
            if state is not None:
                ended = event.utc if state is SaleState.VOIDED else None
                SaleRow.update(state=state.value, ended_utc=ended).where(SaleRow.id == sale_id).execute()

    def record_state(self, sale: Sale) -> None:
        """Store a suspended, resumed or voided sale's state with its lines and payments."""
        if sale.state is SaleState.COMPLETED:
            raise StoreError(f"sale {sale.id} is completed: use commit_sale")
        with db.atomic():
            self._ensure_sale(sale)
            SaleRow.update(**sale_rows.sale_fields(sale)).where(SaleRow.id == sale.id).execute()
            self._replace_rows(sale)

    # -- completion ------------------------------------------------------------------------
    def commit_sale(self, sale: Sale) -> None:
        """Write a completed sale in one transaction: journal (any events not yet stored),
        sale row, lines, tax rows, payments, and the lane's receipt counter + 1.

        Raises `ReceiptGap` (and writes nothing) unless the sale's receipt number is exactly
        the lane's next one. Committing the same sale again is a no-op.
        """
        if sale.state is not SaleState.COMPLETED or sale.receipt_no is None:
            raise StoreError(f"sale {sale.id} is {sale.state.value}, not completed")
        receipt_no = int(sale.receipt_no)
        with db.atomic():
            row = self._ensure_sale(sale)
            if row.state == SaleState.COMPLETED.value:
                if row.receipt_no != receipt_no:
                    raise StoreError(f"sale {sale.id} already has receipt {row.receipt_no}")
                return
            expected = self.next_receipt_no(sale.lane)
            if receipt_no != expected:
                raise ReceiptGap(sale.lane, expected, receipt_no)
            if expected == 1:
                ReceiptCounter.insert(lane=sale.lane, last_no=1).execute()
            else:
                ReceiptCounter.update(last_no=receipt_no).where(ReceiptCounter.lane == sale.lane).execute()
            shift = open_shift_row(sale.lane)
            fields = sale_rows.sale_fields(sale)
            fields.update(receipt_no=receipt_no, shift=shift.id if shift else row.shift_id)
            if sale.kind is SaleKind.RETURN and sale.original_receipt:
                original = self._resolve(sale.lane, sale.original_receipt)
                fields["original_sale"] = original.id if original else None
            SaleRow.update(**fields).where(SaleRow.id == sale.id).execute()
            self._replace_rows(sale)
        log.info("sale %s committed as receipt %s-%d", sale.id, sale.lane, receipt_no)

    def next_receipt_no(self, lane: str) -> int:
        last = ReceiptCounter.select(ReceiptCounter.last_no).where(ReceiptCounter.lane == lane).scalar()
        return (last or 0) + 1

    def recover_completed(self, lane: str) -> list[str]:
        """Commit sales whose journal reached `sale_completed` but whose commit was cut off
        (a crash between the two). Returns their ids; call at start-up, before taking sales."""
        recovered = []
        for row in self._unfinished(lane):
            events = self.load_events(row.id)
            if any(e.kind == JournalKind.SALE_COMPLETED for e in events):
                self.commit_sale(Sale.replay(events, self._clock))
                recovered.append(row.id)
        return recovered

    # -- reading ---------------------------------------------------------------------------
    def open_sale_events(self, lane: str) -> list[JournalEvent] | None:
        """The journal of the newest unfinished, unsuspended sale of `lane` (to resume after
        a crash), or None."""
        for row in self._unfinished(lane):
            events = self.load_events(row.id)
            if events and not any(e.kind in sale_rows.FINISHING_EVENTS for e in events):
                return events
        return None

    def suspended(self, lane: str) -> list[SaleSummary]:
        rows = (SaleRow.select().where(SaleRow.lane == lane, SaleRow.state == SaleState.SUSPENDED.value)
                .order_by(SaleRow.started_utc))
        return [_summary(r) for r in rows]

    def get(self, sale_id: str) -> SaleSummary:
        row = SaleRow.get_or_none(SaleRow.id == sale_id)
        if row is None:
            raise UnknownSale(sale_id)
        return _summary(row)

    def load_events(self, sale_id: str) -> list[JournalEvent]:
        rows = JournalEventRow.select().where(JournalEventRow.sale == sale_id).order_by(JournalEventRow.seq)
        return [sale_rows.event_from_row(r) for r in rows]

    def journal_bytes(self, sale_id: str, count: int) -> bytes:
        """Canonical bytes of the first `count` events, as a manifest hashed them."""
        rows = (JournalEventRow.select().where(JournalEventRow.sale == sale_id)
                .order_by(JournalEventRow.seq).limit(count))
        return canonical_bytes(sale_rows.event_from_row(r) for r in rows)

    def find_by_receipt(self, lane: str | None, receipt_no: str | int
                        ) -> tuple[SaleSummary, list[OriginalLine]] | None:
        """A completed sale by its receipt number (`42` on `lane`, or `L2-42`), with each
        line's quantity already returned by completed returns. None if there is none."""
        row = self._resolve(lane, receipt_no)
        if row is None:
            return None
        returned: dict[int, Decimal] = defaultdict(Decimal)
        back = (SaleLine.select(SaleLine.returns_line, SaleLine.quantity).join(SaleRow)
                .where(SaleRow.original_sale == row.id, SaleRow.state == SaleState.COMPLETED.value,
                       SaleLine.voided == False, SaleLine.returns_line.is_null(False))  # noqa: E712
                .tuples())
        for line_id, quantity in back:
            returned[line_id] -= Decimal(quantity)
        lines = (SaleLine.select().where(SaleLine.sale == row.id, SaleLine.voided == False)  # noqa: E712
                 .order_by(SaleLine.line_id))
        return _summary(row), [sale_rows.original_line(ln, row.currency, returned[ln.line_id]) for ln in lines]

    def list_sales(self, *, lane: str | None = None, since: datetime | None = None,
                   until: datetime | None = None, receipt_no: int | None = None,
                   states: Iterable[SaleState] | None = None, kind: SaleKind | None = None,
                   min_total: Money | None = None, max_total: Money | None = None,
                   cashier: str | None = None, limit: int = 200, offset: int = 0) -> list[SaleSummary]:
        """Sales matching every given filter, newest first (a manager's search).
        Times bound the start of the sale: `since <= started < until`."""
        q = SaleRow.select()
        conditions = []
        if lane is not None:
            conditions.append(SaleRow.lane == lane)
        if since is not None:
            conditions.append(SaleRow.started_utc >= since)
        if until is not None:
            conditions.append(SaleRow.started_utc < until)
        if receipt_no is not None:
            conditions.append(SaleRow.receipt_no == receipt_no)
        if states is not None:
            conditions.append(SaleRow.state.in_([s.value for s in states]))
        if kind is not None:
            conditions.append(SaleRow.kind == kind.value)
        if min_total is not None:
            conditions.append(SaleRow.total_minor >= min_total.minor)
        if max_total is not None:
            conditions.append(SaleRow.total_minor <= max_total.minor)
        if cashier is not None:
            conditions.append(SaleRow.cashier == cashier)
        if conditions:
            q = q.where(*conditions)
        q = q.order_by(SaleRow.started_utc.desc(), SaleRow.id).limit(limit).offset(offset)
        return [_summary(r) for r in q]

    # -- internals -------------------------------------------------------------------------
    def _insert_event(self, sale_id: str, event: JournalEvent) -> None:
        fields = sale_rows.event_fields(sale_id, event)
        try:
            with db.atomic():  # a savepoint, so a duplicate leaves the outer transaction usable
                JournalEventRow.insert(**fields).execute()
        except IntegrityError as e:
            stored = JournalEventRow.get_or_none(JournalEventRow.sale == sale_id,
                                                 JournalEventRow.seq == event.seq)
            if stored is None:
                raise StoreError(f"cannot journal event {event.seq} of sale {sale_id}: {e}") from e
            if sale_rows.event_from_row(stored) != event:
                raise JournalConflict(f"sale {sale_id}: event {event.seq} differs from the stored one") from e
            # The same event again (a retried write): already there, nothing to do.

    def _ensure_sale(self, sale: Sale) -> SaleRow:
        """The sale row, creating it and any missing journal events from the sale itself."""
        stored = (JournalEventRow.select(fn.MAX(JournalEventRow.seq))
                  .where(JournalEventRow.sale == sale.id).scalar() or 0)
        for event in sale.events[stored:]:
            self.append_event(sale.id, event)
        row = SaleRow.get_or_none(SaleRow.id == sale.id)
        if row is None:
            raise UnknownSale(sale.id)
        return row

    def _replace_rows(self, sale: Sale) -> None:
        for model in (SaleLine, SaleTax, Payment):
            model.delete().where(model.sale == sale.id).execute()
        for model, rows in ((SaleLine, sale_rows.line_rows(sale)), (SaleTax, sale_rows.tax_rows(sale)),
                            (Payment, sale_rows.payment_rows(sale))):
            if rows:
                model.insert_many(rows).execute()

    def _unfinished(self, lane: str) -> Iterable[SaleRow]:
        return (SaleRow.select()
                .where(SaleRow.lane == lane,
                       SaleRow.state.in_([SaleState.OPEN.value, SaleState.TENDERING.value]))
                .order_by(SaleRow.started_utc.desc()))

    def _resolve(self, lane: str | None, receipt: str | int) -> SaleRow | None:
        parsed = sale_rows.parse_receipt(receipt, lane)
        if parsed is None:
            return None
        on_lane, number = parsed
        q = SaleRow.select().where(SaleRow.receipt_no == number, SaleRow.kind == SaleKind.SALE.value,
                                   SaleRow.state == SaleState.COMPLETED.value)
        if on_lane is not None:
            q = q.where(SaleRow.lane == on_lane)
        return q.order_by(SaleRow.started_utc.desc()).first()
