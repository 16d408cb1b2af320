"""The manager's search over finished sales, and the exception report.

Every filter is a condition the indexes of migration 3 serve together with the time
range: marks come from `sale_mark` (indexed by mark and start), products and tenders are
correlated EXISTS probes on the sale's own lines and payments. Call
`sale_facts.extract_pending()` first so the newest sales have their marks.
"""
from __future__ import annotations

from collections import Counter
from datetime import datetime
from typing import Any

from peewee import JOIN, fn

from posdesk.core.lines import PaymentStatus
from posdesk.core.sale_marks import Mark
from posdesk.core.sale_search import (ClipProblem, ExceptionReport, ExceptionRow, FoundSale,
                                      SearchFilter)

from .fields import UtcDateTimeField
from .models import AuditLog, Barcode, Payment, Product, Recording, Sale, SaleFacts, SaleLine, SaleMark
from .sale_facts import FINISHED

#: How the exception report groups its rows.
GROUPS = ("day", "cashier", "lane")
_TIME = UtcDateTimeField()
#: The evidence index's recording status of each clip problem.
_CLIP_STATUS = {ClipProblem.TRUNCATED: "truncated", ClipProblem.MISSING: "no-clip"}


def search_sales(f: SearchFilter) -> list[FoundSale]:
    """Finished sales matching `f`, newest first, at most `f.limit`."""
    q = (Sale.select(Sale.id, Sale.lane, Sale.cashier, Sale.started_utc, Sale.receipt_no,
                     Sale.kind, Sale.state, Sale.total_minor, Sale.currency, SaleFacts.tenders,
                     SaleFacts.marks, Recording.status, Recording.legal_hold)
         .join(SaleFacts, JOIN.LEFT_OUTER, on=(SaleFacts.sale == Sale.id))
         .switch(Sale).join(Recording, JOIN.LEFT_OUTER, on=(Recording.sale == Sale.id))
         .where(*_conditions(f))
         .order_by(Sale.started_utc.desc()).limit(f.limit))
    # Plain tuples: building a model object per row costs more than the query itself.
    return [_found(row) for row in q.tuples()]


def _conditions(f: SearchFilter) -> list[Any]:
    c: list[Any] = [Sale.state.in_(FINISHED)]
    if f.since is not None:
        c.append(Sale.started_utc >= f.since)
    if f.until is not None:
        c.append(Sale.started_utc < f.until)
    for column, value in ((Sale.lane, f.lane), (Sale.cashier, f.cashier),
                          (Sale.receipt_no, f.receipt_no), (Sale.id, f.sale_id)):
        if value is not None:
            c.append(column == value)
    if f.min_total_minor is not None:
        c.append(Sale.total_minor >= f.min_total_minor)
    if f.max_total_minor is not None:
        c.append(Sale.total_minor <= f.max_total_minor)
    if f.product:
        c.append(fn.EXISTS(SaleLine.select(SaleLine.id).where(
            SaleLine.sale == Sale.id, SaleLine.sku.in_(_skus(f.product)))))
    if f.tender:
        c.append(fn.EXISTS(Payment.select(Payment.id).where(
            Payment.sale == Sale.id, Payment.tender == f.tender,
            Payment.status == PaymentStatus.APPROVED.value)))
    if f.marks:
        marked = SaleMark.select(SaleMark.sale).where(SaleMark.mark.in_([m.value for m in f.marks]))
        if f.since is not None:
            marked = marked.where(SaleMark.started_utc >= f.since)
        if f.until is not None:
            marked = marked.where(SaleMark.started_utc < f.until)
        if _only_time_and_marks(f):
            # The newest marked sales straight from the covering mark index: a month of a
            # busy shop has thousands of marks, and the page needs only the newest few.
            marked = (marked.group_by(SaleMark.sale)
                      .order_by(fn.MAX(SaleMark.started_utc).desc()).limit(f.limit))
        c.append(Sale.id.in_(marked))
    if f.discount_above_percent is not None:
        c.append((Sale.discount_minor > 0)
                 & (Sale.discount_minor * 100 >= Sale.subtotal_minor * f.discount_above_percent))
    if f.clip_problems:
        # Through the status index: such sales are few, their time range is wide.
        statuses = [_CLIP_STATUS[p] for p in f.clip_problems]
        cond = Sale.id.in_(Recording.select(Recording.sale).where(Recording.status.in_(statuses)))
        if ClipProblem.MISSING in f.clip_problems:
            cond = cond | Recording.id.is_null()
        c.append(cond)
    return c


def _only_time_and_marks(f: SearchFilter) -> bool:
    """Whether nothing but the time range narrows the marked sales further."""
    return f == SearchFilter(since=f.since, until=f.until, marks=f.marks, limit=f.limit)


def _skus(product: str) -> list[str]:
    """SKUs a barcode or a name fragment stands for (the catalog is small; sales are not)."""
    text = product.strip()
    if text.isdigit():
        found = [p.sku for p in Product.select(Product.sku).join(Barcode)
                 .where(Barcode.code.in_([text, text.zfill(13)]))]
        return found or [text]
    return [p.sku for p in Product.select(Product.sku)
            .where(Product.name_key.contains(text.casefold()))] or [text]


def _found(row: tuple[Any, ...]) -> FoundSale:
    (sale_id, lane, cashier, started, receipt_no, kind, state, total, cur, tenders, marks,
     status, hold) = row
    return FoundSale(sale_id, lane, cashier, started, receipt_no, kind, state, total, cur,
                     tuple(t for t in (tenders or "").split(",") if t),
                     tuple(Mark(m) for m in (marks or "").split(",") if m), status, bool(hold))


def exception_report(by: str, *, since: datetime | None = None, until: datetime | None = None,
                     limit: int = 5000) -> ExceptionReport:
    """Every mark of the sales started in the range, grouped `by` day, cashier or lane."""
    if by not in GROUPS:
        raise ValueError(f"exception report groups by {', '.join(GROUPS)}, not {by!r}")
    q = (SaleMark.select(SaleMark.mark, SaleMark.seq, SaleMark.started_utc, Sale.id, Sale.cashier,
                         Sale.lane)
         .join(Sale, on=(SaleMark.sale == Sale.id)))
    if since is not None:
        q = q.where(SaleMark.started_utc >= since)
    if until is not None:
        q = q.where(SaleMark.started_utc < until)
    found = [(Mark(mark), seq, _TIME.python_value(started) if isinstance(started, str) else started,
              sale_id, cashier, lane)
             for mark, seq, started, sale_id, cashier, lane in q.tuples()]
    found += _no_sales(since, until)
    rows = []
    counts: Counter[tuple[str, Mark]] = Counter()
    for mark, seq, started_utc, sale_id, cashier, lane in sorted(found, key=lambda r: r[2]):
        group = {"day": started_utc.date().isoformat(), "cashier": cashier, "lane": lane}[by]
        counts[(group, mark)] += 1
        if len(rows) < limit:
            rows.append(ExceptionRow(group, mark, sale_id, seq, started_utc))
    return ExceptionReport(by, dict(counts), tuple(rows))


def _no_sales(since: datetime | None, until: datetime | None) -> list[tuple[Any, ...]]:
    """Drawer openings without a sale, from the audit log (who, when; the lane is unknown)."""
    q = AuditLog.select(AuditLog.user, AuditLog.utc).where(AuditLog.action == Mark.NO_SALE.value)
    if since is not None:
        q = q.where(AuditLog.utc >= since)
    if until is not None:
        q = q.where(AuditLog.utc < until)
    return [(Mark.NO_SALE, None, utc, "", user, "—") for user, utc in q.tuples()]
