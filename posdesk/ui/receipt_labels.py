"""The receipt's fixed words in the shop's language, for the printing service.

The printer layer cannot reach Qt's translator, so the UI hands it these words; the keys are
those of `core.receipt.DEFAULT_LABELS` plus the line notes "discount" and "price_override".
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def receipt_labels() -> dict[str, str]:
    """Every receipt word, translated now (so a language switch applies to the next receipt)."""
    # Spelled out call by call: lupdate finds only literal translate() calls.
    return {
        "subtotal": QCoreApplication.translate("Receipt", "Subtotal"),
        "total": QCoreApplication.translate("Receipt", "TOTAL"),
        "change": QCoreApplication.translate("Receipt", "Change"),
        "vat": QCoreApplication.translate("Receipt", "VAT"),
        "net": QCoreApplication.translate("Receipt", "Net"),
        "tax": QCoreApplication.translate("Receipt", "Tax"),
        "gross": QCoreApplication.translate("Receipt", "Gross"),
        "cashier": QCoreApplication.translate("Receipt", "Cashier"),
        "lane": QCoreApplication.translate("Receipt", "Lane"),
        "receipt_no": QCoreApplication.translate("Receipt", "Receipt"),
        "copy": QCoreApplication.translate("Receipt", "COPY"),
        "refund": QCoreApplication.translate("Receipt", "REFUND"),
        "cash": QCoreApplication.translate("Receipt", "Cash"),
        "card": QCoreApplication.translate("Receipt", "Card"),
        "discount": QCoreApplication.translate("Receipt", "Discount"),
        "price_override": QCoreApplication.translate("Receipt", "Price override"),
    }
