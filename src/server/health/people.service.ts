import { z } from 'zod';
import { shanghaiDate } from '../../domain/health/dates.ts';
import {
  PERSON_CATEGORIES,
  PERSON_CATEGORY_LABEL,
  RETURN_MODES,
  RETURN_MODE_LABEL,
} from '../../domain/health/facts.ts';
import type { PersonCategory } from '../../domain/health/facts.ts';
import { isHealthStatus, STATUS_INFO } from '../../domain/health/status.ts';
import { maskResidentId, validateResidentId } from '../../domain/registry/resident-id.ts';
import type { SessionUser } from '../access/session-user.ts';
import type { AuditActor } from '../audit/audit.ts';
import { writeAudit } from '../audit/audit.ts';
import { assertPasswordPolicy, hashPassword } from '../auth/passwords.ts';
import type { AppContext } from '../context.ts';
import type { HealthPersonRow } from '../db/schema-health.ts';
import { conflict, fieldProblem, forbidden, notFound } from '../http/problem.ts';
import { revokeLivePasses } from '../passes/passes.service.ts';
import { overrideDto } from './overrides.ts';
import { anomalyDto } from './anomalies.ts';
import { appealDto } from './appeals.ts';
import { declarationDto } from './declarations.ts';
import { explain, reevaluate } from './evaluate.ts';
import type { EvaluationView } from './evaluate.ts';
import { CDC_FACT_KEYS, ENTERPRISE_FACT_KEYS, parseStoredFacts, storedFactsSchema } from './facts.ts';
import type { StoredFacts, StoredFactKey } from './facts.ts';
import { decryptResidentId, encryptResidentId, residentIdHash } from './pii.ts';
import { healthScopeOf, inHealthScope, targetEnterprise } from './scope.ts';

/** 一人一档: the roster, one person's record, the facts the rules read, account links. */

const text = (label: string, max: number) => z.string().trim().max(max).describe(label);
const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null))
    .describe(label);

export const personFields = {
  name: text('姓名', 50).min(1, '姓名：不能为空'),
  phone: z
    .string()
    .trim()
    .regex(/^(1[3-9]\d{9}|0\d{9,11})$/, '手机号：应为11位手机号或带区号的固定电话')
    .nullable()
    .optional()
    .describe('手机号'),
  team: optionalText('班组', 50),
  post: optionalText('岗位', 50),
  keyPost: z.boolean().nullable().optional().describe('是否重点岗位'),
  homeRegion: optionalText('户籍地', 100),
  dormitory: z.boolean().default(false).describe('是否住宿舍'),
  returnBatch: optionalText('返岗批次', 30),
  returnDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '返岗日期：应为 YYYY-MM-DD')
    .nullable()
    .optional()
    .describe('返岗日期'),
  returnMode: z.enum(RETURN_MODES).nullable().optional().describe('返岗方式'),
  travelHistory: optionalText('旅居史', 500),
  contactHistory: optionalText('接触史', 500),
  category: z.enum(PERSON_CATEGORIES).nullable().optional().describe('人员类别'),
  needsCard: z.boolean().default(false).describe('无智能手机（发放纸质员工证）'),
};

export const personCreateSchema = z.object({
  enterpriseId: z.coerce.number().int().positive().optional().describe('企业'),
  residentId: z.string().trim().min(1, '身份证号：不能为空').max(30).describe('身份证号'),
  ...personFields,
});
export type PersonCreate = z.infer<typeof personCreateSchema>;

export const personPatchSchema = z.object({
  version: z.number().int().positive().describe('版本'),
  name: personFields.name.optional(),
  phone: personFields.phone,
  team: personFields.team,
  post: personFields.post,
  keyPost: personFields.keyPost,
  homeRegion: personFields.homeRegion,
  dormitory: z.boolean().optional().describe('是否住宿舍'),
  returnBatch: personFields.returnBatch,
  returnDate: personFields.returnDate,
  returnMode: personFields.returnMode,
  travelHistory: personFields.travelHistory,
  contactHistory: personFields.contactHistory,
  category: personFields.category,
  needsCard: z.boolean().optional().describe('无智能手机（发放纸质员工证）'),
});
export type PersonPatch = z.infer<typeof personPatchSchema>;

export function statusLabelOf(status: string | null): string | null {
  return status && isHealthStatus(status) ? STATUS_INFO[status].label : null;
}

export function personDto(p: HealthPersonRow & { enterprise_name?: string; username?: string | null }) {
  return {
    id: p.id,
    enterpriseId: p.enterprise_id,
    ...(p.enterprise_name !== undefined ? { enterpriseName: p.enterprise_name } : {}),
    name: p.name,
    residentIdMasked: p.resident_id_masked,
    sex: p.sex,
    phone: p.phone,
    team: p.team,
    post: p.post,
    keyPost: p.key_post === null ? null : p.key_post === 1,
    homeRegion: p.home_region,
    dormitory: p.dormitory === 1,
    returnBatch: p.return_batch,
    returnDate: p.return_date,
    returnMode: p.return_mode,
    returnModeLabel: p.return_mode
      ? (RETURN_MODE_LABEL[p.return_mode as keyof typeof RETURN_MODE_LABEL] ?? null)
      : null,
    travelHistory: p.travel_history,
    contactHistory: p.contact_history,
    category: p.category,
    categoryLabel: p.category
      ? (PERSON_CATEGORY_LABEL[p.category as keyof typeof PERSON_CATEGORY_LABEL] ?? null)
      : null,
    needsCard: p.needs_card === 1,
    active: p.active === 1,
    leftOn: p.left_on,
    userId: p.user_id,
    ...(p.username !== undefined ? { username: p.username } : {}),
    status: p.status,
    statusLabel: statusLabelOf(p.status),
    statusCause: p.status_cause,
    earliestReturnDate: p.earliest_return_date,
    evaluatedOn: p.evaluated_on,
    statusChangedAt: p.status_changed_at,
    version: p.version,
  };
}

/** The fields of a person that an audit record may digest (never the ID number). */
function auditable(p: Partial<HealthPersonRow>) {
  const { resident_id_enc: _e, resident_id_hash: _h, resident_id_masked: _m, evaluation: _v, ...rest } = p;
  return rest;
}

async function audit(
  app: AppContext,
  trx: Parameters<typeof writeAudit>[0],
  actor: AuditActor,
  entry: Parameters<typeof writeAudit>[3],
) {
  await writeAudit(trx, app.db.dialect, actor, entry, app.clock.now());
}

/** A person the user may see (404 otherwise). */
export async function personInScope(app: AppContext, user: SessionUser, id: number): Promise<HealthPersonRow> {
  const p = await app.db.kysely
    .selectFrom('health_people')
    .selectAll()
    .where('id', '=', id)
    .where(inHealthScope('health_people', healthScopeOf(user)))
    .executeTakeFirst();
  if (!p) throw notFound('员工档案不存在');
  return p;
}

export interface RosterQuery {
  enterpriseId?: number;
  q?: string;
  status?: string;
  team?: string;
  post?: string;
  category?: PersonCategory;
  includeLeft?: boolean;
  page: number;
  pageSize: number;
}

export async function listPeople(app: AppContext, user: SessionUser, actor: AuditActor, query: RosterQuery) {
  let base = app.db.kysely
    .selectFrom('health_people')
    .innerJoin('enterprises', 'enterprises.id', 'health_people.enterprise_id')
    .leftJoin('users', 'users.id', 'health_people.user_id')
    .where(inHealthScope('health_people', healthScopeOf(user)));
  if (query.enterpriseId) base = base.where('health_people.enterprise_id', '=', query.enterpriseId);
  if (!query.includeLeft) base = base.where('health_people.active', '=', 1);
  if (query.status) base = base.where('health_people.status', '=', query.status);
  if (query.team) base = base.where('health_people.team', '=', query.team);
  if (query.post) base = base.where('health_people.post', '=', query.post);
  if (query.category) base = base.where('health_people.category', '=', query.category);
  if (query.q) {
    const q = query.q.trim();
    // An ID number is matched through its keyed hash, never as text.
    const id = validateResidentId(q);
    base = base.where((eb) =>
      eb.or([
        eb('health_people.name', 'like', `%${q.replace(/[\\%_]/g, '')}%`),
        eb('health_people.phone', '=', q),
        ...(id.ok ? [eb('health_people.resident_id_hash', '=', residentIdHash(app.config.secrets, id.value))] : []),
      ]),
    );
  }
  const [rows, count] = await Promise.all([
    base
      .selectAll('health_people')
      .select(['enterprises.name as enterprise_name', 'users.username as username'])
      .orderBy('health_people.enterprise_id')
      .orderBy('health_people.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  // Reading health data is audited, lists included (design.md principle 5).
  await app.db.kysely.transaction().execute((trx) =>
    audit(app, trx, actor, {
      action: 'health.roster_viewed',
      objectType: 'health_roster',
      objectId: query.enterpriseId ?? null,
      summary: `查看员工花名册（第 ${query.page} 页，${rows.length} 人）`,
      extra: { personIds: rows.map((r) => r.id) },
    }),
  );
  return { items: rows.map(personDto), total: Number(count.n) };
}

export async function getPerson(app: AppContext, user: SessionUser, actor: AuditActor, id: number) {
  const p = await personInScope(app, user, id);
  const [enterprise, account, declarations, anomalies, overrides, appeals, passes] = await Promise.all([
    app.db.kysely.selectFrom('enterprises').select(['name']).where('id', '=', p.enterprise_id).executeTakeFirst(),
    p.user_id
      ? app.db.kysely.selectFrom('users').select(['username']).where('id', '=', p.user_id).executeTakeFirst()
      : undefined,
    app.db.kysely
      .selectFrom('health_declarations')
      .selectAll()
      .where('person_id', '=', id)
      .orderBy('at', 'desc')
      .limit(20)
      .execute(),
    app.db.kysely
      .selectFrom('health_anomaly_cases')
      .selectAll()
      .where('person_id', '=', id)
      .orderBy('id', 'desc')
      .execute(),
    app.db.kysely
      .selectFrom('health_overrides')
      .selectAll()
      .where('person_id', '=', id)
      .orderBy('id', 'desc')
      .execute(),
    app.db.kysely.selectFrom('health_appeals').selectAll().where('person_id', '=', id).orderBy('id', 'desc').execute(),
    app.db.kysely
      .selectFrom('passes')
      .selectAll()
      .where('person_id', '=', id)
      .orderBy('id', 'desc')
      .limit(10)
      .execute(),
  ]);
  const explained = await explain(app, p);
  const nowIso = app.clock.now().toISOString();
  await app.db.kysely.transaction().execute((trx) =>
    audit(app, trx, actor, {
      action: 'health.person_viewed',
      objectType: 'health_person',
      objectId: id,
      summary: '查看员工健康档案',
    }),
  );
  return {
    person: { ...personDto({ ...p, enterprise_name: enterprise?.name ?? '', username: account?.username ?? null }) },
    evaluation: (p.evaluation ? JSON.parse(p.evaluation) : null) as EvaluationView | { error: string } | null,
    current: explained,
    facts: parseStoredFacts(p.facts),
    declarations: declarations.map(declarationDto),
    anomalies: anomalies.map((a) => anomalyDto(a)),
    overrides: overrides.map((o) => overrideDto(o, nowIso)),
    appeals: appeals.map((a) => appealDto(a)),
    passes,
  };
}

export async function createPerson(app: AppContext, user: SessionUser, actor: AuditActor, input: PersonCreate) {
  const e = await targetEnterprise(app, user, input.enterpriseId);
  const now = app.clock.now();
  const asOf = shanghaiDate(now.toISOString());
  const idCheck = validateResidentId(input.residentId, asOf);
  if (!idCheck.ok) throw fieldProblem('residentId', idCheck.message);
  const hash = residentIdHash(app.config.secrets, idCheck.value);
  return app.db.kysely.transaction().execute(async (trx) => {
    const dup = await trx
      .selectFrom('health_people')
      .select('id')
      .where('enterprise_id', '=', e.id)
      .where('resident_id_hash', '=', hash)
      .executeTakeFirst();
    if (dup) throw conflict('身份证号：该员工已在本企业花名册中', 'residentId');
    const at = now.toISOString();
    const row = await trx
      .insertInto('health_people')
      .values({
        enterprise_id: e.id,
        name: input.name,
        resident_id_enc: encryptResidentId(app.config.secrets, idCheck.value),
        resident_id_hash: hash,
        resident_id_masked: maskResidentId(idCheck.value),
        sex: idCheck.sex,
        phone: input.phone ?? null,
        team: input.team,
        post: input.post,
        key_post: input.keyPost === undefined || input.keyPost === null ? null : input.keyPost ? 1 : 0,
        home_region: input.homeRegion,
        dormitory: input.dormitory ? 1 : 0,
        return_batch: input.returnBatch,
        return_date: input.returnDate ?? null,
        return_mode: input.returnMode ?? null,
        travel_history: input.travelHistory,
        contact_history: input.contactHistory,
        category: input.category ?? null,
        facts: '{}',
        user_id: null,
        needs_card: input.needsCard ? 1 : 0,
        active: 1,
        left_on: null,
        status: null,
        evaluation: null,
        reason_codes: '[]',
        earliest_return_date: null,
        status_cause: null,
        rule_set_id: null,
        override_id: null,
        evaluated_on: null,
        status_changed_at: null,
        import_batch_id: null,
        version: 1,
        created_by: user.id,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(app, trx, actor, {
      action: 'health.person_created',
      objectType: 'health_person',
      objectId: row.id,
      summary: `新增员工档案（${e.name}）`,
      extra: { enterpriseId: e.id },
    });
    await reevaluate(app, trx, [row.id], actor, now);
    const created = await trx
      .selectFrom('health_people')
      .selectAll()
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    return personDto(created);
  });
}

function patchColumns(input: Omit<PersonPatch, 'version'>): Partial<HealthPersonRow> {
  const out: Partial<HealthPersonRow> = {};
  const set = <K extends keyof HealthPersonRow>(k: K, v: HealthPersonRow[K] | undefined) => {
    if (v !== undefined) out[k] = v;
  };
  set('name', input.name);
  set('phone', input.phone === undefined ? undefined : (input.phone ?? null));
  set('team', input.team);
  set('post', input.post);
  set('key_post', input.keyPost === undefined ? undefined : input.keyPost === null ? null : input.keyPost ? 1 : 0);
  set('home_region', input.homeRegion);
  set('dormitory', input.dormitory === undefined ? undefined : input.dormitory ? 1 : 0);
  set('return_batch', input.returnBatch);
  set('return_date', input.returnDate === undefined ? undefined : (input.returnDate ?? null));
  set('return_mode', input.returnMode === undefined ? undefined : (input.returnMode ?? null));
  set('travel_history', input.travelHistory);
  set('contact_history', input.contactHistory);
  set('category', input.category === undefined ? undefined : (input.category ?? null));
  set('needs_card', input.needsCard === undefined ? undefined : input.needsCard ? 1 : 0);
  return out;
}

export async function updatePerson(
  app: AppContext,
  user: SessionUser,
  actor: AuditActor,
  id: number,
  input: PersonPatch,
) {
  const before = await personInScope(app, user, id);
  const { version, ...changes } = input;
  const cols = patchColumns(changes);
  const now = app.clock.now();
  return app.db.kysely.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('health_people')
      .set({ ...cols, version: before.version + 1, updated_at: now.toISOString() })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw conflict('该档案已被他人修改，请刷新后重试', 'version');
    await audit(app, trx, actor, {
      action: 'health.person_updated',
      objectType: 'health_person',
      objectId: id,
      before: auditable(before),
      after: auditable({ ...before, ...cols }),
      summary: '修改员工档案',
    });
    await reevaluate(app, trx, [id], actor, now);
    return personDto(await trx.selectFrom('health_people').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
  });
}

/** The person has left the enterprise: off the roster, passes revoked; kept until the retention period ends. */
export async function markLeft(app: AppContext, user: SessionUser, actor: AuditActor, id: number, on: string) {
  const p = await personInScope(app, user, id);
  if (!p.active) throw conflict('该员工已标记离职');
  const now = app.clock.now();
  return app.db.kysely.transaction().execute(async (trx) => {
    await trx
      .updateTable('health_people')
      .set({ active: 0, left_on: on, user_id: null, version: p.version + 1, updated_at: now.toISOString() })
      .where('id', '=', id)
      .execute();
    const revoked = await revokeLivePasses(app, trx, id, '员工离职', now);
    await audit(app, trx, actor, {
      action: 'health.person_left',
      objectType: 'health_person',
      objectId: id,
      summary: `员工离职（${on}），作废通行证 ${revoked.length} 张`,
    });
    return { id, leftOn: on, passesRevoked: revoked.map((r) => r.id) };
  });
}

/** The full ID number, for roles that need it; every view is audited. */
export async function revealResidentId(app: AppContext, user: SessionUser, actor: AuditActor, id: number) {
  const p = await personInScope(app, user, id);
  const residentId = decryptResidentId(app.config.secrets, p.resident_id_enc);
  await app.db.kysely.transaction().execute((trx) =>
    audit(app, trx, actor, {
      action: 'health.resident_id_revealed',
      objectType: 'health_person',
      objectId: id,
      summary: '查看完整身份证号',
      extra: { enterpriseId: p.enterprise_id },
    }),
  );
  return { id, residentId };
}

/** Find people by ID number through the keyed hash (the number itself is never searched or logged). */
export async function lookupByResidentId(app: AppContext, user: SessionUser, actor: AuditActor, residentId: string) {
  const check = validateResidentId(residentId);
  if (!check.ok) throw fieldProblem('residentId', check.message);
  const hash = residentIdHash(app.config.secrets, check.value);
  const rows = await app.db.kysely
    .selectFrom('health_people')
    .innerJoin('enterprises', 'enterprises.id', 'health_people.enterprise_id')
    .selectAll('health_people')
    .select('enterprises.name as enterprise_name')
    .where('health_people.resident_id_hash', '=', hash)
    .where(inHealthScope('health_people', healthScopeOf(user)))
    .orderBy('health_people.id')
    .execute();
  await app.db.kysely.transaction().execute((trx) =>
    audit(app, trx, actor, {
      action: 'health.person_looked_up',
      objectType: 'health_roster',
      summary: `按身份证号查找员工档案（${maskResidentId(check.value)}），找到 ${rows.length} 条`,
      extra: { personIds: rows.map((r) => r.id) },
    }),
  );
  return { items: rows.map(personDto) };
}

export const factsUpdateSchema = z.object({
  version: z.number().int().positive().describe('版本'),
  facts: storedFactsSchema,
});

const FACT_NAME: Record<StoredFactKey, string> = {
  travel: '最近14天旅居史',
  contacts: '接触史',
  diagnosis: '诊断情况',
  tests: '核酸检测结果',
  arrival: '返岗到达信息',
  healthChecks: '健康检测',
  quarantines: '隔离观察记录',
};

/** Record facts; the rules run again at once. Medical facts are the CDC's; an enterprise records travel and arrival. */
export async function updateFacts(
  app: AppContext,
  user: SessionUser,
  actor: AuditActor,
  id: number,
  input: z.infer<typeof factsUpdateSchema>,
) {
  const p = await personInScope(app, user, id);
  const allowed = user.role === 'cdc' ? CDC_FACT_KEYS : ENTERPRISE_FACT_KEYS;
  const keys = Object.keys(input.facts) as StoredFactKey[];
  for (const k of keys) {
    if (!allowed.includes(k)) throw forbidden(`${FACT_NAME[k]}：只能由疾控人员录入`);
  }
  if (keys.length === 0) throw fieldProblem('facts', '事实：没有要保存的内容');
  const merged: StoredFacts = { ...parseStoredFacts(p.facts), ...input.facts };
  const now = app.clock.now();
  return app.db.kysely.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('health_people')
      .set({ facts: JSON.stringify(merged), version: p.version + 1, updated_at: now.toISOString() })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw conflict('该档案已被他人修改，请刷新后重试', 'version');
    await audit(app, trx, actor, {
      action: 'health.facts_updated',
      objectType: 'health_person',
      objectId: id,
      before: parseStoredFacts(p.facts),
      after: merged,
      summary: `录入返岗判定事实：${keys.map((k) => FACT_NAME[k]).join('、')}`,
    });
    const [evaluation] = await reevaluate(app, trx, [id], actor, now);
    const row = await trx.selectFrom('health_people').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return { person: personDto(row), facts: merged, evaluation };
  });
}

/** Run the rules for one person now (nothing but the rules can change a status). */
export async function evaluateNow(app: AppContext, user: SessionUser, actor: AuditActor, id: number) {
  await personInScope(app, user, id);
  const now = app.clock.now();
  return app.db.kysely.transaction().execute(async (trx) => {
    const [r] = await reevaluate(app, trx, [id], actor, now);
    const row = await trx.selectFrom('health_people').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return { person: personDto(row), changed: r?.changed ?? false };
  });
}

export const accountSchema = z.union([
  z.object({ userId: z.number().int().positive().describe('已有员工账号') }),
  z.object({
    username: z
      .string()
      .trim()
      .regex(/^[a-zA-Z0-9_.-]{3,32}$/, '用户名：3–32位字母、数字、下划线、点或连字符')
      .describe('用户名'),
    password: z.string().min(1).max(64).describe('初始密码'),
  }),
]);

/** Link an employee account (员工 H5) to the person: an existing employee of the enterprise, or a new account. */
export async function linkAccount(
  app: AppContext,
  user: SessionUser,
  actor: AuditActor,
  id: number,
  input: z.infer<typeof accountSchema>,
) {
  const p = await personInScope(app, user, id);
  if (!p.active) throw conflict('该员工已离职，不能关联账号');
  if (p.user_id) throw conflict('该员工已关联账号');
  const now = app.clock.now();
  const at = now.toISOString();
  let hash: string | null = null;
  if ('password' in input) {
    assertPasswordPolicy(input.password, 'password');
    hash = await hashPassword(input.password, app.config.argon2);
  }
  return app.db.kysely.transaction().execute(async (trx) => {
    let userId: number;
    if ('userId' in input) {
      const u = await trx.selectFrom('users').selectAll().where('id', '=', input.userId).executeTakeFirst();
      if (!u || u.role !== 'employee' || u.enterprise_id !== p.enterprise_id) {
        throw fieldProblem('userId', '已有员工账号：应为本企业的员工账号');
      }
      const taken = await trx.selectFrom('health_people').select('id').where('user_id', '=', u.id).executeTakeFirst();
      if (taken) throw conflict('已有员工账号：该账号已关联其他员工档案', 'userId');
      userId = u.id;
    } else {
      const exists = await trx
        .selectFrom('users')
        .select('id')
        .where('username', '=', input.username)
        .executeTakeFirst();
      if (exists) throw conflict('用户名：已被使用', 'username');
      const row = await trx
        .insertInto('users')
        .values({
          username: input.username,
          display_name: p.name,
          role: 'employee',
          phone: p.phone,
          region_code: null,
          department_id: null,
          enterprise_id: p.enterprise_id,
          bank_id: null,
          password_hash: hash!,
          must_change_password: 1,
          failed_logins: 0,
          locked_until: null,
          disabled: 0,
          last_login_at: null,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      userId = row.id;
      await audit(app, trx, actor, {
        action: 'user.created',
        objectType: 'user',
        objectId: userId,
        summary: `为员工档案 #${id} 开通员工账号 ${input.username}（首次登录须修改密码）`,
      });
    }
    await trx
      .updateTable('health_people')
      .set({ user_id: userId, version: p.version + 1, updated_at: at })
      .where('id', '=', id)
      .execute();
    await audit(app, trx, actor, {
      action: 'health.account_linked',
      objectType: 'health_person',
      objectId: id,
      summary: `员工档案关联账号 #${userId}`,
    });
    return { personId: id, userId };
  });
}
