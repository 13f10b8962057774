import type { FactValue } from '../../src/domain/policy/index.ts';
import { hashPassword } from '../../src/server/auth/passwords.ts';
import type { Role } from '../../src/server/db/schema.ts';
import type { TestApp } from './app-fixture.ts';
import { PLACES, TEST_PASSWORD } from './app-fixture.ts';

/**
 * Policy fixture on top of the foundation's: departments of the kinds that own the policies used (人社 city and
 * 青山湖区, 金融办 city, 人社 of the High-tech Zone), an enterprise administrator for enterprise c, official figures,
 * facts 人社 holds (unemployment insurance) and payee accounts.
 */
export interface PolicyFixture {
  users: Record<string, number>;
}

export const OFFICIAL = {
  /** 2019 target of the national surveyed urban unemployment rate (上年度全国城镇调查失业率控制目标), percent. */
  unemploymentControlTargetPercent: 5.5,
  localAvgMonthlyUiBenefitFen: 130_000,
};

/** Held unemployment-insurance data: a and c qualify for 稳岗返还, b laid off too many. */
export const HELD: Record<'a' | 'b' | 'c', Record<string, FactValue>> = {
  a: { uiInsured: true, uiPremiumPaidLastYearFen: 2_400_000, layoffRatePercent: 2, insuredEmployees: 120 },
  b: { uiInsured: true, uiPremiumPaidLastYearFen: 1_800_000, layoffRatePercent: 12, insuredEmployees: 120 },
  c: { uiInsured: true, uiPremiumPaidLastYearFen: 1_000_001, layoffRatePercent: 5.5, insuredEmployees: 90 },
};

export async function seedPolicyFixture(t: TestApp): Promise<PolicyFixture> {
  const k = t.db.kysely;
  const at = '2020-02-10T01:00:00.000Z';
  const dept = async (kind: string, region: string) =>
    (
      await k
        .selectFrom('departments')
        .select('id')
        .where('kind', '=', kind)
        .where('region_code', '=', region)
        .executeTakeFirstOrThrow()
    ).id;
  const hash = await hashPassword(TEST_PASSWORD, t.config.argon2);
  const users: Record<string, number> = {};
  const addUser = async (
    username: string,
    role: Role,
    scope: { region?: string; department?: number; enterprise?: number },
  ) => {
    const row = await k
      .insertInto('users')
      .values({
        username,
        display_name: username,
        role,
        phone: null,
        region_code: scope.region ?? null,
        department_id: scope.department ?? null,
        enterprise_id: scope.enterprise ?? null,
        bank_id: null,
        password_hash: hash,
        must_change_password: 0,
        failed_logins: 0,
        locked_until: null,
        disabled: 0,
        last_login_at: null,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    users[username] = row.id;
  };
  await addUser('rsj.city', 'dept', { region: '3601', department: await dept('rsj', '3601') });
  await addUser('rsj.qsh', 'dept', { region: PLACES.county, department: await dept('rsj', PLACES.county) });
  await addUser('rsj.zone', 'dept', { region: PLACES.zone, department: await dept('rsj', PLACES.zone) });
  await addUser('jrb.city', 'dept', { region: '3601', department: await dept('jrb', '3601') });
  await addUser('ent.c', 'ent_admin', { enterprise: t.fixture.enterprises.c });

  for (const [fact, value] of Object.entries(OFFICIAL)) {
    await k
      .insertInto('policy_official_facts')
      .values({
        fact,
        value: JSON.stringify(value),
        effective_from: '2020-01-01',
        note: '测试数据',
        created_by: null,
        created_at: at,
      })
      .execute();
  }
  const { a, b, c } = t.fixture.enterprises;
  for (const [id, facts] of [
    [a, HELD.a],
    [b, HELD.b],
    [c, HELD.c],
  ] as const) {
    await k
      .insertInto('policy_enterprise_facts')
      .values({
        enterprise_id: id,
        facts: JSON.stringify(facts),
        origin: JSON.stringify(Object.fromEntries(Object.keys(facts).map((f) => [f, '测试人社数据']))),
        updated_at: at,
        updated_by: null,
        version: 1,
      })
      .execute();
    await k
      .insertInto('policy_payee_accounts')
      .values({
        enterprise_id: id,
        account_name: `测试企业${id}`,
        bank_name: '江西银行南昌分行',
        account_no: `99900000000000${String(id).padStart(4, '0')}`,
        updated_at: at,
        updated_by: null,
        version: 1,
      })
      .execute();
  }
  return { users };
}

/** Publish catalogue policies directly (tests of other flows do not go through the publishing job). */
export async function publishPolicies(t: TestApp, policyIds: readonly string[], noticeWorkingDays = 5) {
  for (const policyId of policyIds) {
    await t.db.kysely
      .insertInto('policy_settings')
      .values({
        policy_id: policyId,
        status: 'published',
        review_working_days: 60,
        notice_working_days: noticeWorkingDays,
        published_at: '2020-02-10T01:00:00.000Z',
        published_by: null,
        notified: 0,
        version: 1,
        updated_at: '2020-02-10T01:00:00.000Z',
        updated_by: null,
      })
      .execute();
  }
}
