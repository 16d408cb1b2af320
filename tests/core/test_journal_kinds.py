"""One enum names every journal event kind; its values are the strings journals hold."""
from datetime import datetime, timezone

import pytest

from posdesk.core.journal import (
    NOTE_KINDS,
    JournalEvent,
    JournalKind,
    UnknownJournalKind,
    canonical_line,
    journal_sha256,
)
from posdesk.core.journal_text import DESCRIBERS, describe
from posdesk.core.lines import PaymentStatus
from posdesk.core.sale import Sale
from posdesk.core.sale_ledger import APPLIED_KINDS

from .conftest import BREAD, EUR, WINE, eur, new_sale

T = datetime(2026, 3, 1, 9, 30, tzinfo=timezone.utc)


def test_every_kind_the_sale_applies_is_a_member_with_a_description():
    assert APPLIED_KINDS == set(JournalKind)
    assert set(DESCRIBERS) == set(JournalKind)


def test_every_event_a_sale_journals_is_named_by_a_member(clock):
    sale = new_sale(clock)
    sale.add_product(WINE, age_confirmed=True)
    sale.add_product(BREAD)
    sale.start_tender()
    sale.begin_card(eur("1.00"), "p1")
    sale.card_result("p1", PaymentStatus.DECLINED)
    sale.pay_cash(eur("20"), "p2")
    sale.note(JournalKind.DRAWER_OPENED)
    sale.complete("1")
    assert all(isinstance(e.kind, JournalKind) for e in sale.events)


def test_members_serialise_and_hash_exactly_as_the_strings_stored_before_them():
    as_string = JournalEvent(1, "line_added", T, 5, {"line_id": 1})
    as_member = JournalEvent(1, JournalKind.LINE_ADDED, T, 5, {"line_id": 1})
    assert canonical_line(as_member) == canonical_line(as_string)
    assert journal_sha256([as_member]) == journal_sha256([as_string])
    assert b'"kind":"line_added"' in canonical_line(as_member)
    assert JournalEvent.from_dict(as_member.to_dict()) == as_member


def test_a_replayed_journal_with_an_unknown_kind_is_refused_by_seq_and_kind(clock):
    events = list(new_sale(clock).events)
    events.append(JournalEvent(2, "line_teleported", T, 9, {"line_id": 1}))
    with pytest.raises(UnknownJournalKind, match=r"#2 has the unknown kind 'line_teleported'") as e:
        Sale.replay(events, clock)
    assert (e.value.seq, e.value.kind) == (2, "line_teleported")


def test_unknown_kinds_still_read_and_describe_as_nothing():
    stranger = JournalEvent.from_dict({"seq": 3, "kind": "from_a_later_version",
                                       "utc": T.isoformat(), "mono_ns": 1})
    assert stranger.kind == "from_a_later_version"
    assert describe(stranger, EUR) is None


def test_notes_take_only_note_kinds_given_as_members_or_their_strings(clock):
    sale = new_sale(clock)
    sale.note(JournalKind.RECORDING_GAP, {"cause": "camera"})
    sale.note("drawer_opened")
    assert [e.kind for e in sale.events[1:]] == [JournalKind.RECORDING_GAP, JournalKind.DRAWER_OPENED]
    with pytest.raises(ValueError, match="not a note"):
        sale.note(JournalKind.SALE_VOIDED)
    with pytest.raises(ValueError, match="not a note"):
        sale.note("made_up")
    assert len(sale.events) == 3


def test_note_kinds_change_nothing_on_replay(clock):
    sale = new_sale(clock)
    sale.add_product(BREAD)
    for kind in sorted(NOTE_KINDS):
        sale.note(kind, {"reason": "test"})
    copy = Sale.replay(sale.events, clock)
    assert copy.totals() == sale.totals() and copy.state is sale.state
