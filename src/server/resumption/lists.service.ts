import type { ApprovalList, ConditionItem, ListChanges, RiskLevel } from '../../domain/resumption/index.ts';
import {
  BUILT_IN_TEMPLATES,
  CONDITION_LIST_RULES,
  ENTERPRISE_TYPES,
  ITEM_KIND_LABELS,
  PROCEDURE_DOCUMENTS,
  composeList,
  publishList,
  publishNewVersion,
  templateById,
  validateApprovalList,
  validateLeadDepartmentRules,
} from '../../domain/resumption/index.ts';
import type { SessionUser } from '../access/session-user.ts';
import type { AuditActor } from '../audit/audit.ts';
import { writeAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { badRequest, conflict, fieldProblem, forbidden, notFound } from '../http/problem.ts';
import { shanghaiDay } from './actors.ts';
import { NANCHANG } from './config.service.ts';
import type { StoredConditionList } from './config.store.ts';
import { APPROVAL_LIST_ID, loadApprovalLists, loadConditionLists, loadLeadRules } from './config.store.ts';

function assertConfigurer(user: SessionUser) {
  if (user.role === 'admin') return;
  if (user.role === 'leader' && user.regionCode && NANCHANG.startsWith(user.regionCode)) return;
  throw forbidden('全省统一的清单由市级以上指挥部或管理员发布');
}

function problems(field: string, errors: readonly string[]) {
  return badRequest(
    errors.join('；'),
    field,
    errors.map((message) => ({ field, message })),
  );
}

export function templatesDto() {
  return {
    templates: BUILT_IN_TEMPLATES.map((t) => ({
      templateId: t.templateId,
      title: t.title,
      subject: t.subject,
      jurisdiction: t.jurisdiction,
      sources: t.sources,
      items: t.items,
    })),
    itemKinds: ITEM_KIND_LABELS,
    procedureDocuments: PROCEDURE_DOCUMENTS,
    rules: Object.values(CONDITION_LIST_RULES),
  };
}

function listSummary(versions: StoredConditionList[], today: string) {
  const published = versions.filter((v) => v.publishedOn !== null);
  const inForce = published.filter((v) => v.publishedOn! <= today).at(-1) ?? null;
  const latest = versions.at(-1)!;
  return {
    listId: latest.listId,
    title: latest.title,
    subject: latest.subject,
    riskLevels: latest.riskLevels,
    jurisdiction: latest.jurisdiction,
    versionInForce: inForce?.version ?? null,
    draftVersion: latest.publishedOn === null ? latest.version : null,
    versions: versions.map((v) => ({
      version: v.version,
      title: v.title,
      riskLevels: v.riskLevels,
      publishedOn: v.publishedOn,
      itemCount: v.items.length,
      templateIds: v.templateIds,
      createdAt: v.createdAt,
    })),
  };
}

export async function listConditionLists(app: AppContext) {
  const today = shanghaiDay(app.clock.now());
  const all = await loadConditionLists(app.db.kysely);
  const byId = new Map<string, StoredConditionList[]>();
  for (const l of all) byId.set(l.listId, [...(byId.get(l.listId) ?? []), l]);
  return { today, items: [...byId.values()].map((v) => listSummary(v, today)) };
}

export async function getConditionList(app: AppContext, listId: string, version?: number) {
  const versions = (await loadConditionLists(app.db.kysely)).filter((l) => l.listId === listId);
  if (versions.length === 0) throw notFound('清单不存在');
  const chosen = version === undefined ? versions.at(-1)! : versions.find((v) => v.version === version);
  if (!chosen) throw notFound('清单版本不存在');
  return { ...chosen, summary: listSummary(versions, shanghaiDay(app.clock.now())) };
}

export interface DraftInput {
  listId: string;
  title: string;
  riskLevels: RiskLevel[];
  jurisdiction: string;
  templateIds: string[];
  extraItems: ConditionItem[];
}

/** A new list (version 1, unpublished) composed from the built-in templates, or a replacement for its draft. */
export async function saveDraft(app: AppContext, user: SessionUser, actor: AuditActor, input: DraftInput) {
  assertConfigurer(user);
  const templates = input.templateIds.map((id) => {
    const t = templateById(id);
    if (!t) throw fieldProblem('templateIds', `模板：「${id}」不存在`);
    return t;
  });
  const composed = composeList({ ...input, templates, extraItems: input.extraItems });
  if (!composed.ok) throw problems('items', composed.errors);
  const now = app.clock.now();
  const then = await app.db.kysely.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('resumption_condition_lists')
      .select(['version', 'published_on'])
      .where('list_id', '=', input.listId)
      .execute();
    if (existing.some((e) => e.published_on !== null)) {
      throw conflict('清单编号：该清单已公布，修改请发布新版本', 'listId');
    }
    const list = composed.list;
    const row = {
      list_id: list.listId,
      version: 1,
      title: list.title,
      subject: list.subject,
      risk_levels: JSON.stringify(list.riskLevels),
      jurisdiction: list.jurisdiction,
      published_on: null,
      items: JSON.stringify(list.items),
      sources: JSON.stringify(list.sources),
      template_ids: JSON.stringify(input.templateIds),
      created_at: now.toISOString(),
      created_by: user.id,
    };
    if (existing.length) {
      await trx
        .updateTable('resumption_condition_lists')
        .set(row)
        .where('list_id', '=', list.listId)
        .where('version', '=', 1)
        .execute();
    } else {
      await trx.insertInto('resumption_condition_lists').values(row).execute();
    }
    await writeAudit(
      trx,
      app.db.dialect,
      actor,
      {
        action: 'resumption.condition_list.draft',
        objectType: 'condition_list',
        objectId: list.listId,
        summary: `清单草稿《${list.title}》（${list.items.length}项）`,
      },
      now,
    );
    return () => getConditionList(app, list.listId);
  });
  return then();
}

function assertPublishDate(app: AppContext, publishedOn: string) {
  const today = shanghaiDay(app.clock.now());
  if (publishedOn < today)
    throw fieldProblem('publishedOn', `公布日期：不得早于今天（${today}），已作出的决定不能追溯改变`);
}

/** Publishes the first version (the draft). */
export async function publishDraft(
  app: AppContext,
  user: SessionUser,
  actor: AuditActor,
  listId: string,
  publishedOn: string,
) {
  assertConfigurer(user);
  assertPublishDate(app, publishedOn);
  const now = app.clock.now();
  const then = await app.db.kysely.transaction().execute(async (trx) => {
    const draft = (await loadConditionLists(trx)).find((l) => l.listId === listId && l.version === 1);
    if (!draft) throw notFound('清单不存在');
    const { templateIds: _t, createdAt: _c, ...plain } = draft;
    const r = publishList(plain, publishedOn);
    if (!r.ok) throw problems('publishedOn', r.errors);
    const updated = await trx
      .updateTable('resumption_condition_lists')
      .set({ published_on: publishedOn })
      .where('list_id', '=', listId)
      .where('version', '=', 1)
      .where('published_on', 'is', null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw conflict('清单已公布', 'listId');
    await writeAudit(
      trx,
      app.db.dialect,
      actor,
      {
        action: 'resumption.condition_list.publish',
        objectType: 'condition_list',
        objectId: `${listId}@1`,
        summary: `公布《${draft.title}》第1版（${publishedOn}起）`,
      },
      now,
    );
    return () => getConditionList(app, listId, 1);
  });
  return then();
}

/** A new published version of a published list; earlier versions stay as they were. */
export async function publishVersion(
  app: AppContext,
  user: SessionUser,
  actor: AuditActor,
  listId: string,
  changes: ListChanges,
  publishedOn: string,
) {
  assertConfigurer(user);
  assertPublishDate(app, publishedOn);
  const now = app.clock.now();
  const then = await app.db.kysely.transaction().execute(async (trx) => {
    const versions = (await loadConditionLists(trx)).filter((l) => l.listId === listId);
    if (versions.length === 0) throw notFound('清单不存在');
    const latest = versions.at(-1)!;
    if (latest.publishedOn === null) throw conflict('清单尚未公布：请先公布第1版', 'listId');
    const { templateIds, createdAt: _c, ...plain } = latest;
    const r = publishNewVersion(plain, changes, publishedOn);
    if (!r.ok) throw problems('changes', r.errors);
    const next = r.list;
    await trx
      .insertInto('resumption_condition_lists')
      .values({
        list_id: next.listId,
        version: next.version,
        title: next.title,
        subject: next.subject,
        risk_levels: JSON.stringify(next.riskLevels),
        jurisdiction: next.jurisdiction,
        published_on: publishedOn,
        items: JSON.stringify(next.items),
        sources: JSON.stringify(next.sources),
        template_ids: JSON.stringify(templateIds),
        created_at: now.toISOString(),
        created_by: user.id,
      })
      .execute()
      .catch(() => {
        throw conflict('清单版本已被他人发布，请刷新后重试', 'listId');
      });
    await writeAudit(
      trx,
      app.db.dialect,
      actor,
      {
        action: 'resumption.condition_list.publish',
        objectType: 'condition_list',
        objectId: `${listId}@${next.version}`,
        summary: `公布《${next.title}》第${next.version}版（${publishedOn}起）`,
        extra: {
          added: (changes.add ?? []).map((i) => i.id),
          removed: changes.remove ?? [],
          updated: (changes.update ?? []).map((u) => u.id),
        },
      },
      now,
    );
    return () => getConditionList(app, listId, next.version);
  });
  return then();
}

// ───────────────────────────── approval list ─────────────────────────────

export async function approvalListsDto(app: AppContext) {
  const versions = await loadApprovalLists(app.db.kysely);
  const today = shanghaiDay(app.clock.now());
  const inForce = versions.filter((v) => v.publishedOn !== null && v.publishedOn <= today).at(-1) ?? null;
  return { listId: APPROVAL_LIST_ID, today, inForce, versions };
}

export async function publishApprovalList(
  app: AppContext,
  user: SessionUser,
  actor: AuditActor,
  items: ApprovalList['items'],
  publishedOn: string,
) {
  assertConfigurer(user);
  assertPublishDate(app, publishedOn);
  const now = app.clock.now();
  const then = await app.db.kysely.transaction().execute(async (trx) => {
    const versions = await loadApprovalLists(trx);
    const version = (versions.at(-1)?.version ?? 0) + 1;
    const list: ApprovalList = { listId: APPROVAL_LIST_ID, version, publishedOn, items };
    const errors = validateApprovalList(list);
    if (errors.length) throw problems('items', errors);
    const prev = versions.at(-1);
    if (prev?.publishedOn && publishedOn < prev.publishedOn) {
      throw fieldProblem('publishedOn', `公布日期：不得早于上一版的公布日期（${prev.publishedOn}）`);
    }
    await trx
      .insertInto('resumption_approval_lists')
      .values({
        list_id: APPROVAL_LIST_ID,
        version,
        published_on: publishedOn,
        items: JSON.stringify(items),
        created_at: now.toISOString(),
        created_by: user.id,
      })
      .execute()
      .catch(() => {
        throw conflict('审批清单已被他人更新，请刷新后重试', 'items');
      });
    await writeAudit(
      trx,
      app.db.dialect,
      actor,
      {
        action: 'resumption.approval_list.publish',
        objectType: 'approval_list',
        objectId: `${APPROVAL_LIST_ID}@${version}`,
        summary: `公布复工复产审批事项清单第${version}版（${items.length}项，${publishedOn}起）`,
      },
      now,
    );
    return () => approvalListsDto(app);
  });
  return then();
}

// ───────────────────────────── lead departments ─────────────────────────────

export async function leadDepartmentsDto(app: AppContext) {
  const rules = await loadLeadRules(app.db.kysely);
  return {
    enterpriseTypes: [
      { code: '*', label: '全部类型' },
      ...ENTERPRISE_TYPES.map((t) => ({ code: t.code, label: t.label })),
    ],
    items: rules.map((r) => ({
      id: r.id,
      regionCode: r.regionCode,
      regionName: app.regions.name(r.regionCode),
      enterpriseType: r.enterpriseType,
      enterpriseTypeLabel:
        r.enterpriseType === '*'
          ? '全部类型'
          : (ENTERPRISE_TYPES.find((t) => t.code === r.enterpriseType)?.label ?? r.enterpriseType),
      departmentId: r.departmentId,
      departmentName: r.departmentName,
    })),
  };
}

/** Sets the one lead department of a region and enterprise type (replacing the previous one). */
export async function setLeadDepartment(
  app: AppContext,
  user: SessionUser,
  actor: AuditActor,
  input: { regionCode: string; enterpriseType: string; departmentId: number },
) {
  assertConfigurer(user);
  const region = app.regions.get(input.regionCode);
  if (
    !region ||
    !['city', 'county', 'zone'].includes(region.level) ||
    !(region.city_code === NANCHANG || region.code === NANCHANG)
  ) {
    throw fieldProblem('regionCode', '区域：应为南昌市、县（区）或功能区');
  }
  if (input.enterpriseType !== '*' && !ENTERPRISE_TYPES.some((t) => t.code === input.enterpriseType)) {
    throw fieldProblem('enterpriseType', '企业类型：不在类型清单中');
  }
  const dept = await app.db.kysely
    .selectFrom('departments')
    .selectAll()
    .where('id', '=', input.departmentId)
    .executeTakeFirst();
  if (!dept || dept.active !== 1) throw fieldProblem('departmentId', '牵头部门：应为在用的部门');
  const within =
    dept.region_code === region.code ||
    (region.code.startsWith(dept.region_code) && !region.code.startsWith('Z')) ||
    (region.level === 'zone' && dept.region_code === region.city_code);
  if (!within) throw fieldProblem('departmentId', '牵头部门：应为本区域或上级区域的部门');
  const now = app.clock.now();
  const then = await app.db.kysely.transaction().execute(async (trx) => {
    const rules = await loadLeadRules(trx);
    const others = rules.filter(
      (r) => !(r.regionCode === input.regionCode && r.enterpriseType === input.enterpriseType),
    );
    const errors = validateLeadDepartmentRules([
      ...others,
      {
        regionCode: input.regionCode,
        enterpriseType: input.enterpriseType,
        departmentCode: String(dept.id),
        departmentName: dept.name,
      },
    ]);
    if (errors.length) throw problems('departmentId', errors);
    const existing = rules.find((r) => r.regionCode === input.regionCode && r.enterpriseType === input.enterpriseType);
    if (existing) {
      await trx
        .updateTable('resumption_lead_departments')
        .set({ department_id: dept.id, updated_at: now.toISOString() })
        .where('id', '=', existing.id)
        .execute();
    } else {
      await trx
        .insertInto('resumption_lead_departments')
        .values({
          region_code: input.regionCode,
          enterprise_type: input.enterpriseType,
          department_id: dept.id,
          created_at: now.toISOString(),
          updated_at: now.toISOString(),
        })
        .execute();
    }
    await writeAudit(
      trx,
      app.db.dialect,
      actor,
      {
        action: 'resumption.lead_department.set',
        objectType: 'lead_department',
        objectId: `${input.regionCode}:${input.enterpriseType}`,
        before: existing ?? null,
        after: { ...input },
        summary: `${region.name}牵头受理部门：${dept.name}`,
      },
      now,
    );
    return () => leadDepartmentsDto(app);
  });
  return then();
}

export async function removeLeadDepartment(app: AppContext, user: SessionUser, actor: AuditActor, id: number) {
  assertConfigurer(user);
  const now = app.clock.now();
  const then = await app.db.kysely.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('resumption_lead_departments').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('牵头部门配置不存在');
    await trx.deleteFrom('resumption_lead_departments').where('id', '=', id).execute();
    await writeAudit(
      trx,
      app.db.dialect,
      actor,
      {
        action: 'resumption.lead_department.remove',
        objectType: 'lead_department',
        objectId: id,
        before: row,
        after: null,
      },
      now,
    );
    return () => leadDepartmentsDto(app);
  });
  return then();
}
