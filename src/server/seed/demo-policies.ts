import path from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import { addWorkingDays, dueDateAfterAcceptance } from '../../domain/calendar/working-days.ts';
import { createRng } from '../../domain/demo/random.ts';
import type { Rng } from '../../domain/demo/random.ts';
import { ALL_RULES, POLICIES, evaluate, ruleById } from '../../domain/policy/index.ts';
import type { FactValue, Rule } from '../../domain/policy/index.ts';
import type { AppConfig } from '../config.ts';
import type { Db } from '../db/database.ts';
import type { EnterpriseRow } from '../db/schema.ts';
import type { ApplicationStatus } from '../db/schema-policies.ts';
import { combineFacts } from '../policies/facts.store.ts';
import { ownerKindOf } from '../policies/ownership.ts';
import { insertOrders } from '../policies/payments.service.ts';
import { registryFacts } from '../policies/registry-facts.ts';
import { DEMO_BANKS } from './demo-accounts.ts';

/**
 * Demo data of 惠企政策兑现, deterministic from a fixed seed, on top of the demo registry:
 * - the catalogue published (one policy left as a draft so a department can publish it and see the push);
 * - official figures (LPR, 专项再贷款利率, 基准利率, 一级响应解除日期, 失业率控制目标);
 * - the data 人社 shares for every enterprise (失业保险参保、上年度失业保险费、裁员率、三项社保单位缴费月额) and a
 *   payee account per enterprise;
 * - an approved 免申即享 batch of 社保减免 (SMEs 100% for 5 months) over 东湖区 with its payment orders, most paid;
 * - applications in every state (待审核 … 已兑付, 不予通过, 已撤回, 公示异议成立) under 吸纳就业补贴, the High-tech
 *   Zone recruitment subsidy and the equipment (技改) grant, amounts computed by the rules engine.
 * The demo accounts' own enterprises (`ent`, `ent.dh`) get data but no cases, so a demonstration starts clean.
 */
const SEED = 'shuangsheng-demo-policies-2020';
const PUBLISHED_AT = '2020-03-02T01:00:00.000Z';
const DRAFT_POLICY = 'hrss-labour-relations-2020';
const SHARED_ORIGIN = '南昌市人社局失业保险、社会保险数据共享（演示数据）';

/** Official figures in force in spring 2020 (the demo's world). */
const OFFICIAL: { fact: string; value: FactValue; from: string; note: string }[] = [
  { fact: 'lpr1yPercent', value: 4.05, from: '2020-02-20', note: '全国银行间同业拆借中心 2020年2月20日公布' },
  { fact: 'relendingRatePercent', value: 1.6, from: '2020-02-01', note: '人民银行疫情防控专项再贷款' },
  { fact: 'benchmarkLoanRatePercent', value: 4.35, from: '2015-10-24', note: '一年期贷款基准利率' },
  { fact: 'unemploymentControlTargetPercent', value: 5.5, from: '2020-01-01', note: '2019年政府工作报告' },
  { fact: 'level1ResponseLiftDate', value: '2020-03-12', from: '2020-03-12', note: '江西省调整应急响应级别' },
  { fact: 'localAvgMonthlyUiBenefitFen', value: 130_000, from: '2020-01-01', note: '演示数据' },
  { fact: 'inSevereEpidemicArea', value: false, from: '2020-01-01', note: '南昌市不属于湖北等疫情严重地区' },
];

type Enterprise = EnterpriseRow;

function sharedFacts(rng: Rng, e: Enterprise): Record<string, FactValue> {
  const employees = Math.max(1, Number(e.employees));
  const insured = Math.max(1, Math.round(employees * (0.7 + rng.next() * 0.3)));
  const wageBaseFen = rng.int(3_500, 7_500) * 100; // monthly contribution base per person
  const layoff = rng.chance(0.15) ? rng.int(60, 160) / 10 : rng.int(0, 50) / 10;
  return {
    uiInsured: rng.chance(0.95),
    insuredEmployees: insured,
    avgInsuredHeadcountLastYear: insured,
    // unemployment insurance: 0.5% employer rate, twelve months
    uiPremiumPaidLastYearFen: Math.round(insured * wageBaseFen * 0.005 * 12),
    layoffRatePercent: layoff,
    // pension 16% + unemployment 0.5% + injury ≈ 0.5%, employer part, one month
    siEmployerMonthlyFen: Math.round(insured * wageBaseFen * 0.17),
  };
}

export async function seedDemoPolicies(db: Db, config: AppConfig) {
  const k = db.kysely;
  const any = await k.selectFrom('policy_settings').select('policy_id').limit(1).executeTakeFirst();
  if (any) return null;
  const rng = createRng(SEED);
  const users = await k.selectFrom('users').select(['id', 'username']).execute();
  const userId = (name: string) => users.find((u) => u.username === name)?.id ?? users[0]!.id;
  const admin = userId('admin');
  const departments = await k.selectFrom('departments').selectAll().execute();
  const dept = (kind: string, region: string) => departments.find((d) => d.kind === kind && d.region_code === region);
  const enterprises = await k.selectFrom('enterprises').selectAll().orderBy('id').execute();
  const demoOwn = new Set(
    (await k.selectFrom('users').select('enterprise_id').where('enterprise_id', 'is not', null).execute()).map(
      (u) => u.enterprise_id!,
    ),
  );

  // Catalogue, official figures, shared data, payee accounts -----------------------------------------------------
  const held = new Map<number, Record<string, FactValue>>();
  const factsRng = rng.fork('facts');
  for (const e of enterprises) held.set(e.id, sharedFacts(factsRng, e));
  const account = (e: Enterprise) => ({
    accountName: e.name,
    bankName: DEMO_BANKS[e.id % DEMO_BANKS.length]!.name,
    accountNo: `9990${String(e.id).padStart(12, '0')}`,
  });
  await k.transaction().execute(async (trx) => {
    for (const p of POLICIES) {
      const published = p.id !== DRAFT_POLICY;
      await trx
        .insertInto('policy_settings')
        .values({
          policy_id: p.id,
          status: published ? 'published' : 'draft',
          review_working_days: 60,
          notice_working_days: 5,
          published_at: published ? PUBLISHED_AT : null,
          published_by: published ? admin : null,
          notified: 0,
          version: 1,
          updated_at: PUBLISHED_AT,
          updated_by: admin,
        })
        .execute();
    }
    for (const o of OFFICIAL) {
      await trx
        .insertInto('policy_official_facts')
        .values({
          fact: o.fact,
          value: JSON.stringify(o.value),
          effective_from: o.from,
          note: o.note,
          created_by: admin,
          created_at: PUBLISHED_AT,
        })
        .execute();
    }
    for (let i = 0; i < enterprises.length; i += 500) {
      const chunk = enterprises.slice(i, i + 500);
      await trx
        .insertInto('policy_enterprise_facts')
        .values(
          chunk.map((e) => {
            const facts = held.get(e.id)!;
            return {
              enterprise_id: e.id,
              facts: JSON.stringify(facts),
              origin: JSON.stringify(Object.fromEntries(Object.keys(facts).map((f) => [f, SHARED_ORIGIN]))),
              updated_at: PUBLISHED_AT,
              updated_by: null,
              version: 1,
            };
          }),
        )
        .execute();
      await trx
        .insertInto('policy_payee_accounts')
        .values(
          chunk.map((e) => {
            const a = account(e);
            return {
              enterprise_id: e.id,
              account_name: a.accountName,
              bank_name: a.bankName,
              account_no: a.accountNo,
              updated_at: PUBLISHED_AT,
              updated_by: null,
              version: 1,
            };
          }),
        )
        .execute();
    }
  });

  const official: Record<string, FactValue> = Object.fromEntries(OFFICIAL.map((o) => [o.fact, o.value]));
  const decide = (e: Enterprise, rule: Rule, asOf: string, application: Record<string, FactValue> = {}) => {
    const { facts } = combineFacts({ registry: registryFacts(e), official, held: held.get(e.id)!, application });
    const r = evaluate(ALL_RULES, facts, { asOf }).find((x) => x.ruleId === rule.id);
    return r && r.eligible === true && (r.payableFen ?? 0) > 0
      ? { amountFen: r.payableFen!, capped: r.capped, facts }
      : null;
  };

  // 免申即享: 社保减免 over 东湖区, approved, orders mostly paid ------------------------------------------------------
  const siRule = ruleById('si-relief-2020.sme-exemption')!;
  const rsjDh = dept('rsj', '360102');
  let batchOrders = 0;
  if (rsjDh) {
    const asOf = '2020-03-02';
    const inCounty = enterprises.filter((e) => e.county_code === '360102' && !demoOwn.has(e.id));
    const decided = inCounty.map((e) => ({ e, d: decide(e, siRule, asOf) }));
    const eligible = decided.filter((x) => x.d !== null);
    const total = eligible.reduce((s, x) => s + x.d!.amountFen, 0);
    await k.transaction().execute(async (trx) => {
      const batch = await trx
        .insertInto('policy_batches')
        .values({
          rule_id: siRule.id,
          policy_id: siRule.policyId,
          department_id: rsjDh.id,
          department_kind: 'rsj',
          region_code: '360102',
          as_of: asOf,
          status: 'approved',
          job_id: null,
          evaluated: inCounty.length,
          eligible: eligible.length,
          not_eligible: inCounty.length - eligible.length,
          incomplete: 0,
          already: 0,
          total_fen: total,
          message: null,
          created_by: userId('rsj.city'),
          created_at: '2020-03-02T02:00:00.000Z',
          finished_at: '2020-03-02T02:01:00.000Z',
          approved_by: userId('rsj.city'),
          approved_at: '2020-03-04T03:00:00.000Z',
          version: 3,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const items: { id: number; e: Enterprise; amountFen: number }[] = [];
      for (let i = 0; i < eligible.length; i += 500) {
        const chunk = eligible.slice(i, i + 500);
        const rows = await trx
          .insertInto('policy_batch_items')
          .values(
            chunk.map(({ e, d }) => ({
              batch_id: batch.id,
              enterprise_id: e.id,
              county_code: e.county_code,
              amount_fen: d!.amountFen,
              capped: d!.capped ? 1 : 0,
              facts: JSON.stringify({
                sizeClass: d!.facts.sizeClass ?? null,
                unitType: d!.facts.unitType ?? null,
                siEmployerMonthlyFen: d!.facts.siEmployerMonthlyFen ?? null,
              }),
              status: 'included' as const,
              exclude_reason: null,
            })),
          )
          .returning(['id', 'enterprise_id'])
          .execute();
        for (const r of rows) {
          const x = chunk.find((c) => c.e.id === r.enterprise_id)!;
          items.push({ id: r.id, e: x.e, amountFen: x.d!.amountFen });
        }
      }
      items.sort((a, b) => a.id - b.id);
      const ids = await insertOrders(
        trx,
        items.map((it) => ({
          source: 'batch' as const,
          batchId: batch.id,
          batchItemId: it.id,
          enterprise: { id: it.e.id, name: it.e.name, countyCode: it.e.county_code },
          rule: siRule,
          departmentId: rsjDh.id,
          departmentKind: 'rsj',
          amountFen: it.amountFen,
          basis: `免申即享批次 #${batch.id}：人社部门按 ${asOf} 一企一档和部门共享数据核定，经审核批准（演示数据）`,
          account: account(it.e),
        })),
        userId('rsj.city'),
        '2020-03-04T03:05:00.000Z',
      );
      batchOrders = ids.length;
      const paid = ids.filter((_, i) => i % 3 !== 2);
      const exported = ids.filter((_, i) => i % 3 === 2);
      for (let i = 0; i < paid.length; i += 500) {
        await trx
          .updateTable('policy_payment_orders')
          .set({
            status: 'paid',
            export_count: 1,
            exported_at: '2020-03-05T02:00:00.000Z',
            paid_on: '2020-03-10',
            paid_at: '2020-03-10T08:00:00.000Z',
            paid_by: userId('rsj.city'),
            bank_ref: `DEMO20200310`,
            version: 3,
          })
          .where('id', 'in', paid.slice(i, i + 500))
          .execute();
      }
      for (let i = 0; i < exported.length; i += 500) {
        await trx
          .updateTable('policy_payment_orders')
          .set({ status: 'exported', export_count: 1, exported_at: '2020-03-05T02:00:00.000Z', version: 2 })
          .where('id', 'in', exported.slice(i, i + 500))
          .execute();
      }
    });
  }

  // Applications in every state ---------------------------------------------------------------------------------
  const attachments = path.join(config.dataDir, 'policy-attachments');
  mkdirSync(attachments, { recursive: true });
  const plans: {
    ruleId: string;
    county: string;
    zone?: boolean;
    /** First submission day (the rule must be in force). */
    from: string;
    states: ApplicationStatus[];
    facts: (r: Rng) => Record<string, FactValue>;
  }[] = [
    {
      ruleId: 'nc-projects-37-2020.hiring-subsidy',
      county: '360111',
      from: '2020-03-02',
      states: ['paid', 'ordered', 'publicity', 'submitted', 'submitted', 'rejected', 'withdrawn'],
      facts: (r) => ({ urgentSuppliesStartDate: `2020-02-0${r.int(1, 9)}`, hiresInWindow: r.int(3, 40) }),
    },
    {
      ruleId: 'nc-htz-2020.recruitment-subsidy',
      county: '360111',
      zone: true,
      from: '2020-04-08', // the zone's measures apply from 6 April 2020
      states: ['paid', 'publicity', 'submitted', 'revoked'],
      facts: (r) => ({ newHires: r.int(5, 60) }),
    },
    {
      ruleId: 'nc-projects-37-2020.hiring-subsidy',
      county: '360102',
      from: '2020-03-03',
      states: ['paid', 'submitted', 'publicity'],
      facts: (r) => ({ urgentSuppliesStartDate: `2020-01-${r.int(24, 31)}`, hiresInWindow: r.int(3, 25) }),
    },
  ];
  const appRng = rng.fork('applications');
  const taken = new Set<number>();
  let applications = 0;
  for (const plan of plans) {
    const rule = ruleById(plan.ruleId)!;
    const kind = ownerKindOf(rule.id);
    const reviewer = userId('rsj.city');
    const deptRow = dept(kind, '3601');
    const candidates = appRng.shuffle(
      enterprises.filter(
        (e) =>
          e.county_code === plan.county &&
          (plan.zone ? e.zone_code === 'Z360101' : e.zone_code === null) &&
          !demoOwn.has(e.id) &&
          !taken.has(e.id),
      ),
    );
    let c = 0;
    for (const [n, status] of plan.states.entries()) {
      // submitted on a working day of March 2020; the review, notice and payment follow in working days
      const submittedOn = addWorkingDays(plan.from, n * 2);
      const asOf = submittedOn;
      let found: { e: Enterprise; d: NonNullable<ReturnType<typeof decide>>; facts: Record<string, FactValue> } | null =
        null;
      while (!found && c < candidates.length) {
        const e = candidates[c++]!;
        const facts = plan.facts(appRng);
        const d = decide(e, rule, asOf, facts);
        if (d) found = { e, d, facts };
      }
      if (!found) break;
      const { e, d, facts } = found;
      taken.add(e.id);
      const submittedAt = `${submittedOn}T02:30:00.000Z`;
      const reviewedOn = addWorkingDays(submittedOn, 3);
      const reviewed = status !== 'submitted' && status !== 'withdrawn';
      const approved = ['publicity', 'ordered', 'paid', 'revoked'].includes(status);
      const noticeStart = approved ? addWorkingDays(reviewedOn, 1) : null;
      const noticeEnd = approved ? addWorkingDays(reviewedOn, 5) : null;
      const completedOn =
        approved && (status === 'ordered' || status === 'paid') ? addWorkingDays(noticeEnd!, 1) : null;
      const a = account(e);
      await k.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('policy_applications')
          .values({
            enterprise_id: e.id,
            rule_id: rule.id,
            policy_id: rule.policyId,
            department_kind: kind,
            status,
            facts: JSON.stringify(facts),
            verified_facts: approved ? JSON.stringify(facts) : null,
            as_of: asOf,
            amount_fen: d.amountFen,
            approved_fen: approved ? d.amountFen : null,
            capped: d.capped ? 1 : 0,
            payee_account_name: a.accountName,
            payee_bank_name: a.bankName,
            payee_account_no: a.accountNo,
            submitted_at: submittedAt,
            due_date: dueDateAfterAcceptance(submittedAt, 60).dueDate,
            review_working_days: 60,
            reviewed_at: reviewed ? `${reviewedOn}T06:00:00.000Z` : null,
            reviewed_by: reviewed ? reviewer : null,
            review_note:
              status === 'rejected'
                ? '经核查，花名册所列人员未在窗口期内参保，不符合吸纳就业补贴条件'
                : reviewed
                  ? '材料齐全，核定无误'
                  : null,
            notice_working_days: 5,
            notice_start: noticeStart,
            notice_end: noticeEnd,
            completed_at: completedOn ? `${completedOn}T02:00:00.000Z` : null,
            payment_order_id: null,
            created_by: admin,
            version: status === 'submitted' ? 1 : 3,
            updated_at: submittedAt,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const stored = `demo-application-${row.id}.pdf`;
        writeFileSync(path.join(attachments, stored), `演示材料：申请 #${row.id} 用工花名册和劳动合同（演示数据）`);
        await trx
          .insertInto('policy_attachments')
          .values({
            application_id: row.id,
            file_name: '用工花名册和劳动合同.pdf',
            stored_name: stored,
            content_type: 'application/pdf',
            size_bytes: 64,
            uploaded_by: admin,
            uploaded_at: submittedAt,
          })
          .execute();
        if (status === 'revoked' || status === 'publicity') {
          await trx
            .insertInto('policy_objections')
            .values({
              application_id: row.id,
              status: status === 'revoked' ? 'upheld' : 'open',
              reason: '该企业新招员工中有人为关联企业转入，并非新增就业',
              contact: '0791-8888xxxx（演示）',
              submitted_by: admin,
              submitted_at: `${noticeStart}T03:00:00.000Z`,
              resolved_by: status === 'revoked' ? reviewer : null,
              resolved_at: status === 'revoked' ? `${noticeEnd}T03:00:00.000Z` : null,
              resolution: status === 'revoked' ? '经核查社保转移记录，异议成立，不予兑现' : null,
            })
            .execute();
        }
        if (completedOn) {
          const [orderId] = await insertOrders(
            trx,
            [
              {
                source: 'application',
                applicationId: row.id,
                enterprise: { id: e.id, name: e.name, countyCode: e.county_code },
                rule,
                departmentId: deptRow?.id ?? null,
                departmentKind: kind,
                amountFen: d.amountFen,
                basis: `申请 #${row.id}（${submittedOn} 提交）经审核通过，${noticeStart} 至 ${noticeEnd} 公示 5 个工作日无异议（演示数据）`,
                account: a,
              },
            ],
            reviewer,
            `${completedOn}T02:00:00.000Z`,
          );
          await trx
            .updateTable('policy_applications')
            .set({ payment_order_id: orderId! })
            .where('id', '=', row.id)
            .execute();
          if (status === 'paid') {
            await trx
              .updateTable('policy_payment_orders')
              .set({
                status: 'paid',
                export_count: 1,
                exported_at: `${completedOn}T05:00:00.000Z`,
                paid_on: addWorkingDays(completedOn, 2),
                paid_at: `${addWorkingDays(completedOn, 2)}T08:00:00.000Z`,
                paid_by: reviewer,
                bank_ref: `DEMO${row.id}`,
                version: 3,
              })
              .where('id', '=', orderId!)
              .execute();
          }
        }
      });
      applications++;
    }
  }
  return { policies: POLICIES.length, enterprisesWithData: enterprises.length, batchOrders, applications };
}
