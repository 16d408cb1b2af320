import pytest

from posdesk.services.build import build_services


@pytest.fixture
def services(tmp_path):
    s = build_services(tmp_path / "lane", demo=True)
    yield s
    s.close()


@pytest.fixture
def checkout(services):
    services.checkout.login("1234", name="Anna")
    return services.checkout
