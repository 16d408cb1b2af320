"""Application services: one object per use case, wiring core rules to storage and devices.

They sit between `ui` and the lower layers (`db`, `devices`, `recording`): plain Python with
callbacks, no Qt, so every use case is testable without a window. Calls come from the GUI
thread and return at once; anything slow (disk, ports) goes to a worker thread.
"""
