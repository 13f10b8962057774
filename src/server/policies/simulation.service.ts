import {
  ALL_RULES,
  applyReform,
  policyById,
  requiredFacts,
  rulesInForce,
  simulate,
} from '../../domain/policy/index.ts';
import type { Aggregate, SimulationReport, SimulationSide } from '../../domain/policy/index.ts';
import { SIZE_CLASS_VALUES } from '../../domain/policy/index.ts';
import type { SessionUser } from '../access/session-user.ts';
import type { AuditActor } from '../audit/audit.ts';
import { writeAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import type { PolicySimulationTable } from '../db/schema-policies.ts';
import { badRequest, notFound } from '../http/problem.ts';
import { startJob } from '../jobs/jobs.ts';
import { industrySections } from '../registry/industries.ts';
import { requireOwner, requireRule } from './common.ts';
import { readRegionFacts } from './batches.service.ts';

/**
 * 政策模拟测算: a department edits the parameters of a rule it owns and sees, over the real registry of its region,
 * how many enterprises would qualify and what it would cost, by region, industry and size, beside the rule in force.
 */
export interface SimulationInput {
  ruleId: string;
  label: string;
  asOf: string;
  parameters: { name: string; value: number | string }[];
}

export async function startSimulation(app: AppContext, user: SessionUser, actor: AuditActor, input: SimulationInput) {
  const rule = requireRule(input.ruleId);
  const dept = await requireOwner(app, user, rule);
  const errors: { field: string; message: string }[] = [];
  input.parameters.forEach((p, i) => {
    const def = rule.parameters[p.name];
    if (!def) errors.push({ field: `parameters.${i}.name`, message: `参数：条款没有参数 ${p.name}` });
    else if (
      def.unit === '日期' ? typeof p.value !== 'string' : typeof p.value !== 'number' || !Number.isFinite(p.value)
    )
      errors.push({
        field: `parameters.${i}.value`,
        message: `${def.label}：应为${def.unit === '日期' ? '日期' : '数值'}`,
      });
    else if (typeof p.value === 'number' && p.value < 0)
      errors.push({ field: `parameters.${i}.value`, message: `${def.label}：不能为负数` });
  });
  if (errors.length) throw badRequest(errors.map((e) => e.message).join('；'), errors[0]!.field, errors);
  const reform = {
    label: input.label,
    parameters: input.parameters.map((p) => ({ ruleId: rule.id, parameter: p.name, value: p.value })),
  };
  const check = applyReform(ALL_RULES, reform);
  if (check.errors.length) throw badRequest(check.errors.join('；'), 'parameters');
  const region = dept?.region_code ?? user.regionCode ?? '36';
  const now = app.clock.now();
  const sim = await app.db.kysely.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('policy_simulations')
      .values({
        rule_id: rule.id,
        label: input.label,
        parameters: JSON.stringify(input.parameters),
        as_of: input.asOf,
        region_code: region,
        created_by: user.id,
        created_at: now.toISOString(),
        job_id: null,
        status: 'running',
        report: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(
      trx,
      app.db.dialect,
      actor,
      {
        action: 'policy.simulate',
        objectType: 'policy_simulation',
        objectId: row.id,
        after: { ruleId: rule.id, parameters: input.parameters, asOf: input.asOf },
        summary: `模拟测算“${rule.title}”：${input.label}`,
      },
      now,
    );
    return row;
  });
  const jobId = await startJob(app, 'policy.simulation', user.id, async (progress) => {
    try {
      const group = rule.stackingGroup
        ? rulesInForce(
            ALL_RULES.filter((r) => r.stackingGroup === rule.stackingGroup),
            input.asOf,
          )
        : [rule];
      const rules = group.some((r) => r.id === rule.id) ? group : [...group, rule];
      const names = [
        ...new Set([
          'regionCode',
          'countyCode',
          'zoneCode',
          'industryCode',
          'sizeClass',
          ...rules.flatMap(requiredFacts),
        ]),
      ];
      const { table } = await readRegionFacts(app, region, names, input.asOf, progress);
      await progress.update(table.length, table.length, '正在测算');
      const report = simulate({ table, rules, asOf: input.asOf, reform, ruleIds: [rule.id] });
      await app.db.kysely
        .updateTable('policy_simulations')
        .set({ status: 'succeeded', report: JSON.stringify(report) })
        .where('id', '=', sim.id)
        .execute();
      return { simulationId: sim.id, qualifying: report.reformed?.total.qualifying ?? null };
    } catch (error) {
      await app.db.kysely
        .updateTable('policy_simulations')
        .set({ status: 'failed', report: JSON.stringify({ error: String(error) }) })
        .where('id', '=', sim.id)
        .execute();
      throw error;
    }
  });
  await app.db.kysely.updateTable('policy_simulations').set({ job_id: jobId }).where('id', '=', sim.id).execute();
  return { simulationId: sim.id, jobId };
}

const SIZE_LABEL: Record<string, string> = Object.fromEntries(SIZE_CLASS_VALUES);
const SECTION_LABEL: Record<string, string> = Object.fromEntries(industrySections.map((s) => [s.code, s.name]));

function named(record: Readonly<Record<string, Aggregate>>, name: (k: string) => string) {
  return Object.entries(record).map(([key, a]) => ({ key, name: name(key), ...a }));
}

function side(app: AppContext, s: SimulationSide | null) {
  if (!s) return null;
  return {
    total: s.total,
    perRule: s.perRule,
    byRegion: named(s.byRegion, (k) => app.regions.name(k) ?? k),
    byIndustry: named(s.byIndustry, (k) => (SECTION_LABEL[k] ? `${k} ${SECTION_LABEL[k]}` : k)),
    bySize: named(s.bySize, (k) => SIZE_LABEL[k] ?? k),
  };
}

function toDto(app: AppContext, s: Omit<PolicySimulationTable, 'id'> & { id: number }) {
  const rule = requireRule(s.rule_id);
  const report = s.report && s.status === 'succeeded' ? (JSON.parse(s.report) as SimulationReport) : null;
  return {
    id: s.id,
    ruleId: s.rule_id,
    ruleTitle: rule.title,
    policyTitle: policyById(rule.policyId)?.title ?? rule.policyId,
    label: s.label,
    parameters: (JSON.parse(s.parameters) as { name: string; value: number | string }[]).map((p) => ({
      ...p,
      label: rule.parameters[p.name]?.label ?? p.name,
      unit: rule.parameters[p.name]?.unit ?? null,
    })),
    asOf: s.as_of,
    regionCode: s.region_code,
    regionName: s.region_code ? app.regions.name(s.region_code) : null,
    status: s.status,
    jobId: s.job_id,
    createdAt: s.created_at,
    rows: report?.rows ?? null,
    baseline: side(app, report?.baseline ?? null),
    reformed: side(app, report?.reformed ?? null),
    delta: report?.delta ?? null,
    error: s.status === 'failed' && s.report ? ((JSON.parse(s.report) as { error?: string }).error ?? null) : null,
  };
}

export async function listSimulations(app: AppContext, user: SessionUser) {
  const rows = await app.db.kysely
    .selectFrom('policy_simulations')
    .selectAll()
    .where('created_by', '=', user.id)
    .orderBy('id', 'desc')
    .limit(50)
    .execute();
  return {
    items: rows.map((r) => {
      const d = toDto(app, r);
      return { ...d, baseline: null, reformed: null, summary: { baseline: r.report ? d.baseline?.total : null } };
    }),
  };
}

/** A simulation belongs to whoever ran it (an administrator may read any). */
export async function getSimulation(app: AppContext, user: SessionUser, id: number) {
  const row = await app.db.kysely.selectFrom('policy_simulations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || (row.created_by !== user.id && user.role !== 'admin')) throw notFound('测算记录不存在');
  return toDto(app, row);
}
