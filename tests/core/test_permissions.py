"""Who may do what: roles, and the operator at the till."""
import dataclasses

import pytest

from posdesk.core.permissions import Operator, Permission, Role, allowed


def test_an_operator_may_what_the_role_allows():
    for role in Role:
        operator = Operator("Someone", role)
        for permission in Permission:
            assert operator.may(permission) is allowed(role, permission)


def test_roles_climb_from_cashier_to_admin():
    assert not Operator("Anna", Role.CASHIER).may(Permission.NO_SALE)
    assert Operator("Max", Role.MANAGER).may(Permission.NO_SALE)
    assert not Operator("Max", Role.MANAGER).may(Permission.MANAGE_USERS)
    assert Operator("Admin", Role.ADMIN).may(Permission.MANAGE_USERS)


def test_an_operator_cannot_change_hands():
    operator = Operator("Anna", Role.CASHIER)
    with pytest.raises(dataclasses.FrozenInstanceError):
        operator.role = Role.ADMIN  # type: ignore[misc]
