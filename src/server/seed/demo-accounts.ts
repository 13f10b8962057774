import type { Role } from '../db/schema.ts';

/**
 * The demo accounts listed in the README. Same password for all; they exist only in demo data
 * (SEED_DEMO=0 turns demo data off) and a real deployment creates its own users.
 */
export const DEMO_PASSWORD = 'Demo@2020';

export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  /** How the seed finds the account's scope. */
  scope:
    | { kind: 'none' }
    | { kind: 'region'; code: string }
    | { kind: 'department'; departmentKind: string; regionCode: string }
    | { kind: 'enterprise'; which: 'first-in-hightech' | 'first-in-donghu' | 'resumption-approval' }
    | { kind: 'bank'; code: string };
  sees: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    username: 'admin',
    displayName: '系统管理员',
    role: 'admin',
    scope: { kind: 'none' },
    sees: '全部数据、用户、审计日志',
  },
  {
    username: 'leader',
    displayName: '市指挥部 王指挥',
    role: 'leader',
    scope: { kind: 'region', code: '3601' },
    sees: '南昌市全部企业（只读）和区域',
  },
  {
    username: 'gxq.leader',
    displayName: '高新区指挥部 刘主任',
    role: 'leader',
    scope: { kind: 'region', code: 'Z360101' },
    sees: '南昌高新区的企业',
  },
  {
    username: 'gxj.city',
    displayName: '市工信局 李审核',
    role: 'dept',
    scope: { kind: 'department', departmentKind: 'gxj', regionCode: '3601' },
    sees: '南昌市全部企业，可登记、修改、导入、导出',
  },
  {
    username: 'gxj.qsh',
    displayName: '青山湖区工信局 赵审核',
    role: 'dept',
    scope: { kind: 'department', departmentKind: 'gxj', regionCode: '360111' },
    sees: '只看青山湖区的企业（县级用户）',
  },
  {
    username: 'rsj.city',
    displayName: '市人社局 陈审核',
    role: 'dept',
    scope: { kind: 'department', departmentKind: 'rsj', regionCode: '3601' },
    sees: '南昌市全部企业',
  },
  {
    username: 'cdc',
    displayName: '市疾控中心 周医生',
    role: 'cdc',
    scope: { kind: 'region', code: '3601' },
    sees: '南昌市全部企业（防疫）',
  },
  {
    username: 'cdc2',
    displayName: '市疾控中心 钟医生',
    role: 'cdc',
    scope: { kind: 'region', code: '3601' },
    sees: '南昌市全部企业（防疫；人工研判的第二名复核人）',
  },
  {
    username: 'grid',
    displayName: '网格员 吴网格',
    role: 'grid',
    scope: { kind: 'region', code: '360111490' },
    sees: '所在乡镇（高新区）的企业和包保企业',
  },
  {
    username: 'ent',
    displayName: '企业管理员 孙经理',
    role: 'ent_admin',
    scope: { kind: 'enterprise', which: 'first-in-hightech' },
    sees: '本企业档案',
  },
  {
    username: 'ent.dh',
    displayName: '企业管理员 钱经理',
    role: 'ent_admin',
    scope: { kind: 'enterprise', which: 'first-in-donghu' },
    sees: '本企业档案（东湖区）',
  },
  {
    username: 'ent.gxq',
    displayName: '企业管理员 郑厂长',
    role: 'ent_admin',
    // Set by the 复工复产 demo seed: an electronics-type firm in the grid officer's township, medium risk, 审批.
    scope: { kind: 'enterprise', which: 'resumption-approval' },
    sees: '本企业档案和复工申请（高新区，中风险，复工审批）',
  },
  {
    username: 'emp',
    displayName: '员工 郑小明',
    role: 'employee',
    scope: { kind: 'enterprise', which: 'first-in-hightech' },
    sees: '本人健康申报和通行证（手机）',
  },
  {
    username: 'bank',
    displayName: '江西银行 冯经理',
    role: 'bank',
    scope: { kind: 'bank', code: 'JXB' },
    sees: '推送给本行的融资需求',
  },
];

export const DEMO_BANKS = [
  { code: 'JXB', name: '江西银行', kind: 'bank' as const },
  { code: 'ICBC-NC', name: '中国工商银行南昌分行', kind: 'bank' as const },
  { code: 'CCB-JX', name: '中国建设银行江西省分行', kind: 'bank' as const },
  { code: 'BOC-JX', name: '中国银行江西省分行', kind: 'bank' as const },
  { code: 'ABC-JX', name: '中国农业银行江西省分行', kind: 'bank' as const },
  { code: 'NCRCB', name: '南昌农村商业银行', kind: 'bank' as const },
  { code: 'JJB-NC', name: '九江银行南昌分行', kind: 'bank' as const },
  { code: 'JXFG', name: '江西省融资担保集团', kind: 'guarantor' as const },
  { code: 'NCFG', name: '南昌市融资担保公司', kind: 'guarantor' as const },
];
