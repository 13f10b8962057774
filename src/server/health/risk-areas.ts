import { z } from 'zod';
import { isIsoDate } from '../../domain/health/dates.ts';
import { regionLevelOfCode } from '../../domain/registry/region-code.ts';
import type { SessionUser } from '../access/session-user.ts';
import type { AuditActor } from '../audit/audit.ts';
import { writeAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import type { HealthRiskAreaRow } from '../db/schema-health.ts';
import { conflict, forbidden, notFound, unprocessable } from '../http/problem.ts';
import { reevaluate } from './evaluate.ts';
import type { Evaluation } from './evaluate.ts';

/**
 * The risk-area register (风险地区) the return-to-work rules read (src/server/health/facts.ts `placeRisk`): a
 * place's 2020 重点地区 / 疫情严重地区 flag (seed 003 L482, L739), its 2022 中/高风险 level and local cluster
 * (seed 002 L215–L235), each from a date to a date, with the notice it comes from.
 *
 * Who writes it: the classification is announced for the whole city (the 指挥部 publishes it, the CDC keeps it), so
 * only a CDC user at city level or above may add or end an entry; a county CDC user and the command centre's
 * leaders read it. The system administrator does not write it (it runs the platform, it does not judge places).
 *
 * Adding or ending an entry re-evaluates, in the same transaction, every current person whose recorded travel
 * touches the area's code, so statuses and passes follow the register at once.
 */

const LEVELS = ['low', 'medium', 'high'] as const;
const LEVEL_LABEL: Record<(typeof LEVELS)[number], string> = { low: '低风险', medium: '中风险', high: '高风险' };

const date = (label: string) =>
  z
    .string()
    .refine(isIsoDate, { message: `${label}：应为 YYYY-MM-DD 格式的日期` })
    .describe(label);

export const riskAreaCreateSchema = z
  .object({
    regionCode: z
      .string()
      .trim()
      .regex(/^\d{2}(\d{2}){0,2}$/, '地区代码：应为省、市或县的 GB/T 2260 代码（2、4 或 6 位）')
      .describe('地区代码'),
    name: z.string().trim().min(1, '地区名称：不能为空').max(60, '地区名称：不超过60字').describe('地区名称'),
    level: z.enum(LEVELS).nullable().default(null).describe('风险等级（2022 年起）'),
    keyArea: z.boolean().default(false).describe('重点地区 / 疫情严重地区（2020 年）'),
    localCluster: z.boolean().default(false).describe('有本土聚集性疫情的县（市、区）'),
    validFrom: date('起始日期'),
    validTo: date('截止日期').nullable().default(null),
    source: z.string().trim().min(1, '依据：请填写发布机关和文号').max(200, '依据：不超过200字').describe('依据'),
  })
  .refine((a) => a.level !== null || a.keyArea || a.localCluster, {
    message: '风险等级：请选择风险等级，或标明重点地区、本土聚集性疫情',
    path: ['level'],
  })
  .refine((a) => a.validTo === null || a.validFrom <= a.validTo, {
    message: '截止日期：不能早于起始日期',
    path: ['validTo'],
  });

export const riskAreaEndSchema = z.object({
  on: date('截止日期'),
  reason: z.string().trim().min(1, '理由：请填写').max(200, '理由：不超过200字').describe('理由'),
});

export const riskAreaListQuery = z.object({
  regionCode: z.string().trim().max(6).optional().describe('地区代码（前缀）'),
  activeOn: z.string().refine(isIsoDate, { message: '日期：应为 YYYY-MM-DD' }).optional().describe('只列出该日有效的'),
  page: z.coerce.number().int().min(1).default(1).describe('页码'),
  pageSize: z.coerce.number().int().min(1).max(200).default(50).describe('每页条数'),
});

export function riskAreaDto(r: HealthRiskAreaRow & { created_by_name?: string | null }) {
  return {
    id: r.id,
    regionCode: r.region_code,
    name: r.name,
    level: r.level,
    levelLabel: r.level ? LEVEL_LABEL[r.level] : null,
    keyArea: r.key_area === 1,
    localCluster: r.local_cluster === 1,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    source: r.basis,
    createdBy: r.created_by,
    ...(r.created_by_name !== undefined ? { createdByName: r.created_by_name } : {}),
    createdAt: r.created_at,
  };
}

function assertCityLevelCdc(user: SessionUser) {
  const level = user.regionCode ? regionLevelOfCode(user.regionCode) : null;
  if (user.role !== 'cdc' || (level !== 'city' && level !== 'province'))
    throw forbidden('风险地区名录由市级疾控中心维护，县级用户只能查看');
}

export async function listRiskAreas(app: AppContext, q: z.infer<typeof riskAreaListQuery>) {
  let base = app.db.kysely
    .selectFrom('health_risk_areas')
    .leftJoin('users', 'users.id', 'health_risk_areas.created_by');
  if (q.regionCode) base = base.where('health_risk_areas.region_code', 'like', `${q.regionCode.replace(/\D/g, '')}%`);
  if (q.activeOn) {
    const d = q.activeOn;
    base = base
      .where('health_risk_areas.valid_from', '<=', d)
      .where((eb) => eb.or([eb('health_risk_areas.valid_to', 'is', null), eb('health_risk_areas.valid_to', '>=', d)]));
  }
  const [rows, count] = await Promise.all([
    base
      .selectAll('health_risk_areas')
      .select('users.display_name as created_by_name')
      .orderBy('health_risk_areas.valid_from', 'desc')
      .orderBy('health_risk_areas.id', 'desc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(riskAreaDto), total: Number(count.n) };
}

/** Current people whose recorded travel names a place inside `regionCode` (what `placeRisk` matches by prefix). */
async function affectedPeople(trx: Parameters<typeof reevaluate>[1], regionCode: string): Promise<number[]> {
  const rows = await trx
    .selectFrom('health_people')
    .select('id')
    .where('active', '=', 1)
    .where('facts', 'like', `%"regionCode":"${regionCode}%`)
    .execute();
  return rows.map((r) => r.id);
}

async function reevaluateAffected(
  app: AppContext,
  trx: Parameters<typeof reevaluate>[1],
  regionCode: string,
  actor: AuditActor,
  now: Date,
) {
  const ids = await affectedPeople(trx, regionCode);
  const out: Evaluation[] = [];
  for (let i = 0; i < ids.length; i += 500)
    out.push(...(await reevaluate(app, trx, ids.slice(i, i + 500), actor, now)));
  return {
    reevaluated: out.length,
    changed: out.filter((e) => e.changed).map((e) => ({ personId: e.personId, from: e.from, to: e.to })),
  };
}

export async function addRiskArea(
  app: AppContext,
  user: SessionUser,
  actor: AuditActor,
  input: z.infer<typeof riskAreaCreateSchema>,
) {
  assertCityLevelCdc(user);
  const now = app.clock.now();
  return app.db.kysely.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('health_risk_areas')
      .values({
        region_code: input.regionCode,
        name: input.name,
        level: input.level,
        key_area: input.keyArea ? 1 : 0,
        local_cluster: input.localCluster ? 1 : 0,
        valid_from: input.validFrom,
        valid_to: input.validTo,
        basis: input.source,
        created_by: user.id,
        created_at: now.toISOString(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const dto = riskAreaDto(row);
    await writeAudit(
      trx,
      app.db.dialect,
      actor,
      {
        action: 'health.risk_area_added',
        objectType: 'health_risk_area',
        objectId: row.id,
        after: dto,
        summary: `登记风险地区：${input.name}（${input.regionCode}）${dto.levelLabel ?? ''}${
          input.keyArea ? ' 重点地区' : ''
        }${input.localCluster ? ' 本土聚集性疫情' : ''}，${input.validFrom} 起`,
      },
      now,
    );
    const evaluation = await reevaluateAffected(app, trx, input.regionCode, actor, now);
    return { riskArea: dto, ...evaluation };
  });
}

export async function endRiskArea(
  app: AppContext,
  user: SessionUser,
  actor: AuditActor,
  id: number,
  input: z.infer<typeof riskAreaEndSchema>,
) {
  assertCityLevelCdc(user);
  const now = app.clock.now();
  return app.db.kysely.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('health_risk_areas').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('风险地区不存在');
    if (row.valid_to !== null && row.valid_to <= input.on)
      throw conflict(`截止日期：该地区已于 ${row.valid_to} 截止`, 'on');
    if (input.on < row.valid_from) throw unprocessable(`截止日期：不能早于起始日期 ${row.valid_from}`, 'on');
    const r = await trx
      .updateTable('health_risk_areas')
      .set({ valid_to: input.on })
      .where('id', '=', id)
      .where((eb) => (row.valid_to === null ? eb('valid_to', 'is', null) : eb('valid_to', '=', row.valid_to)))
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw conflict('该风险地区已被他人修改，请刷新后重试', 'on');
    const after = { ...row, valid_to: input.on };
    await writeAudit(
      trx,
      app.db.dialect,
      actor,
      {
        action: 'health.risk_area_ended',
        objectType: 'health_risk_area',
        objectId: id,
        before: riskAreaDto(row),
        after: riskAreaDto(after),
        summary: `风险地区截止：${row.name}（${row.region_code}）至 ${input.on}；理由：${input.reason}`,
      },
      now,
    );
    const evaluation = await reevaluateAffected(app, trx, row.region_code, actor, now);
    return { riskArea: riskAreaDto(after), ...evaluation };
  });
}
