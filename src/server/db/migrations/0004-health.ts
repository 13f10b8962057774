import type { CreateTableBuilder } from 'kysely';
import type { Migration, MigrationContext } from './helpers.ts';
import { notNull, withId, zero } from './helpers.ts';

async function index(ctx: MigrationContext, name: string, table: string, columns: string[], unique = false) {
  let b = ctx.db.schema.createIndex(name).on(table).columns(columns);
  if (unique) b = b.unique();
  await b.execute();
}

/** A 64-bit identity key: declarations and scans reach billions of rows at provincial scale. */
function withBigId<T extends string>(ctx: MigrationContext, table: CreateTableBuilder<T, never>) {
  return ctx.dialect === 'postgres'
    ? table.addColumn('id', 'bigint', (c) => c.generatedByDefaultAsIdentity().primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/** 员工健康与通行证: roster (一人一档), declarations, anomalies, overrides, appeals, summaries, passes, scans. */
export const health: Migration = {
  name: '0004-health',
  async up(ctx) {
    const { db } = ctx;

    await withId(ctx, db.schema.createTable('health_people'))
      .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
      .addColumn('name', 'text', notNull)
      .addColumn('resident_id_enc', 'text', notNull)
      .addColumn('resident_id_hash', 'text', notNull)
      .addColumn('resident_id_masked', 'text', notNull)
      .addColumn('sex', 'text', notNull)
      .addColumn('phone', 'text')
      .addColumn('team', 'text')
      .addColumn('post', 'text')
      .addColumn('key_post', 'integer')
      .addColumn('home_region', 'text')
      .addColumn('dormitory', 'integer', zero)
      .addColumn('return_batch', 'text')
      .addColumn('return_date', 'text')
      .addColumn('return_mode', 'text')
      .addColumn('travel_history', 'text')
      .addColumn('contact_history', 'text')
      .addColumn('category', 'text')
      .addColumn('facts', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('user_id', 'integer', (c) => c.references('users.id'))
      .addColumn('needs_card', 'integer', zero)
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('left_on', 'text')
      .addColumn('status', 'text')
      .addColumn('evaluation', 'text')
      .addColumn('reason_codes', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('earliest_return_date', 'text')
      .addColumn('status_cause', 'text')
      .addColumn('rule_set_id', 'text')
      .addColumn('override_id', 'integer')
      .addColumn('evaluated_on', 'text')
      .addColumn('status_changed_at', 'text')
      .addColumn('import_batch_id', 'integer')
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_by', 'integer')
      .addColumn('created_at', 'text', notNull)
      .addColumn('updated_at', 'text', notNull)
      .execute();
    await index(ctx, 'health_people_ent_hash', 'health_people', ['enterprise_id', 'resident_id_hash'], true);
    await index(ctx, 'health_people_hash', 'health_people', ['resident_id_hash']);
    await index(ctx, 'health_people_ent', 'health_people', ['enterprise_id', 'active', 'id']);
    await index(ctx, 'health_people_user', 'health_people', ['user_id'], true);
    await index(ctx, 'health_people_evaluated', 'health_people', ['active', 'evaluated_on', 'id']);

    await withBigId(ctx, db.schema.createTable('health_declarations'))
      .addColumn('person_id', 'integer', notNull)
      .addColumn('enterprise_id', 'integer', notNull)
      .addColumn('client_key', 'text', notNull)
      .addColumn('at', 'text', notNull)
      .addColumn('date', 'text', notNull)
      .addColumn('slot', 'text', notNull)
      .addColumn('temperature_dc', 'integer', notNull)
      .addColumn('symptoms', 'text', notNull)
      .addColumn('place', 'text', notNull)
      .addColumn('region_code', 'text')
      .addColumn('address', 'text')
      .addColumn('anomaly', 'integer', zero)
      .addColumn('submitted_by', 'integer')
      .addColumn('created_at', 'text', notNull)
      .execute();
    await index(ctx, 'health_declarations_key', 'health_declarations', ['person_id', 'client_key'], true);
    await index(ctx, 'health_declarations_ent_date', 'health_declarations', ['enterprise_id', 'date']);
    await index(ctx, 'health_declarations_person_at', 'health_declarations', ['person_id', 'at']);
    await index(ctx, 'health_declarations_date', 'health_declarations', ['date']);

    await withId(ctx, db.schema.createTable('health_anomaly_cases'))
      .addColumn('person_id', 'integer', notNull)
      .addColumn('enterprise_id', 'integer', notNull)
      .addColumn('declaration_id', 'bigint')
      .addColumn('state', 'text', notNull)
      .addColumn('source', 'text', notNull)
      .addColumn('detected_at', 'text', notNull)
      .addColumn('temperature_dc', 'integer')
      .addColumn('symptoms', 'text', notNull)
      .addColumn('fever', 'integer', zero)
      .addColumn('isolation_area', 'text')
      .addColumn('facility', 'text')
      .addColumn('history', 'text', notNull)
      .addColumn('open', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', notNull)
      .addColumn('updated_at', 'text', notNull)
      .execute();
    await index(ctx, 'health_anomaly_ent', 'health_anomaly_cases', ['enterprise_id', 'open', 'id']);
    await index(ctx, 'health_anomaly_person', 'health_anomaly_cases', ['person_id']);
    await index(ctx, 'health_anomaly_detected', 'health_anomaly_cases', ['detected_at']);

    await withId(ctx, db.schema.createTable('health_overrides'))
      .addColumn('person_id', 'integer', notNull)
      .addColumn('enterprise_id', 'integer', notNull)
      .addColumn('status', 'text', notNull)
      .addColumn('reason_code', 'text', notNull)
      .addColumn('evidence_ref', 'text', notNull)
      .addColumn('note', 'text')
      .addColumn('proposed_by', 'integer', notNull)
      .addColumn('proposed_at', 'text', notNull)
      .addColumn('expires_at', 'text', notNull)
      .addColumn('confirmed_by', 'integer')
      .addColumn('confirmed_at', 'text')
      .addColumn('state', 'text', notNull)
      .addColumn('history', 'text', notNull)
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await index(ctx, 'health_overrides_person', 'health_overrides', ['person_id']);
    await index(ctx, 'health_overrides_state', 'health_overrides', ['state', 'id']);
    await index(ctx, 'health_overrides_ent', 'health_overrides', ['enterprise_id', 'id']);

    await withId(ctx, db.schema.createTable('health_appeals'))
      .addColumn('person_id', 'integer', notNull)
      .addColumn('enterprise_id', 'integer', notNull)
      .addColumn('subject', 'text', notNull)
      .addColumn('text', 'text', notNull)
      .addColumn('submitted_at', 'text', notNull)
      .addColumn('submitted_by', 'integer', notNull)
      .addColumn('state', 'text', notNull)
      .addColumn('decided_by', 'integer')
      .addColumn('decided_at', 'text')
      .addColumn('decision_reason', 'text')
      .addColumn('follow_up', 'text')
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await index(ctx, 'health_appeals_person', 'health_appeals', ['person_id']);
    await index(ctx, 'health_appeals_state', 'health_appeals', ['state', 'id']);

    await db.schema
      .createTable('health_daily_summaries')
      .addColumn('enterprise_id', 'integer', notNull)
      .addColumn('date', 'text', notNull)
      .addColumn('county_code', 'text', notNull)
      .addColumn('summary', 'text', notNull)
      .addColumn('headcount', 'integer', zero)
      .addColumn('undeclared', 'integer', zero)
      .addColumn('anomalies_new', 'integer', zero)
      .addColumn('anomalies_open', 'integer', zero)
      .addColumn('generated_at', 'text', notNull)
      .addPrimaryKeyConstraint('health_daily_summaries_pk', ['enterprise_id', 'date'])
      .execute();
    await index(ctx, 'health_daily_summaries_date', 'health_daily_summaries', ['date', 'county_code']);

    await withId(ctx, db.schema.createTable('health_risk_areas'))
      .addColumn('region_code', 'text', notNull)
      .addColumn('name', 'text', notNull)
      .addColumn('level', 'text')
      .addColumn('key_area', 'integer', zero)
      .addColumn('local_cluster', 'integer', zero)
      .addColumn('valid_from', 'text', notNull)
      .addColumn('valid_to', 'text')
      .addColumn('basis', 'text', notNull)
      .addColumn('created_by', 'integer')
      .addColumn('created_at', 'text', notNull)
      .execute();
    await index(ctx, 'health_risk_areas_region', 'health_risk_areas', ['region_code']);

    await db.schema
      .createTable('health_roster_imports')
      .addColumn('batch_id', 'integer', (c) => c.primaryKey().references('import_batches.id'))
      .addColumn('enterprise_id', 'integer', notNull)
      .execute();

    await db.schema
      .createTable('pass_keys')
      .addColumn('kid', 'integer', (c) => c.primaryKey())
      .addColumn('public_key', 'text', notNull)
      .addColumn('private_key_enc', 'text', notNull)
      .addColumn('active_from', 'text', notNull)
      .addColumn('sign_until', 'text')
      .addColumn('retired_at', 'text')
      .addColumn('retired_reason', 'text')
      .addColumn('created_at', 'text', notNull)
      .execute();

    await withId(ctx, db.schema.createTable('passes'))
      .addColumn('person_id', 'integer', notNull)
      .addColumn('enterprise_id', 'integer', notNull)
      .addColumn('kid', 'integer', notNull)
      .addColumn('card', 'integer', zero)
      .addColumn('status', 'text', notNull)
      .addColumn('issued_at', 'text', notNull)
      .addColumn('valid_until', 'text', notNull)
      .addColumn('valid_until_s', 'bigint', notNull)
      .addColumn('token', 'text', notNull)
      .addColumn('revoked_at', 'text')
      .addColumn('revoked_reason', 'text')
      .addColumn('created_by', 'integer')
      .execute();
    await index(ctx, 'passes_person', 'passes', ['person_id', 'id']);
    await index(ctx, 'passes_ent', 'passes', ['enterprise_id', 'id']);
    await index(ctx, 'passes_valid', 'passes', ['valid_until_s']);

    await withId(ctx, db.schema.createTable('pass_revocations'))
      .addColumn('version', 'integer', notNull)
      .addColumn('pass_id', 'integer', notNull)
      .addColumn('op', 'text', notNull)
      .addColumn('valid_until_s', 'bigint', notNull)
      .addColumn('at', 'text', notNull)
      .execute();
    await index(ctx, 'pass_revocations_version', 'pass_revocations', ['version']);
    await index(ctx, 'pass_revocations_pass', 'pass_revocations', ['pass_id']);

    await db.schema
      .createTable('pass_scans')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('device_id', 'text', notNull)
      .addColumn('seq', 'integer', notNull)
      .addColumn('batch_id', 'text', notNull)
      .addColumn('at', 'text', notNull)
      .addColumn('checkpoint_id', 'text', notNull)
      .addColumn('code', 'text', notNull)
      .addColumn('ok', 'integer', notNull)
      .addColumn('pass_id', 'integer')
      .addColumn('kid', 'integer')
      .addColumn('person_ref', 'text')
      .addColumn('enterprise_id', 'integer')
      .addColumn('status', 'text')
      .addColumn('uploaded_by', 'integer', notNull)
      .addColumn('uploaded_at', 'text', notNull)
      .execute();
    await index(ctx, 'pass_scans_ent', 'pass_scans', ['enterprise_id', 'at']);
    await index(ctx, 'pass_scans_at', 'pass_scans', ['at']);
  },
};
