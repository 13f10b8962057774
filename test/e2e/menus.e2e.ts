import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserHarness } from '../support/browser.ts';
import { eventually, login, screenshot, startBrowserHarness } from '../support/browser.ts';

/** What each demo role should see in its side menu, in order. */
const MENUS: Record<string, { role: string; items: string[] }> = {
  admin: {
    role: '系统管理员',
    items: [
      '工作台',
      '企业名录',
      '惠企政策',
      '兑现申请',
      '免申即享',
      '部门共享数据',
      '兑现公示',
      '兑付记录',
      '政策测算',
      '兑现统计',
      '复工申请办理',
      '现场核查',
      '风险等级',
      '复工条件清单',
      '复工配置',
      '复工统计',
      '复工调度',
      '风险地区',
      '区域与网格',
      '部门',
      '金融机构',
      '用户',
      '审计日志',
      '通行证密钥',
    ],
  },
  leader: {
    role: '指挥部领导',
    items: [
      '工作台',
      '企业名录',
      '惠企政策',
      '兑现申请',
      '免申即享',
      '兑现公示',
      '兑付记录',
      '兑现统计',
      '复工申请办理',
      '风险等级',
      '复工条件清单',
      '复工配置',
      '复工统计',
      '复工调度',
      '员工健康日报',
      '风险地区',
      '区域与网格',
      '部门',
      '金融机构',
    ],
  },
  'gxq.leader': {
    role: '指挥部领导',
    items: [
      '工作台',
      '企业名录',
      '惠企政策',
      '兑现申请',
      '免申即享',
      '兑现公示',
      '兑付记录',
      '兑现统计',
      '复工申请办理',
      '风险等级',
      '复工条件清单',
      '复工配置',
      '复工统计',
      '复工调度',
      '员工健康日报',
      '风险地区',
      '区域与网格',
      '部门',
      '金融机构',
    ],
  },
  'gxj.city': {
    role: '部门审核人员',
    items: [
      '工作台',
      '企业名录',
      '惠企政策',
      '兑现申请',
      '免申即享',
      '部门共享数据',
      '兑现公示',
      '兑付记录',
      '政策测算',
      '兑现统计',
      '复工申请办理',
      '风险等级',
      '复工条件清单',
      '复工配置',
      '复工统计',
      '区域与网格',
      '部门',
    ],
  },
  'gxj.qsh': {
    role: '部门审核人员',
    items: [
      '工作台',
      '企业名录',
      '惠企政策',
      '兑现申请',
      '免申即享',
      '部门共享数据',
      '兑现公示',
      '兑付记录',
      '政策测算',
      '兑现统计',
      '复工申请办理',
      '风险等级',
      '复工条件清单',
      '复工配置',
      '复工统计',
      '区域与网格',
      '部门',
    ],
  },
  'rsj.city': {
    role: '部门审核人员',
    items: [
      '工作台',
      '企业名录',
      '惠企政策',
      '兑现申请',
      '免申即享',
      '部门共享数据',
      '兑现公示',
      '兑付记录',
      '政策测算',
      '兑现统计',
      '复工申请办理',
      '风险等级',
      '复工条件清单',
      '复工配置',
      '复工统计',
      '区域与网格',
      '部门',
    ],
  },
  cdc: {
    role: '疾控人员',
    items: [
      '工作台',
      '企业名录',
      '惠企政策',
      '风险等级',
      '复工条件清单',
      '复工配置',
      '复工统计',
      '员工健康档案',
      '今日未申报',
      '异常情况处置',
      '员工健康日报',
      '风险地区',
      '人工研判',
      '申诉处理',
      '区域与网格',
      '部门',
      '卡口核验',
    ],
  },
  cdc2: {
    role: '疾控人员',
    items: [
      '工作台',
      '企业名录',
      '惠企政策',
      '风险等级',
      '复工条件清单',
      '复工配置',
      '复工统计',
      '员工健康档案',
      '今日未申报',
      '异常情况处置',
      '员工健康日报',
      '风险地区',
      '人工研判',
      '申诉处理',
      '区域与网格',
      '部门',
      '卡口核验',
    ],
  },
  grid: {
    role: '网格员/驻企联络员',
    items: [
      '工作台',
      '企业名录',
      '惠企政策',
      '现场核查',
      '风险等级',
      '复工条件清单',
      '复工配置',
      '区域与网格',
      '卡口核验',
    ],
  },
  ent: {
    role: '企业管理员',
    items: [
      '工作台',
      '本企业档案',
      '惠企政策',
      '我可享受的政策',
      '兑现申请',
      '兑现公示',
      '兑付记录',
      '复工复产',
      '风险等级',
      '复工条件清单',
      '员工健康档案',
      '今日未申报',
      '异常情况处置',
      '通行证与员工证',
      '卡口核验',
    ],
  },
  'ent.dh': {
    role: '企业管理员',
    items: [
      '工作台',
      '本企业档案',
      '惠企政策',
      '我可享受的政策',
      '兑现申请',
      '兑现公示',
      '兑付记录',
      '复工复产',
      '风险等级',
      '复工条件清单',
      '员工健康档案',
      '今日未申报',
      '异常情况处置',
      '通行证与员工证',
      '卡口核验',
    ],
  },
  'ent.gxq': {
    role: '企业管理员',
    items: [
      '工作台',
      '本企业档案',
      '惠企政策',
      '我可享受的政策',
      '兑现申请',
      '兑现公示',
      '兑付记录',
      '复工复产',
      '风险等级',
      '复工条件清单',
      '员工健康档案',
      '今日未申报',
      '异常情况处置',
      '通行证与员工证',
      '卡口核验',
    ],
  },
  bank: { role: '银行/担保机构人员', items: ['工作台', '惠企政策', '金融机构'] },
};

/** Every menu entry there is: none outside a role's list may appear for it. */
const ALL_ITEMS = [...new Set(Object.values(MENUS).flatMap((m) => m.items))];

describe('each demo role sees its own menu', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(async () => h?.close());

  for (const [username, expected] of Object.entries(MENUS)) {
    it(`${username}（${expected.role}）`, async () => {
      const page = await h.newPage();
      await login(page, username);
      await page.waitForURL('**/home');
      const menu = page.getByRole('menu').first();
      await eventually(() => menu.getByRole('menuitem').allInnerTexts()).toEqual(expected.items);
      for (const item of ALL_ITEMS.filter((i) => !expected.items.includes(i))) {
        expect(await menu.getByRole('menuitem', { name: item, exact: true }).count()).toBe(0);
      }
      await eventually(() => page.getByTestId('header-role').innerText()).toBe(expected.role);
      await eventually(() => page.getByTestId('home-role').innerText()).toBe(expected.role);
      await screenshot(page, `home-${username}`);
      await page.context().close();
    });
  }

  it('emp（企业员工）gets the phone page with name, enterprise and role, and no menu', async () => {
    const page = await h.newPage();
    await login(page, 'emp');
    await page.waitForURL('**/me');
    await eventually(() => page.getByTestId('employee-name').innerText()).toBe('员工 郑小明');
    await eventually(() => page.getByTestId('employee-role').innerText()).toBe('企业员工');
    await eventually(() => page.getByTestId('employee-enterprise').innerText()).not.toBe('');
    expect(await page.getByRole('menu').count()).toBe(0);
    await screenshot(page, 'home-emp');
    await page.context().close();
  });

  it('a page outside the role answers 403, an unknown address 404', async () => {
    const page = await h.newPage();
    await login(page, 'grid');
    await page.goto('/users');
    await eventually(() => page.getByText('您没有访问此页面的权限').count()).toBe(1);
    await page.goto('/no-such-page');
    await eventually(() => page.getByText('您访问的页面不存在').count()).toBe(1);
    await page.context().close();
  });

  it('no page threw a JavaScript error', () => {
    expect(h.pageErrors).toEqual([]);
  });
});
