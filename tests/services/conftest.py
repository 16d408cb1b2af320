import pytest

from posdesk.services.build import build_services


@pytest.fixture
def services(tmp_path):
    s = build_services(tmp_path / "lane", demo=True)
    yield s
    s.close()


@pytest.fixture
def till(services):
    """The lane's checkout use cases, with Anna (a cashier) logged in."""
    services.till.session.login("1234", name="Anna")
    return services.till
