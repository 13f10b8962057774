import type { Migration } from './helpers.ts';
import { notNull, withId, zero } from './helpers.ts';

/** 惠企政策兑现: publication, official figures, held facts, batches, applications, payment orders, notifications. */
export const policies: Migration = {
  name: '0003-policies',
  async up(ctx) {
    const { db } = ctx;

    await db.schema
      .createTable('policy_settings')
      .addColumn('policy_id', 'text', (c) => c.primaryKey())
      .addColumn('status', 'text', notNull)
      .addColumn('review_working_days', 'integer', notNull)
      .addColumn('notice_working_days', 'integer', notNull)
      .addColumn('published_at', 'text')
      .addColumn('published_by', 'integer', (c) => c.references('users.id'))
      .addColumn('notified', 'integer', zero)
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('updated_at', 'text', notNull)
      .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
      .execute();

    await withId(ctx, db.schema.createTable('policy_official_facts'))
      .addColumn('fact', 'text', notNull)
      .addColumn('value', 'text', notNull)
      .addColumn('effective_from', 'text', notNull)
      .addColumn('note', 'text', notNull)
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', notNull)
      .execute();
    await db.schema
      .createIndex('policy_official_facts_fact')
      .on('policy_official_facts')
      .columns(['fact', 'effective_from', 'id'])
      .execute();

    await db.schema
      .createTable('policy_enterprise_facts')
      .addColumn('enterprise_id', 'integer', (c) => c.primaryKey().references('enterprises.id'))
      .addColumn('facts', 'text', notNull)
      .addColumn('origin', 'text', notNull)
      .addColumn('updated_at', 'text', notNull)
      .addColumn('updated_by', 'integer')
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();

    await db.schema
      .createTable('policy_payee_accounts')
      .addColumn('enterprise_id', 'integer', (c) => c.primaryKey().references('enterprises.id'))
      .addColumn('account_name', 'text', notNull)
      .addColumn('bank_name', 'text', notNull)
      .addColumn('account_no', 'text', notNull)
      .addColumn('updated_at', 'text', notNull)
      .addColumn('updated_by', 'integer')
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();

    await withId(ctx, db.schema.createTable('policy_applications'))
      .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
      .addColumn('rule_id', 'text', notNull)
      .addColumn('policy_id', 'text', notNull)
      .addColumn('department_kind', 'text', notNull)
      .addColumn('status', 'text', notNull)
      .addColumn('facts', 'text', notNull)
      .addColumn('verified_facts', 'text')
      .addColumn('as_of', 'text', notNull)
      .addColumn('amount_fen', 'bigint')
      .addColumn('approved_fen', 'bigint')
      .addColumn('capped', 'integer', zero)
      .addColumn('payee_account_name', 'text', notNull)
      .addColumn('payee_bank_name', 'text', notNull)
      .addColumn('payee_account_no', 'text', notNull)
      .addColumn('submitted_at', 'text', notNull)
      .addColumn('due_date', 'text', notNull)
      .addColumn('review_working_days', 'integer', notNull)
      .addColumn('reviewed_at', 'text')
      .addColumn('reviewed_by', 'integer')
      .addColumn('review_note', 'text')
      .addColumn('notice_working_days', 'integer', notNull)
      .addColumn('notice_start', 'text')
      .addColumn('notice_end', 'text')
      .addColumn('completed_at', 'text')
      .addColumn('payment_order_id', 'integer')
      .addColumn('created_by', 'integer', notNull)
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('updated_at', 'text', notNull)
      .execute();
    await db.schema
      .createIndex('policy_applications_enterprise')
      .on('policy_applications')
      .columns(['enterprise_id', 'id'])
      .execute();
    await db.schema
      .createIndex('policy_applications_queue')
      .on('policy_applications')
      .columns(['department_kind', 'status', 'id'])
      .execute();
    await db.schema
      .createIndex('policy_applications_rule')
      .on('policy_applications')
      .columns(['rule_id', 'status'])
      .execute();

    await withId(ctx, db.schema.createTable('policy_attachments'))
      .addColumn('application_id', 'integer', (c) => c.notNull().references('policy_applications.id'))
      .addColumn('file_name', 'text', notNull)
      .addColumn('stored_name', 'text', notNull)
      .addColumn('content_type', 'text', notNull)
      .addColumn('size_bytes', 'integer', notNull)
      .addColumn('uploaded_by', 'integer', notNull)
      .addColumn('uploaded_at', 'text', notNull)
      .execute();
    await db.schema.createIndex('policy_attachments_app').on('policy_attachments').column('application_id').execute();

    await withId(ctx, db.schema.createTable('policy_objections'))
      .addColumn('application_id', 'integer', (c) => c.notNull().references('policy_applications.id'))
      .addColumn('status', 'text', notNull)
      .addColumn('reason', 'text', notNull)
      .addColumn('contact', 'text', notNull)
      .addColumn('submitted_by', 'integer', notNull)
      .addColumn('submitted_at', 'text', notNull)
      .addColumn('resolved_by', 'integer')
      .addColumn('resolved_at', 'text')
      .addColumn('resolution', 'text')
      .execute();
    await db.schema.createIndex('policy_objections_app').on('policy_objections').column('application_id').execute();

    await withId(ctx, db.schema.createTable('policy_batches'))
      .addColumn('rule_id', 'text', notNull)
      .addColumn('policy_id', 'text', notNull)
      .addColumn('department_id', 'integer', (c) => c.notNull().references('departments.id'))
      .addColumn('department_kind', 'text', notNull)
      .addColumn('region_code', 'text', notNull)
      .addColumn('as_of', 'text', notNull)
      .addColumn('status', 'text', notNull)
      .addColumn('job_id', 'integer')
      .addColumn('evaluated', 'integer', zero)
      .addColumn('eligible', 'integer', zero)
      .addColumn('not_eligible', 'integer', zero)
      .addColumn('incomplete', 'integer', zero)
      .addColumn('already', 'integer', zero)
      .addColumn('total_fen', 'bigint', zero)
      .addColumn('message', 'text')
      .addColumn('created_by', 'integer', notNull)
      .addColumn('created_at', 'text', notNull)
      .addColumn('finished_at', 'text')
      .addColumn('approved_by', 'integer')
      .addColumn('approved_at', 'text')
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema
      .createIndex('policy_batches_department')
      .on('policy_batches')
      .columns(['department_kind', 'id'])
      .execute();
    await db.schema.createIndex('policy_batches_rule').on('policy_batches').columns(['rule_id', 'status']).execute();

    // Batch items are written by the hundred thousand: no foreign keys to check, two indexes only.
    await withId(ctx, db.schema.createTable('policy_batch_items'))
      .addColumn('batch_id', 'integer', notNull)
      .addColumn('enterprise_id', 'integer', notNull)
      .addColumn('county_code', 'text', notNull)
      .addColumn('amount_fen', 'bigint', notNull)
      .addColumn('capped', 'integer', zero)
      .addColumn('facts', 'text', notNull)
      .addColumn('status', 'text', notNull)
      .addColumn('exclude_reason', 'text')
      .execute();
    await db.schema
      .createIndex('policy_batch_items_batch')
      .on('policy_batch_items')
      .columns(['batch_id', 'id'])
      .execute();
    await db.schema
      .createIndex('policy_batch_items_enterprise')
      .on('policy_batch_items')
      .columns(['enterprise_id', 'batch_id'])
      .execute();

    await withId(ctx, db.schema.createTable('policy_payment_orders'))
      .addColumn('source', 'text', notNull)
      .addColumn('batch_id', 'integer')
      .addColumn('batch_item_id', 'integer')
      .addColumn('application_id', 'integer')
      .addColumn('enterprise_id', 'integer', notNull)
      .addColumn('county_code', 'text', notNull)
      .addColumn('rule_id', 'text', notNull)
      .addColumn('policy_id', 'text', notNull)
      .addColumn('department_id', 'integer')
      .addColumn('department_kind', 'text', notNull)
      .addColumn('benefit_kind', 'text', notNull)
      .addColumn('payee_name', 'text', notNull)
      .addColumn('payee_account_name', 'text', notNull)
      .addColumn('payee_bank_name', 'text', notNull)
      .addColumn('payee_account_no', 'text', notNull)
      .addColumn('amount_fen', 'bigint', notNull)
      .addColumn('clause', 'text', notNull)
      .addColumn('basis', 'text', notNull)
      .addColumn('status', 'text', notNull)
      .addColumn('export_count', 'integer', zero)
      .addColumn('exported_at', 'text')
      .addColumn('paid_on', 'text')
      .addColumn('paid_at', 'text')
      .addColumn('paid_by', 'integer')
      .addColumn('bank_ref', 'text')
      .addColumn('created_by', 'integer', notNull)
      .addColumn('created_at', 'text', notNull)
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema
      .createIndex('policy_orders_department')
      .on('policy_payment_orders')
      .columns(['department_kind', 'status', 'id'])
      .execute();
    await db.schema
      .createIndex('policy_orders_enterprise')
      .on('policy_payment_orders')
      .columns(['enterprise_id', 'id'])
      .execute();
    await db.schema
      .createIndex('policy_orders_batch')
      .on('policy_payment_orders')
      .columns(['batch_id', 'id'])
      .execute();
    await db.schema
      .createIndex('policy_orders_paid')
      .on('policy_payment_orders')
      .columns(['status', 'paid_on'])
      .execute();

    await withId(ctx, db.schema.createTable('policy_funding_entries'))
      .addColumn('order_id', 'integer', notNull)
      .addColumn('level', 'text', notNull)
      .addColumn('fund', 'text')
      .addColumn('amount_fen', 'bigint', notNull)
      .addColumn('created_at', 'text', notNull)
      .execute();
    await db.schema.createIndex('policy_funding_order').on('policy_funding_entries').column('order_id').execute();

    await withId(ctx, db.schema.createTable('policy_simulations'))
      .addColumn('rule_id', 'text', notNull)
      .addColumn('label', 'text', notNull)
      .addColumn('parameters', 'text', notNull)
      .addColumn('as_of', 'text', notNull)
      .addColumn('region_code', 'text')
      .addColumn('created_by', 'integer', notNull)
      .addColumn('created_at', 'text', notNull)
      .addColumn('job_id', 'integer')
      .addColumn('status', 'text', notNull)
      .addColumn('report', 'text')
      .execute();
    await db.schema
      .createIndex('policy_simulations_creator')
      .on('policy_simulations')
      .columns(['created_by', 'id'])
      .execute();

    await withId(ctx, db.schema.createTable('notifications'))
      .addColumn('enterprise_id', 'integer')
      .addColumn('user_id', 'integer')
      .addColumn('kind', 'text', notNull)
      .addColumn('title', 'text', notNull)
      .addColumn('body', 'text', notNull)
      .addColumn('link', 'text')
      .addColumn('created_at', 'text', notNull)
      .addColumn('read_at', 'text')
      .execute();
    await db.schema
      .createIndex('notifications_enterprise')
      .on('notifications')
      .columns(['enterprise_id', 'id'])
      .execute();
    await db.schema.createIndex('notifications_user').on('notifications').columns(['user_id', 'id']).execute();
  },
};
