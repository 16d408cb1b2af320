"""Extracting each finished sale's search facts (tenders, exception marks) once.

The checkout writes sales as fast as it can and knows nothing of searching; the viewer
calls `extract_pending` before it searches, which catches up on the sales finished since,
in batches, each batch one transaction. A finished sale's journal never changes, so its
facts never need refreshing.
"""
from __future__ import annotations

import logging

from peewee import JOIN

from posdesk.core.sale import SaleKind, SaleState
from posdesk.core.sale_marks import marks_of
from posdesk.core.lines import PaymentStatus

from . import sale_rows
from .models import JournalEventRow, Payment, Sale, SaleFacts, SaleMark, db

log = logging.getLogger(__name__)

#: Sales whose facts no longer change.
FINISHED = (SaleState.COMPLETED.value, SaleState.VOIDED.value)


def extract_pending(batch: int = 500) -> int:
    """Facts for every finished sale that has none yet; returns how many were added."""
    added = 0
    while True:
        rows = list(Sale.select(Sale.id, Sale.kind, Sale.started_utc)
                    .join(SaleFacts, JOIN.LEFT_OUTER, on=(SaleFacts.sale == Sale.id))
                    .where(Sale.state.in_(FINISHED), SaleFacts.sale.is_null())
                    .limit(batch))
        if not rows:
            return added
        with db.atomic():
            for row in rows:
                _extract(row)
        added += len(rows)
        log.info("search facts extracted for %d sales", added)


def _extract(row: Sale) -> None:
    events = (sale_rows.event_from_row(r) for r in JournalEventRow.select()
              .where(JournalEventRow.sale == row.id).order_by(JournalEventRow.seq))
    marks = marks_of(events, is_return=row.kind == SaleKind.RETURN.value)
    tenders = sorted({t for (t,) in Payment.select(Payment.tender)
                      .where(Payment.sale == row.id,
                             Payment.status == PaymentStatus.APPROVED.value).tuples()})
    unique = list(dict.fromkeys(m.mark.value for m in marks))
    SaleFacts.insert(sale=row.id, tenders=",".join(tenders), marks=",".join(unique)).execute()
    if marks:
        SaleMark.insert_many([{"sale": row.id, "mark": m.mark.value, "seq": m.seq,
                               "started_utc": row.started_utc} for m in marks]).execute()
