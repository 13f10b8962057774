import { describe, expect, it } from 'vitest';
import { createRng } from '../demo/random.ts';
import type { Rng } from '../demo/random.ts';
import { ALL_RULES } from './catalogue/index.ts';
import { buildFactTable, createFactTable, rowFacts, setFact } from './columns.ts';
import { compileRules } from './compile.ts';
import { daysToIso } from './dates.ts';
import { evaluate, requiredFacts } from './evaluate.ts';
import { FACT_BY_NAME } from './facts.ts';
import type { FactValue, Facts, Rule, RuleResult } from './types.ts';

const REGIONS = ['360111', '360102', '360702', '361002', '420102', '330102', '360111004001'];
const ZONES = ['Z360101', ''];
const DATES = [
  '2019-12-31',
  '2020-01-01',
  '2020-01-23',
  '2020-01-24',
  '2020-01-28',
  '2020-02-09',
  '2020-02-10',
  '2020-02-15',
  '2020-03-12',
  '2020-03-13',
  '2020-05-06',
  '2020-12-31',
  '2021-01-04',
];

/** Numbers a rule is likely to compare against: every numeric parameter value, and its neighbours. */
const INTERESTING = (() => {
  const out = new Set<number>([0, 1, 3, 12, 100]);
  for (const r of ALL_RULES) {
    for (const p of Object.values(r.parameters)) {
      for (const v of p.values) {
        if (typeof v.value !== 'number') continue;
        for (const x of [v.value, v.value - 1, v.value + 1, v.value * 3, v.value / 2]) out.add(x);
      }
    }
  }
  return [...out];
})();

function randomValue(rng: Rng, name: string): FactValue | null {
  if (rng.chance(0.12)) return null;
  const def = FACT_BY_NAME.get(name);
  if (!def) throw new Error(name);
  if (name === 'regionCode') return rng.pick(REGIONS);
  if (name === 'countyCode') return rng.pick(REGIONS).slice(0, 6);
  if (name === 'zoneCode') return rng.pick(ZONES);
  switch (def.type) {
    case 'boolean':
      return rng.chance(0.6);
    case 'enum':
      return rng.pick((def.values ?? []).map((v) => v.value));
    case 'string':
      return rng.pick(['C3911', '5211', 'x']);
    case 'date':
      return rng.chance(0.7) ? rng.pick(DATES) : daysToIso(rng.int(17_800, 19_000));
    case 'integer':
      return rng.chance(0.5) ? Math.max(0, Math.round(rng.pick(INTERESTING))) : rng.int(0, 2_000_000_000);
    case 'number':
      return rng.chance(0.5) ? rng.pick(INTERESTING) : Math.round(rng.next() * 10_000) / 100;
  }
}

function randomFacts(rng: Rng, names: readonly string[]): Facts {
  const f: Record<string, FactValue> = {};
  for (const n of names) {
    const v = randomValue(rng, n);
    if (v !== null) f[n] = v;
  }
  return f;
}

function compare(rules: readonly Rule[], rows: readonly Facts[], asOf: string): string[] {
  const table = buildFactTable(rows, [...FACT_BY_NAME.keys()]);
  const compiled = compileRules(rules, table, { asOf });
  const batch = compiled.run();
  const problems: string[] = [];
  rows.forEach((facts, i) => {
    const byId = new Map<string, RuleResult>(
      evaluate(rules, facts, { asOf, includeOutOfJurisdiction: true }).map((r) => [r.ruleId, r]),
    );
    compiled.rules.forEach((rule, k) => {
      const r = byId.get(rule.id);
      if (!r) {
        problems.push(`${rule.id} row ${i}: interpreter has no result`);
        return;
      }
      const status = (batch.status[k] as Int8Array)[i] as number;
      const value = (batch.value[k] as Float64Array)[i] as number;
      const capped = (batch.capped[k] as Uint8Array)[i] === 1;
      const payable = (batch.payable[k] as Float64Array)[i] as number;
      const eligible = status === 1 ? true : status === 0 ? false : null;
      const expectedValue = rule.benefit.kind === 'money' ? r.amountFen : r.value.value;
      const actualValue = Number.isNaN(value) ? null : rule.benefit.kind === 'date' ? daysToIso(value) : value;
      const actualPayable = Number.isNaN(payable) ? null : payable;
      if (
        eligible !== r.eligible ||
        actualValue !== expectedValue ||
        capped !== r.capped ||
        actualPayable !== r.payableFen
      ) {
        problems.push(
          `${rule.id} @${asOf} row ${i} ${JSON.stringify(facts)}: interpreter ${JSON.stringify([r.eligible, expectedValue, r.capped, r.payableFen])} compiled ${JSON.stringify([eligible, actualValue, capped, actualPayable])}`,
        );
      }
    });
  });
  return problems;
}

describe('compiled rules give the interpreter’s results', () => {
  const names = [...new Set(['regionCode', 'zoneCode', ...ALL_RULES.flatMap((r) => requiredFacts(r))])];

  it.each(['2020-02-05', '2020-02-20', '2020-03-15', '2020-06-30', '2020-12-31', '2021-03-01', '2022-05-01'])(
    'random situations over every catalogue rule as of %s',
    (asOf) => {
      const rng = createRng(`compile-property-${asOf}`);
      const rows = Array.from({ length: 600 }, () => randomFacts(rng, names));
      expect(compare(ALL_RULES, rows, asOf)).toEqual([]);
    },
  );

  it('situations focused on one rule at a time (all its facts present more often)', () => {
    const rng = createRng('compile-property-focused');
    const problems: string[] = [];
    const outcomes = new Map<string, Set<number>>();
    for (const rule of ALL_RULES) {
      const facts = ['regionCode', 'zoneCode', ...requiredFacts(rule)];
      const rows = Array.from({ length: 200 }, () => randomFacts(rng, facts));
      const group = ALL_RULES.filter(
        (r) => r.id === rule.id || (rule.stackingGroup && r.stackingGroup === rule.stackingGroup),
      );
      problems.push(...compare(group, rows, rule.effective.from));
      const c = compileRules([rule], buildFactTable(rows, [...FACT_BY_NAME.keys()]), { asOf: rule.effective.from });
      outcomes.set(rule.id, new Set(c.run().status[0]));
    }
    expect(problems).toEqual([]);
    // The random situations reach every outcome for most rules, so the comparison is not vacuous.
    const covered = [...outcomes.values()].filter((s) => s.has(1) && s.has(0) && s.has(-1)).length;
    expect(covered / ALL_RULES.length).toBeGreaterThan(0.6);
    expect([...outcomes.entries()].filter(([, s]) => !s.has(1)).map(([id]) => id)).toEqual([]);
  });
});

describe('fact tables', () => {
  it('round-trip situations through columns', () => {
    const rows: Facts[] = [
      { regionCode: '360111', sizeClass: 'small', employees: 12, uiInsured: true, loanStartDate: '2020-03-01' },
      { regionCode: '420102', uiInsured: false },
      {},
    ];
    const table = buildFactTable(rows);
    expect(table.length).toBe(3);
    expect(rowFacts(table, 0)).toEqual(rows[0]);
    expect(rowFacts(table, 1)).toEqual(rows[1]);
    expect(rowFacts(table, 2)).toEqual({});
  });

  it('setFact marks values missing with null and rejects unknown columns', () => {
    const t = createFactTable(2, ['employees', 'sizeClass']);
    setFact(t, 0, 'employees', 10);
    setFact(t, 0, 'sizeClass', 'micro');
    setFact(t, 0, 'employees', null);
    expect(rowFacts(t, 0)).toEqual({ sizeClass: 'micro' });
    expect(() => setFact(t, 0, 'uiInsured', true)).toThrow('表中没有事实列');
    expect(() => createFactTable(1, ['nope'])).toThrow('未知事实');
  });

  it('columns absent from the table are missing for every row', () => {
    const t = buildFactTable([{ regionCode: '360111' }], ['regionCode']);
    const c = compileRules(ALL_RULES, t, { asOf: '2020-03-01' });
    const row = c.newRowResult();
    c.evaluateRow(0, row);
    const k = c.rules.findIndex((r) => r.id === 'jx-employment-2020.hiring-subsidy');
    expect(row.status[k]).toBe(-1);
  });

  it('only rules in force are compiled', () => {
    const t = buildFactTable([{}]);
    const ids = compileRules(ALL_RULES, t, { asOf: '2022-05-01' }).rules.map((r) => r.id);
    expect(ids).toContain('jx-sme-relief-2022.reguarantee-fee-waiver');
    expect(ids).not.toContain('nc-projects-37-2020.hiring-subsidy');
    expect(ids).not.toContain('jx-growth-20-2020.job-retention-refund-2020');
  });
});
