import { sql } from 'kysely';
import type { Migration } from './helpers.ts';
import type { MigrationContext } from './helpers.ts';
import { makeAppendOnly, notNull, withId, zero } from './helpers.ts';

/**
 * Substring search on enterprise names (Chinese names have no word breaks): a trigram index on both databases —
 * SQLite's FTS5 trigram tokenizer over the table, kept current by triggers, and PostgreSQL's pg_trgm GIN index.
 */
async function createNameSearchIndex(ctx: MigrationContext): Promise<void> {
  if (ctx.dialect === 'postgres') {
    // In public, whatever the search path: a test schema dropped with CASCADE must not take the extension with it.
    await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public`.execute(ctx.db);
    await sql`CREATE INDEX enterprises_name_trgm ON enterprises USING gin (name public.gin_trgm_ops)`.execute(ctx.db);
    return;
  }
  await sql`CREATE VIRTUAL TABLE enterprises_fts USING fts5(name, content='enterprises', content_rowid='id', tokenize='trigram')`.execute(
    ctx.db,
  );
  await sql`CREATE TRIGGER enterprises_fts_insert AFTER INSERT ON enterprises BEGIN
      INSERT INTO enterprises_fts(rowid, name) VALUES (new.id, new.name); END`.execute(ctx.db);
  await sql`CREATE TRIGGER enterprises_fts_delete AFTER DELETE ON enterprises BEGIN
      INSERT INTO enterprises_fts(enterprises_fts, rowid, name) VALUES ('delete', old.id, old.name); END`.execute(
    ctx.db,
  );
  await sql`CREATE TRIGGER enterprises_fts_update AFTER UPDATE OF name ON enterprises BEGIN
      INSERT INTO enterprises_fts(enterprises_fts, rowid, name) VALUES ('delete', old.id, old.name);
      INSERT INTO enterprises_fts(rowid, name) VALUES (new.id, new.name); END`.execute(ctx.db);
}

export const foundation: Migration = {
  name: '0001-foundation',
  async up(ctx) {
    const { db } = ctx;

    await db.schema
      .createTable('app_meta')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', notNull)
      .execute();

    await db.schema
      .createTable('regions')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', notNull)
      .addColumn('level', 'text', notNull)
      .addColumn('parent_code', 'text')
      .addColumn('zone_code', 'text')
      .addColumn('city_code', 'text')
      .addColumn('county_code', 'text')
      .addColumn('township_code', 'text')
      .addColumn('created_by', 'integer')
      .addColumn('created_at', 'text', notNull)
      .execute();
    await db.schema.createIndex('regions_parent').on('regions').column('parent_code').execute();
    await db.schema.createIndex('regions_zone').on('regions').column('zone_code').execute();

    await withId(ctx, db.schema.createTable('departments'))
      .addColumn('kind', 'text', notNull)
      .addColumn('name', 'text', notNull)
      .addColumn('short_name', 'text', notNull)
      .addColumn('level', 'text', notNull)
      .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('sort', 'integer', zero)
      .addColumn('created_at', 'text', notNull)
      .addColumn('updated_at', 'text', notNull)
      .addUniqueConstraint('departments_kind_region', ['kind', 'region_code'])
      .execute();

    await withId(ctx, db.schema.createTable('banks'))
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', notNull)
      .addColumn('kind', 'text', notNull)
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', notNull)
      .execute();

    await withId(ctx, db.schema.createTable('enterprises'))
      .addColumn('credit_code', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', notNull)
      .addColumn('legal_rep', 'text', notNull)
      .addColumn('contact_name', 'text', notNull)
      .addColumn('contact_phone', 'text', notNull)
      .addColumn('address', 'text', notNull)
      .addColumn('region_code', 'text', notNull)
      .addColumn('city_code', 'text', notNull)
      .addColumn('county_code', 'text', notNull)
      .addColumn('township_code', 'text')
      .addColumn('grid_code', 'text')
      .addColumn('zone_code', 'text')
      .addColumn('industry_code', 'text', notNull)
      .addColumn('industry_section', 'text', notNull)
      .addColumn('employees', 'integer', zero)
      .addColumn('revenue_fen', 'bigint', zero)
      .addColumn('assets_fen', 'bigint', zero)
      .addColumn('size_class', 'text')
      .addColumn('is_above_scale_industry', 'integer', zero)
      .addColumn('is_above_quota_trade', 'integer', zero)
      .addColumn('is_epidemic_supplies', 'integer', zero)
      .addColumn('is_essentials', 'integer', zero)
      .addColumn('is_chain_core', 'integer', zero)
      .addColumn('key_list', 'text')
      .addColumn('liaison_user_id', 'integer')
      .addColumn('import_batch_id', 'integer')
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', notNull)
      .addColumn('updated_at', 'text', notNull)
      .execute();
    // Every list is filtered by a scope column first and paged by id: composite indexes keep both in one range scan.
    for (const column of ['city_code', 'county_code', 'township_code', 'grid_code', 'zone_code', 'liaison_user_id']) {
      await db.schema.createIndex(`enterprises_${column}_id`).on('enterprises').columns([column, 'id']).execute();
    }
    // Lists count their matches, so each common filter has an index that covers the count: scope column first
    // (city for city users, county for county officials), then the filter, then id for paging.
    for (const scope of ['city_code', 'county_code']) {
      for (const filter of ['industry_section', 'size_class']) {
        await db.schema
          .createIndex(`enterprises_${scope}_${filter}`)
          .on('enterprises')
          .columns([scope, filter, 'id'])
          .execute();
      }
      // Flags mark a few per cent of firms: partial indexes keep "all 规上 firms of X" a short range scan.
      for (const flag of [
        'is_above_scale_industry',
        'is_above_quota_trade',
        'is_epidemic_supplies',
        'is_essentials',
        'is_chain_core',
      ]) {
        await db.schema
          .createIndex(`enterprises_${scope}_${flag}`)
          .on('enterprises')
          .columns([scope, 'industry_section', 'id'])
          .where(sql.ref(flag), '=', 1)
          .execute();
      }
    }

    await createNameSearchIndex(ctx);

    await withId(ctx, db.schema.createTable('users'))
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('display_name', 'text', notNull)
      .addColumn('role', 'text', notNull)
      .addColumn('phone', 'text')
      .addColumn('region_code', 'text')
      .addColumn('department_id', 'integer', (c) => c.references('departments.id'))
      .addColumn('enterprise_id', 'integer', (c) => c.references('enterprises.id'))
      .addColumn('bank_id', 'integer', (c) => c.references('banks.id'))
      .addColumn('password_hash', 'text', notNull)
      .addColumn('must_change_password', 'integer', zero)
      .addColumn('failed_logins', 'integer', zero)
      .addColumn('locked_until', 'text')
      .addColumn('disabled', 'integer', zero)
      .addColumn('last_login_at', 'text')
      .addColumn('created_at', 'text', notNull)
      .addColumn('updated_at', 'text', notNull)
      .execute();
    await db.schema.createIndex('users_enterprise').on('users').column('enterprise_id').execute();

    await db.schema
      .createTable('sessions')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('csrf_token', 'text', notNull)
      .addColumn('created_at', 'text', notNull)
      .addColumn('last_seen_at', 'text', notNull)
      .addColumn('expires_at', 'text', notNull)
      .addColumn('ip', 'text')
      .addColumn('user_agent', 'text')
      .execute();
    await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

    await db.schema
      .createTable('login_throttle')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('failures', 'integer', zero)
      .addColumn('window_start', 'text', notNull)
      .execute();

    await withId(ctx, db.schema.createTable('audit_log'))
      .addColumn('at', 'text', notNull)
      .addColumn('actor_id', 'integer')
      .addColumn('actor_name', 'text', notNull)
      .addColumn('actor_role', 'text')
      .addColumn('action', 'text', notNull)
      .addColumn('object_type', 'text', notNull)
      .addColumn('object_id', 'text')
      .addColumn('request_id', 'text')
      .addColumn('ip', 'text')
      .addColumn('before_digest', 'text')
      .addColumn('after_digest', 'text')
      .addColumn('detail', 'text', notNull)
      .addColumn('prev_hash', 'text', notNull)
      .addColumn('hash', 'text', notNull)
      .execute();
    await db.schema.createIndex('audit_object').on('audit_log').columns(['object_type', 'object_id']).execute();
    await db.schema.createIndex('audit_actor').on('audit_log').columns(['actor_id', 'id']).execute();
    await db.schema.createIndex('audit_action').on('audit_log').columns(['action', 'id']).execute();
    await makeAppendOnly(ctx, 'audit_log');

    await db.schema
      .createTable('idempotency_keys')
      .addColumn('key', 'text', notNull)
      .addColumn('user_id', 'integer', notNull)
      .addColumn('route', 'text', notNull)
      .addColumn('request_hash', 'text', notNull)
      .addColumn('status_code', 'integer')
      .addColumn('response_body', 'text')
      .addColumn('created_at', 'text', notNull)
      .addPrimaryKeyConstraint('idempotency_keys_pk', ['user_id', 'key'])
      .execute();

    await withId(ctx, db.schema.createTable('jobs'))
      .addColumn('kind', 'text', notNull)
      .addColumn('status', 'text', notNull)
      .addColumn('progress', 'integer', zero)
      .addColumn('total', 'integer', zero)
      .addColumn('message', 'text')
      .addColumn('result', 'text')
      .addColumn('created_by', 'integer', notNull)
      .addColumn('created_at', 'text', notNull)
      .addColumn('finished_at', 'text')
      .execute();

    await withId(ctx, db.schema.createTable('import_batches'))
      .addColumn('kind', 'text', notNull)
      .addColumn('status', 'text', notNull)
      .addColumn('file_name', 'text', notNull)
      .addColumn('total_rows', 'integer', zero)
      .addColumn('valid_rows', 'integer', zero)
      .addColumn('error_rows', 'integer', zero)
      .addColumn('job_id', 'integer')
      .addColumn('created_by', 'integer', notNull)
      .addColumn('created_at', 'text', notNull)
      .addColumn('confirmed_at', 'text')
      .execute();

    await db.schema
      .createTable('import_rows')
      .addColumn('batch_id', 'integer', (c) => c.notNull().references('import_batches.id').onDelete('cascade'))
      .addColumn('row_number', 'integer', notNull)
      .addColumn('ok', 'integer', notNull)
      .addColumn('data', 'text', notNull)
      .addColumn('errors', 'text', notNull)
      .addPrimaryKeyConstraint('import_rows_pk', ['batch_id', 'row_number'])
      .execute();
  },
};
