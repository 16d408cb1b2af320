"""The export's PDF report, laid out by QTextDocument and printed by QPdfWriter.

It needs a QGuiApplication (the command line creates an offscreen one). Texts are the
viewer's translations, so a Chinese-speaking manager gets a Chinese report.
"""
from __future__ import annotations

import html

from PySide6.QtCore import (QBuffer, QByteArray, QCoreApplication, QIODevice, QMarginsF, QSizeF,
                            QUrl)
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from posdesk.core.money import Money, currency
from posdesk.services.viewer_export import ReportContent, ReportSale

from ..formatting import money_text
from .journal_list import event_text
from .labels import badge_label


def _labels() -> dict[str, str]:
    """The report's words in the user's language."""
    return {
        "evidence_report": QCoreApplication.translate("ViewerReport", "Evidence report"),
        "exported_by": QCoreApplication.translate("ViewerReport", "Exported by"),
        "exported_at_utc": QCoreApplication.translate("ViewerReport", "Exported at (UTC)"),
        "reason": QCoreApplication.translate("ViewerReport", "Reason"),
        "sales": QCoreApplication.translate("ViewerReport", "Sales"),
        "sale": QCoreApplication.translate("ViewerReport", "Sale"),
        "sale_id": QCoreApplication.translate("ViewerReport", "Sale id"),
        "cashier": QCoreApplication.translate("ViewerReport", "Cashier"),
        "started_utc": QCoreApplication.translate("ViewerReport", "Started (UTC)"),
        "state": QCoreApplication.translate("ViewerReport", "State"),
        "total": QCoreApplication.translate("ViewerReport", "Total"),
        "package_folder": QCoreApplication.translate("ViewerReport", "Package folder"),
        "verification": QCoreApplication.translate("ViewerReport", "Verification"),
        "key_frames": QCoreApplication.translate("ViewerReport", "Key frames"),
        "journal": QCoreApplication.translate("ViewerReport", "Journal"),
    }


def render_pdf(content: ReportContent) -> bytes:
    """The report as PDF bytes (A4)."""
    L = _labels()  # noqa: N806 - a table of words, read like a constant
    doc = QTextDocument()
    doc.setDefaultStyleSheet("body { font-size: 9pt; } h1 { font-size: 15pt; } h2 { font-size: 12pt; }"
                             " td { padding: 2px 6px; } .bad { color: #b00020; } .ok { color: #1b5e20; }")
    parts = [f"<h1>{html.escape(L['evidence_report'])}</h1>", "<table>"]
    for label, value in ((L['exported_by'], content.exported_by),
                         (L['exported_at_utc'], content.exported_utc.strftime("%Y-%m-%d %H:%M:%S")),
                         (L['reason'], content.reason),
                         (L['sales'], str(len(content.sales)))):
        parts.append(f"<tr><td><b>{html.escape(label)}</b></td><td>{html.escape(value)}</td></tr>")
    parts.append("</table>")
    for n, sale in enumerate(content.sales):
        parts.append(_sale_html(doc, n, sale))
    doc.setHtml("".join(parts))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(L['evidence_report'])
    writer.setCreator("posdesk")
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait, QMarginsF(15, 15, 15, 15)))
    writer.setResolution(150)
    doc.setPageSize(QSizeF(writer.width(), writer.height()))
    doc.print_(writer)
    del writer
    buffer.close()
    return bytes(data.data())


def _sale_html(doc: QTextDocument, n: int, item: ReportSale) -> str:
    L = _labels()  # noqa: N806 - a table of words, read like a constant
    sale = item.sale
    total = money_text(Money.from_minor(sale.total_minor, currency(sale.currency)))
    badge = item.badge
    css = "ok" if badge.ok else "bad"
    out = [(f"<h2>{html.escape(L['sale'])} {html.escape(sale.lane)} / "
            f"{sale.receipt_no if sale.receipt_no is not None else '—'}</h2>"),
           "<table>"]
    for label, value in ((L['sale_id'], sale.id), (L['cashier'], sale.cashier),
                         (L['started_utc'], sale.started_utc.strftime("%Y-%m-%d %H:%M:%S")),
                         (L['state'], sale.state), (L['total'], total),
                         (L['package_folder'], item.folder)):
        out.append(f"<tr><td><b>{html.escape(label)}</b></td><td>{html.escape(value)}</td></tr>")
    verdict = "<br>".join(html.escape(x) for x in (badge_label(badge.state), *badge.reasons))
    out.append(f"<tr><td><b>{html.escape(L['verification'])}</b></td>"
               f"<td class='{css}'>{verdict}</td></tr></table>")
    if item.key_frames:
        out.append(f"<p><b>{html.escape(L['key_frames'])}</b></p><p>")
        for i, frame in enumerate(item.key_frames):
            url = f"frame://{n}/{i}"
            doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(url),
                            QImage.fromData(frame.png, "PNG"))
            out.append(f"<img src='{url}' width='220'> "
                       f"<small>{frame.time_s:.2f}s {html.escape(frame.label)}</small><br>")
        out.append("</p>")
    out.append(f"<p><b>{html.escape(L['journal'])}</b></p><pre>")
    out += [html.escape(event_text(line)) + "\n" for line in item.journal]
    out.append("</pre>")
    return "".join(out)
