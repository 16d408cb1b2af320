"""Pure domain: money, catalog, cart, tax, sale state machine, journal, receipt model.

Nothing here imports Qt, touches a file, a port or a thread: it is tested in microseconds.
"""
