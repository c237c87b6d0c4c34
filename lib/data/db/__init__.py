"""The datasets in a PostgreSQL-compatible database (PostgreSQL, KingbaseES, openGauss; Citus across machines).

`schema` builds the tables from the data contract, `migrations/` versions them (Alembic), `load` writes a checked
data folder into them, `store.DbStore` reads them back as the same frames a FileStore gives, `writes.DbWrites` makes
the data page's uploads and rollbacks (each one transaction, its earlier version kept), and `aggregates` holds the
figures computed in the database (GROUP BY) instead of from every record.
"""
