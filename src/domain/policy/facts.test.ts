import { describe, expect, it } from 'vitest';
import { ALL_RULES } from './catalogue/index.ts';
import { requiredFacts } from './evaluate.ts';
import { FACTS, FACT_BY_NAME, completeSizeClass, mergeFacts, validateFacts } from './facts.ts';

describe('facts vocabulary', () => {
  it('names are unique camelCase and every fact has a Chinese label and description', () => {
    expect(FACT_BY_NAME.size).toBe(FACTS.length);
    for (const f of FACTS) {
      expect(f.name).toMatch(/^[a-z][A-Za-z0-9]*$/);
      expect(f.label).toMatch(/[\u4e00-\u9fa5]/);
      expect(f.description.length).toBeGreaterThan(0);
    }
  });

  it('money facts are integers in fen, enums list their values, rates are percentages', () => {
    for (const f of FACTS) {
      if (f.name.endsWith('Fen')) expect([f.type, f.unit]).toEqual(['integer', '分']);
      if (f.type === 'enum') expect(f.values?.length).toBeGreaterThan(1);
      if (f.name.endsWith('Percent')) expect(f.unit).toBe('%');
    }
  });

  it('registry facts include the 一企一档 fields the engine relies on', () => {
    for (const n of [
      'sizeClass',
      'employees',
      'industryCode',
      'regionCode',
      'countyCode',
      'zoneCode',
      'isAboveScaleIndustry',
    ]) {
      expect(FACT_BY_NAME.get(n)?.source).toBe('registry');
    }
    expect(FACT_BY_NAME.get('sizeClass')?.values?.map((v) => v.label)).toEqual(['大型', '中型', '小型', '微型']);
  });

  it('every fact a catalogue rule reads is published', () => {
    const used = new Set(ALL_RULES.flatMap((r) => requiredFacts(r)));
    for (const n of used) expect(FACT_BY_NAME.has(n), n).toBe(true);
  });
});

describe('validateFacts', () => {
  it('accepts typed values and null for unknown', () => {
    const r = validateFacts({
      employees: 12,
      sizeClass: 'small',
      uiInsured: true,
      loanStartDate: '2020-03-01',
      layoffRatePercent: 5.5,
      hiresInWindow: null,
    });
    expect(r.ok).toBe(true);
    expect(r.facts).toEqual({
      employees: 12,
      sizeClass: 'small',
      uiInsured: true,
      loanStartDate: '2020-03-01',
      layoffRatePercent: 5.5,
      hiresInWindow: null,
    });
  });

  it('names the field in Chinese for each problem', () => {
    const r = validateFacts({
      employees: 1.5,
      monthlyRentFen: 100.5,
      sizeClass: 'huge',
      uiInsured: 'yes',
      loanStartDate: '2020-02-30',
      nope: 1,
      insuredEmployees: -1,
    });
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual([
      'facts.employees（在职职工人数）：应为整数',
      'facts.monthlyRentFen（月租金）：应为整数（单位：分）',
      'facts.sizeClass（企业规模）：应为以下之一：large（大型）、medium（中型）、small（小型）、micro（微型）',
      'facts.uiInsured（参加失业保险）：应为 true 或 false',
      'facts.loanStartDate（贷款发放日期）：应为日期 YYYY-MM-DD',
      'facts.nope：不是已发布的事实名称',
      'facts.insuredEmployees（参保职工人数）：不能为负数',
    ]);
    expect(r.facts).toEqual({});
  });

  it('rejects a non-object', () => {
    expect(validateFacts([1]).errors).toEqual(['facts：应为对象']);
  });
});

describe('mergeFacts', () => {
  it('takes registry facts from 一企一档 and the rest from the application, reporting conflicts', () => {
    const m = mergeFacts(
      { sizeClass: 'medium', employees: 120, regionCode: '360111', monthlyRentFen: 5 },
      { sizeClass: 'small', hiresInWindow: 3, monthlyRentFen: 7 },
    );
    expect(m.facts).toEqual({
      sizeClass: 'medium',
      employees: 120,
      regionCode: '360111',
      hiresInWindow: 3,
      monthlyRentFen: 7,
    });
    expect(m.origin).toMatchObject({
      sizeClass: 'registry',
      hiresInWindow: 'application',
      monthlyRentFen: 'application',
    });
    expect(m.conflicts).toEqual(['sizeClass（企业规模）：申请填报 small，以一企一档 medium 为准']);
  });
});

describe('completeSizeClass (工信部联企业〔2011〕300号 via the registry classifier)', () => {
  it('keeps a size class the registry already has', () => {
    expect(completeSizeClass({ sizeClass: 'large', industryCode: 'C3911' }).facts.sizeClass).toBe('large');
  });

  it('classifies an industrial firm with 50 employees and ¥15M revenue as small', () => {
    const r = completeSizeClass({ industryCode: '3911', employees: 50, revenueFen: 1_500_000_000 });
    expect(r.facts.sizeClass).toBe('small');
    expect(r.trace.length).toBeGreaterThan(0);
  });

  it('reports what is missing when it cannot classify', () => {
    expect(completeSizeClass({}).missing).toEqual(['industryCode']);
    const r = completeSizeClass({ industryCode: '3911', employees: 500 });
    expect(r.facts.sizeClass).toBeUndefined();
    expect(r.missing.length).toBeGreaterThan(0);
  });
});
