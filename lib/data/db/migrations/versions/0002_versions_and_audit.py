"""Uploads and rollback in the database: the versions kept of each dataset, and the audit rows of the changes.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('dataset_versions',
    sa.Column('id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
    sa.Column('county_adcode', sa.Text(), nullable=False),
    sa.Column('dataset', sa.Text(), nullable=False),
    sa.Column('kind', sa.Text(), nullable=False),
    sa.Column('user', sa.Text(), nullable=False),
    sa.Column('saved_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('rows_kept', sa.BigInteger(), nullable=False),
    sa.Column('rows_after', sa.BigInteger(), nullable=False),
    sa.Column('demo', sa.Boolean(), nullable=False),
    sa.Column('source', sa.Text(), nullable=False),
    sa.Column('data_version', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('id', name='pk_dataset_versions')
    )
    op.create_index('ix_dataset_versions_county_dataset', 'dataset_versions', ['county_adcode', 'dataset'],
                    unique=False)
    op.create_table('audit_trail',
    sa.Column('id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
    sa.Column('time', sa.Text(), nullable=False),
    sa.Column('user', sa.Text(), nullable=False),
    sa.Column('role', sa.Text(), nullable=False),
    sa.Column('action', sa.Text(), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.Column('outcome', sa.Text(), nullable=False),
    sa.Column('address', sa.Text(), nullable=False),
    sa.Column('county_adcode', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name='pk_audit_trail')
    )


def downgrade() -> None:
    op.drop_table('audit_trail')
    op.drop_index('ix_dataset_versions_county_dataset', table_name='dataset_versions')
    op.drop_table('dataset_versions')
