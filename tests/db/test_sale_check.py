"""Checking stored rows against the journal: kinds are stored as their plain strings, and a
journal holding a kind this version does not know is a finding, not a crash."""
from posdesk.core.journal import JournalKind, canonical_bytes
from posdesk.db.models import JournalEventRow, db
from posdesk.db.sale_check import check_sales, lane_journals

from .conftest import BREAD, MILK


def test_kinds_are_stored_as_the_strings_signed_journals_hold(sales, maker):
    sale = maker.complete(maker.paid_cash((MILK, 1)))
    stored = [kind for (kind,) in db.execute_sql(
        "SELECT kind FROM journal_event WHERE sale_id = ? ORDER BY seq", (sale.id,))]
    assert stored == ["sale_started", "line_added", "tendering_started", "cash_paid",
                      "sale_completed"]
    loaded = sales.load_events(sale.id)
    assert [e.kind for e in loaded] == [e.kind for e in sale.events]
    assert canonical_bytes(loaded) == canonical_bytes(sale.events)


def test_a_journal_that_matches_its_rows_has_no_difference(sales, maker):
    sale = maker.complete(maker.paid_cash((MILK, 2), (BREAD, 1)))
    (checked,) = check_sales({sale.id: len(sale.events)}, lane_journals("L1"))
    assert (checked.receipt_no, checked.difference) == (1, None)


def test_an_unknown_kind_in_a_stored_journal_is_named_as_the_difference(sales, maker):
    sale = maker.complete(maker.paid_cash((MILK, 1)))
    JournalEventRow.update(kind="line_teleported").where(
        JournalEventRow.sale == sale.id, JournalEventRow.kind == JournalKind.LINE_ADDED).execute()
    (checked,) = check_sales({sale.id: len(sale.events)}, lane_journals("L1"))
    assert checked.difference == ("the journal does not replay: journal event #2 has the "
                                  "unknown kind 'line_teleported'")
