/**
 * Policy rules throughput: rule evaluations per second over 1,000,000 synthetic enterprises held in memory as
 * columns, compiled closures vs. the interpreter.
 * Run: `npx tsx bench/policy-rules.bench.ts` (or `npm run bench policy-rules`).
 *
 * The 免申即享 batch and policy simulation evaluate every enterprise rule for every enterprise in the registry
 * (design.md §7: about 1M enterprises). A "rule evaluation" is one rule decided for one enterprise (jurisdiction,
 * conditions, formula, caps); the row-wise figure also includes 就高、不重复 across stacking groups.
 * Figures only: nothing here passes or fails on time.
 */
import { performance } from 'node:perf_hooks';
import { createRng } from '../src/domain/demo/random.ts';
import { ALL_RULES } from '../src/domain/policy/catalogue/index.ts';
import { createFactTable, rowFacts } from '../src/domain/policy/columns.ts';
import type { Column } from '../src/domain/policy/columns.ts';
import { compileRules } from '../src/domain/policy/compile.ts';
import { isoToDays } from '../src/domain/policy/dates.ts';
import { evaluate, requiredFacts, rulesInForce } from '../src/domain/policy/evaluate.ts';
import { FACT_BY_NAME } from '../src/domain/policy/facts.ts';
import { simulate } from '../src/domain/policy/simulate.ts';

const ROWS = Number(process.env.POLICY_BENCH_ROWS ?? 1_000_000);
const INTERPRETER_ROWS = 20_000;
const AS_OF = '2020-03-15';
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const rng = createRng('bench/policy-rules');

const rules = rulesInForce(ALL_RULES, AS_OF).filter((r) => r.target === 'enterprise');
const names = [
  ...new Set(['regionCode', 'countyCode', 'zoneCode', 'industryCode', 'sizeClass', ...rules.flatMap(requiredFacts)]),
];

// 1. Synthetic registry ----------------------------------------------------------------------------------------
const COUNTIES = [
  '360102',
  '360103',
  '360104',
  '360111',
  '360112',
  '360113',
  '360121',
  '360123',
  '360124',
  '360702',
  '361002',
];
const INDUSTRIES = ['C3911', 'C1713', 'F5211', 'H6210', 'I6510', 'G5430', 'E4700', 'A0111'];
const DATES = ['2020-01-20', '2020-01-24', '2020-01-28', '2020-02-05', '2020-02-09', '2020-02-12', '2020-03-01'];

const t0 = performance.now();
const table = createFactTable(ROWS, names);
for (const name of names) {
  const col = table.columns[name] as Column;
  const def = FACT_BY_NAME.get(name);
  if (!def) continue;
  const missing =
    name === 'regionCode' || name === 'countyCode' || name === 'zoneCode' || name === 'sizeClass' ? 0 : 0.1;
  if (col.kind === 'code') {
    const values =
      name === 'regionCode' || name === 'countyCode'
        ? COUNTIES
        : name === 'zoneCode'
          ? ['Z360101', '', '', '']
          : name === 'industryCode'
            ? INDUSTRIES
            : col.dictionary.slice();
    const codes = values.map((v) => {
      let k = col.dictionary.indexOf(v);
      if (k < 0) {
        col.dictionary.push(v);
        k = col.dictionary.length - 1;
      }
      return k;
    });
    for (let i = 0; i < ROWS; i++)
      col.data[i] = rng.chance(missing) ? -1 : (codes[rng.int(0, codes.length - 1)] as number);
  } else if (col.kind === 'bool') {
    for (let i = 0; i < ROWS; i++) col.data[i] = rng.chance(missing) ? -1 : rng.chance(0.5) ? 1 : 0;
  } else if (def.type === 'date') {
    const days = DATES.map(isoToDays);
    for (let i = 0; i < ROWS; i++)
      col.data[i] = rng.chance(missing) ? NaN : (days[rng.int(0, days.length - 1)] as number);
  } else if (def.unit === '分') {
    for (let i = 0; i < ROWS; i++) col.data[i] = rng.chance(missing) ? NaN : rng.int(0, 50_000_000);
  } else if (def.unit === '%') {
    for (let i = 0; i < ROWS; i++) col.data[i] = rng.chance(missing) ? NaN : rng.int(0, 3000) / 100;
  } else {
    for (let i = 0; i < ROWS; i++) col.data[i] = rng.chance(missing) ? NaN : rng.int(0, 400);
  }
}
const buildMs = performance.now() - t0;
console.log(`synthetic registry: ${fmt(ROWS)} enterprises × ${names.length} facts built in ${fmt(buildMs)} ms`);
console.log(`rules about enterprises in force on ${AS_OF}: ${rules.length} (of ${ALL_RULES.length} encoded)`);

// 2. Compiled: rule by rule, no stacking -----------------------------------------------------------------------
const compiled = compileRules(rules, table, { asOf: AS_OF });
const out = compiled.newRowResult();
const n = compiled.rules.length;
{
  // warm-up on a slice so the closures are optimised before timing
  for (let i = 0; i < Math.min(ROWS, 50_000); i++) for (let k = 0; k < n; k++) compiled.evaluateRule(k, i, out);
  const t = performance.now();
  let eligible = 0;
  for (let i = 0; i < ROWS; i++) {
    for (let k = 0; k < n; k++) if (compiled.evaluateRule(k, i, out) === 1) eligible++;
  }
  const ms = performance.now() - t;
  console.log(
    `${'compiled, per rule (no stacking)'.padEnd(40)} ${fmt(ms).padStart(7)} ms  ${fmt(((ROWS * n) / ms) * 1000).padStart(12)} rule evaluations/s  (${fmt(eligible)} eligible)`,
  );
}

// 3. Compiled: whole row with 就高、不重复 -------------------------------------------------------------------------
{
  const t = performance.now();
  let payable = 0;
  for (let i = 0; i < ROWS; i++) {
    compiled.evaluateRow(i, out);
    for (let k = 0; k < n; k++) {
      const v = out.payable[k] as number;
      if (v === v) payable += v;
    }
  }
  const ms = performance.now() - t;
  console.log(
    `${'compiled, per row with 就高、不重复'.padEnd(36)} ${fmt(ms).padStart(7)} ms  ${fmt(((ROWS * n) / ms) * 1000).padStart(12)} rule evaluations/s  (payable ${fmt(payable / 100)} 元)`,
  );
}

// 4. Interpreter, for comparison (a slice: it builds traces and missing-fact lists) --------------------------
{
  const rows = Math.min(ROWS, INTERPRETER_ROWS);
  const situations = Array.from({ length: rows }, (_, i) => rowFacts(table, i));
  const t = performance.now();
  let evaluated = 0;
  for (const facts of situations)
    evaluated += evaluate(rules, facts, { asOf: AS_OF, includeOutOfJurisdiction: true }).length;
  const ms = performance.now() - t;
  console.log(
    `${`interpreter with traces (${fmt(rows)} rows)`.padEnd(40)} ${fmt(ms).padStart(7)} ms  ${fmt((evaluated / ms) * 1000).padStart(12)} rule evaluations/s`,
  );
}

// 5. A simulation over the whole registry: baseline vs. a draft parameter change ------------------------------
{
  const t = performance.now();
  const report = simulate({
    table,
    rules,
    asOf: AS_OF,
    reform: {
      label: '稳岗返还比例提高到60%',
      parameters: [{ ruleId: 'jx-growth-20-2020.job-retention-refund', parameter: 'rate', value: 60 }],
    },
  });
  const ms = performance.now() - t;
  console.log(
    `${'simulation (baseline + reform)'.padEnd(40)} ${fmt(ms).padStart(7)} ms  qualifying ${fmt(report.baseline.total.qualifying)} → ${fmt(report.reformed?.total.qualifying ?? 0)}, cost Δ ${fmt((report.delta?.totalFen ?? 0) / 100)} 元`,
  );
}
