import { describe, expect, it } from 'vitest';
import type { ResumptionPlan } from './plan.ts';
import { batchOn, plannedBackOn, plannedHeadcount, validatePlan } from './plan.ts';
import { plan } from './test-fixtures.ts';

const b = (
  batchNo: number,
  startDate: string,
  key: number,
  local: number,
  nonLocal: number,
  fromKeyAreas = 0,
  confirmed?: boolean,
) => ({
  batchNo,
  startDate,
  keyPostStaff: key,
  otherLocalStaff: local,
  otherNonLocalStaff: nonLocal,
  fromKeyAreasStaff: fromKeyAreas,
  ...(confirmed === undefined ? {} : { keyAreaObservationConfirmed: confirmed }),
});

const messages = (p: ResumptionPlan, asOf?: string) =>
  validatePlan(p, asOf ? { asOf } : {}).errors.map((e) => e.message);

describe('validatePlan', () => {
  it('accepts key posts first, then local staff, then staff from elsewhere (003:L487, L736)', () => {
    const r = validatePlan(plan, { asOf: '2020-02-14' });
    expect(r).toMatchObject({ ok: true, errors: [], plannedHeadcount: 110 });
    expect(plannedHeadcount(plan)).toBe(110);
  });

  it('rejects other staff before key-post staff', () => {
    expect(
      messages({ normalHeadcount: 100, batches: [b(1, '2020-02-17', 5, 20, 0), b(2, '2020-02-24', 10, 0, 0)] }),
    ).toEqual(['第1批：重要岗位人员应先返岗，第2批仍有重要岗位人员时，前面批次不应安排其他员工']);
  });

  it('rejects staff from elsewhere before local staff', () => {
    expect(
      messages({
        normalHeadcount: 100,
        batches: [b(1, '2020-02-17', 5, 0, 0), b(2, '2020-02-20', 0, 0, 30), b(3, '2020-02-24', 0, 10, 0)],
      }),
    ).toEqual(['第2批：本地员工应先到位，第3批仍有本地员工时，前面批次不应安排外地员工']);
    // Key-post staff from elsewhere may come in the first batch (they count as key posts).
    expect(
      messages({ normalHeadcount: 100, batches: [b(1, '2020-02-17', 5, 10, 0), b(2, '2020-02-24', 0, 0, 30)] }),
    ).toEqual([]);
  });

  it('planned headcount may not exceed the normal headcount (boundary: equal is fine)', () => {
    expect(messages({ normalHeadcount: 110, batches: plan.batches })).toEqual([]);
    expect(messages({ normalHeadcount: 109, batches: plan.batches })).toEqual([
      '分批返岗计划：计划返岗合计110人，超过正常用工人数109人',
    ]);
  });

  it('checks batch numbers, dates and counts', () => {
    expect(
      messages({
        normalHeadcount: 100,
        batches: [b(1, '2020-02-17', 5, 0, 0), b(3, '2020-02-17', 0, 0, 0), b(3, '2020-02-31', -1, 0, 0)],
      }),
    ).toEqual([
      '第2批：批次号应为2',
      '第2批：返岗人数不能为0',
      '第3批返岗日期：格式应为YYYY-MM-DD',
      '第3批重要岗位人数：应为不小于0的整数',
      '第2批返岗日期：应晚于第1批（2020-02-17）',
    ]);
    expect(messages({ normalHeadcount: 0, batches: [] })).toEqual([
      '正常用工人数：应为不小于1的整数',
      '分批返岗计划：至少一批',
    ]);
    expect(messages(plan, '2020-02-18')).toEqual(['第1批返岗日期：不得早于申报日期（2020-02-18）']);
    expect(messages(plan, '2020-02-17')).toEqual([]); // boundary: same day
  });

  it('staff from key areas need 14 days of observation first (003:L482, L739) and should come later (L481)', () => {
    const p = { normalHeadcount: 100, batches: [b(1, '2020-02-17', 10, 0, 0, 2), b(2, '2020-02-24', 0, 5, 0)] };
    expect(messages(p)).toEqual(['第1批：含来自重点地区人员2人，须确认其返岗前已完成14天隔离医学观察']);
    const confirmed = {
      normalHeadcount: 100,
      batches: [b(1, '2020-02-17', 10, 0, 0, 2, true), b(2, '2020-02-24', 0, 5, 0)],
    };
    const r = validatePlan(confirmed);
    expect(r.ok).toBe(true);
    expect(r.warnings.map((w) => w.message)).toEqual(['第1批：疫情高发地区人员宜适当延期返岗，建议安排在后续批次']);
    expect(messages({ normalHeadcount: 100, batches: [b(1, '2020-02-17', 1, 0, 0, 2, true)] })).toEqual([
      '第1批来自重点地区人数：不得超过本批返岗人数1人',
    ]);
  });

  it('no "四类人员" in any batch (003:L276)', () => {
    expect(messages({ ...plan, fourCategoryPersonsScheduled: 1 })).toEqual([
      '返岗名单含“四类人员”1人：确诊、疑似、密切接触者和发热留观人员须隔离、救治，不得安排返岗',
    ]);
    expect(messages({ ...plan, fourCategoryPersonsScheduled: 0 })).toEqual([]);
  });

  it('answers which batch and how many are planned back on a date', () => {
    expect(batchOn(plan, '2020-02-16')).toBeUndefined();
    expect(batchOn(plan, '2020-02-24')?.batchNo).toBe(2);
    expect(plannedBackOn(plan, '2020-02-24')).toBe(70);
    expect(plannedBackOn(plan, '2020-03-02')).toBe(110);
  });
});
