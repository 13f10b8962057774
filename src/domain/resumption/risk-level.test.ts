import { describe, expect, it } from 'vitest';
import type { RiskLevelHistory } from './risk-level.ts';
import {
  CLOSURE_SECTOR_LABELS,
  DEFAULT_CLOSURE_RULES,
  GREEN_CHANNEL_CATEGORIES,
  RISK_LEVELS,
  areaHistory,
  levelAsOf,
  levelsAsOf,
  parseRiskLevel,
  resumptionMode,
  setRiskLevel,
  validateApprovalList,
} from './risk-level.ts';
import { approvalList, command, enterpriseActor } from './test-fixtures.ts';

const base = {
  provinceModes: { medium: 'filing', high: 'approval' } as const,
  enterpriseCategories: [],
  sector: 'manufacturing',
  approvalList,
};

describe('risk levels', () => {
  it('has three levels with Chinese labels and map colours', () => {
    expect(RISK_LEVELS.map((l) => [l.code, l.label, l.shortLabel])).toEqual([
      ['low', '低风险', '低'],
      ['medium', '中风险', '中'],
      ['high', '高风险', '高'],
    ]);
    expect(new Set(RISK_LEVELS.map((l) => l.color)).size).toBe(3);
    expect(parseRiskLevel('中')).toBe('medium');
    expect(parseRiskLevel('高风险')).toBe('high');
    expect(parseRiskLevel('极高')).toBeUndefined();
  });

  it('keeps a dated history per area and answers levelAsOf', () => {
    let h: RiskLevelHistory = [];
    const set = (
      id: string,
      areaCode: string,
      level: 'low' | 'medium' | 'high',
      effectiveFrom: string,
      now: string,
    ) => {
      const r = setRiskLevel(
        h,
        {
          id,
          areaCode,
          areaKind: /^\d{6}$/.test(areaCode) ? 'county' : 'functional_zone',
          level,
          effectiveFrom,
          basis: '指挥部公告',
        },
        command,
        now,
      );
      if (!r.ok) throw new Error(r.error);
      h = r.history;
      return r;
    };
    set('s1', '360111', 'high', '2020-02-01', '2020-01-31T20:00:00+08:00');
    const r2 = set('s2', '360111', 'medium', '2020-02-15', '2020-02-14T18:00:00+08:00');
    set('s3', '360111', 'low', '2020-03-01', '2020-02-28T18:00:00+08:00');
    set('z1', 'NCGX', 'low', '2020-02-20', '2020-02-19T09:00:00+08:00');
    expect(r2.event.message).toContain('由高风险调整为中风险');
    expect(levelAsOf(h, '360111', '2020-01-31')).toBeUndefined();
    expect(levelAsOf(h, '360111', '2020-02-01')).toBe('high'); // boundary: first day
    expect(levelAsOf(h, '360111', '2020-02-14')).toBe('high');
    expect(levelAsOf(h, '360111', '2020-02-15')).toBe('medium');
    expect(levelAsOf(h, '360111', '2020-03-10')).toBe('low');
    expect(levelAsOf(h, 'NCGX', '2020-02-20')).toBe('low');
    expect(levelAsOf(h, '360102', '2020-02-20')).toBeUndefined();
    expect(areaHistory(h, '360111').map((s) => s.id)).toEqual(['s1', 's2', 's3']);
    expect([...levelsAsOf(h, '2020-02-20').entries()].map(([k, v]) => [k, v.level])).toEqual([
      ['360111', 'medium'],
      ['NCGX', 'low'],
    ]);
  });

  it('a later correction for the same effective date wins', () => {
    const a = setRiskLevel(
      [],
      { id: 'a', areaCode: '360111', areaKind: 'county', level: 'high', effectiveFrom: '2020-02-15', basis: '公告' },
      command,
      '2020-02-14T09:00:00+08:00',
    );
    if (!a.ok) throw new Error(a.error);
    const b = setRiskLevel(
      a.history,
      { id: 'b', areaCode: '360111', areaKind: 'county', level: 'medium', effectiveFrom: '2020-02-15', basis: '更正' },
      command,
      '2020-02-14T10:00:00+08:00',
    );
    if (!b.ok) throw new Error(b.error);
    expect(levelAsOf(b.history, '360111', '2020-02-15')).toBe('medium');
    expect(a.history).toHaveLength(1); // old history untouched
  });

  it('rejects bad settings with Chinese messages naming the field', () => {
    const input = {
      id: 'x',
      areaCode: '360111',
      areaKind: 'county' as const,
      level: 'low' as const,
      effectiveFrom: '2020-02-15',
      basis: '公告',
    };
    expect(setRiskLevel([], input, enterpriseActor, '2020-02-14T09:00:00+08:00')).toEqual({
      ok: false,
      error: '风险等级：只有指挥部用户可以设定',
    });
    const past = setRiskLevel([], input, command, '2020-02-16T09:00:00+08:00');
    expect(past.ok).toBe(false);
    expect(!past.ok && past.error).toBe('生效日期：不得早于今天（2020-02-16）');
    // Boundary: today is allowed (Shanghai date of 2020-02-14T17:00Z is 2020-02-15).
    expect(setRiskLevel([], input, command, '2020-02-14T17:00:00Z').ok).toBe(true);
    const bad = setRiskLevel([], { ...input, areaCode: '3601' }, command, '2020-02-14T09:00:00+08:00');
    expect(!bad.ok && bad.error).toContain('区域代码：');
    const noBasis = setRiskLevel([], { ...input, basis: ' ' }, command, '2020-02-14T09:00:00+08:00');
    expect(!noBasis.ok && noBasis.error).toContain('依据：');
  });
});

describe('resumptionMode', () => {
  it('low risk → declare, never held back by approval or filing (003:L26)', () => {
    for (const provinceModes of [
      { medium: 'approval', high: 'approval' },
      { medium: 'filing', high: 'filing' },
    ] as const) {
      const d = resumptionMode({ ...base, provinceModes, level: 'low', sector: 'hazardous_chemicals' });
      expect(d.mode).toBe('declare');
      expect(d.sources).toContain('003_18fd0961877c4a42.txt:L26');
      expect(d.reasons.join()).toContain('低风险地区不得采取审批、备案等方式延缓开工');
    }
  });

  it('medium and high follow the province-wide mode', () => {
    expect(resumptionMode({ ...base, level: 'medium' }).mode).toBe('filing');
    expect(
      resumptionMode({ ...base, level: 'medium', provinceModes: { medium: 'commitment', high: 'approval' } }).mode,
    ).toBe('commitment');
  });

  it('approval only for sectors on the published approval list, otherwise filing', () => {
    const listed = resumptionMode({ ...base, level: 'high', sector: 'hazardous_chemicals' });
    expect(listed.mode).toBe('approval');
    expect(listed.approvalItem?.code).toBe('hazchem');
    const unlisted = resumptionMode({ ...base, level: 'high', sector: 'textiles' });
    expect(unlisted.mode).toBe('filing');
    expect(unlisted.reasons.join()).toContain('清单之外不得实施审批');
    // A draft list authorises nothing.
    const draft = resumptionMode({
      ...base,
      level: 'high',
      sector: 'hazardous_chemicals',
      approvalList: { ...approvalList, publishedOn: null },
    });
    expect(draft.mode).toBe('filing');
  });

  it('green-channel categories get the lightest mode and priority', () => {
    const d = resumptionMode({
      ...base,
      level: 'high',
      sector: 'hazardous_chemicals',
      enterpriseCategories: ['epidemic_supplies'],
    });
    expect(d).toMatchObject({
      mode: 'commitment',
      greenChannel: true,
      priority: true,
      greenChannelCategories: ['epidemic_supplies'],
    });
    expect(d.approvalItem).toBeUndefined();
    expect(d.sources).toEqual(
      expect.arrayContaining(['003_18fd0961877c4a42.txt:L486', '003_18fd0961877c4a42.txt:L395']),
    );
    // Already at the lightest medium/high mode: unchanged, still priority.
    const c = resumptionMode({
      ...base,
      level: 'medium',
      provinceModes: { medium: 'commitment', high: 'approval' },
      enterpriseCategories: ['energy'],
    });
    expect(c).toMatchObject({ mode: 'commitment', priority: true });
    // Low risk green channel: declare plus priority.
    expect(resumptionMode({ ...base, level: 'low', enterpriseCategories: ['feed'] })).toMatchObject({
      mode: 'declare',
      priority: true,
    });
    // Not a category: no green channel.
    expect(resumptionMode({ ...base, level: 'high', enterpriseCategories: ['textiles'] }).greenChannel).toBe(false);
  });

  it('lists the green-channel categories of 003:L486 and L736', () => {
    expect(GREEN_CHANNEL_CATEGORIES.map((c) => c.label)).toEqual([
      '防疫物资、医用物资生产',
      '食品等生活必需品生产',
      '能源供应',
      '交通物流',
      '城乡运行',
      '饲料生产',
      '市场流通销售',
      '春耕备耕、蔬菜和生猪生产',
      '重点企业、重大工程、重点项目',
    ]);
  });

  it('closed sectors stay closed while the rule is in force (003:L382, L736)', () => {
    const ktv = resumptionMode({ ...base, level: 'low', sector: 'ktv', regionCode: '360111', asOf: '2020-03-05' });
    expect(ktv.mode).toBe('closed');
    expect(ktv.closureRuleId).toBe('jx-2020-03-02-enclosed-venues');
    expect(ktv.sources).toEqual(['003_18fd0961877c4a42.txt:L382']);
    expect(ktv.reasons[0]).toContain('KTV暂缓开业');
    // Before the Jiangxi rule's date, KTV outside Nanchang is not closed by it.
    expect(
      resumptionMode({ ...base, level: 'low', sector: 'ktv', regionCode: '360402', asOf: '2020-03-01' }).mode,
    ).toBe('declare');
    // Museums in Nanchang: closed by the Nanchang rule; elsewhere in Jiangxi only "may defer".
    expect(resumptionMode({ ...base, level: 'medium', sector: 'museum', regionCode: '360102' }).mode).toBe('closed');
    const jiujiang = resumptionMode({
      ...base,
      level: 'medium',
      sector: 'museum',
      regionCode: '360402',
      asOf: '2020-02-20',
    });
    expect(jiujiang.mode).toBe('filing');
    expect(jiujiang.reasons.join()).toContain('不具备条件的可暂不开工营业');
    // Lifted by the command centre.
    const lifted = DEFAULT_CLOSURE_RULES.map((r) => ({ ...r, liftedOn: '2020-07-20' }));
    expect(
      resumptionMode({
        ...base,
        level: 'low',
        sector: 'ktv',
        regionCode: '360111',
        asOf: '2020-07-20',
        closureRules: lifted,
      }).mode,
    ).toBe('declare');
    expect(
      resumptionMode({
        ...base,
        level: 'low',
        sector: 'ktv',
        regionCode: '360111',
        asOf: '2020-07-19',
        closureRules: lifted,
      }).mode,
    ).toBe('closed');
    // Narrowed to medium/high: open at low.
    const narrowed = DEFAULT_CLOSURE_RULES.map((r) => ({ ...r, levels: ['medium', 'high'] as const }));
    expect(resumptionMode({ ...base, level: 'low', sector: 'internet_cafe', closureRules: narrowed }).mode).toBe(
      'declare',
    );
    expect(resumptionMode({ ...base, level: 'high', sector: 'internet_cafe', closureRules: narrowed }).mode).toBe(
      'closed',
    );
    expect(CLOSURE_SECTOR_LABELS.internet_cafe).toBe('网吧');
  });
});

describe('validateApprovalList', () => {
  it('requires procedure, materials and a time limit per item (003:L26) within 2 working days (L27)', () => {
    expect(validateApprovalList(approvalList)).toEqual([]);
    const bad = validateApprovalList({
      ...approvalList,
      items: [{ ...approvalList.items[0]!, procedure: '', materials: ['复工保证金缴纳凭证'], timeLimitWorkingDays: 3 }],
    });
    expect(bad).toEqual([
      '审批事项「危险化学品生产企业复工复产安全条件审查」办理程序：须逐项列明',
      '审批事项「危险化学品生产企业复工复产安全条件审查」申请材料：严禁收取复工复产保证金',
      '审批事项「危险化学品生产企业复工复产安全条件审查」办理时限：原则上应在2个工作日内作出答复',
    ]);
  });
});
