"""An X/Z report as labelled rows: one layout for the screen, the printer and the CLI.

Labels are translatable texts; values are already formatted, so every surface shows the
same figures in the same order.
"""
from __future__ import annotations

from typing import Any

from .i18n import QT_TRANSLATE_NOOP, Text
from .lines import Tender
from .reports import XZReport


def report_title(report: XZReport) -> Text:
    if report.kind.value == "Z":
        return QT_TRANSLATE_NOOP("Report", "Z report (close of day)")
    return QT_TRANSLATE_NOOP("Report", "X report (mid-shift)")


def report_rows(report: XZReport) -> list[tuple[Text, str]]:
    t = QT_TRANSLATE_NOOP
    rows: list[tuple[Text, str]] = [
        (t("Report", "Sales"), str(report.sales_count)),
        (t("Report", "Gross sales"), str(report.gross_sales)),
        (t("Report", "Returns ({count})").format(count=report.returns_count), str(report.returns_value)),
        (t("Report", "Net sales"), str(report.net_sales)),
        (t("Report", "Voided sales ({count})").format(count=report.voids_count), str(report.voids_value)),
        (t("Report", "Voided lines ({count})").format(count=report.line_voids_count), str(report.line_voids_value)),
        (t("Report", "Discounts"), str(report.discounts)),
        (t("Report", "Cash rounding"), str(report.rounding)),
    ]
    for row in report.taxes:
        rows.append((t("Report", "Tax {code} {percent}%: net {net} tax").format(
            code=row.rate.code, percent=row.rate.percent, net=str(row.net)), str(row.tax)))
    names = {Tender.CASH: t("Report", "Cash"), Tender.CARD: t("Report", "Card")}
    for tender, amount in report.tenders.items():
        rows.append((names[tender], str(amount)))
    cash = [
        (t("Report", "Float"), report.shift.float_amount),
        (t("Report", "Cash in"), report.cash_in),
        (t("Report", "Cash out"), report.cash_out),
        (t("Report", "Cash expected"), report.cash_expected),
        (t("Report", "Cash counted"), report.counted),
        (t("Report", "Difference"), report.difference),
    ]
    rows += [(label, str(value)) for label, value in cash if value is not None]
    if report.chain_head is not None:
        rows.append((t("Report", "Evidence chain head"), str(report.chain_head)))
    return rows


def report_dict(report: XZReport) -> dict[str, Any]:
    """Plain JSON types (money as decimal strings) for `posdesk report --json`."""
    s = report.shift
    return {
        "kind": report.kind.value, "lane": s.lane, "user": s.user, "shift_id": s.shift_id,
        "currency": s.currency.code,
        "opened_utc": s.opened_utc.isoformat() if s.opened_utc else None,
        "closed_utc": s.closed_utc.isoformat() if s.closed_utc else None,
        "sales_count": report.sales_count, "gross_sales": str(report.gross_sales.amount),
        "returns_count": report.returns_count, "returns_value": str(report.returns_value.amount),
        "net_sales": str(report.net_sales.amount), "voids_count": report.voids_count,
        "voids_value": str(report.voids_value.amount), "discounts": str(report.discounts.amount),
        "rounding": str(report.rounding.amount),
        "taxes": [{"code": r.rate.code, "percent": str(r.rate.percent), "net": str(r.net.amount),
                   "tax": str(r.tax.amount), "gross": str(r.gross.amount)} for r in report.taxes],
        "tenders": {k.value: str(v.amount) for k, v in report.tenders.items()},
        "float": str(s.float_amount.amount),
        **{k: (None if v is None else str(v.amount)) for k, v in (
            ("cash_in", report.cash_in), ("cash_out", report.cash_out),
            ("cash_expected", report.cash_expected), ("counted", report.counted),
            ("difference", report.difference))},
        "chain_head": None if report.chain_head is None else {
            "entries": report.chain_head.entries, "hash": report.chain_head.hash_prefix},
    }
