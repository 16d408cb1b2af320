"""The first-run setup wizard: one page per thing an installer decides."""
