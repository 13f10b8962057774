/**
 * Health rules throughput: return-to-work evaluations, roster import, undeclared list and the daily summary.
 * Run: `npx tsx bench/health-rules.bench.ts` (or `npm run bench health-rules`).
 *
 * At city/province scale (design.md §7: 10M workers) statuses are recomputed daily; this prints how many
 * evaluations one core does per second on a mix of situations, and how long a 10,000-row roster import takes.
 * Figures only: nothing here passes or fails on time.
 */
import { performance } from 'node:perf_hooks';
import { createRng } from '../src/domain/demo/random.ts';
import { fakeResidentIdUnique } from '../src/domain/demo/identifiers.ts';
import { dailyHealthSummary } from '../src/domain/health/daily-summary.ts';
import type { Declaration, RosterHealthEntry } from '../src/domain/health/declaration.ts';
import { findUndeclared } from '../src/domain/health/declaration.ts';
import type { PersonFacts } from '../src/domain/health/facts.ts';
import { evaluateReturnToWork } from '../src/domain/health/return-to-work.ts';
import { importRoster } from '../src/domain/health/roster-import.ts';
import type { CellValue } from '../src/domain/health/roster-import.ts';
import type { HealthStatus } from '../src/domain/health/status.ts';

const rng = createRng('bench/health-rules');
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

function timed<T>(label: string, fn: () => T, count: number, unit: string): T {
  const t0 = performance.now();
  const out = fn();
  const ms = performance.now() - t0;
  console.log(`${label.padEnd(52)} ${fmt(ms).padStart(6)} ms   ${fmt((count / ms) * 1000).padStart(10)} ${unit}/s`);
  return out;
}

// 1. Return-to-work evaluations on a mix of situations ---------------------------------------------------------
const situations: { facts: PersonFacts; asOf: string; region: string }[] = [];
for (let i = 0; i < 10_000; i++) {
  const kind = i % 6;
  const f: PersonFacts = { travel: [], contacts: [], symptoms: { current: [] }, tests: [] };
  if (kind === 1) f.contacts = [{ lastContactOn: '2020-03-05', with: 'confirmed' }];
  if (kind === 2) {
    f.travel = [
      {
        place: '湖北省武汉市',
        from: '2020-01-20',
        to: '2020-03-01',
        risk: { keyArea: true, hubei: true, outsideProvince: true },
      },
    ];
    f.arrival = { date: '2020-03-02', mode: 'charter', fromOutsideProvince: true };
  }
  if (kind === 3) f.temperature = { celsius: 37.6, on: '2020-03-10' };
  if (kind === 4) f.diagnosis = { kind: 'confirmed', on: '2020-02-01', dischargedOn: '2020-02-20' };
  if (kind === 5) {
    f.travel = [
      { place: '广东省广州市', from: '2022-07-01', to: '2022-07-08', risk: { level: 'low', outsideProvince: true } },
    ];
    f.arrival = { date: '2022-07-08', mode: 'train', fromOutsideProvince: true };
    f.tests = [{ sampledOn: '2022-07-08', result: 'negative' }];
  }
  situations.push({ facts: f, asOf: kind === 5 ? '2022-07-09' : '2020-03-10', region: i % 2 ? '360102' : '360402' });
}
for (let i = 0; i < 2000; i++) {
  const s = situations[i]!;
  evaluateReturnToWork(s.facts, { asOf: s.asOf, regionCode: s.region });
}
const statuses = timed(
  'evaluateReturnToWork × 10,000 (mixed situations)',
  () => situations.map((s) => evaluateReturnToWork(s.facts, { asOf: s.asOf, regionCode: s.region }).status),
  situations.length,
  'evaluations',
);
const counts = new Map<HealthStatus, number>();
for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1);
console.log(`  statuses: ${[...counts].map(([s, n]) => `${s} ${fmt(n)}`).join(', ')}`);

// 2. Roster import of 10,000 rows -------------------------------------------------------------------------------
const taken = new Set<string>();
const rows: CellValue[][] = [
  ['某某公司返岗员工花名册'],
  ['姓名', '身份证号码', '手机号', '班组', '是否住宿舍', '返岗日期', '返岗方式', '旅居史', '人员类别'],
];
for (let i = 0; i < 10_000; i++) {
  let id: string | null = null;
  while (id === null) {
    const birth = `19${rng.int(60, 99)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
    id = fakeResidentIdUnique(rng, rng.pick(['360102', '360103', '360121', '420102']), birth, taken);
  }
  rows.push([
    `员工${i}`,
    i % 500 === 0 ? Number(id.slice(0, 17)) * 10 : id,
    `138${String(i).padStart(8, '0')}`,
    `${1 + (i % 20)}班`,
    i % 3 ? '是' : '否',
    i % 2 ? 43871 + (i % 10) : `2020/2/${10 + (i % 10)}`,
    rng.pick(['包车', '班车', '火车', '自驾']),
    '无',
    '',
  ]);
}
const imported = timed('importRoster × 10,000 rows', () => importRoster({ rows, asOf: '2020-02-10' }), 10_000, 'rows');
console.log(
  `  valid ${fmt(imported.summary.valid)}, invalid ${fmt(imported.summary.invalid)} (numeric IDs ${imported.summary.numericIdRows})`,
);

// 3. Who has not declared, and the daily summary, for 10,000 employees ----------------------------------------------
const roster: RosterHealthEntry[] = Array.from({ length: 10_000 }, (_, i) => ({
  personId: `p${i}`,
  dormitory: i % 3 === 0,
  status: (i % 50 === 0 ? 'central_quarantine' : 'cleared') as HealthStatus,
}));
const declarations: Declaration[] = [];
for (const p of roster) {
  if (rng.chance(0.95))
    declarations.push({
      personId: p.personId,
      at: '2020-03-10T07:30:00+08:00',
      date: '2020-03-10',
      temperatureC: 36.5,
      symptoms: [],
      location: { place: 'home' },
    });
  if (p.dormitory && rng.chance(0.9))
    declarations.push({
      personId: p.personId,
      at: '2020-03-10T18:30:00+08:00',
      date: '2020-03-10',
      temperatureC: 36.6,
      symptoms: [],
      location: { place: 'dormitory' },
    });
}
const undeclared = timed(
  'findUndeclared, 10,000 employees',
  () => findUndeclared(roster, declarations, '2020-03-10'),
  10_000,
  'employees',
);
console.log(`  ${fmt(declarations.length)} declarations, ${fmt(undeclared.length)} people with a missing declaration`);
timed(
  'dailyHealthSummary, 10,000 employees',
  () => dailyHealthSummary({ enterpriseId: 'e1', date: '2020-03-10', roster, declarations, anomalyCases: [] }),
  10_000,
  'employees',
);
