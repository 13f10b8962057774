/**
 * End-to-end time of a 免申即享 batch run over the registry read from the database (issue 4: 1,000,000 enterprises,
 * target under 60 s on SQLite): the same `computeBatch` the job runs — read every enterprise of the region with the
 * facts 人社 shares (一企一档 + policy_enterprise_facts), build the columnar fact table, evaluate 稳岗返还 with its
 * stacking group (就高、不重复), and write one batch item per eligible enterprise.
 * Run: npm run bench policy-batch   (BENCH_SIZE=100000 for a quicker run; BENCH_DIALECT=postgres for PostgreSQL)
 * The synthetic registry is built once and cached (bench/support/registry-data.ts); the shared facts are added once.
 * Figures only: nothing here passes or fails on time.
 */
import { performance } from 'node:perf_hooks';
import { createRng } from '../src/domain/demo/random.ts';
import { ruleById } from '../src/domain/policy/index.ts';
import type { FactValue } from '../src/domain/policy/index.ts';
import { systemActor } from '../src/server/audit/audit.ts';
import { computeBatch } from '../src/server/policies/batches.service.ts';
import { benchContext } from './support/app-context.ts';
import { openBenchRegistry } from './support/registry-data.ts';

const SIZE = Number(process.env.BENCH_SIZE ?? 1_000_000);
const DIALECT = process.env.BENCH_DIALECT === 'postgres' ? 'postgres' : 'sqlite';
const RULE = 'jx-growth-20-2020.job-retention-refund';
const AS_OF = '2020-03-16';
const REGION = '3601';
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

const { db, enterprises } = await openBenchRegistry(DIALECT, SIZE);
const app = await benchContext(db);
const k = db.kysely;
console.log(`${DIALECT}: ${fmt(enterprises)} enterprises in the registry`);

// The data 人社 shares (unemployment insurance), once per registry, deterministic.
const held = Number(
  (
    await k
      .selectFrom('policy_enterprise_facts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n,
);
if (held < enterprises) {
  const t = performance.now();
  await k.deleteFrom('policy_enterprise_facts').execute();
  const rng = createRng('bench/policy-batch');
  let after = 0;
  for (;;) {
    const page = await k
      .selectFrom('enterprises')
      .select(['id', 'employees'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(10_000)
      .execute();
    if (page.length === 0) break;
    await k.transaction().execute(async (trx) => {
      for (let i = 0; i < page.length; i += 500) {
        await trx
          .insertInto('policy_enterprise_facts')
          .values(
            page.slice(i, i + 500).map((e) => {
              const insured = Math.max(1, Math.round(Number(e.employees) * (0.7 + rng.next() * 0.3)));
              const facts: Record<string, FactValue> = {
                uiInsured: rng.chance(0.95),
                insuredEmployees: insured,
                uiPremiumPaidLastYearFen: insured * rng.int(3_500, 7_500) * 6, // 0.5% × 12 months of the base
                layoffRatePercent: rng.chance(0.15) ? rng.int(60, 160) / 10 : rng.int(0, 50) / 10,
              };
              return {
                enterprise_id: e.id,
                facts: JSON.stringify(facts),
                origin: '{}',
                updated_at: '2020-03-01T00:00:00.000Z',
                updated_by: null,
                version: 1,
              };
            }),
          )
          .execute();
      }
    });
    after = page[page.length - 1]!.id;
  }
  console.log(`shared facts written for ${fmt(enterprises)} enterprises in ${fmt(performance.now() - t)} ms (once)`);
}
const target = await k
  .selectFrom('policy_official_facts')
  .select('id')
  .where('fact', '=', 'unemploymentControlTargetPercent')
  .executeTakeFirst();
if (!target) {
  await k
    .insertInto('policy_official_facts')
    .values({
      fact: 'unemploymentControlTargetPercent',
      value: '5.5',
      effective_from: '2020-01-01',
      note: '基准测试',
      created_by: null,
      created_at: '2020-03-01T00:00:00.000Z',
    })
    .execute();
}

const rule = ruleById(RULE)!;
const dept = await k
  .selectFrom('departments')
  .selectAll()
  .where('kind', '=', 'rsj')
  .where('region_code', '=', REGION)
  .executeTakeFirstOrThrow();
const t0 = performance.now();
const batch = await k
  .insertInto('policy_batches')
  .values({
    rule_id: rule.id,
    policy_id: rule.policyId,
    department_id: dept.id,
    department_kind: dept.kind,
    region_code: REGION,
    as_of: AS_OF,
    status: 'running',
    job_id: null,
    evaluated: 0,
    eligible: 0,
    not_eligible: 0,
    incomplete: 0,
    already: 0,
    total_fen: 0,
    message: null,
    created_by: 0,
    created_at: new Date().toISOString(),
    finished_at: null,
    approved_by: null,
    approved_at: null,
    version: 1,
  })
  .returningAll()
  .executeTakeFirstOrThrow();
const outcome = await computeBatch(app, batch, { update: async () => {} }, systemActor('基准测试'));
const total = performance.now() - t0;
console.log(
  `免申即享 run “${rule.title}” over ${fmt(outcome.evaluated)} enterprises: ${fmt(total)} ms end to end ` +
    `(read ${fmt(outcome.millis.read)} ms, evaluate ${fmt(outcome.millis.evaluate)} ms, write items ${fmt(outcome.millis.write)} ms)`,
);
console.log(
  `  ${fmt((outcome.evaluated / total) * 1000)} enterprises/s; eligible ${fmt(outcome.eligible)}, not eligible ${fmt(outcome.notEligible)}, ` +
    `incomplete ${fmt(outcome.incomplete)}; payable ${fmt(outcome.totalFen / 100)} 元; target < 60,000 ms on SQLite for 1,000,000`,
);
// leave the registry as it was for the next run
await k.deleteFrom('policy_batch_items').where('batch_id', '=', batch.id).execute();
await k.deleteFrom('policy_batches').where('id', '=', batch.id).execute();
await db.close();
