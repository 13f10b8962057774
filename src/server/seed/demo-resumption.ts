import pino from 'pino';
import type { FastifyBaseLogger } from 'fastify';
import { createRng } from '../../domain/demo/random.ts';
import type { RiskLevel } from '../../domain/resumption/index.ts';
import { greenChannelCategoriesOf, sectorOf } from '../../domain/resumption/index.ts';
import type { SessionUser } from '../access/session-user.ts';
import type { AuditActor } from '../audit/audit.ts';
import { manualClock } from '../clock.ts';
import type { AppConfig } from '../config.ts';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/database.ts';
import type { EnterpriseRow } from '../db/schema.ts';
import { RegionDirectory } from '../registry/region-directory.ts';
import { actOnApplication, createDraft, escalateOverdue, signLetter } from '../resumption/applications.service.ts';
import { levelAreas, setAreaLevel } from '../resumption/config.service.ts';
import { loadSettings } from '../resumption/config.store.ts';
import { decideFor } from '../resumption/enterprise-context.ts';
import { storeFile } from '../resumption/files.ts';
import type { CheckActionInput } from '../resumption/inspection.service.ts';
import { actOnCheckTask, actOnOrder, getCheckTask } from '../resumption/inspection.service.ts';
import { publishApprovalList, publishDraft, saveDraft, setLeadDepartment } from '../resumption/lists.service.ts';
import { runWeeklyReports } from '../resumption/reports.service.ts';
import { reportWorkers } from '../resumption/stats.service.ts';
import { syncWithRegistry } from '../resumption/status.service.ts';
import { DEMO_ACCOUNTS } from './demo-accounts.ts';

type Step = CheckActionInput extends infer A ? (A extends unknown ? Omit<A, 'version'> : never) : never;

/** Instants in Nanchang time. */
const at = (date: string, hour = 10) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`);
const PDF = Buffer.from('%PDF-1.4\n% 双胜演示材料\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);

/** Levels of Nanchang's counties: all medium from 3 February, then eased by area from 17 February. */
const EASED: Record<string, RiskLevel> = {
  '360102': 'low', // 东湖区
  '360104': 'low', // 青云谱区
  '360123': 'low', // 安义县
  '360124': 'high', // 进贤县
};

function sessionUser(row: {
  id: number;
  username: string;
  display_name: string;
  role: SessionUser['role'];
  region_code: string | null;
  department_id: number | null;
  enterprise_id: number | null;
}): SessionUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    regionCode: row.region_code,
    departmentId: row.department_id,
    enterpriseId: row.enterprise_id,
    bankId: null,
    mustChangePassword: false,
  };
}

function auditActor(u: SessionUser): AuditActor {
  return { actorId: u.id, actorName: u.displayName, actorRole: u.role, requestId: null, ip: null };
}

/**
 * Deterministic 复工复产 demo data on top of the demo registry: condition list (江西门槛 + 五个到位 + 五不开工) and the
 * approval list published, lead departments (each county's 工信局, the city's as fallback), risk levels with history
 * for every county and the High-tech Zone, applications in every state (draft, submitted, returned, resubmitted,
 * under review, overdue and escalated, resumed by approval, filing and declaration, refused, withdrawn), post-checks
 * with findings, rectification orders (open, responded, closed, a stop order), workers back per day, and the Monday
 * weekly reports. The demo accounts' own enterprises (`ent`, `ent.dh`) are left without applications so they can
 * file. Runs through the services with a manual clock in February 2020.
 */
export async function seedDemoResumption(db: Db, config: AppConfig) {
  const clock = manualClock(at('2020-02-03', 9));
  const regions = new RegionDirectory(db);
  await regions.ensureLoaded();
  const app: AppContext = {
    db,
    config,
    clock,
    regions,
    log: pino({ level: 'silent' }) as unknown as FastifyBaseLogger,
  };
  const k = db.kysely;
  const rng = createRng('shuangsheng-demo-resumption');
  const users = await k.selectFrom('users').selectAll().execute();
  const user = (name: string) => {
    const row = users.find((u) => u.username === name);
    if (!row) throw new Error(`演示账号 ${name} 不存在`);
    return sessionUser(row);
  };
  const admin = user('admin');
  const adminActor = auditActor(admin);
  const lead = user('gxj.qsh');
  const cityDept = user('gxj.city');
  const rsj = user('rsj.city');
  const grid = user('grid');
  const reserved = new Set([user('ent').enterpriseId, user('ent.dh').enterpriseId]);

  // ── configuration, 3 February ──
  await syncWithRegistry(db, clock.now());
  await saveDraft(app, admin, adminActor, {
    listId: 'jx-enterprise-resumption',
    title: '江西省企业复工复产疫情防控条件清单',
    riskLevels: ['low', 'medium', 'high'],
    jurisdiction: '江西省',
    templateIds: ['jx-gate', 'five-in-place', 'five-no-start'],
    extraItems: [],
  });
  await publishDraft(app, admin, adminActor, 'jx-enterprise-resumption', '2020-02-03');
  // 化学原料、医药、通用设备、电气机械、计算机通信电子: the sectors the demo approval list names.
  const approvalSectors = ['26', '27', '34', '38', '39'];
  await publishApprovalList(
    app,
    admin,
    adminActor,
    [
      {
        code: 'JX-FGFG-2020-01',
        name: '重点行业企业复工复产审批',
        sectors: approvalSectors,
        procedure: '牵头部门一口受理，工信、人社等部门并联审查',
        materials: ['复工复产方案', '疫情防控方案（一企一策）', '防控承诺书'],
        timeLimitWorkingDays: 2,
        legalBasis: '国办发明电〔2020〕6号：原则上要在2个工作日内作出答复',
      },
    ],
    '2020-02-03',
  );
  const departments = await k
    .selectFrom('departments')
    .select(['id', 'kind', 'region_code'])
    .where('kind', '=', 'gxj')
    .execute();
  for (const d of departments) {
    if (d.region_code === '3601' || (d.region_code.startsWith('3601') && d.region_code.length === 6)) {
      await setLeadDepartment(app, admin, adminActor, {
        regionCode: d.region_code,
        enterpriseType: '*',
        departmentId: d.id,
      });
    }
  }
  for (const area of levelAreas(app)) {
    if (area.kind === 'functional_zone' && area.code !== 'Z360101') continue;
    await setAreaLevel(app, admin, adminActor, {
      areaCode: area.code,
      level: 'medium',
      effectiveFrom: '2020-02-03',
      basis: '南昌市新冠肺炎疫情防控指挥部：全市按中风险组织复工复产',
    });
  }

  // ── 10 February: first filings ──
  clock.set(at('2020-02-10'));
  const used = new Set<number>();
  const pick = async (where: (e: EnterpriseRow) => boolean, n: number) => {
    const rows = await k.selectFrom('enterprises').selectAll().orderBy('id').limit(4000).execute();
    const out: EnterpriseRow[] = [];
    for (const e of rows) {
      if (out.length >= n) break;
      if (!reserved.has(e.id) && where(e) && !used.has(e.id)) {
        out.push(e);
        used.add(e.id);
      }
    }
    return out;
  };
  const settings = await loadSettings(k);
  const green = (e: EnterpriseRow) =>
    greenChannelCategoriesOf(settings.greenChannel, {
      industryCode: e.industry_code,
      epidemicSupplies: e.is_epidemic_supplies === 1,
      essentials: e.is_essentials === 1,
      keyList: e.key_list !== null,
    }).length > 0;
  const onList = (e: EnterpriseRow) => approvalSectors.includes(sectorOf(e.industry_code)) && !green(e);
  // The `ent.gxq` demo account: a firm in the grid officer's township whose sector is on the approval list (审批).
  const [approvalDemo] = await pick(
    (e) => e.township_code === '360111490' && e.zone_code === 'Z360101' && onList(e),
    1,
  );
  if (approvalDemo) {
    reserved.add(approvalDemo.id);
    for (const account of DEMO_ACCOUNTS) {
      if (account.scope.kind === 'enterprise' && account.scope.which === 'resumption-approval') {
        await k
          .updateTable('users')
          .set({ enterprise_id: approvalDemo.id })
          .where('username', '=', account.username)
          .execute();
      }
    }
  }
  const asEnterprise = (e: EnterpriseRow): SessionUser => ({
    ...admin,
    displayName: `${e.name}（企业管理员）`,
    role: 'ent_admin',
    regionCode: null,
    enterpriseId: e.id,
  });

  /** Creates, fills, signs and submits an application for an enterprise; returns its id and status. */
  const file = async (e: EnterpriseRow, startDate: string, submit = true) => {
    const u = asEnterprise(e);
    const actor = auditActor(u);
    const { id } = await createDraft(app, u, actor);
    const d = await decideFor(k, e, startDate);
    const answers: Record<string, unknown> = {};
    for (const item of d.list?.items ?? []) answers[item.id] = { kind: 'yes_no', value: true };
    const plan = await k.transaction().execute((trx) =>
      storeFile(app, trx, {
        enterpriseId: e.id,
        purpose: 'prevention_plan',
        name: '疫情防控方案.pdf',
        content: PDF,
        mediaType: 'application/pdf',
        uploadedBy: null,
      }),
    );
    const staff = Math.max(4, Math.min(e.employees, 400));
    const key = Math.max(1, Math.round(staff * 0.2));
    const local = Math.max(1, Math.round(staff * 0.5));
    await actOnApplication(app, u, actor, id, {
      type: 'edit',
      plan: {
        normalHeadcount: e.employees,
        batches: [
          {
            batchNo: 1,
            startDate,
            keyPostStaff: key,
            otherLocalStaff: local,
            otherNonLocalStaff: 0,
            fromKeyAreasStaff: 0,
          },
        ],
      },
      preventionPlan: { fileId: plan.id },
      answers,
    });
    await signLetter(app, u, actor, id, { signerName: e.legal_rep, signerTitle: '法定代表人' });
    const r = submit ? await actOnApplication(app, u, actor, id, { type: 'submit' }) : { status: 'draft' };
    return { id, status: r.status, user: u };
  };
  const qsh = (e: EnterpriseRow) => e.county_code === '360111' && e.zone_code === null;
  const reviewers = [lead.departmentId!, cityDept.departmentId!, rsj.departmentId!];
  const act = (u: SessionUser, id: number, input: Parameters<typeof actOnApplication>[4]) =>
    actOnApplication(app, u, auditActor(u), id, input);

  // Approval path in 青山湖区 (medium): resumed, refused, returned/resubmitted, under review, draft, withdrawn.
  const approval = await pick((e) => qsh(e) && onList(e), 8);
  const results: string[] = [];
  for (const [i, e] of approval.entries()) {
    const f = await file(e, '2020-02-12', i !== 6);
    if (i === 6) {
      results.push('draft');
      continue;
    }
    if (i === 7) {
      await act(f.user, f.id, { type: 'withdraw', reason: '企业调整复工计划，暂不复工' });
      results.push('withdrawn');
      continue;
    }
    if (i === 5) {
      results.push('submitted');
      continue;
    }
    if (i === 3 || i === 4) {
      await act(lead, f.id, {
        type: 'request_correction',
        missing: [{ itemId: 'doc:plan', note: '请补充第二批次返岗计划和外地员工人数' }],
      });
      if (i === 4) {
        results.push('returned_for_correction');
        continue;
      }
      await act(f.user, f.id, { type: 'resubmit', response: '已补充分批返岗计划' });
      results.push('resubmitted');
      continue;
    }
    await act(lead, f.id, { type: 'accept', departmentIds: reviewers.slice(0, i === 2 ? 3 : 2) });
    await act(lead, f.id, { type: 'review', decision: 'approve', comment: '符合复工条件' });
    if (i === 2) {
      results.push('under_review (overdue)');
      continue;
    }
    if (i === 1) {
      await act(cityDept, f.id, {
        type: 'review',
        decision: 'reject',
        reasons: [{ code: 'prevention_conditions_not_met', note: '员工宿舍人均面积不足，未设置隔离观察场所' }],
      });
      results.push('refused');
      continue;
    }
    await act(cityDept, f.id, { type: 'review', decision: 'approve', comment: '同意复工' });
    results.push('resumed');
  }

  // Filing (sectors not on the approval list) in the grid officer's township: resumed at once, post-checks.
  const filing = await pick((e) => e.township_code === '360111490' && !onList(e), 12);
  const filed: { e: EnterpriseRow; id: number }[] = [];
  for (const e of filing) filed.push({ e, id: (await file(e, '2020-02-10')).id });

  // ── 17 February: levels eased; low-risk areas declare and resume at once ──
  clock.set(at('2020-02-17', 9));
  for (const [code, level] of Object.entries(EASED)) {
    await setAreaLevel(app, admin, adminActor, {
      areaCode: code,
      level,
      effectiveFrom: '2020-02-17',
      basis: level === 'low' ? '连续14天无新增确诊病例，调整为低风险' : '新增本地病例，调整为高风险',
    });
  }
  clock.set(at('2020-02-17', 10));
  const declared = await pick((e) => ['360102', '360104', '360123'].includes(e.county_code), 24);
  const resumedIds: number[] = [...filed.map((f) => f.e.id)];
  for (const e of declared) {
    await file(e, '2020-02-17');
    resumedIds.push(e.id);
  }
  resumedIds.push(...approval.filter((_, i) => results[i] === 'resumed').map((e) => e.id));

  // ── post-checks: the grid officer walks the list; findings become rectification orders ──
  clock.set(at('2020-02-18', 9));
  const tasks = await k
    .selectFrom('resumption_check_tasks')
    .select(['id', 'enterprise_id'])
    .where('assignee_id', '=', grid.id)
    .orderBy('id')
    .execute();
  const orderStates: string[] = [];
  const toAnswer: { orderId: number; enterprise: EnterpriseRow; close: boolean }[] = [];
  for (const [i, task] of tasks.slice(0, 6).entries()) {
    // The first six checks are done; the rest stay assigned for the demo officer.
    clock.set(at('2020-02-18', 9 + i));
    let version = (await getCheckTask(app, grid, task.id)).version;
    const step = async (input: Step) => {
      const r = await actOnCheckTask(app, grid, auditActor(grid), task.id, { ...input, version } as CheckActionInput);
      version = r.version;
      return r;
    };
    await step({ type: 'start' });
    const photo = await k.transaction().execute((trx) =>
      storeFile(app, trx, {
        enterpriseId: task.enterprise_id,
        purpose: 'photo',
        name: '现场照片.jpg',
        content: JPEG,
        mediaType: 'image/jpeg',
        uploadedBy: grid.id,
      }),
    );
    const items = (await getCheckTask(app, grid, task.id)).task.checklist.items;
    for (const [j, item] of items.entries()) {
      await step({
        type: 'answer',
        itemId: item.id,
        result: i < 3 && j === 0 ? 'fail' : 'pass',
        photos: [{ fileId: photo.id }],
      });
    }
    if (i < 3) {
      await step({
        type: 'add_finding',
        itemId: items[0]!.id,
        severity: i === 0 ? 'serious' : 'minor',
        description: i === 0 ? '未落实体温检测和登记，员工食堂未分餐' : '消毒记录不完整',
        photos: [{ fileId: photo.id }],
        orderStop: i === 0,
      });
    }
    const done = await step({ type: 'complete', summary: i < 3 ? '发现问题，已下达限期整改' : '核查合格' });
    for (const orderId of done.orders) {
      if (i === 0) orderStates.push('open（停工整改）');
      else toAnswer.push({ orderId, enterprise: filing.find((e) => e.id === task.enterprise_id)!, close: i === 2 });
    }
  }
  clock.set(at('2020-02-19', 15));
  const versions = new Map<number, number>();
  for (const o of toAnswer) {
    const u = asEnterprise(o.enterprise);
    const r = await actOnOrder(app, u, auditActor(u), o.orderId, {
      type: 'respond',
      version: 1,
      text: '已补齐消毒记录，落实专人每日两次消毒并登记',
    });
    versions.set(o.orderId, r.version);
  }
  clock.set(at('2020-02-20', 10));
  for (const o of toAnswer) {
    if (!o.close) {
      orderStates.push('responded');
      continue;
    }
    await actOnOrder(app, grid, auditActor(grid), o.orderId, {
      type: 'recheck',
      version: versions.get(o.orderId)!,
      result: 'pass',
      note: '复查合格，销号',
    });
    orderStates.push('closed');
  }

  // ── workers back per day, 17–21 February ──
  for (const date of ['2020-02-17', '2020-02-18', '2020-02-19', '2020-02-20', '2020-02-21']) {
    clock.set(at(date, 18));
    for (const id of resumedIds) {
      const e = [...approval, ...filing, ...declared].find((x) => x.id === id)!;
      const status = await k
        .selectFrom('resumption_enterprise_status')
        .select(['status', 'planned_headcount', 'granted'])
        .where('enterprise_id', '=', id)
        .executeTakeFirst();
      if (!status?.granted || status.status === 'stopped') continue;
      const target = status.planned_headcount || e.employees;
      const share = Math.min(
        1,
        0.4 +
          0.15 * ['2020-02-17', '2020-02-18', '2020-02-19', '2020-02-20', '2020-02-21'].indexOf(date) +
          rng.int(0, 10) / 100,
      );
      const u = asEnterprise(e);
      await reportWorkers(app, u, auditActor(u), { date, workersBack: Math.max(1, Math.round(target * share)) });
    }
  }

  // ── Monday 24 February: overdue reviews escalated, the weekly reports generated ──
  clock.set(at('2020-02-24', 9));
  const escalated = await escalateOverdue(app, adminActor);
  const reports = await runWeeklyReports(app);
  return {
    approvalDemoEnterprise: approvalDemo
      ? { id: approvalDemo.id, mode: (await decideFor(k, approvalDemo, '2020-02-24')).decision?.mode ?? null }
      : null,
    applications: results.length + filed.length + declared.length,
    approvalStates: results,
    checks: tasks.length,
    orders: orderStates,
    escalated: escalated.escalated,
    weeklyReports: reports?.generated ?? 0,
  };
}
