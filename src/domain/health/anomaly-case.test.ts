import { describe, expect, it } from 'vitest';
import {
  ANOMALY_STATES,
  ANOMALY_TRANSITIONS,
  anomalyFacts,
  anomalyTimeline,
  openAnomalyCase,
  transitionAnomalyCase,
} from './anomaly-case.ts';
import type { Actor, AnomalyCase, AnomalyState } from './anomaly-case.ts';
import { evaluateReturnToWork } from './return-to-work.ts';

const ent: Actor = { userId: 'u-ent', role: 'ent_admin' };
const cdc: Actor = { userId: 'u-cdc', role: 'cdc' };

function opened(temperatureC: number | null = 38.1, symptoms: ('cough' | 'fever')[] = []) {
  return openAnomalyCase({
    id: 'case-1',
    personId: 'p1',
    enterpriseId: 'e1',
    detectedAt: '2020-03-10T08:05:00+08:00',
    temperatureC,
    symptoms,
    source: 'declaration',
  });
}

function step(c: AnomalyCase, to: AnomalyState, actor: Actor, at: string, details = {}): AnomalyCase {
  const r = transitionAnomalyCase(c, to, actor, at, details);
  if (!r.ok) throw new Error(r.message);
  return r.case;
}

describe('opening a case alerts the enterprise and the CDC at once', () => {
  it('creates 已上报 with two alerts at the detection time', () => {
    const { case: c, alerts } = opened();
    expect(c.state).toBe('reported');
    expect(c.fever).toBe(true);
    expect(alerts.map((a) => a.audience)).toEqual(['enterprise', 'cdc']);
    expect(alerts.every((a) => a.at === '2020-03-10T08:05:00+08:00')).toBe(true);
    expect(alerts[0]!.message).toContain('隔离观察区');
    expect(alerts[1]!.message).toContain('体温38.1℃');
  });
  it('a cough alone is not a fever case', () => {
    expect(opened(36.8, ['cough']).case.fever).toBe(false);
  });
});

describe('上报 → 隔离观察区 → 转诊 → 结果', () => {
  it('records every step with its time, and the timeline in minutes', () => {
    let c = opened().case;
    c = step(c, 'isolated', ent, '2020-03-10T08:15:00+08:00', { isolationArea: '1号楼临时隔离室' });
    c = step(c, 'referred', ent, '2020-03-10T08:50:00+08:00', { facility: '南昌大学第一附属医院发热门诊' });
    c = step(c, 'excluded', cdc, '2020-03-10T15:00:00+08:00', { note: '核酸阴性，普通感冒' });
    expect(c.state).toBe('excluded');
    expect(c.isolationArea).toBe('1号楼临时隔离室');
    expect(anomalyTimeline(c).map((t) => [t.label, t.minutesSinceDetected])).toEqual([
      ['已上报', 0],
      ['隔离观察区', 10],
      ['已转诊', 45],
      ['已排除', 415],
    ]);
  });

  it('someone at home goes from 上报 straight to 转诊', () => {
    const c = step(opened().case, 'referred', cdc, '2020-03-10T09:00:00+08:00', { facility: '发热门诊' });
    expect(c.state).toBe('referred');
  });

  it('留观 → 疑似 → 确诊', () => {
    let c = step(opened().case, 'referred', cdc, '2020-03-10T09:00:00+08:00', { facility: '发热门诊' });
    c = step(c, 'observation', cdc, '2020-03-10T12:00:00+08:00');
    c = step(c, 'suspected', cdc, '2020-03-11T12:00:00+08:00');
    c = step(c, 'confirmed', cdc, '2020-03-12T12:00:00+08:00');
    expect(c.history.map((h) => h.to)).toEqual(['reported', 'referred', 'observation', 'suspected', 'confirmed']);
  });
});

describe('illegal transitions are rejected with a Chinese message', () => {
  const all: [AnomalyState, AnomalyState][] = [];
  for (const from of ANOMALY_STATES)
    for (const to of ANOMALY_STATES) if (!ANOMALY_TRANSITIONS[from].includes(to)) all.push([from, to]);
  it.each(all)('%s → %s', (from, to) => {
    const c: AnomalyCase = { ...opened().case, state: from };
    const r = transitionAnomalyCase(c, to, cdc, '2020-03-10T09:00:00+08:00', {
      isolationArea: 'x',
      facility: 'y',
      recheckTemperatureC: 36.5,
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^异常处置：/);
  });

  it('results are the CDC’s: an enterprise cannot exclude', () => {
    const c = step(opened().case, 'referred', ent, '2020-03-10T09:00:00+08:00', { facility: '发热门诊' });
    const r = transitionAnomalyCase(c, 'excluded', ent, '2020-03-10T10:00:00+08:00');
    expect(r).toEqual({ ok: false, message: '异常处置：当前角色无权将状态变为“已排除”' });
  });

  it('an employee cannot move a case', () => {
    const r = transitionAnomalyCase(
      opened().case,
      'isolated',
      { userId: 'p1', role: 'employee' },
      '2020-03-10T09:00:00+08:00',
      { isolationArea: 'x' },
    );
    expect(r.ok).toBe(false);
  });

  it('time cannot go backwards', () => {
    const r = transitionAnomalyCase(opened().case, 'isolated', ent, '2020-03-10T08:00:00+08:00', {
      isolationArea: 'x',
    });
    expect(r).toEqual({ ok: false, message: '处置时间：不能早于上一步的时间' });
  });

  it('isolation needs the area, referral the facility', () => {
    expect(transitionAnomalyCase(opened().case, 'isolated', ent, '2020-03-10T09:00:00+08:00')).toEqual({
      ok: false,
      message: '隔离观察区：请填写隔离观察区域',
    });
    expect(
      transitionAnomalyCase(opened().case, 'referred', ent, '2020-03-10T09:00:00+08:00', { facility: ' ' }),
    ).toEqual({
      ok: false,
      message: '转诊机构：请填写定点医疗机构或发热门诊',
    });
  });
});

describe('closing as a mis-reading needs the CDC and a normal re-measurement', () => {
  it('37.2 ℃ re-measured by the CDC → closed', () => {
    const c = step(opened().case, 'closed_recheck_normal', cdc, '2020-03-10T08:30:00+08:00', {
      recheckTemperatureC: 37.2,
    });
    expect(c.state).toBe('closed_recheck_normal');
    expect(c.history.at(-1)!.note).toBe('复测体温37.2℃，无症状');
  });
  it('37.3 ℃ is still a fever', () => {
    const r = transitionAnomalyCase(opened().case, 'closed_recheck_normal', cdc, '2020-03-10T08:30:00+08:00', {
      recheckTemperatureC: 37.3,
    });
    expect(r.ok).toBe(false);
  });
  it('the enterprise cannot close its own anomaly', () => {
    const r = transitionAnomalyCase(opened().case, 'closed_recheck_normal', ent, '2020-03-10T08:30:00+08:00', {
      recheckTemperatureC: 36.5,
    });
    expect(r.ok).toBe(false);
  });
  it('symptoms at the recheck keep it open', () => {
    const r = transitionAnomalyCase(opened().case, 'closed_recheck_normal', cdc, '2020-03-10T08:30:00+08:00', {
      recheckTemperatureC: 36.5,
      recheckSymptoms: ['cough'],
    });
    expect(r.ok).toBe(false);
  });
});

describe('cases feed the return-to-work rules', () => {
  const base = { travel: [], contacts: [], symptoms: { current: [] as [] } };
  const status = (c: AnomalyCase, asOf: string) =>
    evaluateReturnToWork({ ...base, ...anomalyFacts(c) }, { asOf, regionCode: '360402' }).status;

  it('open fever case → 发热留观; excluded → 可返岗', () => {
    let c = opened().case;
    expect(anomalyFacts(c)).toEqual({ openAnomaly: { openedOn: '2020-03-10', fever: true } });
    expect(status(c, '2020-03-10')).toBe('fever_observation');
    c = step(c, 'referred', cdc, '2020-03-10T09:00:00+08:00', { facility: '发热门诊' });
    c = step(c, 'excluded', cdc, '2020-03-10T15:00:00+08:00');
    expect(status(c, '2020-03-11')).toBe('cleared');
  });

  it('suspected → 隔离治疗; suspected then excluded → 可返岗', () => {
    let c = step(opened().case, 'referred', cdc, '2020-03-10T09:00:00+08:00', { facility: '发热门诊' });
    c = step(c, 'suspected', cdc, '2020-03-10T20:00:00+08:00');
    expect(anomalyFacts(c).diagnosis).toEqual({ kind: 'suspected', on: '2020-03-10' });
    expect(status(c, '2020-03-11')).toBe('isolation_treatment');
    c = step(c, 'excluded', cdc, '2020-03-12T10:00:00+08:00');
    expect(status(c, '2020-03-12')).toBe('cleared');
  });

  it('confirmed → 隔离治疗', () => {
    let c = step(opened().case, 'referred', cdc, '2020-03-10T09:00:00+08:00', { facility: '发热门诊' });
    c = step(c, 'confirmed', cdc, '2020-03-11T10:00:00+08:00');
    expect(status(c, '2020-03-11')).toBe('isolation_treatment');
  });
});
