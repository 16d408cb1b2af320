"""Completing a sale: durable before visible.

A completed sale takes the lane's next receipt number and its commit (rows, payments,
journal, receipt counter: one transaction, synced) goes to the database writer. Only when
that commit is on disk is the sale reported saved — and only then does the receipt print,
the drawer open and the clip end. A power cut before that point leaves no paper and no
open drawer for a sale the database does not have; the journal brings it back.

The receipt counter follows the committed database and never runs ahead of it: the next
number is taken from the last commit, and a new sale cannot start while one is being saved.
"""
from __future__ import annotations

import logging
from typing import Callable

from posdesk import crashpoints
from posdesk.core.i18n import QT_TRANSLATE_NOOP, Text
from posdesk.core.sale import Sale
from posdesk.db.errors import DiskFull
from posdesk.db.sales import SaleStore
from posdesk.db.writer import DbWriter

from .dispatch import Dispatch

log = logging.getLogger(__name__)


class Completion:
    """Commits completed sales; `on_saved(sale, open_drawer)` runs on the sale's thread once
    a commit is on disk, `notice(Text)` when it is not (yet)."""

    def __init__(self, *, sales: SaleStore, writer: DbWriter, dispatch: Dispatch, lane: str,
                 on_saved: Callable[[Sale, bool], None], notice: Callable[[Text], None]):
        self._sales = sales
        self._writer = writer
        self._dispatch = dispatch
        self._on_saved = on_saved
        self._notice = notice
        self._next_receipt = sales.next_receipt_no(lane)

    def complete(self, sale: Sale, *, open_drawer: bool) -> None:
        sale.complete(str(self._next_receipt))
        crashpoints.reached("sale-completed")

        def committed(_result: object, error: BaseException | None) -> None:
            if error is None:
                crashpoints.reached("sale-committed")
            self._dispatch.post(lambda: self._done(sale, error, open_drawer))
        self._writer.submit(lambda: self._sales.commit_sale(sale), committed)

    def _done(self, sale: Sale, error: BaseException | None, open_drawer: bool) -> None:
        if error is None:
            self._next_receipt = int(str(sale.receipt_no)) + 1
            self._on_saved(sale, open_drawer)
            return
        log.error("sale %s (receipt %s) is not saved yet: %s", sale.id, sale.receipt_no, error)
        if isinstance(error, DiskFull):
            self._notice(QT_TRANSLATE_NOOP(
                "Checkout", "The disk is full: the sale is not saved yet. Free some space; "
                "the receipt prints and the drawer opens once it is saved."))
        else:
            self._notice(QT_TRANSLATE_NOOP(
                "Checkout", "The sale is not saved yet ({error}). The receipt prints and "
                "the drawer opens once it is saved.").format(error=str(error)))


def write_failed_text(error: BaseException) -> Text:
    """What the cashier is told when a journal write of the open sale fails (the writer
    keeps it and tries again)."""
    log.error("database write failed: %s", error)
    if isinstance(error, DiskFull):
        return QT_TRANSLATE_NOOP("Checkout", "The disk is full: the sale is kept and saved once "
                                 "space is freed.")
    return QT_TRANSLATE_NOOP("Checkout", "Saving to the database failed; the sale is kept and "
                             "will be saved again.")
