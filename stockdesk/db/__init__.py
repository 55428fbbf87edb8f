"""Database access: SQLAlchemy models, engine, migrations.  Only services/ import this."""
