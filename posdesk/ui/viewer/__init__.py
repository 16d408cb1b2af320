"""The manager's evidence viewer: unlock, search, replay with the journal, export."""
