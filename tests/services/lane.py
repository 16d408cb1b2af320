"""Helpers for tests that drive a lane's services without a Qt event loop."""


def settle(services, timeout: float = 10.0) -> None:
    """Let the writer save what was queued and run what it posted back (a completed sale
    finishes, prints and opens the drawer only once its commit is on disk)."""
    assert services.writer.flush(timeout), "database writer did not catch up"
    services.dispatch.run_pending()
