import { describe, expect, it } from 'vitest';
import { checkAnomaly, findUndeclared, requiredDeclarations, validateDeclaration } from './declaration.ts';
import type { Declaration, RosterHealthEntry } from './declaration.ts';

const valid = {
  personId: 'p1',
  at: '2020-03-10T08:05:00+08:00',
  temperatureC: 36.6,
  symptoms: [],
  location: { place: 'home', regionCode: '360102', address: ' 南昌市东湖区 ' },
};

describe('validateDeclaration', () => {
  it('accepts a normal declaration and fixes the Shanghai date', () => {
    const r = validateDeclaration({ ...valid, at: '2020-03-09T23:30:00Z' });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.date).toBe('2020-03-10');
      expect(r.value.location).toEqual({ place: 'home', regionCode: '360102', address: '南昌市东湖区' });
    }
  });

  it.each([
    [34.0, true],
    [43.0, true],
    [33.9, false],
    [43.1, false],
  ])('temperature %s ℃ plausible: %s', (t, ok) => {
    const r = validateDeclaration({ ...valid, temperatureC: t });
    expect(r.ok).toBe(ok);
    if (!r.ok) {
      expect(r.errors[0]!.field).toBe('temperatureC');
      expect(r.errors[0]!.message).toMatch(/^体温：/);
      expect(r.errors[0]!.message).toContain('34.0℃至43.0℃');
    }
  });

  it('accepts a temperature typed as text and rounds to 0.1 ℃', () => {
    const r = validateDeclaration({ ...valid, temperatureC: ' 37.25 ' });
    expect(r.ok && r.value.temperatureC).toBe(37.3);
  });

  it('names every bad field in Chinese', () => {
    const r = validateDeclaration({
      personId: '',
      at: '2020-03-10 08:00',
      temperatureC: 'abc',
      symptoms: ['sneeze'],
      location: {},
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.map((e) => e.field)).toEqual(['personId', 'at', 'temperatureC', 'symptoms', 'location.place']);
      expect(r.errors.map((e) => e.message.split('：')[0])).toEqual(['申报人', '填报时间', '体温', '症状', '所在地']);
    }
  });

  it('requires a temperature', () => {
    const r = validateDeclaration({ ...valid, temperatureC: undefined });
    expect(!r.ok && r.errors[0]!.message).toBe('体温：请填写体温');
  });

  it('de-duplicates symptoms and keeps the list order', () => {
    const r = validateDeclaration({ ...valid, symptoms: ['fatigue', 'cough', 'cough'] });
    expect(r.ok && r.value.symptoms).toEqual(['cough', 'fatigue']);
  });
});

describe('checkAnomaly: ≥ 37.3 ℃ or any symptom', () => {
  it.each([
    [37.2, [], false, false],
    [37.3, [], true, true],
    [38.5, [], true, true],
    [36.5, ['cough'], true, false],
    [36.5, ['fever'], true, true],
    [36.5, ['loss_of_smell_taste'], true, false],
  ] as const)('%s ℃ %j → anomaly %s, fever %s', (t, s, anomaly, fever) => {
    const r = checkAnomaly({ temperatureC: t, symptoms: [...s] });
    expect(r.anomaly).toBe(anomaly);
    expect(r.fever).toBe(fever);
  });
  it('says why', () => {
    expect(checkAnomaly({ temperatureC: 37.8, symptoms: ['cough'] }).triggers).toEqual([
      '体温37.8℃（≥37.3℃）',
      '症状：咳嗽',
    ]);
  });
});

describe('required declarations per day (seed 003 L61: 2 for quarantine and dormitory)', () => {
  it.each([
    [{ dormitory: false, status: 'cleared' }, 1],
    [{ dormitory: true, status: 'cleared' }, 2],
    [{ dormitory: false, status: 'central_quarantine' }, 2],
    [{ dormitory: false, status: 'home_monitoring' }, 2],
    [{ dormitory: false, status: 'fever_observation' }, 2],
    [{ dormitory: false, status: 'deferred' }, 1],
    [{ dormitory: true, status: 'isolation_treatment' }, 0],
    [{ dormitory: false }, 1],
  ] as const)('%j → %s', (p, n) => {
    expect(requiredDeclarations(p).count).toBe(n);
  });
  it('cites its basis', () => {
    expect(requiredDeclarations({ dormitory: true }).basis).toContain('003_18fd0961877c4a42.txt:L61');
  });
});

describe('findUndeclared', () => {
  const roster: RosterHealthEntry[] = [
    { personId: 'a', dormitory: false, status: 'cleared' },
    { personId: 'b', dormitory: true, status: 'cleared' },
    { personId: 'c', dormitory: false, status: 'central_quarantine' },
    { personId: 'd', dormitory: false, status: 'cleared' },
    { personId: 'e', dormitory: false, status: 'isolation_treatment' },
  ];
  const decl = (personId: string, at: string): Pick<Declaration, 'personId' | 'at'> => ({ personId, at });
  const declarations = [
    decl('a', '2020-03-10T07:50:00+08:00'),
    decl('b', '2020-03-10T07:55:00+08:00'),
    decl('c', '2020-03-10T08:00:00+08:00'),
    decl('c', '2020-03-10T18:00:00+08:00'),
    decl('d', '2020-03-09T20:00:00+08:00'), // yesterday
  ];

  it('at the end of the day', () => {
    const r = findUndeclared(roster, declarations, '2020-03-10');
    expect(r.map((u) => [u.personId, u.missingSlots, u.message])).toEqual([
      ['b', ['afternoon'], '下午未申报'],
      ['d', ['day'], '今日未申报'],
    ]);
  });

  it('at 10:00 the afternoon slot is not yet due', () => {
    const r = findUndeclared(roster, declarations, '2020-03-10', '2020-03-10T10:00:00+08:00');
    expect(r.map((u) => u.personId)).toEqual(['d']);
  });

  it('at 12:00 it is', () => {
    const r = findUndeclared(roster, declarations, '2020-03-10', '2020-03-10T12:00:00+08:00');
    expect(r.map((u) => u.personId)).toEqual(['b', 'd']);
  });

  it('two morning declarations do not cover the afternoon', () => {
    const r = findUndeclared(
      [{ personId: 'b', dormitory: true }],
      [decl('b', '2020-03-10T07:00:00+08:00'), decl('b', '2020-03-10T11:59:00+08:00')],
      '2020-03-10',
    );
    expect(r[0]).toMatchObject({ made: 2, missingSlots: ['afternoon'] });
  });

  it('uses the Shanghai day: 23:30 UTC on the 9th is the morning of the 10th', () => {
    const r = findUndeclared([{ personId: 'x', dormitory: false }], [decl('x', '2020-03-09T23:30:00Z')], '2020-03-10');
    expect(r).toEqual([]);
  });
});

describe('declaration.ts also exports the anomaly-case and daily-summary APIs', () => {
  it('re-exports them', async () => {
    const m = await import('./declaration.ts');
    expect(typeof m.openAnomalyCase).toBe('function');
    expect(typeof m.transitionAnomalyCase).toBe('function');
    expect(typeof m.dailyHealthSummary).toBe('function');
  });
});
