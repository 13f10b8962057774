import { describe, expect, it } from 'vitest';
import type { PersonFacts, TravelStay } from './facts.ts';
import { RULES, RuleSetNotFoundError, describeRuleSet, evaluateReturnToWork } from './return-to-work.ts';
import type { ReturnToWorkResult } from './return-to-work.ts';
import { RULE_IDS, RULE_SETS, ruleSetsFor } from './rule-sets.ts';
import type { HealthStatus } from './status.ts';

const JIUJIANG = '360402'; // outside Nanchang: province rules only
const DONGHU = '360102'; // Nanchang, 东湖区: province + Nanchang rules

const none: PersonFacts = { travel: [], contacts: [], symptoms: { current: [] } };

function facts(extra: Partial<PersonFacts>): PersonFacts {
  return { ...none, ...extra };
}

function run(f: PersonFacts, asOf: string, region = JIUJIANG): ReturnToWorkResult {
  return evaluateReturnToWork(f, { asOf, regionCode: region });
}

function codes(r: ReturnToWorkResult): string[] {
  return r.reasons.map((x) => x.code);
}

interface Row {
  name: string;
  facts: PersonFacts;
  asOf: string;
  region?: string;
  status: HealthStatus;
  earliest: string | null;
  has?: string[];
  lacks?: string[];
}

function table(rows: Row[]) {
  it.each(rows)('$name', (row) => {
    const r = run(row.facts, row.asOf, row.region);
    expect(r.status).toBe(row.status);
    expect(r.earliestReturnDate).toBe(row.earliest);
    for (const c of row.has ?? []) expect(codes(r)).toContain(c);
    for (const c of row.lacks ?? []) expect(codes(r)).not.toContain(c);
  });
}

const wuhan = (to: string, from = '2020-01-10'): TravelStay => ({
  place: '湖北省武汉市',
  from,
  to,
  risk: { keyArea: true, hubei: true, outsideProvince: true },
});
const wenzhou = (to: string): TravelStay => ({
  place: '浙江省温州市',
  from: '2020-01-20',
  to,
  risk: { keyArea: true, outsideProvince: true },
});

describe('rule-set versions by jurisdiction and date', () => {
  it.each([
    [JIUJIANG, '2020-02-10', 'jx-2020-02-10'],
    [JIUJIANG, '2020-03-02', 'jx-2020-02-10'],
    [JIUJIANG, '2020-03-03', 'jx-2020-03-03'],
    [DONGHU, '2020-02-12', 'jx-2020-02-10'],
    [DONGHU, '2020-02-13', 'jx-2020-02-10+nc-2020-02-13'],
    [DONGHU, '2020-02-26', 'jx-2020-02-10+nc-2020-02-26'],
    [DONGHU, '2020-12-31', 'jx-2020-03-03+nc-2020-02-26'],
    [DONGHU, '2021-01-01', 'jx-2020-03-03'],
    [DONGHU, '2022-06-29', 'jx-2020-03-03'],
    [DONGHU, '2022-06-30', 'jx-2022-06-30'],
    ['3601', '2020-03-10', 'jx-2020-03-03+nc-2020-02-26'],
  ])('%s on %s → %s', (region, asOf, id) => {
    expect(run(none, asOf, region).ruleSetId).toBe(id);
  });

  it('has no rules before the province notice of 2020-02-10, and says so in Chinese', () => {
    expect(ruleSetsFor(JIUJIANG, '2020-02-09')).toEqual([]);
    expect(() => run(none, '2020-02-09')).toThrow(RuleSetNotFoundError);
    expect(() => run(none, '2020-02-09')).toThrow('没有适用的返岗规则');
    expect(() => run(none, '2020-03-10', '44')).toThrow(RuleSetNotFoundError);
  });

  it('rejects a malformed date naming the field', () => {
    expect(() => run(none, '2020/3/10')).toThrow('评估日期');
  });

  it('every rule set only names known rules, and every rule is used', () => {
    const used = new Set(RULE_SETS.flatMap((s) => s.rules));
    for (const id of RULE_IDS) {
      expect(RULES[id].id).toBe(id);
      expect(used.has(id)).toBe(true);
    }
  });

  it('describes what a rule set needs (facts, params with sources)', () => {
    const d = describeRuleSet(RULE_SETS.find((s) => s.id === 'jx-2022-06-30')!);
    const r77 = d.find((x) => x.id === 'arrival-risk-area-7-7')!;
    expect(r77.params.map((p) => p.value)).toEqual([7, 7, 14]);
    expect(r77.required.map((x) => x.label)).toContain('最近14天旅居史');
  });
});

describe('nobody restricted: 可返岗 with a cited reason', () => {
  it('2020 province rules', () => {
    const r = run(none, '2020-03-10');
    expect(r.status).toBe('cleared');
    expect(r.statusLabel).toBe('可返岗');
    expect(r.earliestReturnDate).toBe('2020-03-10');
    expect(r.reasons).toHaveLength(1);
    expect(r.reasons[0]).toMatchObject({ code: 'CLEARED', source: '003_18fd0961877c4a42.txt:L482', ruleId: 'cleared' });
  });
  it('2022 province rules', () => {
    const r = run(none, '2022-07-10', DONGHU);
    expect(r.reasons[0]).toMatchObject({ code: 'CLEARED_ROUTINE_2022', source: '002_6f6368d3106e93bf.txt:L219' });
  });
  it('in-province travel in 2022 needs nothing beyond routine measures (002 L217–L219)', () => {
    const r = run(
      facts({ travel: [{ place: '江西省九江市', from: '2022-07-01', to: '2022-07-05', risk: { level: 'low' } }] }),
      '2022-07-06',
      DONGHU,
    );
    expect(r.status).toBe('cleared');
  });
});

describe('missing facts: the 14-day trajectory must be known (003 L482)', () => {
  table([
    {
      name: 'unknown travel history → 暂缓返岗, earliest unknown',
      facts: { contacts: [], symptoms: { current: [] } },
      asOf: '2020-03-10',
      status: 'deferred',
      earliest: null,
      has: ['FACTS_MISSING'],
    },
    {
      name: 'known empty history → 可返岗',
      facts: none,
      asOf: '2020-03-10',
      status: 'cleared',
      earliest: '2020-03-10',
      lacks: ['FACTS_MISSING'],
    },
    {
      name: 'Nanchang also needs the symptom record (003 L739)',
      facts: { travel: [], contacts: [] },
      asOf: '2020-03-10',
      region: DONGHU,
      status: 'deferred',
      earliest: null,
      has: ['FACTS_MISSING'],
    },
  ]);
  it('lists the missing facts in Chinese', () => {
    const r = run({ symptoms: { current: [] } }, '2020-03-10');
    expect(r.missingFacts.map((m) => m.label)).toEqual(['接触史', '最近14天旅居史']);
    expect(r.reasons[0]!.detail).toBe('需补充：接触史、最近14天旅居史');
  });
});

describe('close contacts: 14 days after the last contact, contact day = day 0 (003 L278)', () => {
  const contact = facts({ contacts: [{ lastContactOn: '2020-03-10', with: 'confirmed' }] });
  table([
    { name: 'day 0', facts: contact, asOf: '2020-03-10', status: 'central_quarantine', earliest: '2020-03-25' },
    { name: 'day 13', facts: contact, asOf: '2020-03-23', status: 'central_quarantine', earliest: '2020-03-25' },
    {
      name: 'day 14 (last day of observation)',
      facts: contact,
      asOf: '2020-03-24',
      status: 'central_quarantine',
      earliest: '2020-03-25',
    },
    { name: 'day 15 → 可返岗', facts: contact, asOf: '2020-03-25', status: 'cleared', earliest: '2020-03-25' },
    {
      name: 'contact with an asymptomatic infection counts the same',
      facts: facts({ contacts: [{ lastContactOn: '2020-03-10', with: 'asymptomatic' }] }),
      asOf: '2020-03-20',
      status: 'central_quarantine',
      earliest: '2020-03-25',
    },
    {
      name: 'the latest of several contacts decides',
      facts: facts({
        contacts: [
          { lastContactOn: '2020-03-01', with: 'confirmed' },
          { lastContactOn: '2020-03-12', with: 'confirmed' },
        ],
      }),
      asOf: '2020-03-20',
      status: 'central_quarantine',
      earliest: '2020-03-27',
    },
    {
      name: 'registered as close contact without a date → earliest unknown',
      facts: facts({ category: 'close_contact' }),
      asOf: '2020-03-20',
      status: 'central_quarantine',
      earliest: null,
      has: ['CLOSE_CONTACT_QUARANTINE_14D'],
    },
  ]);
  it('explains the count in the detail', () => {
    const r = run(contact, '2020-03-23');
    expect(r.reasons[0]).toMatchObject({
      code: 'CLOSE_CONTACT_QUARANTINE_14D',
      source: '003_18fd0961877c4a42.txt:L278',
      until: '2020-03-25',
    });
    expect(r.reasons[0]!.detail).toContain('2020-03-10');
    expect(r.reasons[0]!.detail).toContain('第14天');
  });
  it('before 2020-03-03 the province rule was "no close-contact history" → 禁止返岗 (003 L482)', () => {
    const r = run(facts({ contacts: [{ lastContactOn: '2020-02-20', with: 'confirmed' }] }), '2020-02-25');
    expect(r.ruleSetId).toBe('jx-2020-02-10');
    expect(r.status).toBe('barred');
    expect(r.earliestReturnDate).toBe('2020-03-06');
    expect(codes(r)).toEqual(['CLOSE_CONTACT_HISTORY']);
  });
});

describe('14-day look-back and key-area quarantine (003 L482)', () => {
  const arrivedFrom = (stay: TravelStay, arrival: string): PersonFacts =>
    facts({ travel: [stay], arrival: { date: arrival, mode: 'train', fromOutsideProvince: true } });
  table([
    {
      name: 'Wenzhou until 02-05, arrived 02-11 → 14 days from arrival, day 13',
      facts: arrivedFrom(wenzhou('2020-02-05'), '2020-02-11'),
      asOf: '2020-02-24',
      status: 'central_quarantine',
      earliest: '2020-02-26',
      has: ['KEY_AREA_QUARANTINE_14D'],
    },
    {
      name: 'day 14',
      facts: arrivedFrom(wenzhou('2020-02-05'), '2020-02-11'),
      asOf: '2020-02-25',
      status: 'central_quarantine',
      earliest: '2020-02-26',
    },
    {
      name: 'day 15 → 可返岗',
      facts: arrivedFrom(wenzhou('2020-02-05'), '2020-02-11'),
      asOf: '2020-02-26',
      status: 'cleared',
      earliest: '2020-02-26',
    },
    {
      name: 'left the key area exactly 14 days before arriving → still "from a key area"',
      facts: arrivedFrom(wenzhou('2020-01-28'), '2020-02-11'),
      asOf: '2020-02-12',
      status: 'central_quarantine',
      earliest: '2020-02-26',
    },
    {
      name: 'left 15 days before arriving → outside the look-back, and its own 14 days are over',
      facts: arrivedFrom(wenzhou('2020-01-27'), '2020-02-11'),
      asOf: '2020-02-12',
      status: 'cleared',
      earliest: '2020-02-12',
    },
    {
      name: 'no arrival recorded: counted from leaving the area',
      facts: facts({ travel: [wenzhou('2020-02-10')] }),
      asOf: '2020-02-20',
      status: 'central_quarantine',
      earliest: '2020-02-25',
    },
    {
      name: 'observation already completed and released elsewhere (003 L37)',
      facts: {
        ...arrivedFrom(wenzhou('2020-02-05'), '2020-02-21'),
        quarantines: [{ kind: 'central', startedOn: '2020-02-06', releasedOn: '2020-02-20' }],
      },
      asOf: '2020-02-22',
      status: 'cleared',
      earliest: '2020-02-22',
    },
    {
      name: 'low-risk place → nothing',
      facts: arrivedFrom(
        { place: '广东省广州市', from: '2020-01-20', to: '2020-02-15', risk: { level: 'low', outsideProvince: true } },
        '2020-02-16',
      ),
      asOf: '2020-02-17',
      status: 'cleared',
      earliest: '2020-02-17',
    },
  ]);
});

describe('Hubei arrivals: 14 days of central quarantine from arrival (003 L281, from 2020-03-03)', () => {
  const f = facts({
    travel: [
      { place: '湖北省黄冈市', from: '2020-01-15', to: '2020-03-05', risk: { hubei: true, outsideProvince: true } },
    ],
    arrival: { date: '2020-03-06', mode: 'charter', fromOutsideProvince: true },
  });
  table([
    {
      name: 'day 14 after arrival',
      facts: f,
      asOf: '2020-03-20',
      status: 'central_quarantine',
      earliest: '2020-03-21',
      has: ['HUBEI_ARRIVAL_QUARANTINE_14D'],
    },
    { name: 'day 15', facts: f, asOf: '2020-03-21', status: 'cleared', earliest: '2020-03-21' },
  ]);
  it('is not part of the 2022 rules', () => {
    const r = run(f, '2022-07-01');
    expect(codes(r)).not.toContain('HUBEI_ARRIVAL_QUARANTINE_14D');
  });
});

describe('cases: confirmed, suspected, asymptomatic, positive tests (003 L276–L277)', () => {
  table([
    {
      name: 'confirmed, in hospital → 隔离治疗, no date',
      facts: facts({ diagnosis: { kind: 'confirmed', on: '2020-03-01' } }),
      asOf: '2020-03-10',
      status: 'isolation_treatment',
      earliest: null,
      has: ['CONFIRMED_CASE'],
    },
    {
      name: 'suspected → 隔离治疗',
      facts: facts({ diagnosis: { kind: 'suspected', on: '2020-03-08' } }),
      asOf: '2020-03-10',
      status: 'isolation_treatment',
      earliest: null,
      has: ['SUSPECTED_CASE'],
    },
    {
      name: 'suspected then excluded → 可返岗',
      facts: facts({ diagnosis: { kind: 'suspected', on: '2020-03-08', excludedOn: '2020-03-09' } }),
      asOf: '2020-03-10',
      status: 'cleared',
      earliest: '2020-03-10',
    },
    {
      name: 'asymptomatic infection → 按四类人员管控',
      facts: facts({ diagnosis: { kind: 'asymptomatic', on: '2020-03-08' } }),
      asOf: '2020-03-10',
      status: 'isolation_treatment',
      earliest: null,
      has: ['ASYMPTOMATIC_INFECTION'],
    },
    {
      name: 'positive test without a diagnosis → 隔离治疗 pending CDC',
      facts: facts({ tests: [{ sampledOn: '2020-03-08', result: 'positive', resultOn: '2020-03-09' }] }),
      asOf: '2020-03-10',
      status: 'isolation_treatment',
      earliest: null,
      has: ['POSITIVE_NUCLEIC_ACID'],
    },
    {
      name: 'positive not yet reported on the evaluation date → not counted yet',
      facts: facts({ tests: [{ sampledOn: '2020-03-08', result: 'positive', resultOn: '2020-03-11' }] }),
      asOf: '2020-03-10',
      status: 'cleared',
      earliest: '2020-03-10',
    },
    {
      name: 'positive accounted for by a later-excluded suspicion → 可返岗',
      facts: facts({
        tests: [{ sampledOn: '2020-03-08', result: 'positive' }],
        diagnosis: { kind: 'suspected', on: '2020-03-08', excludedOn: '2020-03-12' },
      }),
      asOf: '2020-03-13',
      status: 'cleared',
      earliest: '2020-03-13',
    },
    {
      name: 'roster category 四类人员 without detail → 禁止返岗 until the CDC classifies',
      facts: facts({ category: 'four_categories_unspecified' }),
      asOf: '2020-03-10',
      status: 'barred',
      earliest: null,
      has: ['FOUR_CATEGORIES_UNSPECIFIED'],
    },
    {
      name: 'roster category 确诊病例 without a diagnosis record',
      facts: facts({ category: 'confirmed' }),
      asOf: '2020-03-10',
      status: 'isolation_treatment',
      earliest: null,
      has: ['CONFIRMED_CASE'],
    },
  ]);
});

describe('discharged patients: 14 days, then two negative tests sampled at least 1 day apart (003 L280)', () => {
  const discharged = (tests: PersonFacts['tests']): PersonFacts =>
    facts({ diagnosis: { kind: 'confirmed', on: '2020-02-01', dischargedOn: '2020-02-20' }, tests: tests ?? [] });
  table([
    {
      name: 'day 14 after discharge, no tests yet',
      facts: discharged([]),
      asOf: '2020-03-05',
      status: 'central_quarantine',
      earliest: null,
      has: ['POST_DISCHARGE_OBSERVATION'],
    },
    {
      name: 'two negatives on day 15 and day 16 → released on day 16',
      facts: discharged([
        { sampledOn: '2020-03-06', result: 'negative' },
        { sampledOn: '2020-03-07', result: 'negative' },
      ]),
      asOf: '2020-03-07',
      status: 'cleared',
      earliest: '2020-03-07',
    },
    {
      name: 'the second result reported a day later → released that day',
      facts: discharged([
        { sampledOn: '2020-03-06', result: 'negative', resultOn: '2020-03-06' },
        { sampledOn: '2020-03-07', result: 'negative', resultOn: '2020-03-08' },
      ]),
      asOf: '2020-03-07',
      status: 'central_quarantine',
      earliest: null,
    },
    {
      name: 'two samples on the same day are not "at least 1 day apart"',
      facts: discharged([
        { sampledOn: '2020-03-06', result: 'negative' },
        { sampledOn: '2020-03-06', result: 'negative' },
      ]),
      asOf: '2020-03-08',
      status: 'central_quarantine',
      earliest: null,
    },
    {
      name: 'a sample taken on day 14 is not "after" the 14 days',
      facts: discharged([
        { sampledOn: '2020-03-05', result: 'negative' },
        { sampledOn: '2020-03-06', result: 'negative' },
      ]),
      asOf: '2020-03-07',
      status: 'central_quarantine',
      earliest: null,
    },
    {
      name: 'negative, positive (复阳), negative → not consecutive; the positive isolates',
      facts: discharged([
        { sampledOn: '2020-03-06', result: 'negative' },
        { sampledOn: '2020-03-07', result: 'positive' },
        { sampledOn: '2020-03-08', result: 'negative' },
      ]),
      asOf: '2020-03-09',
      status: 'isolation_treatment',
      earliest: null,
      has: ['POSITIVE_NUCLEIC_ACID', 'POST_DISCHARGE_OBSERVATION'],
    },
    {
      name: 'before discharge → still 隔离治疗',
      facts: facts({ diagnosis: { kind: 'confirmed', on: '2020-03-01', dischargedOn: '2020-03-20' } }),
      asOf: '2020-03-19',
      status: 'isolation_treatment',
      earliest: null,
      has: ['CONFIRMED_CASE'],
    },
  ]);
});

describe('fever (≥ 37.3 ℃) and symptoms (003 L279, L287, L482)', () => {
  table([
    {
      name: '37.3 ℃ today → 发热留观',
      facts: facts({ temperature: { celsius: 37.3, on: '2020-03-10' } }),
      asOf: '2020-03-10',
      status: 'fever_observation',
      earliest: null,
      has: ['FEVER_OBSERVATION'],
    },
    {
      name: '37.2 ℃ today → 可返岗',
      facts: facts({ temperature: { celsius: 37.2, on: '2020-03-10' } }),
      asOf: '2020-03-10',
      status: 'cleared',
      earliest: '2020-03-10',
    },
    {
      name: 'a fever reading from yesterday alone does not count today (the open anomaly case does)',
      facts: facts({ temperature: { celsius: 38.0, on: '2020-03-09' } }),
      asOf: '2020-03-10',
      status: 'cleared',
      earliest: '2020-03-10',
    },
    {
      name: 'open fever anomaly case → 发热留观',
      facts: facts({ openAnomaly: { openedOn: '2020-03-09', fever: true } }),
      asOf: '2020-03-10',
      status: 'fever_observation',
      earliest: null,
    },
    {
      name: 'cough → 暂缓返岗 (可疑症状)',
      facts: facts({ symptoms: { current: ['cough'] } }),
      asOf: '2020-03-10',
      status: 'deferred',
      earliest: null,
      has: ['SUSPICIOUS_SYMPTOMS'],
    },
    {
      name: 'before 2020-03-03: fever → 暂缓返岗, 严禁带病上岗 (L482)',
      facts: facts({ temperature: { celsius: 38.1, on: '2020-02-20' } }),
      asOf: '2020-02-20',
      status: 'deferred',
      earliest: null,
      has: ['UNWELL_NO_WORK'],
    },
    {
      name: 'before 2020-03-03: 37.2 ℃ → 可返岗',
      facts: facts({ temperature: { celsius: 37.2, on: '2020-02-20' } }),
      asOf: '2020-02-20',
      status: 'cleared',
      earliest: '2020-02-20',
    },
  ]);
});

describe('severity: the most restrictive status wins, the earliest date is the latest reason', () => {
  it('close contact + fever → 发热留观, date unknown', () => {
    const r = run(
      facts({
        contacts: [{ lastContactOn: '2020-03-10', with: 'confirmed' }],
        temperature: { celsius: 38.2, on: '2020-03-12' },
      }),
      '2020-03-12',
    );
    expect(r.status).toBe('fever_observation');
    expect(r.earliestReturnDate).toBeNull();
    expect(codes(r)).toEqual(['FEVER_OBSERVATION', 'CLOSE_CONTACT_QUARANTINE_14D']);
  });
  it('two dated reasons → the later date', () => {
    const r = run(
      facts({
        contacts: [{ lastContactOn: '2020-03-10', with: 'confirmed' }],
        travel: [wenzhou('2020-03-12')],
      }),
      '2020-03-13',
    );
    expect(r.status).toBe('central_quarantine');
    expect(r.earliestReturnDate).toBe('2020-03-27');
  });
});

describe('Nanchang 2020: 连续14天以上无症状, severe-area ban, Hubei, health check (003 L739, L618)', () => {
  const sym = (last: string): PersonFacts => facts({ symptoms: { current: [], lastSymptomOn: last } });
  table([
    {
      name: 'last symptom 03-01, day 13',
      facts: sym('2020-03-01'),
      asOf: '2020-03-14',
      region: DONGHU,
      status: 'deferred',
      earliest: '2020-03-16',
      has: ['NC_SYMPTOM_FREE_14D'],
    },
    {
      name: 'day 14',
      facts: sym('2020-03-01'),
      asOf: '2020-03-15',
      region: DONGHU,
      status: 'deferred',
      earliest: '2020-03-16',
    },
    {
      name: 'day 15 → 14 full symptom-free days',
      facts: sym('2020-03-01'),
      asOf: '2020-03-16',
      region: DONGHU,
      status: 'cleared',
      earliest: '2020-03-16',
    },
    {
      name: 'same facts outside Nanchang → province rules only',
      facts: sym('2020-03-01'),
      asOf: '2020-03-14',
      region: JIUJIANG,
      status: 'cleared',
      earliest: '2020-03-14',
    },
    {
      name: 'a fever reading counts as a symptom day',
      facts: facts({ temperature: { celsius: 37.5, on: '2020-03-05' } }),
      asOf: '2020-03-10',
      region: DONGHU,
      status: 'deferred',
      earliest: '2020-03-20',
    },
    {
      name: 'visited a severe area, observation not over → 禁止返岗 (and province quarantine)',
      facts: facts({
        travel: [wenzhou('2020-03-01')],
        arrival: { date: '2020-03-02', mode: 'self_drive', fromOutsideProvince: true },
        healthChecks: [{ on: '2020-03-02', passed: true }],
      }),
      asOf: '2020-03-10',
      region: DONGHU,
      status: 'central_quarantine',
      earliest: '2020-03-17',
      has: ['NC_SEVERE_AREA_BAN', 'KEY_AREA_QUARANTINE_14D'],
    },
    {
      name: 'Hubei within the last 14 days → central quarantine (L618), counted from leaving Hubei',
      facts: facts({ travel: [wuhan('2020-03-01')], healthChecks: [] }),
      asOf: '2020-03-15',
      region: DONGHU,
      status: 'central_quarantine',
      earliest: '2020-03-16',
      has: ['NC_HUBEI_CENTRAL_QUARANTINE'],
    },
    {
      name: 'returning worker without a health check → 暂缓返岗 until checked',
      facts: facts({ arrival: { date: '2020-03-05', mode: 'train', fromOutsideProvince: true } }),
      asOf: '2020-03-06',
      region: DONGHU,
      status: 'deferred',
      earliest: '2020-03-20',
      has: ['NC_HEALTH_CHECK_REQUIRED'],
    },
    {
      name: 'returning worker with a passed health check → 可返岗',
      facts: facts({
        arrival: { date: '2020-03-05', mode: 'train', fromOutsideProvince: true },
        healthChecks: [{ on: '2020-03-06', passed: true }],
      }),
      asOf: '2020-03-06',
      region: DONGHU,
      status: 'cleared',
      earliest: '2020-03-06',
    },
    {
      name: 'a failed health check does not lift it',
      facts: facts({
        arrival: { date: '2020-03-05', mode: 'train', fromOutsideProvince: true },
        healthChecks: [{ on: '2020-03-06', passed: false }],
      }),
      asOf: '2020-03-06',
      region: DONGHU,
      status: 'deferred',
      earliest: '2020-03-20',
    },
    {
      name: 'after 2020-12-31 the health-check rule has lapsed (003 L651)',
      facts: facts({ arrival: { date: '2021-01-05', mode: 'train', fromOutsideProvince: true } }),
      asOf: '2021-01-06',
      region: DONGHU,
      status: 'cleared',
      earliest: '2021-01-06',
    },
  ]);
});

describe('charter point-to-point returns (003 L482)', () => {
  it('adds a notice, not a restriction', () => {
    const r = run(
      facts({
        arrival: {
          date: '2020-03-05',
          mode: 'charter',
          fromOutsideProvince: true,
          pointToPoint: true,
          symptomFreeBeforeAndInTransit: true,
        },
      }),
      '2020-03-06',
    );
    expect(r.status).toBe('cleared');
    expect(codes(r)).toEqual(['CHARTER_FAST_TRACK', 'CLEARED']);
  });
  it('no notice without the symptom-free record', () => {
    const r = run(facts({ arrival: { date: '2020-03-05', mode: 'charter', fromOutsideProvince: true } }), '2020-03-06');
    expect(codes(r)).toEqual(['CLEARED']);
  });
});

describe('2022: medium/high-risk areas → 7 days central + 7 days home monitoring (002 L223–L227)', () => {
  const shanghai = facts({
    travel: [
      { place: '上海市浦东新区', from: '2022-06-20', to: '2022-07-01', risk: { level: 'high', outsideProvince: true } },
    ],
    arrival: { date: '2022-07-01', mode: 'train', fromOutsideProvince: true },
  });
  table([
    {
      name: 'day 0',
      facts: shanghai,
      asOf: '2022-07-01',
      region: DONGHU,
      status: 'central_quarantine',
      earliest: '2022-07-16',
      has: ['ARRIVAL_RISK_AREA_CENTRAL_7D', 'ARRIVAL_RISK_AREA_HOME_7D'],
    },
    {
      name: 'day 7 (last day of central quarantine)',
      facts: shanghai,
      asOf: '2022-07-08',
      region: DONGHU,
      status: 'central_quarantine',
      earliest: '2022-07-16',
    },
    {
      name: 'day 8 → 居家健康监测',
      facts: shanghai,
      asOf: '2022-07-09',
      region: DONGHU,
      status: 'home_monitoring',
      earliest: '2022-07-16',
      lacks: ['ARRIVAL_RISK_AREA_CENTRAL_7D'],
    },
    {
      name: 'day 14 (last day of home monitoring)',
      facts: shanghai,
      asOf: '2022-07-15',
      region: DONGHU,
      status: 'home_monitoring',
      earliest: '2022-07-16',
    },
    {
      name: 'day 15 → 可返岗',
      facts: shanghai,
      asOf: '2022-07-16',
      region: DONGHU,
      status: 'cleared',
      earliest: '2022-07-16',
    },
    {
      name: 'county with a local cluster counts as a risk area',
      facts: facts({
        travel: [
          {
            place: '安徽省泗县',
            from: '2022-06-25',
            to: '2022-06-30',
            risk: { level: 'low', localCluster: true, outsideProvince: true },
          },
        ],
        arrival: { date: '2022-07-01', mode: 'coach', fromOutsideProvince: true },
      }),
      asOf: '2022-07-05',
      region: DONGHU,
      status: 'central_quarantine',
      earliest: '2022-07-16',
    },
    {
      name: 'no arrival recorded: inferred from the out-of-province stay',
      facts: facts({
        travel: [
          { place: '上海市', from: '2022-06-20', to: '2022-07-01', risk: { level: 'medium', outsideProvince: true } },
        ],
      }),
      asOf: '2022-07-03',
      region: DONGHU,
      status: 'central_quarantine',
      earliest: '2022-07-16',
    },
  ]);
});

describe('2022: other out-of-province arrivals → 48-hour test, 落地检, 三天两检 (002 L227–L233)', () => {
  const guangzhou: TravelStay = {
    place: '广东省广州市',
    from: '2022-07-01',
    to: '2022-07-10',
    risk: { level: 'low', outsideProvince: true },
  };
  const arrival = {
    date: '2022-07-10',
    at: '2022-07-10T18:00:00+08:00',
    mode: 'train' as const,
    fromOutsideProvince: true,
  };
  const cert = {
    sampledOn: '2022-07-08',
    sampledAt: '2022-07-08T20:00:00+08:00',
    result: 'negative' as const,
    resultOn: '2022-07-09',
  };
  const landing = (result: 'pending' | 'negative' | 'positive', resultOn?: string) => ({
    sampledOn: '2022-07-10',
    result,
    ...(resultOn ? { resultOn } : {}),
  });
  const f = (tests: PersonFacts['tests']) => facts({ travel: [guangzhou], arrival, tests: tests ?? [] });
  table([
    {
      name: '落地检 result not out → 居家或驻地等候 (暂缓返岗)',
      facts: f([cert, landing('pending')]),
      asOf: '2022-07-10',
      region: DONGHU,
      status: 'deferred',
      earliest: null,
      has: ['ARRIVAL_LANDING_TEST_PENDING', 'ARRIVAL_THREE_DAYS_TWO_TESTS'],
      lacks: ['ARRIVAL_48H_TEST_MISSING'],
    },
    {
      name: 'no 落地检 at all → 暂缓返岗',
      facts: f([cert]),
      asOf: '2022-07-11',
      region: DONGHU,
      status: 'deferred',
      earliest: null,
      has: ['ARRIVAL_LANDING_TEST_PENDING'],
    },
    {
      name: '落地检 negative → 可返岗 with the 三天两检 notice',
      facts: f([cert, landing('negative', '2022-07-11')]),
      asOf: '2022-07-11',
      region: DONGHU,
      status: 'cleared',
      earliest: '2022-07-11',
      has: ['ARRIVAL_THREE_DAYS_TWO_TESTS', 'CLEARED_ROUTINE_2022'],
    },
    {
      name: '落地检 positive → 隔离治疗',
      facts: f([cert, landing('positive', '2022-07-11')]),
      asOf: '2022-07-11',
      region: DONGHU,
      status: 'isolation_treatment',
      earliest: null,
      has: ['POSITIVE_NUCLEIC_ACID'],
      lacks: ['ARRIVAL_LANDING_TEST_PENDING'],
    },
    {
      name: 'day 4 with only one of the 三天两检 done → 暂缓返岗',
      facts: f([cert, landing('negative', '2022-07-10'), { sampledOn: '2022-07-11', result: 'negative' }]),
      asOf: '2022-07-14',
      region: DONGHU,
      status: 'deferred',
      earliest: '2022-07-25',
      has: ['ARRIVAL_THREE_DAYS_TWO_TESTS_INCOMPLETE'],
    },
    {
      name: 'day 3 with one test → still within the three days: notice only',
      facts: f([cert, landing('negative', '2022-07-10'), { sampledOn: '2022-07-11', result: 'negative' }]),
      asOf: '2022-07-13',
      region: DONGHU,
      status: 'cleared',
      earliest: '2022-07-13',
      has: ['ARRIVAL_THREE_DAYS_TWO_TESTS'],
    },
    {
      name: '三天两检 done on days 1 and 3 → no notice',
      facts: f([
        cert,
        landing('negative', '2022-07-10'),
        { sampledOn: '2022-07-11', result: 'negative' },
        { sampledOn: '2022-07-13', result: 'negative' },
      ]),
      asOf: '2022-07-14',
      region: DONGHU,
      status: 'cleared',
      earliest: '2022-07-14',
      lacks: ['ARRIVAL_THREE_DAYS_TWO_TESTS', 'ARRIVAL_THREE_DAYS_TWO_TESTS_INCOMPLETE'],
    },
  ]);

  describe('48 hours: boundary on the sampling instant', () => {
    const at = (sampledAt: string) =>
      f([{ sampledOn: sampledAt.slice(0, 10), sampledAt, result: 'negative' }, landing('pending')]);
    it('exactly 48 h before arrival → certificate accepted', () => {
      expect(codes(run(at('2022-07-08T18:00:00+08:00'), '2022-07-10', DONGHU))).not.toContain(
        'ARRIVAL_48H_TEST_MISSING',
      );
    });
    it('48 h and 1 minute → missing', () => {
      expect(codes(run(at('2022-07-08T17:59:00+08:00'), '2022-07-10', DONGHU))).toContain('ARRIVAL_48H_TEST_MISSING');
    });
    it('a sample after arrival is no pre-arrival certificate (it is the 落地检)', () => {
      const late = f([
        { sampledOn: '2022-07-10', sampledAt: '2022-07-10T19:00:00+08:00', result: 'negative', resultOn: '2022-07-12' },
      ]);
      const r = run(late, '2022-07-11', DONGHU);
      expect(codes(r)).toContain('ARRIVAL_48H_TEST_MISSING');
      expect(codes(r)).toContain('ARRIVAL_LANDING_TEST_PENDING');
      expect(run(late, '2022-07-12', DONGHU).status).toBe('cleared');
    });
    it('dates only: the day before arrival is accepted, two days before is not', () => {
      const dateOnly = (sampledOn: string) =>
        facts({
          travel: [guangzhou],
          arrival: { date: '2022-07-10', mode: 'train', fromOutsideProvince: true },
          tests: [{ sampledOn, result: 'negative' }],
        });
      expect(codes(run(dateOnly('2022-07-09'), '2022-07-10', DONGHU))).not.toContain('ARRIVAL_48H_TEST_MISSING');
      expect(codes(run(dateOnly('2022-07-08'), '2022-07-10', DONGHU))).toContain('ARRIVAL_48H_TEST_MISSING');
    });
    it('missing certificate stops mattering once the 落地检 is negative', () => {
      const r = run(f([landing('negative', '2022-07-10')]), '2022-07-10', DONGHU);
      expect(r.status).toBe('cleared');
      expect(codes(r)).not.toContain('ARRIVAL_48H_TEST_MISSING');
    });
  });
});

describe('trace and reasons are complete', () => {
  it('every reason carries a label, a status label and a seed source', () => {
    const r = run(
      facts({ contacts: [{ lastContactOn: '2020-03-10', with: 'confirmed' }], symptoms: { current: ['cough'] } }),
      '2020-03-12',
      DONGHU,
    );
    for (const x of r.reasons) {
      expect(x.label.length).toBeGreaterThan(0);
      expect(x.statusLabel.length).toBeGreaterThan(0);
      expect(x.source).toMatch(/^00[0-4]_[0-9a-f]{16}\.txt:L\d+$/);
    }
    const ruleIds = r.trace.map((t) => t.ruleId);
    expect(ruleIds).toContain('close-contact-14d');
    expect(ruleIds).toContain('nc-symptom-free-14d');
    expect(r.trace.find((t) => t.ruleId === 'close-contact-14d')!.params[0]).toEqual({
      key: 'closeContactDays',
      value: 14,
      source: '003_18fd0961877c4a42.txt:L278',
    });
    // The Nanchang set repeats facts-missing; it is evaluated once and marked as a duplicate.
    expect(r.trace.filter((t) => t.ruleId === 'facts-missing' && t.outcome === 'duplicate')).toHaveLength(1);
  });
});
