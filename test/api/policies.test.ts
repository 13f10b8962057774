import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/server/clock.ts';
import type { TestApp, TestSession } from '../support/app-fixture.ts';
import { createTestApp } from '../support/app-fixture.ts';
import { testDialects } from '../support/databases.ts';
import { multipartFile } from '../support/multipart.ts';
import { HELD, publishPolicies, seedPolicyFixture } from '../support/policies-fixture.ts';
import { waitForJobDone } from '../support/poll.ts';

/**
 * 惠企政策兑现 end to end through the API, with the documents' numbers: catalogue and facts vocabulary, matching,
 * publishing with 精准推送, a 免申即享 batch of 稳岗返还 (50% of last year's unemployment-insurance premium, seed
 * 003 L2xx) → review → approve → payment orders → export → paid, 社保减免 (SMEs 100% for up to 5 months), a
 * 快申快享 application of 吸纳就业补贴 (¥1,000 per worker) → review → 公示 → objection → payment, the guarantee-fee
 * subsidy cap (0.5%, ≤ ¥150,000), simulation and statistics; scope, illegal transitions, idempotency and audit.
 */
const RETENTION = 'jx-growth-20-2020.job-retention-refund';
const HIRING = 'jx-employment-2020.hiring-subsidy';
/** The Nanchang version (window 24 January – 9 February); with equal amounts 就高、不重复 keeps it for Nanchang firms. */
const NC_HIRING = 'nc-projects-37-2020.hiring-subsidy';
const GUARANTEE = 'nc-projects-37-2020.guarantee-fee-subsidy';
const SI_SME = 'si-relief-2020.sme-exemption';

interface Result {
  ruleId: string;
  eligible: boolean | null;
  amountFen: number | null;
  payableFen: number | null;
  capped: boolean;
  missingFacts: string[];
  source: string;
  trace: unknown[];
}

describe.each(testDialects())('惠企政策兑现 API on %s', (dialect) => {
  let t: TestApp;
  const clock = manualClock('2020-03-16T02:00:00Z'); // Monday 16 March 2020, 10:00 in Nanchang
  const s: Record<string, TestSession> = {};
  let ids: { a: number; b: number; c: number };

  /** Move the clock (sessions are configured to outlive the 公示 weeks the test spans). */
  const moveClock = async (to: string) => {
    clock.set(to);
    return Promise.resolve();
  };

  beforeAll(async () => {
    t = await createTestApp(dialect, {
      clock,
      config: { sessionIdleMinutes: 60 * 24 * 365, sessionMaxHours: 24 * 365 },
    });
    await seedPolicyFixture(t);
    await publishPolicies(t, ['jx-growth-20-2020', 'jx-employment-2020', 'nc-projects-37-2020']);
    ids = t.fixture.enterprises;
    for (const u of [
      'admin',
      'leader',
      'ent.a',
      'ent.b',
      'ent.c',
      'emp.a',
      'bank',
      'dept.qsh',
      'rsj.city',
      'rsj.qsh',
      'jrb.city',
    ])
      s[u] = await t.login(u);
  });
  afterAll(async () => t.close());

  const auditCount = async (action: string) =>
    Number(
      (
        await t.db.kysely
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('action', '=', action)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('publishes the facts vocabulary and a searchable catalogue with clauses, source text, owner and how to claim', async () => {
    const facts = (await s['ent.a']!.get('/api/policies/facts')).json() as {
      items: { name: string; label: string; unit: string | null; type: string; source: string }[];
    };
    const premium = facts.items.find((f) => f.name === 'uiPremiumPaidLastYearFen')!;
    expect(premium).toMatchObject({ label: '上年度实际缴纳失业保险费', unit: '分', source: 'application' });
    expect(facts.items.find((f) => f.name === 'sizeClass')?.source).toBe('registry');

    const found = (await s['ent.a']!.get(`/api/policies?q=${encodeURIComponent('稳岗')}`)).json() as {
      items: { id: string; status: string; rules: { id: string }[] }[];
    };
    expect(found.items.map((p) => p.id)).toContain('jx-growth-20-2020');
    expect(found.items.every((p) => p.rules.length > 0)).toBe(true);
    const drafts = (await s['ent.a']!.get('/api/policies?status=draft')).json() as { items: { id: string }[] };
    expect(drafts.items.map((p) => p.id)).toContain('si-relief-2020');

    const detail = (await s['ent.a']!.get('/api/policies/jx-growth-20-2020')).json() as {
      status: string;
      rules: { id: string; sourceText: string | null; ownerLabel: string; howToClaim: string; source: string }[];
    };
    expect(detail.status).toBe('published');
    const rule = detail.rules.find((r) => r.id === RETENTION)!;
    expect(rule.source).toMatch(/^003_[0-9a-f]+\.txt:L\d+$/);
    expect(rule.sourceText).toContain('50％');
    expect(rule.ownerLabel).toBe('人社');
    expect(rule.howToClaim.length).toBeGreaterThan(10);
    expect((await s['ent.a']!.get('/api/policies/no-such-policy')).statusCode).toBe(404);

    const lists = (await s['ent.a']!.get('/api/policies/lists')).json() as { items: { code: string }[] };
    expect(lists.items.map((l) => l.code)).toEqual(expect.arrayContaining(['all', 'rsj']));
    const qr = await s['ent.a']!.get('/api/policies/lists/rsj/qr.svg');
    expect(qr.statusCode).toBe(200);
    expect(qr.headers['content-type']).toContain('image/svg+xml');
    expect(qr.body).toContain('<svg');
    const pub = await t.built.fastify.inject({ method: 'GET', url: '/api/public/policy-lists/rsj' });
    expect(pub.statusCode).toBe(200);
    const content = pub.json() as { policies: { id: string; rules: { id: string }[] }[] };
    expect(content.policies.flatMap((p) => p.rules.map((r) => r.id))).toContain(RETENTION);
    expect(content.policies.map((p) => p.id)).not.toContain('si-relief-2020'); // unpublished
  });

  it('evaluates facts with the documents’ numbers: 稳岗返还 50%, 吸纳就业补贴 ¥1,000 a worker, guarantee cap', async () => {
    const res = await s['ent.a']!.post('/api/policies/evaluate', {
      asOf: '2020-03-16',
      facts: {
        regionCode: '360111001',
        uiInsured: true,
        uiPremiumPaidLastYearFen: 2_400_000,
        layoffRatePercent: 5.5,
        unemploymentControlTargetPercent: 5.5,
        insuredEmployees: 120,
        urgentSuppliesStartDate: '2020-02-03',
        receivedOneOffJobRetentionGrant: false,
        hiresInWindow: 12,
        newGuaranteeAmount2020Fen: 4_000_000_000, // ¥40,000,000 × 0.5% = ¥200,000 → capped at ¥150,000
      },
    });
    expect(res.statusCode).toBe(200);
    const results = (res.json() as { results: Result[] }).results;
    const by = (id: string) => results.find((r) => r.ruleId === id)!;
    expect(by(RETENTION)).toMatchObject({ eligible: true, amountFen: 1_200_000, capped: false });
    expect(by(RETENTION).trace.length).toBeGreaterThan(0);
    expect(by(HIRING)).toMatchObject({ eligible: true, amountFen: 1_200_000 });
    expect(by(GUARANTEE)).toMatchObject({ eligible: true, amountFen: 15_000_000, capped: true });
    // layoff rate above the control target: not eligible; unknown premium: undecided with the missing fact named
    const worse = (
      (
        await s['ent.a']!.post('/api/policies/evaluate', {
          asOf: '2020-03-16',
          facts: {
            regionCode: '360111001',
            uiInsured: true,
            layoffRatePercent: 5.6,
            unemploymentControlTargetPercent: 5.5,
            insuredEmployees: 120,
          },
        })
      ).json() as { results: Result[] }
    ).results.find((r) => r.ruleId === RETENTION)!;
    expect(worse.eligible).toBe(false);
    const unknown = (
      (
        await s['ent.a']!.post('/api/policies/evaluate', {
          asOf: '2020-03-16',
          facts: { regionCode: '360111001', uiInsured: true, unemploymentControlTargetPercent: 5.5 },
        })
      ).json() as { results: Result[] }
    ).results.find((r) => r.ruleId === RETENTION)!;
    expect(unknown.eligible).toBeNull();
    expect(unknown.missingFacts).toEqual(expect.arrayContaining(['uiPremiumPaidLastYearFen', 'layoffRatePercent']));

    const bad = await s['ent.a']!.post('/api/policies/evaluate', { facts: { hiresInWindow: 'many' } });
    expect(bad.statusCode).toBe(400);
    // an enterprise evaluates only itself
    expect((await s['ent.a']!.post('/api/policies/evaluate', { enterpriseId: ids.b })).statusCode).toBe(404);
    const own = await s['ent.a']!.post('/api/policies/evaluate', { enterpriseId: ids.a });
    expect(own.statusCode).toBe(200);
    const ownRetention = (own.json() as { results: Result[] }).results.find((r) => r.ruleId === RETENTION)!;
    expect(ownRetention).toMatchObject({ eligible: true, amountFen: (HELD.a.uiPremiumPaidLastYearFen! as number) / 2 });
  });

  it('matches an enterprise with amounts and what it still has to provide, in scope only', async () => {
    const res = await s['ent.a']!.get(`/api/policies/enterprises/${ids.a}/matches`);
    expect(res.statusCode).toBe(200);
    const m = res.json() as {
      summary: { eligible: number; eligibleFen: number };
      items: (Result & { missing: { name: string; label: string }[]; canApply: boolean })[];
      payeeAccount: { accountNo: string } | null;
    };
    const retention = m.items.find((i) => i.ruleId === RETENTION)!;
    expect(retention).toMatchObject({ eligible: true, amountFen: 1_200_000, payableFen: 1_200_000 });
    const hiring = m.items.find((i) => i.ruleId === HIRING)!;
    expect(hiring.eligible).toBeNull();
    expect(hiring.missing.map((f) => f.label)).toContain('吸纳就业人数');
    expect(m.summary.eligibleFen).toBeGreaterThanOrEqual(1_200_000);
    expect(m.payeeAccount).not.toBeNull();
    expect((await s['ent.a']!.get(`/api/policies/enterprises/${ids.b}/matches`)).statusCode).toBe(404);
    expect((await s['emp.a']!.get(`/api/policies/enterprises/${ids.b}/matches`)).statusCode).toBe(404);
    // a department of the county sees its enterprises but not another county's
    expect((await s['rsj.qsh']!.get(`/api/policies/enterprises/${ids.c}/matches`)).statusCode).toBe(200);
    expect((await s['rsj.qsh']!.get(`/api/policies/enterprises/${ids.b}/matches`)).statusCode).toBe(404);
  });

  it('publishes a policy and notifies the enterprises that match it', async () => {
    expect((await s['jrb.city']!.post('/api/policies/si-relief-2020/publish', {})).statusCode).toBe(403);
    expect((await s['ent.a']!.post('/api/policies/si-relief-2020/publish', {})).statusCode).toBe(403);
    const res = await s['rsj.city']!.post('/api/policies/si-relief-2020/publish', {});
    expect(res.statusCode).toBe(202);
    const job = await waitForJobDone(s['rsj.city']!, (res.json() as { jobId: number }).jobId);
    expect(job.status).toBe('succeeded');
    expect((await s['rsj.city']!.post('/api/policies/si-relief-2020/publish', {})).statusCode).toBe(409);
    const detail = (await s['rsj.city']!.get('/api/policies/si-relief-2020')).json() as {
      status: string;
      notified: number;
    };
    expect(detail.status).toBe('published');
    expect(detail.notified).toBeGreaterThanOrEqual(2);
    const inbox = (await s['ent.a']!.get('/api/notifications')).json() as {
      items: { kind: string; title: string; body: string }[];
    };
    const pushed = inbox.items.find((n) => n.kind === 'policy.published')!;
    expect(pushed.title).toContain('社会保险');
    expect(pushed.body).toContain('核定金额需补充：三项社会保险单位缴费月额'); // what it still has to provide
    expect(await auditCount('policy.publish')).toBeGreaterThanOrEqual(1);
    expect(await auditCount('policy.push')).toBeGreaterThanOrEqual(1);
  });

  it('社保减免: a department records the monthly contribution and an SME is exempt for 5 months', async () => {
    const facts = (await s['rsj.qsh']!.get(`/api/policies/enterprises/${ids.a}/facts`)).json() as {
      version: number;
    };
    const put = await s['rsj.qsh']!.put(`/api/policies/enterprises/${ids.a}/facts`, {
      facts: { siEmployerMonthlyFen: 3_600_000 },
      version: facts.version,
    });
    expect(put.statusCode).toBe(200);
    // a registry fact is not the department's to state
    const wrong = await s['rsj.qsh']!.put(`/api/policies/enterprises/${ids.a}/facts`, {
      facts: { sizeClass: 'large' },
    });
    expect(wrong.statusCode).toBe(400);
    expect((await s['ent.a']!.put(`/api/policies/enterprises/${ids.a}/facts`, { facts: {} })).statusCode).toBe(403);
    const m = (await s['ent.a']!.get(`/api/policies/enterprises/${ids.a}/matches`)).json() as {
      items: Result[];
    };
    const si = m.items.find((i) => i.ruleId === SI_SME)!;
    expect(si).toMatchObject({ eligible: true, amountFen: 3_600_000 * 5 });
  });

  it('offers 申请 (canApply) only for the money clauses the application route accepts, not for a deferral', async () => {
    const m = (await s['ent.a']!.get(`/api/policies/enterprises/${ids.a}/matches?all=true`)).json() as {
      items: (Result & { kind: string; fulfilment: string; value: { kind: string }; canApply: boolean })[];
    };
    // 缓缴社会保险费 (si-relief-2020 L178) is not ruled out for enterprise a, but it is no money the platform pays
    const deferral = m.items.find((i) => i.ruleId === 'si-relief-2020.deferral')!;
    expect(deferral).toMatchObject({ kind: 'defer', fulfilment: 'apply' });
    expect(deferral.eligible).not.toBe(false);
    expect(deferral.canApply).toBe(false);
    const refused = await s['ent.a']!.post('/api/policies/applications', {
      ruleId: 'si-relief-2020.deferral',
      facts: { siSevereDifficulty: true },
      payee: { accountName: '南昌甲公司', bankName: '中国银行南昌分行', accountNo: '6222020200001234567' },
    });
    expect(refused.statusCode).toBe(400);
    expect(JSON.stringify(refused.json())).toContain('本平台受理资金类政策的申请');
    // 吸纳就业补贴 (¥1,000 a worker, undecided until the enterprise states its hires) can be applied for
    expect(m.items.find((i) => i.ruleId === HIRING)).toMatchObject({ eligible: null, canApply: true });
    // and every clause offered is a paid, exempted or reduced amount of money, never a 免申即享 one
    const offered = m.items.filter((i) => i.canApply);
    expect(offered.length).toBeGreaterThan(0);
    for (const i of offered) {
      expect(['pay', 'exempt', 'reduce']).toContain(i.kind);
      expect(i.value.kind).toBe('money');
      expect(i.fulfilment).not.toBe('auto');
      expect(i.eligible).not.toBe(false);
    }
  });

  let batchId = 0;
  it('免申即享: a batch of 稳岗返还 computes, is reviewed, approved and turned into payment orders', async () => {
    // 人社 of 青山湖区 runs it over its enterprises a (eligible) and c (5.5% = target: eligible); b is in 东湖区
    expect(
      (await s['dept.qsh']!.post('/api/policies/batches', { ruleId: RETENTION, asOf: '2020-03-16' })).statusCode,
    ).toBe(403);
    expect(
      (await s['ent.a']!.post('/api/policies/batches', { ruleId: RETENTION, asOf: '2020-03-16' })).statusCode,
    ).toBe(403);
    const start = await s['rsj.qsh']!.post('/api/policies/batches', { ruleId: RETENTION, asOf: '2020-03-16' });
    expect(start.statusCode).toBe(202);
    const started = start.json() as { batchId: number; jobId: number };
    batchId = started.batchId;
    expect((await waitForJobDone(s['rsj.qsh']!, started.jobId)).status).toBe('succeeded');
    const batch = (await s['rsj.qsh']!.get(`/api/policies/batches/${batchId}`)).json() as {
      status: string;
      eligible: number;
      totalFen: number;
      version: number;
    };
    expect(batch.status).toBe('review');
    expect(batch.eligible).toBe(2);
    expect(batch.totalFen).toBe(1_200_000 + 500_001); // c: 1,000,001 × 50% = 500,000.5, rounded to the fen
    const items = (await s['rsj.qsh']!.get(`/api/policies/batches/${batchId}/items`)).json() as {
      items: { id: number; enterpriseId: number; amountFen: number; status: string }[];
      total: number;
    };
    expect(items.items.map((i) => i.enterpriseId).sort()).toEqual([ids.a, ids.c].sort());
    expect(items.items.find((i) => i.enterpriseId === ids.a)!.amountFen).toBe(1_200_000);
    // scope: other departments and enterprises do not see it
    expect((await s['dept.qsh']!.get(`/api/policies/batches/${batchId}`)).statusCode).toBe(404);
    expect((await s['ent.a']!.get(`/api/policies/batches/${batchId}`)).statusCode).toBe(404);
    expect((await s['bank']!.get('/api/policies/batches')).json()).toMatchObject({ total: 0 });
    // review: exclude c, restore, exclude again
    const itemC = items.items.find((i) => i.enterpriseId === ids.c)!;
    const ex = await s['rsj.qsh']!.post(`/api/policies/batch-items/${itemC.id}/status`, {
      status: 'excluded',
      reason: '核查发现已享受同类补贴',
    });
    expect(ex.statusCode).toBe(200);
    const current = (await s['rsj.qsh']!.get(`/api/policies/batches/${batchId}`)).json() as {
      version: number;
      totalFen: number;
    };
    expect(current.totalFen).toBe(1_200_000);
    expect((await s['rsj.qsh']!.post(`/api/policies/batches/${batchId}/approve`, { version: 999 })).statusCode).toBe(
      409,
    );
    const approve = await s['rsj.qsh']!.post(`/api/policies/batches/${batchId}/approve`, { version: current.version });
    expect(approve.statusCode).toBe(202);
    expect((await waitForJobDone(s['rsj.qsh']!, (approve.json() as { jobId: number }).jobId)).status).toBe('succeeded');
    const approved = (await s['rsj.qsh']!.get(`/api/policies/batches/${batchId}`)).json() as {
      status: string;
      version: number;
    };
    expect(approved.status).toBe('approved');
    // illegal transitions after approval
    expect(
      (await s['rsj.qsh']!.post(`/api/policies/batches/${batchId}/approve`, { version: approved.version })).statusCode,
    ).toBe(409);
    expect(
      (
        await s['rsj.qsh']!.post(`/api/policies/batches/${batchId}/cancel`, {
          version: approved.version,
          reason: '测试作废',
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (await s['rsj.qsh']!.post(`/api/policies/batch-items/${itemC.id}/status`, { status: 'included' })).statusCode,
    ).toBe(409);
    expect(await auditCount('policy.batch.start')).toBe(1);
    expect(await auditCount('policy.batch.approve')).toBe(1);

    const orders = (await s['rsj.qsh']!.get(`/api/policies/payment-orders?batchId=${batchId}`)).json() as {
      items: {
        id: number;
        enterpriseId: number;
        amountFen: number;
        clause: string;
        basis: string;
        status: string;
        funding: { level: string; amountFen: number }[];
      }[];
    };
    expect(orders.items).toHaveLength(1);
    const order = orders.items[0]!;
    expect(order).toMatchObject({ enterpriseId: ids.a, amountFen: 1_200_000, status: 'pending' });
    expect(order.clause).toMatch(/003_[0-9a-f]+\.txt:L\d+/);
    expect(order.basis).toContain(`#${batchId}`);
    expect(order.funding.reduce((sum, f) => sum + f.amountFen, 0)).toBe(1_200_000);
    // the enterprise sees its own order; another enterprise and a bank do not
    expect((await s['ent.a']!.get(`/api/policies/payment-orders/${order.id}`)).statusCode).toBe(200);
    expect((await s['ent.b']!.get(`/api/policies/payment-orders/${order.id}`)).statusCode).toBe(404);
    expect((await s['bank']!.get(`/api/policies/payment-orders/${order.id}`)).statusCode).toBe(404);
    // the enterprise cannot apply for what it already enjoys
    const again = await s['ent.a']!.post('/api/policies/applications', {
      ruleId: RETENTION,
      facts: {},
      payee: { accountName: '南昌甲测试电子有限公司', bankName: '江西银行南昌分行', accountNo: '6222000011112222' },
    });
    expect(again.statusCode).toBe(409);

    // export for the budget system and the bank, then mark paid
    const exp = await s['rsj.qsh']!.post('/api/policies/payment-orders/exports', { format: 'csv', batchId });
    expect(exp.statusCode).toBe(202);
    const expJob = await waitForJobDone(s['rsj.qsh']!, (exp.json() as { jobId: number }).jobId);
    expect(expJob.status).toBe('succeeded');
    const file = await s['rsj.qsh']!.get(`/api/jobs/${(exp.json() as { jobId: number }).jobId}/download`);
    expect(file.statusCode).toBe(200);
    expect(file.body).toContain('12000.00');
    for (const header of ['收款人', '收款账号', '金额（元）', '政策', '条款（出处）', '兑现依据', '资金分担'])
      expect(file.body).toContain(header);
    expect(file.body).toContain('失业保险稳岗返还');
    expect(file.body).toMatch(/003_[0-9a-f]+\.txt:L\d+/);
    const exported = (await s['rsj.qsh']!.get(`/api/policies/payment-orders/${order.id}`)).json() as {
      status: string;
      version: number;
    };
    expect(exported.status).toBe('exported');
    expect(
      (await s['ent.a']!.post(`/api/policies/payment-orders/${order.id}/paid`, { paidOn: '2020-03-16' })).statusCode,
    ).toBe(403);
    const paid = await s['rsj.qsh']!.post(`/api/policies/payment-orders/${order.id}/paid`, {
      paidOn: '2020-03-16',
      bankRef: 'JX20200316001',
    });
    expect(paid.statusCode).toBe(200);
    expect(
      (await s['rsj.qsh']!.post(`/api/policies/payment-orders/${order.id}/paid`, { paidOn: '2020-03-16' })).statusCode,
    ).toBe(409);
    expect(await auditCount('policy.order.paid')).toBeGreaterThanOrEqual(1);
  });

  let applicationId = 0;
  it('快申快享: 吸纳就业补贴 applied with attachments, reviewed, 公示 with an objection, ordered and paid', async () => {
    const payee = {
      accountName: '南昌丙测试食品有限公司',
      bankName: '江西银行南昌分行',
      accountNo: '6222000033334444',
    };
    const body = {
      ruleId: NC_HIRING,
      facts: { urgentSuppliesStartDate: '2020-02-03', hiresInWindow: 8 },
      payee,
    };
    // the province's version of the same subsidy is not paid twice: 就高、不重复 points to the kept one
    const twin = await s['ent.c']!.post('/api/policies/applications', {
      ...body,
      ruleId: HIRING,
      facts: { ...body.facts, receivedOneOffJobRetentionGrant: false },
    });
    expect(twin.statusCode).toBe(422);
    expect(twin.body).toContain('就高、不重复');
    // missing facts name the field; a registry fact is refused
    const missing = await s['ent.c']!.post('/api/policies/applications', { ...body, facts: { hiresInWindow: 8 } });
    expect(missing.statusCode).toBe(400);
    expect(JSON.stringify(missing.json())).toContain('facts.urgentSuppliesStartDate');
    const late = await s['ent.c']!.post('/api/policies/applications', {
      ...body,
      facts: { ...body.facts, urgentSuppliesStartDate: '2020-02-10' },
    });
    expect(late.statusCode).toBe(422);
    expect((await s['rsj.qsh']!.post('/api/policies/applications', body)).statusCode).toBe(403);

    const key = { 'idempotency-key': 'hiring-c-0001' };
    const first = await s['ent.c']!.post('/api/policies/applications', body, key);
    expect(first.statusCode, first.body).toBe(201);
    const created = first.json() as { id: number; status: string; amountFen: number; dueDate: string };
    const replay = await s['ent.c']!.post('/api/policies/applications', body, key);
    expect(replay.statusCode).toBe(201);
    expect((replay.json() as { id: number }).id).toBe(created.id);
    expect(created).toMatchObject({ status: 'submitted', amountFen: 800_000 }); // 8 × ¥1,000
    expect(created.dueDate > '2020-03-16').toBe(true); // 60 working days
    applicationId = created.id;
    // a second application for the same clause is refused
    expect((await s['ent.c']!.post('/api/policies/applications', body)).statusCode).toBe(409);

    const upload = multipartFile('file', '用工花名册.pdf', Buffer.from('%PDF-1.4 花名册'), 'application/pdf');
    const att = await t.built.fastify.inject({
      method: 'POST',
      url: `/api/policies/applications/${applicationId}/attachments`,
      payload: upload.payload,
      headers: { ...upload.headers, cookie: s['ent.c']!.cookie, 'x-csrf-token': s['ent.c']!.csrf },
    });
    expect(att.statusCode).toBe(201);
    const attachmentId = (att.json() as { id: number }).id;
    expect((await s['rsj.qsh']!.get(`/api/policies/attachments/${attachmentId}`)).body).toContain('花名册');
    expect((await s['ent.a']!.get(`/api/policies/attachments/${attachmentId}`)).statusCode).toBe(404);

    // scope of the queue
    const queue = (await s['rsj.qsh']!.get('/api/policies/applications?status=submitted')).json() as {
      items: { id: number }[];
    };
    expect(queue.items.map((a) => a.id)).toContain(applicationId);
    expect(((await s['dept.qsh']!.get('/api/policies/applications')).json() as { total: number }).total).toBe(0);
    expect(((await s['ent.a']!.get('/api/policies/applications')).json() as { total: number }).total).toBe(0);
    expect(((await s['bank']!.get('/api/policies/applications')).json() as { total: number }).total).toBe(0);
    expect((await s['ent.a']!.get(`/api/policies/applications/${applicationId}`)).statusCode).toBe(404);
    expect(
      (await s['dept.qsh']!.post(`/api/policies/applications/${applicationId}/review`, { decision: 'approve' }))
        .statusCode,
    ).toBe(404);

    // the department verifies 7 workers, not 8
    expect((await s['rsj.qsh']!.post(`/api/policies/applications/${applicationId}/complete`, {})).statusCode).toBe(409);
    const review = await s['rsj.qsh']!.post(`/api/policies/applications/${applicationId}/review`, {
      decision: 'approve',
      verifiedFacts: { hiresInWindow: 7 },
      note: '核实7人',
    });
    expect(review.statusCode).toBe(200);
    const inNotice = review.json() as {
      status: string;
      approvedFen: number;
      noticeStart: string;
      noticeEnd: string;
    };
    expect(inNotice).toMatchObject({ status: 'publicity', approvedFen: 700_000 });
    expect(inNotice.noticeStart).toBe('2020-03-17');
    expect(inNotice.noticeEnd).toBe('2020-03-23'); // 5 working days: 17–20 March and Monday 23
    expect(
      (await s['rsj.qsh']!.post(`/api/policies/applications/${applicationId}/review`, { decision: 'approve' }))
        .statusCode,
    ).toBe(409);
    expect((await s['ent.c']!.post(`/api/policies/applications/${applicationId}/withdraw`, {})).statusCode).toBe(409);
    const notices = (await t.built.fastify.inject({ method: 'GET', url: '/api/public/policy-notices' })).json() as {
      items: { id: number; amountFen: number }[];
    };
    expect(notices.items).toContainEqual(expect.objectContaining({ id: applicationId, amountFen: 700_000 }));

    const objection = await s['ent.a']!.post(`/api/policies/notices/${applicationId}/objections`, {
      reason: '该企业吸纳人数与实际不符',
      contact: '13900000000',
    });
    expect(objection.statusCode).toBe(201);
    const objectionId = (objection.json() as { id: number }).id;
    await moveClock('2020-03-23T02:00:00Z'); // last day of the notice: not over yet
    expect((await s['rsj.qsh']!.post(`/api/policies/applications/${applicationId}/complete`, {})).statusCode).toBe(409);
    await moveClock('2020-03-24T02:00:00Z'); // the notice period is over
    expect((await s['rsj.qsh']!.post(`/api/policies/applications/${applicationId}/complete`, {})).statusCode).toBe(409); // the objection is still open
    expect(
      (
        await s['jrb.city']!.post(`/api/policies/objections/${objectionId}/resolve`, {
          decision: 'dismissed',
          resolution: '无权处理',
        })
      ).statusCode,
    ).toBe(404);
    const resolved = await s['rsj.qsh']!.post(`/api/policies/objections/${objectionId}/resolve`, {
      decision: 'dismissed',
      resolution: '经核查花名册和社保参保记录，吸纳7人属实',
    });
    expect(resolved.statusCode).toBe(200);
    const done = await s['rsj.qsh']!.post(`/api/policies/applications/${applicationId}/complete`, {});
    expect(done.statusCode).toBe(200);
    const ordered = done.json() as { status: string; paymentOrderId: number };
    expect(ordered.status).toBe('ordered');
    const order = (await s['ent.c']!.get(`/api/policies/payment-orders/${ordered.paymentOrderId}`)).json() as {
      amountFen: number;
      payeeAccountNo: string;
      basis: string;
      funding: { level: string; amountFen: number }[];
    };
    expect(order.amountFen).toBe(700_000);
    expect(order.basis).toContain('异议经核查不成立');
    expect(order.funding).toEqual([expect.objectContaining({ amountFen: 700_000 })]);
    const paid = await s['rsj.qsh']!.post('/api/policies/payment-orders/paid', {
      ids: [ordered.paymentOrderId],
      paidOn: '2020-03-24',
    });
    expect(paid.statusCode).toBe(200);
    const final = (await s['ent.c']!.get(`/api/policies/applications/${applicationId}`)).json() as { status: string };
    expect(final.status).toBe('paid');
    for (const action of [
      'policy.application.submit',
      'policy.application.attach',
      'policy.application.approve',
      'policy.objection.file',
      'policy.objection.dismiss',
      'policy.application.complete',
    ])
      expect(await auditCount(action)).toBe(1);
    const inbox = (await s['ent.c']!.get('/api/notifications')).json() as { items: { kind: string }[] };
    expect(inbox.items.map((n) => n.kind)).toEqual(
      expect.arrayContaining(['policy.application.approved', 'policy.application.ordered']),
    );
  });

  it('rejects and withdraws applications, and a guarantee-fee subsidy is capped at ¥150,000', async () => {
    const payee = {
      accountName: '南昌甲测试电子有限公司',
      bankName: '江西银行南昌分行',
      accountNo: '6222000011112222',
    };
    const res = await s['ent.a']!.post('/api/policies/applications', {
      ruleId: GUARANTEE,
      facts: { newGuaranteeAmount2020Fen: 4_000_000_000 },
      payee,
    });
    expect(res.statusCode).toBe(201);
    const a = res.json() as { id: number; amountFen: number; capped: boolean; version: number };
    expect(a).toMatchObject({ amountFen: 15_000_000, capped: true });
    expect(
      (
        await s['rsj.qsh']!.post(`/api/policies/applications/${a.id}/review`, {
          decision: 'reject',
          note: '不是本部门',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await s['jrb.city']!.post(`/api/policies/applications/${a.id}/review`, { decision: 'reject' })).statusCode,
    ).toBe(400); // a refusal needs a reason
    const rejected = await s['jrb.city']!.post(`/api/policies/applications/${a.id}/review`, {
      decision: 'reject',
      note: '担保合同未在本市融资担保机构办理',
    });
    expect(rejected.json()).toMatchObject({ status: 'rejected' });
    expect((await s['ent.a']!.post(`/api/policies/applications/${a.id}/withdraw`, {})).statusCode).toBe(409);
    // after a refusal the enterprise may apply again, and withdraw
    const second = await s['ent.a']!.post('/api/policies/applications', {
      ruleId: GUARANTEE,
      facts: { newGuaranteeAmount2020Fen: 2_000_000_000 },
      payee,
    });
    const b = second.json() as { id: number; amountFen: number; capped: boolean };
    expect(b).toMatchObject({ amountFen: 10_000_000, capped: false });
    const withdrawn = await s['ent.a']!.post(`/api/policies/applications/${b.id}/withdraw`, {});
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn' });
    expect(await auditCount('policy.application.reject')).toBe(1);
    expect(await auditCount('policy.application.withdraw')).toBe(1);
  });

  it('lists rules with sources and parameters; settings, withdrawal, official figures and the Excel export', async () => {
    const list = (await s['ent.a']!.get('/api/policies')).json() as {
      items: {
        id: string;
        rules: {
          id: string;
          source: string;
          parameters: { name: string; values: { value: unknown; source: string }[] }[];
        }[];
      }[];
    };
    const retention = list.items.flatMap((p) => p.rules).find((r) => r.id === RETENTION)!;
    expect(retention.parameters.find((p) => p.name === 'rate')!.values[0]).toMatchObject({ value: 50 });
    expect(retention.parameters[0]!.values[0]!.source).toMatch(/^\d{3}_[0-9a-f]+\.txt:L\d+$/);
    const batchable = (await s['rsj.qsh']!.get('/api/policies/rules/batchable')).json() as { items: { id: string }[] };
    expect(batchable.items.map((r) => r.id)).toContain(RETENTION);
    expect(batchable.items.map((r) => r.id)).not.toContain(GUARANTEE); // 金融办's

    // 公示 length is configurable per policy, by its owner only
    const detail = (await s['jrb.city']!.get('/api/policies/nc-projects-37-2020')).json() as { version: number };
    expect(
      (
        await s['ent.a']!.put('/api/policies/nc-projects-37-2020/settings', {
          reviewWorkingDays: 20,
          noticeWorkingDays: 7,
        })
      ).statusCode,
    ).toBe(403);
    const set = await s['jrb.city']!.put('/api/policies/nc-projects-37-2020/settings', {
      reviewWorkingDays: 20,
      noticeWorkingDays: 7,
      version: detail.version,
    });
    expect(set.statusCode).toBe(200);
    expect(
      (
        await s['jrb.city']!.put('/api/policies/nc-projects-37-2020/settings', {
          reviewWorkingDays: 20,
          noticeWorkingDays: 7,
          version: detail.version,
        })
      ).statusCode,
    ).toBe(409); // stale version
    const payee = {
      accountName: '南昌乙测试商贸有限公司',
      bankName: '江西银行南昌分行',
      accountNo: '6222000055556666',
    };
    const applied = await s['ent.b']!.post('/api/policies/applications', {
      ruleId: GUARANTEE,
      facts: { newGuaranteeAmount2020Fen: 100_000_000 },
      payee,
    });
    expect(applied.statusCode, applied.body).toBe(201);
    expect(applied.json()).toMatchObject({ amountFen: 500_000, noticeWorkingDays: 7, reviewWorkingDays: 20 });
    expect(await auditCount('policy.settings')).toBeGreaterThanOrEqual(1);

    // a withdrawn policy takes no new applications
    const current = (await s['rsj.city']!.get('/api/policies/jx-employment-2020')).json() as { version: number };
    expect(
      (await s['rsj.city']!.post('/api/policies/jx-employment-2020/withdraw', { version: current.version })).statusCode,
    ).toBe(200);
    const refused = await s['ent.b']!.post('/api/policies/applications', {
      ruleId: HIRING,
      facts: { urgentSuppliesStartDate: '2020-02-03', receivedOneOffJobRetentionGrant: false, hiresInWindow: 2 },
      payee,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('停止受理');
    expect((await s['rsj.city']!.post('/api/policies/jx-employment-2020/withdraw', {})).statusCode).toBe(409);

    // official figures keep their history; only an administrator records them
    const figure = {
      fact: 'lpr1yPercent',
      value: 3.85,
      effectiveFrom: '2020-08-20',
      note: '全国银行间同业拆借中心公布',
    };
    expect((await s['rsj.city']!.post('/api/policy-official-facts', figure)).statusCode).toBe(403);
    expect((await s['admin']!.post('/api/policy-official-facts', figure)).statusCode).toBe(201);
    const figures = (await s['ent.a']!.get('/api/policy-official-facts')).json() as {
      items: { name: string; history: { value: unknown }[] }[];
    };
    expect(figures.items.find((f) => f.name === 'lpr1yPercent')!.history.map((h) => h.value)).toContain(3.85);

    // payment orders as Excel for the budget system and the bank
    const exp = await s['rsj.qsh']!.post('/api/policies/payment-orders/exports', { format: 'xlsx' });
    expect(exp.statusCode).toBe(202);
    const jobId = (exp.json() as { jobId: number }).jobId;
    expect((await waitForJobDone(s['rsj.qsh']!, jobId)).status).toBe('succeeded');
    const file = await s['rsj.qsh']!.get(`/api/jobs/${jobId}/download`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await s['ent.a']!.post('/api/policies/payment-orders/exports', { format: 'xlsx' })).statusCode).toBe(403);
  });

  it('simulates a draft parameter over the registry', async () => {
    expect(
      (
        await s['dept.qsh']!.post('/api/policy-simulations', {
          ruleId: RETENTION,
          label: '稳岗返还比例提高到60%',
          asOf: '2020-03-16',
          parameters: [{ name: 'rate', value: 60 }],
        })
      ).statusCode,
    ).toBe(403);
    const res = await s['rsj.city']!.post('/api/policy-simulations', {
      ruleId: RETENTION,
      label: '稳岗返还比例提高到60%',
      asOf: '2020-03-16',
      parameters: [{ name: 'rate', value: 60 }],
    });
    expect(res.statusCode).toBe(202);
    const started = res.json() as { simulationId: number; jobId: number };
    expect((await waitForJobDone(s['rsj.city']!, started.jobId)).status).toBe('succeeded');
    const sim = (await s['rsj.city']!.get(`/api/policy-simulations/${started.simulationId}`)).json() as {
      status: string;
      baseline: { total: { qualifying: number; totalFen: number } };
      reformed: { total: { qualifying: number; totalFen: number } };
    };
    expect(sim.status).toBe('succeeded');
    // a and c qualify (b laid off 12% > 5.5%): 50% → 60% of 2,400,000 + 1,000,001 fen
    expect(sim.baseline.total.qualifying).toBe(2);
    expect(sim.baseline.total.totalFen).toBe(1_200_000 + 500_001);
    expect(sim.reformed.total.totalFen).toBe(1_440_000 + 600_001);
    expect((await s['rsj.qsh']!.get(`/api/policy-simulations/${started.simulationId}`)).statusCode).toBe(404);
    const bad = await s['rsj.city']!.post('/api/policy-simulations', {
      ruleId: RETENTION,
      label: '错误参数',
      asOf: '2020-03-16',
      parameters: [{ name: 'nope', value: 1 }],
    });
    expect(bad.statusCode).toBe(400);
  });

  it('statistics move with payments: amount, enterprises and coverage by department, region and policy', async () => {
    const stats = (await s['admin']!.get('/api/policy-stats')).json() as {
      total: { amountFen: number; enterprisesPaid: number; eligible: number; coverage: number };
      byDepartment: { key: string; amountFen: number }[];
      byPolicy: { key: string; amountFen: number }[];
      byLevel: { level: string; amountFen: number }[];
    };
    expect(stats.total.amountFen).toBe(1_200_000 + 700_000);
    expect(stats.total.enterprisesPaid).toBe(2);
    expect(stats.total.coverage).toBeCloseTo(2 / stats.total.eligible);
    expect(stats.byDepartment.find((d) => d.key === 'rsj')!.amountFen).toBe(1_900_000);
    expect(stats.byPolicy.find((p) => p.key === 'nc-projects-37-2020')!.amountFen).toBe(700_000);
    expect(stats.byLevel.reduce((sum, l) => sum + l.amountFen, 0)).toBe(1_900_000);
    const weekly = await s['rsj.city']!.get('/api/policy-stats/weekly?week=2020-03-23');
    expect(weekly.statusCode).toBe(200);
    expect(JSON.stringify(weekly.json())).toContain('700000');
    const xlsx = await s['leader']!.get('/api/policy-stats/export.xlsx?kind=weekly&week=2020-03-23');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await s['ent.a']!.get('/api/policy-stats')).statusCode).toBe(403);
    // the review time limit: ent.b's guarantee application (20 working days) is overdue in July
    const pending = (await s['jrb.city']!.get('/api/policies/applications?status=submitted')).json() as {
      items: { id: number; dueDate: string; overdue: boolean }[];
    };
    expect(pending.items).toHaveLength(1);
    expect(pending.items[0]!.overdue).toBe(false);
    await moveClock('2020-07-01T02:00:00Z');
    const overdue = (await s['jrb.city']!.get('/api/policies/applications?overdue=true')).json() as {
      items: { id: number; overdue: boolean }[];
    };
    expect(overdue.items.map((a) => a.id)).toEqual([pending.items[0]!.id]);
    expect(overdue.items[0]!.overdue).toBe(true);
    // the public page a QR code opens
    const page = await t.built.fastify.inject({ method: 'GET', url: '/p/policies/rsj' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('失业保险稳岗返还');
    // the enterprise's matches show what it has been paid
    const m = (await s['ent.a']!.get(`/api/policies/enterprises/${ids.a}/matches`)).json() as {
      summary: { paidFen: number };
    };
    expect(m.summary.paidFen).toBe(1_200_000);
  });
});
