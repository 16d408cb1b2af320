"""The state the checkout use cases share: the operator, the permission rule, the audit row,
the open sale's journal and listeners, the drawer."""
import pytest

from posdesk.core.errors import ApprovalRequired, DomainError
from posdesk.core.permissions import Operator, Permission
from posdesk.core.sale import SaleKind
from posdesk.services.errors import NotLoggedIn
from tests.services.helpers import audit_rows, db_rows

MILK = "4006381333931"


def test_nothing_is_done_without_an_operator(services):
    checkout = services.checkout
    with pytest.raises(NotLoggedIn):
        _ = checkout.operator
    with pytest.raises(NotLoggedIn):
        checkout.require(Permission.NO_SALE, None)
    with pytest.raises(NotLoggedIn):
        checkout.open_sale()


def test_require_asks_for_approval_beyond_the_role(services, till):
    checkout = till.checkout
    assert checkout.operator == Operator("Anna", checkout.operator.role)
    checkout.require(Permission.SELL, None)
    with pytest.raises(ApprovalRequired) as refused:
        checkout.require(Permission.NO_SALE, None)
    assert refused.value.permission == Permission.NO_SALE.value
    checkout.require(Permission.NO_SALE, "Max")  # a manager approved


def test_a_manager_needs_no_approval(services):
    services.till.session.login("9999", name="Max")
    services.checkout.require(Permission.Z_REPORT, None)


def test_audit_rows_name_the_operator(services, till):
    till.checkout.audit("something_checked", detail="x", approved_by=None)
    assert audit_rows(services, "something_checked") == [("Anna", {"detail": "x", "approved_by": None})]


def test_an_opened_sale_is_journaled_and_observed(services, till):
    checkout = till.checkout
    seen = []
    checkout.on_event.append(lambda sale_id, event: seen.append((sale_id, event.kind)))
    sale = checkout.open_sale(kind=SaleKind.SALE)
    assert checkout.current() is sale and sale.cashier == "Anna"
    sale.note("drawer_opened", {})
    assert seen == [(sale.id, "sale_started"), (sale.id, "drawer_opened")]
    kinds = db_rows(services, f"select kind from journal_event where sale_id = '{sale.id}' order by seq")
    assert kinds == [("sale_started",), ("drawer_opened",)]


def test_one_sale_at_a_time(services, till):
    checkout = till.checkout
    with pytest.raises(DomainError):
        checkout.current()
    checkout.require_no_sale()
    checkout.open_sale()
    with pytest.raises(DomainError):
        checkout.require_no_sale()


def test_finishing_tells_the_listeners_and_keeps_the_last_sale(till):
    checkout = till.checkout
    finished, changed = [], []
    checkout.on_sale_finished.append(finished.append)
    checkout.on_sale_changed.append(changed.append)
    sale = checkout.open_sale()
    checkout.finish(sale)
    assert finished == [sale] and changed == [None]
    assert checkout.sale is None and checkout.last_sale is sale


def test_the_drawer_opens_only_when_one_is_installed(till):
    checkout = till.checkout
    sale = checkout.open_sale()
    checkout.open_drawer(sale)  # no drawer on this lane: nothing happens, nothing noted
    kicks = []
    checkout.set_drawer(lambda: kicks.append(1))
    checkout.open_drawer(sale)
    checkout.open_drawer(None)
    assert kicks == [1, 1]
    assert [e.kind for e in sale.events].count("drawer_opened") == 1
