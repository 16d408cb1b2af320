"""The lane's devices in the window: bridge, printer state, the installer's settings page."""
