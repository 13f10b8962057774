import { describe, expect, it } from 'vitest';
import type { ConditionItem } from './conditions.ts';
import {
  NotOnPublishedListError,
  assertOnPublishedList,
  composeList,
  findOffListRequests,
  listForLevel,
  listFromTemplate,
  publishList,
  publishNewVersion,
  validateSelfAssessment,
  versionInForce,
} from './conditions.ts';
import { c003 } from './citations.ts';
import {
  BUILT_IN_TEMPLATES,
  DORMITORY_NUMBERS,
  FIVE_IN_PLACE,
  FIVE_NO_START,
  JIANGXI_GATE,
  SIX_MUSTS,
  TEN_ONES,
  WORKPLACE_GUIDE,
} from './templates/index.ts';
import { fullAnswers, publishedList } from './test-fixtures.ts';

describe('built-in templates', () => {
  it('六个必须 has six items and 五个到位 five (004:L6)', () => {
    expect(SIX_MUSTS.items).toHaveLength(6);
    expect(FIVE_IN_PLACE.items).toHaveLength(5);
    expect(SIX_MUSTS.items.every((i) => i.source.ref === '004_2c36a8800a7abca8.txt:L6')).toBe(true);
    expect(SIX_MUSTS.items.find((i) => i.id === 'six-musts:plans')?.kind).toBe('material');
  });

  it('五不开工 has five items (004:L21) and 十个一 ten checkpoint items (001:L19)', () => {
    expect(FIVE_NO_START.items.map((i) => i.source.quote)).toEqual([
      '认识不到位不开工',
      '员工排查不到位不开工',
      '防疫物质不到位不开工',
      '场地消杀不到位不开工',
      '疫情防控不到位不开工',
    ]);
    expect(TEN_ONES.items).toHaveLength(10);
    expect(TEN_ONES.subject).toBe('checkpoint');
    expect(TEN_ONES.items.map((i) => i.text).join('、')).toBe(
      '一面党旗、一套机制、一名负责人、一支队伍、一个工作群、一把测温枪、一张登记表、一份告知书、一瓶消毒液、一盏明灯',
    );
  });

  it('the workplace guide has one item per clause (一)…(十六), lines 61–79 without the section headings', () => {
    expect(WORKPLACE_GUIDE.items).toHaveLength(16);
    expect(WORKPLACE_GUIDE.items[0]!.text).toBe('（一）做好员工健康管理');
    expect(WORKPLACE_GUIDE.items[15]!.text).toBe('（十六）做好发现病例后的应对处置');
    expect(WORKPLACE_GUIDE.items.map((i) => Number(i.source.ref.split(':L')[1]))).toEqual([
      61, 62, 64, 65, 66, 67, 68, 69, 70, 71, 73, 74, 76, 77, 78, 79,
    ]);
  });

  it('the Jiangxi gate cites 003:L483', () => {
    expect(JIANGXI_GATE.sources[0]!.quote).toBe('疫情防控条件不具备的企业不得复工复产');
    expect(JIANGXI_GATE.items.every((i) => i.source.ref === '003_18fd0961877c4a42.txt:L483')).toBe(true);
  });

  it('every template composes into a valid list', () => {
    for (const t of BUILT_IN_TEMPLATES) expect(() => listFromTemplate(t, `tpl-${t.templateId}`)).not.toThrow();
    const ids = BUILT_IN_TEMPLATES.flatMap((t) => t.items.map((i) => i.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('cannot mix checkpoint and enterprise templates', () => {
    const r = composeList({
      listId: 'x',
      title: 'x',
      riskLevels: ['low'],
      jurisdiction: '江西省',
      templates: [SIX_MUSTS, TEN_ONES],
    });
    expect(r).toEqual({ ok: false, errors: ['模板：企业清单与卡点清单不能混合'] });
  });
});

describe('validateSelfAssessment', () => {
  const list = publishedList();

  it('passes when every required condition is met', () => {
    const r = validateSelfAssessment(list, fullAnswers(list));
    expect(r).toMatchObject({ complete: true, passed: true, issues: [] });
  });

  it('reports every problem at once, per item, in Chinese', () => {
    const answers = { ...fullAnswers(list) };
    delete (answers as Record<string, unknown>)['jx-gate:ventilation'];
    const r = validateSelfAssessment(list, {
      ...answers,
      'jx-gate:isolation': { kind: 'yes_no', value: false },
      'six-musts:plans': { kind: 'material', attachments: [] },
      'six-musts:safety-check': { kind: 'number', value: 1 },
      'health-certificate': { kind: 'yes_no', value: true },
    });
    expect(r.passed).toBe(false);
    expect(r.complete).toBe(false);
    expect(r.unmetItemIds).toEqual(['jx-gate:isolation']);
    expect(r.issues.map((i) => i.message)).toEqual([
      '「health-certificate」：不在已公布的清单中，不得填报或索要',
      '「落实隔离场所（无条件独立设立的，已落实属地提供的集中隔离场所）」：未具备，防控条件不具备的企业不得复工复产',
      '「保障通风」：请作答',
      '「制定企业疫情防控工作方案和复工生产实施方案」：请上传材料',
      '「对生产设施设备进行安全检查」：答案类型应为是否具备',
    ]);
  });

  it('commitment mode may defer materials', () => {
    const answers = { ...fullAnswers(list) };
    delete (answers as Record<string, unknown>)['six-musts:plans'];
    expect(validateSelfAssessment(list, answers).passed).toBe(false);
    expect(validateSelfAssessment(list, answers, { materialsDeferred: true }).passed).toBe(true);
  });

  it('checks numbers against the seed figures: ≤6 per room, ≥2.5 m², 2 checks a day (003:L68, L61)', () => {
    const dorm = publishList(listFromTemplate(DORMITORY_NUMBERS, 'dorm'), '2020-02-21');
    if (!dorm.ok) throw new Error(dorm.errors.join());
    const check = (id: string, value: number) => validateSelfAssessment(dorm.list, { [id]: { kind: 'number', value } });
    expect(check('dormitory:persons-per-room', 6).passed).toBe(true); // boundary
    expect(check('dormitory:persons-per-room', 7).issues[0]!.message).toBe(
      '「集体宿舍每间最多居住人数」：应不超过6人（填报7人）',
    );
    expect(check('dormitory:persons-per-room', 5.5).issues[0]!.message).toBe('「集体宿舍每间最多居住人数」：应为整数');
    expect(check('dormitory:area-per-person', 2.5).passed).toBe(true); // boundary
    expect(check('dormitory:area-per-person', 2.4).issues[0]!.message).toBe(
      '「集体宿舍人均居住面积」：应不少于2.5平方米（填报2.4平方米）',
    );
    expect(check('dormitory:area-per-person', 3.25).issues[0]!.message).toBe(
      '「集体宿舍人均居住面积」：最多保留1位小数',
    );
    expect(check('dormitory:temperature-checks', 2).passed).toBe(true);
    expect(check('dormitory:temperature-checks', 1).passed).toBe(false);
    // Optional items: an enterprise without dormitories leaves them blank.
    expect(validateSelfAssessment(dorm.list, {}).passed).toBe(true);
  });
});

describe('versions', () => {
  const v1 = publishedList();
  const extra: ConditionItem = {
    id: 'extra:dorm-density',
    text: '集体宿舍每间不超过6人',
    kind: 'yes_no',
    required: true,
    source: c003(68, '员工集体宿舍原则上每间不超过6人'),
  };

  it('publishNewVersion keeps the old version immutable', () => {
    const r = publishNewVersion(
      v1,
      { add: [extra], remove: ['six-musts:materials-stock'], update: [{ id: 'jx-gate:ventilation', required: false }] },
      '2020-02-20',
    );
    if (!r.ok) throw new Error(r.errors.join());
    expect(r.list.version).toBe(2);
    expect(r.list.items.some((i) => i.id === 'extra:dorm-density')).toBe(true);
    expect(r.list.items.some((i) => i.id === 'six-musts:materials-stock')).toBe(false);
    expect(r.list.items.find((i) => i.id === 'jx-gate:ventilation')?.required).toBe(false);
    // v1 unchanged and frozen.
    expect(v1.version).toBe(1);
    expect(v1.items.some((i) => i.id === 'six-musts:materials-stock')).toBe(true);
    expect(v1.items.find((i) => i.id === 'jx-gate:ventilation')?.required).toBe(true);
    expect(Object.isFrozen(v1)).toBe(true);
    expect(Object.isFrozen(v1.items[0])).toBe(true);
    expect(() => {
      (v1.items as ConditionItem[]).push(extra);
    }).toThrow();
    // Version in force by date.
    expect(versionInForce([v1, r.list], v1.listId, '2020-02-19')?.version).toBe(1);
    expect(versionInForce([v1, r.list], v1.listId, '2020-02-20')?.version).toBe(2);
    expect(listForLevel([v1, r.list], 'high', '2020-02-21')?.version).toBe(2);
    expect(listForLevel([v1, r.list], 'low', '2020-02-21')).toBeUndefined();
  });

  it('rejects reused ids, unknown ids, earlier dates, deposits and empty changes', () => {
    const r = publishNewVersion(
      v1,
      {
        add: [
          { ...extra, id: 'jx-gate:supplies' },
          { ...extra, id: 'extra:deposit', text: '缴纳复工复产保证金' },
        ],
        remove: ['nope'],
      },
      '2020-02-01',
    );
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors).toEqual(
      expect.arrayContaining([
        '公布日期：不得早于上一版的公布日期（2020-02-08）',
        '删除事项：清单中没有「nope」',
        '新增事项：编号「jx-gate:supplies」已被使用，不得复用',
        '清单事项「缴纳复工复产保证金」：严禁向企业收取复工复产保证金',
      ]),
    );
    expect(publishNewVersion(v1, {}, '2020-02-20')).toEqual({
      ok: false,
      errors: ['修改内容：没有任何变化，无需发布新版本'],
    });
    expect(publishList(v1, '2020-02-09').ok).toBe(false);
  });
});

describe('nothing outside the published list (003:L26)', () => {
  const list = publishedList();

  it('accepts items on the list and the procedure documents', () => {
    expect(() => assertOnPublishedList(list, ['jx-gate:supplies', 'doc:plan', 'doc:commitment_letter'])).not.toThrow();
    expect(findOffListRequests(list, ['six-musts:plans'])).toEqual([]);
  });

  it('rejects anything else with a Chinese message', () => {
    expect(() => assertOnPublishedList(list, ['health-certificate-of-every-worker'])).toThrow(NotOnPublishedListError);
    let err: unknown;
    try {
      assertOnPublishedList(list, ['health-certificate-of-every-worker', 'deposit']);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(NotOnPublishedListError);
    {
      expect((err as NotOnPublishedListError).requests.map((r) => r.message)).toEqual([
        '「health-certificate-of-every-worker」：不在已公布的《江西省中高风险地区企业复工复产条件清单》（第1版）中，清单之外一律不得索要',
        '「deposit」：严禁向企业收取复工复产保证金',
      ]);
    }
  });

  it('a draft list authorises nothing', () => {
    const draft = composeList({
      listId: 'd',
      title: '草稿清单',
      riskLevels: ['high'],
      jurisdiction: '江西省',
      templates: [JIANGXI_GATE],
    });
    if (!draft.ok) throw new Error();
    expect(findOffListRequests(draft.list, ['jx-gate:supplies'])[0]!.message).toContain('尚未公布');
  });
});
