import { describe, expect, it } from 'vitest';
import {
  HEALTH_STATUSES,
  STATUS_INFO,
  combineStatuses,
  isHealthStatus,
  statusChange,
  statusFromPassCode,
} from './status.ts';

describe('statuses', () => {
  it('have Chinese labels, a strict severity order and permanent, distinct pass codes', () => {
    expect(HEALTH_STATUSES.map((s) => STATUS_INFO[s].label)).toEqual([
      '可返岗',
      '居家健康监测',
      '暂缓返岗',
      '禁止返岗',
      '集中隔离',
      '发热留观',
      '隔离治疗',
    ]);
    expect(HEALTH_STATUSES.map((s) => STATUS_INFO[s].severity)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(HEALTH_STATUSES.map((s) => STATUS_INFO[s].passCode)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (const s of HEALTH_STATUSES) expect(statusFromPassCode(STATUS_INFO[s].passCode)).toBe(s);
    expect(statusFromPassCode(0)).toBeNull();
  });

  it('only 可返岗 admits to the workplace', () => {
    expect(HEALTH_STATUSES.filter((s) => STATUS_INFO[s].admitsToWorkplace)).toEqual(['cleared']);
  });

  it('combine by severity', () => {
    expect(combineStatuses([])).toBe('cleared');
    expect(combineStatuses(['deferred', 'home_monitoring'])).toBe('deferred');
    expect(combineStatuses(['barred', 'central_quarantine', 'deferred'])).toBe('central_quarantine');
    expect(combineStatuses(['isolation_treatment', 'fever_observation'])).toBe('isolation_treatment');
  });

  it('recognises only its own values', () => {
    expect(isHealthStatus('cleared')).toBe(true);
    expect(isHealthStatus('red')).toBe(false);
    expect(isHealthStatus(undefined)).toBe(false);
  });
});

describe('status change records for the audit log', () => {
  const base = {
    personId: 'p1',
    cause: { kind: 'rules' as const, ruleSetId: 'jx-2020-03-03' },
    at: '2020-03-10T09:00:00+08:00',
  };
  it('records a change of status with labels', () => {
    expect(
      statusChange({
        ...base,
        from: 'cleared',
        to: 'central_quarantine',
        reasonCodes: ['CLOSE_CONTACT_QUARANTINE_14D'],
      }),
    ).toMatchObject({
      fromLabel: '可返岗',
      toLabel: '集中隔离',
      reasonCodes: ['CLOSE_CONTACT_QUARANTINE_14D'],
    });
  });
  it('records a change of reasons under the same status', () => {
    expect(
      statusChange({
        ...base,
        from: 'central_quarantine',
        fromReasonCodes: ['A'],
        to: 'central_quarantine',
        reasonCodes: ['B'],
      }),
    ).not.toBeNull();
  });
  it('nothing when nothing changed', () => {
    expect(
      statusChange({ ...base, from: 'cleared', fromReasonCodes: ['CLEARED'], to: 'cleared', reasonCodes: ['CLEARED'] }),
    ).toBeNull();
  });
  it('the first evaluation is a change from nothing', () => {
    expect(statusChange({ ...base, from: null, to: 'cleared', reasonCodes: ['CLEARED'] })?.fromLabel).toBeNull();
  });
});
