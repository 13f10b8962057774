import type { CreateTableBuilder } from 'kysely';
import type { Migration, MigrationContext } from './helpers.ts';
import { makeAppendOnly, notNull, withId, zero } from './helpers.ts';

function countColumns<T extends string, C extends string>(table: CreateTableBuilder<T, C>) {
  return table
    .addColumn('enterprises', 'integer', zero)
    .addColumn('resumed', 'integer', zero)
    .addColumn('partially_resumed', 'integer', zero)
    .addColumn('not_resumed', 'integer', zero)
    .addColumn('stopped', 'integer', zero)
    .addColumn('filed', 'integer', zero)
    .addColumn('planned_workers', 'bigint', zero)
    .addColumn('workers_back', 'bigint', zero)
    .addColumn('normal_headcount', 'bigint', zero);
}

async function index(ctx: MigrationContext, name: string, table: string, columns: string[]) {
  await ctx.db.schema.createIndex(name).on(table).columns(columns).execute();
}

/** 复工复产: risk levels, lists, applications and reviews, checks and rectification, status, rollups, reports. */
export const resumption: Migration = {
  name: '0002-resumption',
  async up(ctx) {
    const { db } = ctx;

    await withId(ctx, db.schema.createTable('resumption_risk_levels'))
      .addColumn('area_code', 'text', notNull)
      .addColumn('area_kind', 'text', notNull)
      .addColumn('level', 'text', notNull)
      .addColumn('effective_from', 'text', notNull)
      .addColumn('set_at', 'text', notNull)
      .addColumn('set_by', 'integer')
      .addColumn('set_by_name', 'text', notNull)
      .addColumn('basis', 'text', notNull)
      .execute();
    await index(ctx, 'resumption_risk_levels_area', 'resumption_risk_levels', ['area_code', 'effective_from']);
    await makeAppendOnly(ctx, 'resumption_risk_levels');

    await db.schema
      .createTable('resumption_settings')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', notNull)
      .addColumn('version', 'integer', notNull)
      .addColumn('updated_at', 'text', notNull)
      .addColumn('updated_by', 'integer')
      .execute();

    await db.schema
      .createTable('resumption_condition_lists')
      .addColumn('list_id', 'text', notNull)
      .addColumn('version', 'integer', notNull)
      .addColumn('title', 'text', notNull)
      .addColumn('subject', 'text', notNull)
      .addColumn('risk_levels', 'text', notNull)
      .addColumn('jurisdiction', 'text', notNull)
      .addColumn('published_on', 'text')
      .addColumn('items', 'text', notNull)
      .addColumn('sources', 'text', notNull)
      .addColumn('template_ids', 'text', notNull)
      .addColumn('created_at', 'text', notNull)
      .addColumn('created_by', 'integer')
      .addPrimaryKeyConstraint('resumption_condition_lists_pk', ['list_id', 'version'])
      .execute();

    await db.schema
      .createTable('resumption_approval_lists')
      .addColumn('list_id', 'text', notNull)
      .addColumn('version', 'integer', notNull)
      .addColumn('published_on', 'text')
      .addColumn('items', 'text', notNull)
      .addColumn('created_at', 'text', notNull)
      .addColumn('created_by', 'integer')
      .addPrimaryKeyConstraint('resumption_approval_lists_pk', ['list_id', 'version'])
      .execute();

    await withId(ctx, db.schema.createTable('resumption_lead_departments'))
      .addColumn('region_code', 'text', notNull)
      .addColumn('enterprise_type', 'text', notNull)
      .addColumn('department_id', 'integer', (c) => c.notNull().references('departments.id'))
      .addColumn('created_at', 'text', notNull)
      .addColumn('updated_at', 'text', notNull)
      .addUniqueConstraint('resumption_lead_departments_region_type', ['region_code', 'enterprise_type'])
      .execute();

    await db.schema
      .createTable('resumption_files')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
      .addColumn('purpose', 'text', notNull)
      .addColumn('name', 'text', notNull)
      .addColumn('media_type', 'text', notNull)
      .addColumn('size', 'integer', notNull)
      .addColumn('sha256', 'text', notNull)
      .addColumn('stored_name', 'text', notNull)
      .addColumn('uploaded_by', 'integer')
      .addColumn('created_at', 'text', notNull)
      .execute();
    await index(ctx, 'resumption_files_enterprise', 'resumption_files', ['enterprise_id']);

    await withId(ctx, db.schema.createTable('resumption_applications'))
      .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
      .addColumn('county_code', 'text', notNull)
      .addColumn('zone_code', 'text')
      .addColumn('lead_department_id', 'integer', (c) => c.notNull().references('departments.id'))
      .addColumn('status', 'text', notNull)
      .addColumn('mode', 'text', notNull)
      .addColumn('green_channel', 'integer', zero)
      .addColumn('priority', 'integer', zero)
      .addColumn('version', 'integer', notNull)
      .addColumn('round', 'integer', zero)
      .addColumn('list_id', 'text')
      .addColumn('list_version', 'integer')
      .addColumn('created_at', 'text', notNull)
      .addColumn('submitted_at', 'text')
      .addColumn('accepted_at', 'text')
      .addColumn('due_at', 'text')
      .addColumn('updated_at', 'text', notNull)
      .addColumn('state', 'text', notNull)
      .execute();
    await index(ctx, 'resumption_applications_enterprise', 'resumption_applications', ['enterprise_id', 'id']);
    await index(ctx, 'resumption_applications_lead', 'resumption_applications', ['lead_department_id', 'status', 'id']);
    await index(ctx, 'resumption_applications_county', 'resumption_applications', ['county_code', 'id']);
    await index(ctx, 'resumption_applications_zone', 'resumption_applications', ['zone_code', 'id']);
    await index(ctx, 'resumption_applications_status_due', 'resumption_applications', ['status', 'due_at']);

    await db.schema
      .createTable('resumption_reviews')
      .addColumn('application_id', 'integer', (c) => c.notNull().references('resumption_applications.id'))
      .addColumn('round', 'integer', notNull)
      .addColumn('department_id', 'integer', (c) => c.notNull().references('departments.id'))
      .addColumn('department_name', 'text', notNull)
      .addColumn('dispatched_at', 'text', notNull)
      .addColumn('due_at', 'text', notNull)
      .addColumn('decision', 'text')
      .addColumn('decided_at', 'text')
      .addColumn('escalated_at', 'text')
      .addColumn('cancelled_at', 'text')
      .addPrimaryKeyConstraint('resumption_reviews_pk', ['application_id', 'round', 'department_id'])
      .execute();
    await index(ctx, 'resumption_reviews_department', 'resumption_reviews', ['department_id', 'decided_at', 'due_at']);

    await withId(ctx, db.schema.createTable('resumption_events'))
      .addColumn('enterprise_id', 'integer', notNull)
      .addColumn('application_id', 'integer')
      .addColumn('task_id', 'integer')
      .addColumn('order_id', 'integer')
      .addColumn('type', 'text', notNull)
      .addColumn('at', 'text', notNull)
      .addColumn('actor_id', 'integer')
      .addColumn('actor_name', 'text', notNull)
      .addColumn('actor_role', 'text', notNull)
      .addColumn('version', 'integer', notNull)
      .addColumn('message', 'text', notNull)
      .addColumn('data', 'text')
      .execute();
    await index(ctx, 'resumption_events_enterprise', 'resumption_events', ['enterprise_id', 'id']);
    await index(ctx, 'resumption_events_application', 'resumption_events', ['application_id', 'id']);
    await index(ctx, 'resumption_events_task', 'resumption_events', ['task_id']);
    await index(ctx, 'resumption_events_order', 'resumption_events', ['order_id']);
    await makeAppendOnly(ctx, 'resumption_events');

    await withId(ctx, db.schema.createTable('resumption_check_tasks'))
      .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
      .addColumn('county_code', 'text', notNull)
      .addColumn('zone_code', 'text')
      .addColumn('application_id', 'integer')
      .addColumn('assignee_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('kind', 'text', notNull)
      .addColumn('status', 'text', notNull)
      .addColumn('due_at', 'text', notNull)
      .addColumn('version', 'integer', notNull)
      .addColumn('list_id', 'text', notNull)
      .addColumn('list_version', 'integer', notNull)
      .addColumn('created_at', 'text', notNull)
      .addColumn('updated_at', 'text', notNull)
      .addColumn('state', 'text', notNull)
      .execute();
    await index(ctx, 'resumption_check_tasks_assignee', 'resumption_check_tasks', ['assignee_id', 'status', 'id']);
    await index(ctx, 'resumption_check_tasks_enterprise', 'resumption_check_tasks', ['enterprise_id', 'id']);
    await index(ctx, 'resumption_check_tasks_county', 'resumption_check_tasks', ['county_code', 'id']);
    await index(ctx, 'resumption_check_tasks_zone', 'resumption_check_tasks', ['zone_code', 'id']);

    await withId(ctx, db.schema.createTable('resumption_rectifications'))
      .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
      .addColumn('county_code', 'text', notNull)
      .addColumn('zone_code', 'text')
      .addColumn('task_id', 'integer', (c) => c.notNull().references('resumption_check_tasks.id'))
      .addColumn('officer_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('status', 'text', notNull)
      .addColumn('stop_ordered', 'integer', zero)
      .addColumn('due_at', 'text', notNull)
      .addColumn('version', 'integer', notNull)
      .addColumn('created_at', 'text', notNull)
      .addColumn('updated_at', 'text', notNull)
      .addColumn('state', 'text', notNull)
      .execute();
    await index(ctx, 'resumption_rectifications_enterprise', 'resumption_rectifications', ['enterprise_id', 'id']);
    await index(ctx, 'resumption_rectifications_officer', 'resumption_rectifications', ['officer_id', 'status', 'id']);
    await index(ctx, 'resumption_rectifications_task', 'resumption_rectifications', ['task_id']);
    await index(ctx, 'resumption_rectifications_county', 'resumption_rectifications', ['county_code', 'id']);

    await db.schema
      .createTable('resumption_enterprise_status')
      .addColumn('enterprise_id', 'integer', (c) => c.primaryKey().references('enterprises.id'))
      .addColumn('status', 'text', notNull)
      .addColumn('status_date', 'text', notNull)
      .addColumn('granted', 'integer', zero)
      .addColumn('granted_on', 'text')
      .addColumn('normal_headcount', 'integer', zero)
      .addColumn('planned_headcount', 'integer', zero)
      .addColumn('workers_back', 'integer', zero)
      .addColumn('workers_back_date', 'text')
      .addColumn('tracked_from', 'text', notNull)
      .addColumn('county_code', 'text', notNull)
      .addColumn('zone_code', 'text', notNull)
      .addColumn('industry_section', 'text', notNull)
      .addColumn('size_class', 'text', notNull)
      .addColumn('above_scale', 'integer', zero)
      .addColumn('version', 'integer', notNull)
      .addColumn('updated_at', 'text', notNull)
      .execute();
    await index(ctx, 'resumption_status_county', 'resumption_enterprise_status', ['county_code', 'status']);
    await index(ctx, 'resumption_status_zone', 'resumption_enterprise_status', ['zone_code', 'status']);

    await withId(ctx, db.schema.createTable('resumption_status_history'))
      .addColumn('enterprise_id', 'integer', notNull)
      .addColumn('status', 'text', notNull)
      .addColumn('at', 'text', notNull)
      .addColumn('date', 'text', notNull)
      .addColumn('reason', 'text', notNull)
      .addColumn('ref', 'text')
      .addColumn('actor_id', 'integer')
      .addColumn('actor_name', 'text', notNull)
      .addColumn('actor_role', 'text', notNull)
      .addColumn('note', 'text')
      .execute();
    await index(ctx, 'resumption_status_history_enterprise', 'resumption_status_history', ['enterprise_id', 'id']);
    await makeAppendOnly(ctx, 'resumption_status_history');

    await db.schema
      .createTable('resumption_worker_reports')
      .addColumn('enterprise_id', 'integer', notNull)
      .addColumn('date', 'text', notNull)
      .addColumn('workers_back', 'integer', notNull)
      .addColumn('reported_at', 'text', notNull)
      .addColumn('reported_by', 'integer')
      .addColumn('reporter_role', 'text', notNull)
      .addPrimaryKeyConstraint('resumption_worker_reports_pk', ['enterprise_id', 'date'])
      .execute();

    await countColumns(
      db.schema
        .createTable('resumption_rollup')
        .addColumn('date', 'text', notNull)
        .addColumn('county_code', 'text', notNull)
        .addColumn('zone_code', 'text', notNull)
        .addColumn('industry_section', 'text', notNull)
        .addColumn('size_class', 'text', notNull)
        .addColumn('above_scale', 'integer', notNull),
    )
      .addPrimaryKeyConstraint('resumption_rollup_pk', [
        'date',
        'county_code',
        'zone_code',
        'industry_section',
        'size_class',
        'above_scale',
      ])
      .execute();
    await countColumns(
      db.schema
        .createTable('resumption_rollup_area')
        .addColumn('date', 'text', notNull)
        .addColumn('county_code', 'text', notNull)
        .addColumn('zone_code', 'text', notNull),
    )
      .addPrimaryKeyConstraint('resumption_rollup_area_pk', ['date', 'county_code', 'zone_code'])
      .execute();

    await withId(ctx, db.schema.createTable('resumption_weekly_reports'))
      .addColumn('area_code', 'text', notNull)
      .addColumn('period_start', 'text', notNull)
      .addColumn('period_end', 'text', notNull)
      .addColumn('title', 'text', notNull)
      .addColumn('trigger', 'text', notNull)
      .addColumn('xlsx_file', 'text', notNull)
      .addColumn('docx_file', 'text', notNull)
      .addColumn('summary', 'text', notNull)
      .addColumn('generated_at', 'text', notNull)
      .addColumn('generated_by', 'integer')
      .execute();
    await index(ctx, 'resumption_weekly_reports_period', 'resumption_weekly_reports', ['area_code', 'period_start']);
  },
};
