"""The journaling base: an event is applied, then journaled, then shown to listeners."""
import pytest

from posdesk.core.errors import DomainError
from posdesk.core.journal import JournalKind
from posdesk.core.sale import Sale
from posdesk.core.sale_journaled import JournaledSale

from .conftest import MILK, new_sale


def test_events_are_numbered_from_one_and_listeners_see_each_after_it_is_journaled(clock):
    seen = []
    sale = new_sale(clock)
    sale.listeners.append(lambda e: seen.append((e.seq, e.kind, len(sale.events))))
    sale.add_product(MILK)
    sale.note(JournalKind.RECEIPT_PRINTED)
    assert seen == [(2, JournalKind.LINE_ADDED, 2), (3, JournalKind.RECEIPT_PRINTED, 3)]


def test_an_event_that_cannot_apply_is_never_journaled_nor_shown(clock):
    seen = []
    sale = JournaledSale(clock)
    sale.listeners.append(seen.append)
    with pytest.raises(DomainError):
        sale._emit(JournalKind.LINE_VOIDED, {"line_id": 1})
    assert sale.events == [] and seen == []


def test_replay_keeps_the_events_and_builds_the_callers_class(clock):
    sale = new_sale(clock)
    sale.add_product(MILK)
    copy = Sale.replay(sale.events, clock)
    assert type(copy) is Sale and copy.events == sale.events
    assert copy.events is not sale.events
    assert JournaledSale.replay(sale.events, clock).total == sale.total


def test_replay_tells_no_listener(clock):
    seen = []
    sale = new_sale(clock)
    sale.add_product(MILK)
    copy = Sale.replay(sale.events, clock)
    copy.listeners.append(seen.append)
    assert seen == []
    copy.add_product(MILK)
    assert [e.seq for e in seen] == [3]
