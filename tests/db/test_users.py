import pytest

from posdesk.core.permissions import Role
from posdesk.db.errors import BadPin, DuplicateUser, NameNeeded, NotAManager, SharedPins, UserLocked, WrongPin
from posdesk.db.models import User
from posdesk.db.users import KdfParams, UserStore

#: Cheaper than production so the suite stays fast; the code path is the same.
FAST = KdfParams(n=2 ** 10)


@pytest.fixture
def users(database) -> UserStore:
    store = UserStore(kdf=FAST, pin_only=True)
    store.add("anna", Role.CASHIER, "1234")
    store.add("max", Role.MANAGER, "9999")
    return store


def test_pin_alone_logs_the_right_person_in(users):
    assert users.check_pin(None, "1234").name == "anna"
    assert users.check_pin(None, "9999").role is Role.MANAGER
    with pytest.raises(WrongPin) as caught:
        users.check_pin(None, "5555")
    assert caught.value.tries_left is None


def test_five_wrong_pins_lock_the_user_even_against_the_right_pin(users):
    left = []
    for _ in range(4):
        with pytest.raises(WrongPin) as caught:
            users.check_pin("anna", "0000")
        left.append(caught.value.tries_left)
    assert left == [4, 3, 2, 1]
    with pytest.raises(UserLocked):
        users.check_pin("anna", "0000")
    with pytest.raises(UserLocked):
        users.check_pin("anna", "1234")
    with pytest.raises(UserLocked):
        users.check_pin(None, "1234")
    manager = users.check_pin(None, "9999")
    users.unlock("anna", by=manager)
    assert users.check_pin("anna", "1234").failed_tries == 0


def test_a_right_pin_resets_the_count_of_wrong_tries(users):
    for _ in range(3):
        with pytest.raises(WrongPin):
            users.check_pin("anna", "0000")
    users.check_pin("anna", "1234")
    with pytest.raises(WrongPin) as caught:
        users.check_pin("anna", "0000")
    assert caught.value.tries_left == 4


def test_a_cashier_cannot_unlock_or_approve(users):
    anna = users.check_pin(None, "1234")
    with pytest.raises(NotAManager):
        users.unlock("max", by=anna)
    with pytest.raises(NotAManager):
        users.find_manager("1234")
    assert users.find_manager("9999").name == "max"


def test_pins_and_names_are_unique_and_pins_are_digits(users):
    with pytest.raises(DuplicateUser):
        users.add("bob", Role.CASHIER, "1234")
    with pytest.raises(DuplicateUser):
        users.add("anna", Role.CASHIER, "4321")
    with pytest.raises(BadPin):
        users.add("bob", Role.CASHIER, "12a4")
    assert [u.name for u in users.list()] == ["anna", "max"]


def test_pins_are_stored_salted_with_their_kdf_cost_which_rises_at_next_login(users):
    rows = {r.name: r for r in User.select()}
    assert "1234" not in rows["anna"].pin_hash and rows["anna"].pin_salt != rows["max"].pin_salt
    assert (rows["anna"].kdf, rows["anna"].kdf_n) == ("scrypt", FAST.n)
    stronger = UserStore(kdf=KdfParams(n=2 ** 11), pin_only=True)
    stronger.check_pin(None, "1234")
    assert User.get(User.name == "anna").kdf_n == 2 ** 11
    assert stronger.check_pin("anna", "1234").name == "anna"


def test_with_names_two_users_may_share_a_pin_and_each_logs_in_as_themselves(database):
    users = UserStore(kdf=FAST)
    users.add("anna", Role.CASHIER, "1234")
    users.add("bob", Role.CASHIER, "1234")  # accepted: nothing tells bob that anna has it
    assert users.check_pin("anna", "1234").name == "anna"
    assert users.check_pin("bob", "1234").name == "bob"
    with pytest.raises(NameNeeded):
        users.check_pin(None, "1234")  # a PIN alone could not say who is there


def test_pin_only_refuses_a_shared_pin_without_naming_its_holder(users):
    with pytest.raises(DuplicateUser) as caught:
        users.add("bob", Role.CASHIER, "1234")
    assert "anna" not in str(caught.value) and "bob" not in str(caught.value)
    with pytest.raises(DuplicateUser) as caught:
        users.set_pin("max", "1234")
    assert "anna" not in str(caught.value)
    assert users.check_pin(None, "9999").name == "max"  # max keeps the PIN he had


def test_pin_only_cannot_be_switched_on_while_two_users_share_a_pin(database):
    users = UserStore(kdf=FAST)
    users.add("anna", Role.CASHIER, "1234")
    users.add("max", Role.MANAGER, "9999")
    users.require_unique_pins()
    users.add("bob", Role.CASHIER, "1234")
    with pytest.raises(SharedPins) as caught:
        users.require_unique_pins()
    assert "anna" not in str(caught.value) and "bob" not in str(caught.value)
    users.set_pin("bob", "5678")
    users.set_pin("anna", "8765")  # both flagged rows got new PINs: nobody shares one now
    users.require_unique_pins()
