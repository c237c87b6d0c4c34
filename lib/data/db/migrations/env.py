"""Alembic's environment: migrations run on the connection lib/data/db/migrate.py hands over."""
from alembic import context

from lib.data.db.schema import in_migrations, metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, include_name=in_migrations)
with context.begin_transaction():
    context.run_migrations()
