"""Qt widgets and windows: show state, forward intents."""
