import { describe, expect, it } from 'vitest';
import { openAnomalyCase, transitionAnomalyCase } from './anomaly-case.ts';
import type { AnomalyCase } from './anomaly-case.ts';
import { dailyHealthSummary } from './daily-summary.ts';
import type { Declaration, RosterHealthEntry } from './declaration.ts';

const roster: RosterHealthEntry[] = [
  { personId: 'a', dormitory: false, status: 'cleared' },
  { personId: 'b', dormitory: true, status: 'cleared' },
  { personId: 'c', dormitory: false, status: 'central_quarantine' },
  { personId: 'd', dormitory: false, status: 'cleared' },
  { personId: 'e', dormitory: false },
];

const d = (personId: string, at: string, temperatureC = 36.5, symptoms: Declaration['symptoms'] = []): Declaration => ({
  personId,
  at,
  date: at.slice(0, 10),
  temperatureC,
  symptoms,
  location: { place: 'home' },
});

const declarations = [
  d('a', '2020-03-10T07:50:00+08:00', 37.6),
  d('b', '2020-03-10T07:55:00+08:00'),
  d('b', '2020-03-10T19:55:00+08:00', 36.9, ['cough']),
  d('c', '2020-03-10T08:00:00+08:00'),
  d('e', '2020-03-10T09:00:00+08:00'),
  d('x', '2020-03-10T09:00:00+08:00', 39), // not on this roster
];

function cases(): AnomalyCase[] {
  const first = openAnomalyCase({
    id: 'k1',
    personId: 'a',
    enterpriseId: 'e1',
    detectedAt: '2020-03-10T07:50:00+08:00',
    temperatureC: 37.6,
    symptoms: [],
    source: 'declaration',
  }).case;
  const moved = transitionAnomalyCase(
    first,
    'isolated',
    { userId: 'u', role: 'ent_admin' },
    '2020-03-10T08:10:00+08:00',
    {
      isolationArea: '隔离室',
    },
  );
  if (!moved.ok) throw new Error(moved.message);
  const old = openAnomalyCase({
    id: 'k0',
    personId: 'd',
    enterpriseId: 'e1',
    detectedAt: '2020-03-08T10:00:00+08:00',
    temperatureC: 38,
    symptoms: [],
    source: 'entry_check',
  }).case;
  const other = openAnomalyCase({
    id: 'k9',
    personId: 'z',
    enterpriseId: 'e2',
    detectedAt: '2020-03-10T10:00:00+08:00',
    temperatureC: 38,
    symptoms: [],
    source: 'declaration',
  }).case;
  return [moved.case, old, other];
}

describe('daily health summary for the CDC (seed 003 L62)', () => {
  it('counts statuses, declarations, undeclared and anomalies at the end of the day', () => {
    const s = dailyHealthSummary({
      enterpriseId: 'e1',
      date: '2020-03-10',
      roster,
      declarations,
      anomalyCases: cases(),
    });
    expect(s.headcount).toBe(5);
    expect(Object.fromEntries(s.byStatus.map((x) => [x.label, x.count]))).toEqual({
      可返岗: 3,
      居家健康监测: 0,
      暂缓返岗: 0,
      禁止返岗: 0,
      集中隔离: 1,
      发热留观: 0,
      隔离治疗: 0,
    });
    expect(s.unknownStatus).toBe(1);
    expect(s.twiceDaily).toBe(2);
    expect(s.declarations).toBe(5);
    expect(s.undeclared).toBe(2); // c afternoon, d all day
    expect(s.fullyDeclared).toBe(3);
    expect(s.feverDeclarations).toBe(1);
    expect(s.symptomDeclarations).toBe(1);
    expect(s.maxTemperatureC).toBe(37.6);
    expect(s.anomalies.newToday).toBe(1);
    expect(s.anomalies.open).toBe(2);
    expect(s.anomalies.byState.find((x) => x.state === 'isolated')!.count).toBe(1);
  });

  it('as at 08:00 the later steps and declarations have not happened', () => {
    const s = dailyHealthSummary({
      enterpriseId: 'e1',
      date: '2020-03-10',
      roster,
      declarations,
      anomalyCases: cases(),
      asAt: '2020-03-10T08:00:00+08:00',
    });
    expect(s.declarations).toBe(3);
    expect(s.anomalies.byState.find((x) => x.state === 'reported')!.count).toBe(2);
    expect(s.undeclared).toBe(2); // d, e (afternoon slots not due yet)
  });

  it('carries no names or ID numbers', () => {
    const s = dailyHealthSummary({
      enterpriseId: 'e1',
      date: '2020-03-10',
      roster,
      declarations,
      anomalyCases: cases(),
    });
    expect(JSON.stringify(s)).not.toMatch(/"personId"/);
  });
});
