"""Which retention classes a sale's journal puts it in, and the keep period that follows."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from posdesk.core.journal import JournalEvent
from posdesk.core.retention import MAX_KEEP_DAYS, RetentionClass as C, RetentionPolicy, classify

T = datetime(2026, 12, 2, tzinfo=timezone.utc)


def events(*kinds_and_data):
    return [JournalEvent(i, kind, T, i, data) for i, (kind, data) in enumerate(kinds_and_data)]


def test_plain_sale_is_ordinary_only():
    assert classify(events(("sale_started", {"kind": "sale"}),
                           ("line_added", {"category": "dairy"}),
                           ("sale_completed", {}))) == {C.ORDINARY}


def test_flags_come_from_categories_age_checks_refunds_voids_and_overrides():
    sale = events(("sale_started", {"kind": "sale"}),
                  ("line_added", {"category": "Financial"}),
                  ("age_confirmed", {"min_age": 18}),
                  ("line_voided", {"line_id": 1}),
                  ("price_overridden", {"line_id": 2}))
    assert classify(sale) == {C.ORDINARY, C.REGULATED, C.VOID, C.OVERRIDE}
    assert classify(events(("sale_started", {"kind": "return"}))) == {C.ORDINARY, C.REFUND}
    assert classify(events(("line_added", {"source": "return"}))) == {C.ORDINARY, C.REFUND}


def test_regulated_categories_are_configurable():
    sale = events(("line_added", {"category": "lottery"}))
    assert classify(sale) == {C.ORDINARY}
    assert classify(sale, ["lottery", " "]) == {C.ORDINARY, C.REGULATED}


def test_the_longest_class_wins():
    policy = RetentionPolicy()
    assert policy.keep_for({C.ORDINARY}) == timedelta(days=30)
    assert policy.keep_for({C.ORDINARY, C.VOID, C.REGULATED}) == timedelta(days=MAX_KEEP_DAYS)
    assert policy.keep_for(()) == timedelta(days=30)


@pytest.mark.parametrize("days", [-1, MAX_KEEP_DAYS + 1])
def test_keep_periods_outside_zero_to_ten_years_are_refused(days):
    with pytest.raises(ValueError, match="refund"):
        RetentionPolicy({**RetentionPolicy().keep_days, C.REFUND: days})
