"""Keyboard-wedge scanners: telling a scan burst from a person typing, and routing it."""
