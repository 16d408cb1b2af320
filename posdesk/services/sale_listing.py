"""Sales as `posdesk sales list --json` shows them: each with its evidence files."""
from __future__ import annotations

from posdesk.db.recordings import RecordingStore
from posdesk.db.sales import SaleStore, SaleSummary


def listed_sales(sales: SaleStore, recordings: RecordingStore, *, limit: int) -> list[dict[str, object]]:
    """The newest `limit` sales as JSON-ready rows."""
    return [_sale_row(summary, recordings) for summary in sales.list_sales(limit=limit)]


def _sale_row(summary: SaleSummary, recordings: RecordingStore) -> dict[str, object]:
    rec = recordings.get(summary.id)
    return {
        "id": summary.id, "lane": summary.lane, "kind": summary.kind.value,
        "state": summary.state.value, "cashier": summary.cashier,
        "started_utc": summary.started_utc.isoformat(),
        "ended_utc": summary.ended_utc.isoformat() if summary.ended_utc else None,
        "receipt_no": summary.receipt_no, "total": str(summary.total.amount),
        "currency": summary.total.currency.code, "original_receipt": summary.original_receipt,
        "recording": None if rec is None else {
            "status": rec.status, "clip": rec.clip_path, "manifest": rec.manifest_path,
            "size": rec.size, "sha256": rec.sha256, "duration_ms": rec.duration_ms},
    }


def find_sale_id(sales: SaleStore, lane: str, ref: str) -> str:
    """The id of the sale `ref` names: a receipt number of `lane`, or a sale id (an unknown
    one raises `UnknownSale`)."""
    if ref.isdigit():
        found = sales.find_by_receipt(lane, ref)
        if found is not None:
            return found[0].id
    return sales.get(ref).id
