"""The receipt model: translated fixed words with English fallback, copies for reprint."""
from __future__ import annotations

import dataclasses
from datetime import datetime, timezone
from decimal import Decimal

import pytest

from posdesk.core.money import Money, currency
from posdesk.core.receipt import DEFAULT_LABELS, Receipt, ReceiptKind, ReceiptLine, StoreHeader

EUR = currency("EUR")


def _receipt(**changes) -> Receipt:
    price = Money.of("2.50", EUR)
    fields = dict(header=StoreHeader("Shop"), lane_id="L1", receipt_no="R-1", cashier="Ann",
                  time_utc=datetime(2026, 1, 2, 3, 4, tzinfo=timezone.utc),
                  local_time_text="02.01.2026 04:04",
                  lines=(ReceiptLine("Tea", Decimal(1), price, price, "A"),),
                  subtotal=price, total=price)
    fields.update(changes)
    return Receipt(**fields)


def test_translated_label_wins_and_missing_ones_fall_back_to_english():
    receipt = _receipt(labels={"total": "SUMME", "change": ""})
    assert receipt.label("total") == "SUMME"
    assert receipt.label("change") == "Change"
    assert receipt.label("vat") == "VAT"


def test_unknown_label_key_is_a_programming_error():
    with pytest.raises(KeyError):
        _receipt().label("no-such-word")


def test_copy_keeps_everything_but_the_kind():
    original = _receipt()
    copy = original.as_copy()
    assert copy.kind is ReceiptKind.COPY and original.kind is ReceiptKind.SALE
    assert dataclasses.replace(copy, kind=ReceiptKind.SALE) == original


def test_receipt_is_immutable_and_default_labels_cannot_be_edited():
    receipt = _receipt()
    with pytest.raises(dataclasses.FrozenInstanceError):
        receipt.total = Money.of("0", EUR)  # type: ignore[misc]
    with pytest.raises(TypeError):
        DEFAULT_LABELS["total"] = "X"  # type: ignore[index]
