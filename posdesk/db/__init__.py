"""Persistence: peewee models, migrations and queries; the only code that speaks SQL."""
