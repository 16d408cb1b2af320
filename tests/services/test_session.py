"""Logging in and out, and a manager's approval, against the lane's real user store."""
import pytest

from posdesk.core.permissions import Operator, Permission, Role
from posdesk.db.errors import WrongPin
from posdesk.services.errors import NotLoggedIn, NotPermitted
from tests.services.helpers import audit_rows


def test_login_gives_the_operator_and_logout_forgets_them(services):
    session = services.till.session
    operator = session.login("1234", name="Anna")
    assert operator == Operator("Anna", Role.CASHIER)
    assert services.checkout.operator is operator
    session.logout()
    with pytest.raises(NotLoggedIn):
        _ = services.checkout.operator


def test_a_wrong_pin_logs_nobody_in(services):
    with pytest.raises(WrongPin):
        services.till.session.login("1111", name="Anna")
    assert services.checkout.logged_in is None


def test_names_to_choose_from_and_who_may_approve(services):
    session = services.till.session
    assert session.names_first
    assert session.user_names() == ["Admin", "Anna", "Max"]
    assert session.user_names(Permission.VOID_SALE) == ["Admin", "Max"]
    assert session.user_names(Permission.MANAGE_USERS) == ["Admin"]


def test_a_manager_approves_and_the_approval_is_audited(services, till):
    assert till.session.approve("9999", Permission.VOID_LINE, name="Max") == "Max"
    assert till.checkout.operator.name == "Anna"  # approving logs nobody in
    assert audit_rows(services, "approval") == [("Anna", {"permission": "void_line", "approver": "Max"})]


def test_a_cashier_cannot_approve_for_herself(services, till):
    with pytest.raises(NotPermitted):
        till.session.approve("1234", Permission.VOID_LINE, name="Anna")
    with pytest.raises(WrongPin):
        till.session.approve("1111", Permission.VOID_LINE, name="Max")
    assert audit_rows(services, "approval") == []
