"""The export's PDF report, laid out by QTextDocument and printed by QPdfWriter.

It needs a QGuiApplication (the command line creates an offscreen one). Texts are the
viewer's translations, so a Chinese-speaking manager gets a Chinese report.
"""
from __future__ import annotations

import html

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSizeF, QUrl
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtCore import QCoreApplication

from posdesk.core.money import Money, currency
from posdesk.services.viewer_export import ReportContent, ReportSale

from ..formatting import money_text
from .journal_list import event_text
from .labels import badge_label


def _tr(text: str) -> str:
    return QCoreApplication.translate("ViewerReport", text)


def render_pdf(content: ReportContent) -> bytes:
    """The report as PDF bytes (A4)."""
    doc = QTextDocument()
    doc.setDefaultStyleSheet("body { font-size: 9pt; } h1 { font-size: 15pt; } h2 { font-size: 12pt; }"
                             " td { padding: 2px 6px; } .bad { color: #b00020; } .ok { color: #1b5e20; }")
    parts = [f"<h1>{html.escape(_tr('Evidence report'))}</h1>", "<table>"]
    for label, value in ((_tr("Exported by"), content.exported_by),
                         (_tr("Exported at (UTC)"), content.exported_utc.strftime("%Y-%m-%d %H:%M:%S")),
                         (_tr("Reason"), content.reason),
                         (_tr("Sales"), str(len(content.sales)))):
        parts.append(f"<tr><td><b>{html.escape(label)}</b></td><td>{html.escape(value)}</td></tr>")
    parts.append("</table>")
    for n, sale in enumerate(content.sales):
        parts.append(_sale_html(doc, n, sale))
    doc.setHtml("".join(parts))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(_tr("Evidence report"))
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
    sale = item.sale
    total = money_text(Money.from_minor(sale.total_minor, currency(sale.currency)))
    badge = item.badge
    css = "ok" if badge.ok else "bad"
    out = [f"<h2>{html.escape(_tr('Sale'))} {html.escape(sale.lane)} / "
           f"{sale.receipt_no if sale.receipt_no is not None else '—'}</h2>",
           "<table>"]
    for label, value in ((_tr("Sale id"), sale.id), (_tr("Cashier"), sale.cashier),
                         (_tr("Started (UTC)"), sale.started_utc.strftime("%Y-%m-%d %H:%M:%S")),
                         (_tr("State"), sale.state), (_tr("Total"), total),
                         (_tr("Package folder"), item.folder)):
        out.append(f"<tr><td><b>{html.escape(label)}</b></td><td>{html.escape(value)}</td></tr>")
    verdict = "<br>".join(html.escape(x) for x in (badge_label(badge.state), *badge.reasons))
    out.append(f"<tr><td><b>{html.escape(_tr('Verification'))}</b></td>"
               f"<td class='{css}'>{verdict}</td></tr></table>")
    if item.key_frames:
        out.append(f"<p><b>{html.escape(_tr('Key frames'))}</b></p><p>")
        for i, frame in enumerate(item.key_frames):
            url = f"frame://{n}/{i}"
            doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(url),
                            QImage.fromData(frame.png, "PNG"))
            out.append(f"<img src='{url}' width='220'> "
                       f"<small>{frame.time_s:.2f}s {html.escape(frame.label)}</small><br>")
        out.append("</p>")
    out.append(f"<p><b>{html.escape(_tr('Journal'))}</b></p><pre>")
    out += [html.escape(event_text(line)) + "\n" for line in item.journal]
    out.append("</pre>")
    return "".join(out)
