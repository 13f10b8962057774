/**
 * Registry list-and-filter latency over 1,000,000 enterprises (issue 2: p95 < 100 ms for a filtered first page),
 * through the same service the API calls, with each role's scope, on SQLite and PostgreSQL.
 * Run: npm run bench registry-list   (BENCH_SIZE=100000 for a quicker run)
 */
import pg from 'pg';
import type { SessionUser } from '../src/server/access/session-user.ts';
import { searchEnterprises } from '../src/server/registry/enterprise.service.ts';
import type { EnterpriseFilter } from '../src/server/registry/enterprise.store.ts';
import { benchContext } from './support/app-context.ts';
import { PG_URL, openBenchRegistry } from './support/registry-data.ts';
import { ms, timeRuns } from './support/stats.ts';

const SIZE = Number(process.env.BENCH_SIZE ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 60);

const user = (role: SessionUser['role'], regionCode: string | null): SessionUser => ({
  id: 1,
  username: 'bench',
  displayName: 'bench',
  role,
  regionCode,
  departmentId: null,
  enterpriseId: null,
  bankId: null,
  mustChangePassword: false,
});

const COUNTIES = ['360102', '360103', '360104', '360111', '360112', '360113', '360121', '360123', '360124'];
const SECTIONS = ['C', 'F', 'I', 'E', 'G', 'L'];
const SIZES = ['micro', 'small', 'medium', 'large'] as const;
let TOWNSHIPS: string[] = [];
/** Four characters from the middle of real names in the data set (字号 + 行业), as people type them. */
let NAME_WORDS: string[] = [];

interface Case {
  name: string;
  who: (i: number) => SessionUser;
  filter: (i: number) => EnterpriseFilter;
  page?: number;
}

const CASES: Case[] = [
  { name: '县级用户 首页（本县全部）', who: (i) => user('dept', COUNTIES[i % 9]!), filter: () => ({}) },
  {
    name: '县级用户 + 行业门类',
    who: (i) => user('dept', COUNTIES[i % 9]!),
    filter: (i) => ({ industrySection: SECTIONS[i % SECTIONS.length] }),
  },
  {
    name: '县级用户 + 企业规模',
    who: (i) => user('dept', COUNTIES[i % 9]!),
    filter: (i) => ({ sizeClass: SIZES[i % 4] }),
  },
  {
    name: '县级用户 + 规上工业',
    who: (i) => user('dept', COUNTIES[i % 9]!),
    filter: () => ({ flag: 'aboveScaleIndustry' }),
  },
  {
    name: '市级用户 + 乡镇',
    who: () => user('leader', '3601'),
    filter: (i) => ({ regionCode: TOWNSHIPS[i % TOWNSHIPS.length] }),
  },
  { name: '市级用户 + 功能区', who: () => user('leader', '3601'), filter: () => ({ regionCode: 'Z360101' }) },
  {
    name: '市级用户 + 行业门类',
    who: () => user('leader', '3601'),
    filter: (i) => ({ industrySection: SECTIONS[i % SECTIONS.length] }),
  },
  { name: '市级用户 + 企业规模', who: () => user('leader', '3601'), filter: (i) => ({ sizeClass: SIZES[i % 4] }) },
  {
    name: '市级用户 + 规上工业 + 行业',
    who: () => user('leader', '3601'),
    filter: () => ({ flag: 'aboveScaleIndustry', industrySection: 'C' }),
  },
  {
    name: '管理员 + 防疫物资生产（全市）',
    who: () => user('admin', null),
    filter: () => ({ flag: 'epidemicSupplies' }),
  },
  { name: '管理员 + 信用代码前缀', who: () => user('admin', null), filter: (i) => ({ q: `913601${String(i % 10)}` }) },
  {
    name: '县级用户 + 名称关键字（2 字，扫描）',
    who: (i) => user('dept', COUNTIES[i % 9]!),
    filter: (i) => ({ q: ['科技', '商贸', '食品', '物流'][i % 4] }),
  },
  {
    name: '县级用户 + 名称关键字（4 字，三元组索引）',
    who: (i) => user('dept', COUNTIES[i % 9]!),
    filter: (i) => ({ q: NAME_WORDS[i % NAME_WORDS.length] }),
  },
  {
    name: '市级用户 + 名称关键字（4 字，三元组索引）',
    who: () => user('leader', '3601'),
    filter: (i) => ({ q: NAME_WORDS[i % NAME_WORDS.length] }),
  },
  { name: '县级用户 第 50 页', who: (i) => user('dept', COUNTIES[i % 9]!), filter: () => ({}), page: 50 },
];

async function pgReachable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

async function run(dialect: 'sqlite' | 'postgres') {
  const t0 = performance.now();
  const registry = await openBenchRegistry(dialect, SIZE);
  if (registry.built) console.log(`  生成用时 ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const app = await benchContext(registry.db);
  const sample = await registry.db.kysely.selectFrom('enterprises').select('name').where('id', '<=', 50).execute();
  NAME_WORDS = sample.map((r) => [...r.name].slice(2, 6).join(''));
  TOWNSHIPS = [...app.regions.all()].filter((r) => r.level === 'township' && r.city_code === '3601').map((r) => r.code);
  console.log(
    `\n${dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}：${registry.enterprises.toLocaleString()} 家企业，每项 ${RUNS} 次，首页 20 条 + 总数`,
  );
  console.log('| 查询 | p50 | p95 | 最大 | 命中总数（示例） |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const c of CASES) {
    let total = 0;
    const r = await timeRuns(RUNS, async (i) => {
      const res = await searchEnterprises(app, c.who(i), c.filter(i), { page: c.page ?? 1, pageSize: 20 });
      total = res.total;
    });
    console.log(`| ${c.name} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.max)} | ${total.toLocaleString()} |`);
  }
  await registry.db.close();
}

await run('sqlite');
if (await pgReachable()) await run('postgres');
else console.log('\nPostgreSQL 不可达，跳过');
