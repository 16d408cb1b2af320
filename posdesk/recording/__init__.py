"""Dual recording: capture, pre-roll, encode, seal (age), sign, verify."""
