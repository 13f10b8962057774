import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src/domain/demo/random.ts';
import { fakeCreditCode } from '../../src/domain/demo/identifiers.ts';
import type { TestApp } from '../support/app-fixture.ts';
import { PLACES, createTestApp } from '../support/app-fixture.ts';
import { testDialects } from '../support/databases.ts';

const rng = createRng('enterprise-api-test');

function newEnterprise(overrides: Record<string, unknown> = {}) {
  return {
    creditCode: fakeCreditCode(rng, '360111'),
    name: '南昌测试新登记科技有限公司',
    legalRep: '王测试',
    contactName: '赵测试',
    contactPhone: '15400000009',
    address: '南昌市青山湖区测试路 9 号',
    regionCode: PLACES.otherTownship,
    industryCode: '65',
    employees: 50,
    revenueFen: 80_000_000_00,
    assetsFen: 30_000_000_00,
    flags: { chainCore: true },
    ...overrides,
  };
}

describe.each(testDialects())('enterprise registry API on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t.close());

  it('lists only the enterprises inside the caller’s scope', async () => {
    const { a, b, c } = t.fixture.enterprises;
    const idsFor = async (username: string) => {
      const s = await t.login(username);
      const res = await s.get('/api/enterprises?pageSize=100');
      expect(res.statusCode).toBe(200);
      const body = res.json() as { items: { id: number }[]; total: number };
      expect(body.total).toBe(body.items.length);
      return body.items.map((e) => e.id).sort();
    };
    expect(await idsFor('admin')).toEqual([a, b, c].sort());
    expect(await idsFor('dept.qsh')).toEqual([a, c].sort());
    expect(await idsFor('dept.dh')).toEqual([b]);
    expect(await idsFor('leader.zone')).toEqual([a]);
    expect(await idsFor('grid')).toEqual([a]);
    expect(await idsFor('ent.a')).toEqual([a]);
    expect(await idsFor('ent.b')).toEqual([b]);
    // A region filter never widens the scope: a county official asking for another county gets nothing.
    const qsh = await t.login('dept.qsh');
    expect((await qsh.get('/api/enterprises?regionCode=360102')).json()).toEqual({ items: [], total: 0 });
    expect((await qsh.get('/api/enterprises?regionCode=3601')).json().total).toBe(2);
    const bank = await t.login('bank');
    expect((await bank.get('/api/enterprises')).statusCode).toBe(403);
  });

  it('filters by name, region, size and flag, and pages', async () => {
    const s = await t.login('admin');
    const byName = (await s.get(`/api/enterprises?q=${encodeURIComponent('乙测试')}`)).json();
    expect(byName.items.map((e: { name: string }) => e.name)).toEqual(['南昌乙测试商贸有限公司']);
    const byCounty = (await s.get(`/api/enterprises?regionCode=${PLACES.county}`)).json();
    expect(byCounty.total).toBe(2);
    const byZone = (await s.get(`/api/enterprises?regionCode=${PLACES.zone}`)).json();
    expect(byZone.items.map((e: { id: number }) => e.id)).toEqual([t.fixture.enterprises.a]);
    const byFlag = (await s.get('/api/enterprises?flag=aboveScaleIndustry')).json();
    expect(byFlag.total).toBe(2);
    const paged = (await s.get('/api/enterprises?pageSize=1&page=2')).json();
    expect(paged).toMatchObject({ total: 3 });
    expect(paged.items).toHaveLength(1);
    const byLongName = (await s.get(`/api/enterprises?q=${encodeURIComponent('乙测试商贸')}`)).json();
    expect(byLongName.items.map((e: { name: string }) => e.name)).toEqual(['南昌乙测试商贸有限公司']);
    const renamed = await s.patch(`/api/enterprises/${t.fixture.enterprises.b}`, {
      version: 1,
      name: '南昌乙改名商贸有限公司',
    });
    expect(renamed.statusCode).toBe(200);
    expect((await s.get(`/api/enterprises?q=${encodeURIComponent('乙测试商贸')}`)).json().total).toBe(0);
    expect((await s.get(`/api/enterprises?q=${encodeURIComponent('乙改名商贸')}`)).json().total).toBe(1);
    const byCodePrefix = (
      await s.get(`/api/enterprises?q=${byName.items[0].creditCode.slice(0, 10).toLowerCase()}`)
    ).json();
    expect(byCodePrefix.items.map((e: { id: number }) => e.id)).toContain(t.fixture.enterprises.b);
    const bad = await s.get('/api/enterprises?sizeClass=huge');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('sizeClass');
    expect(bad.json().detail).toMatch(/^企业规模：取值无效/);
  });

  it('registers an enterprise, computes its size class and audits it', async () => {
    const s = await t.login('dept.qsh');
    const res = await s.post('/api/enterprises', newEnterprise());
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      countyCode: '360111',
      townshipCode: PLACES.otherTownship,
      industrySection: 'I',
      sizeClass: 'small',
      sizeClassLabel: '小型',
      flags: { chainCore: true, aboveScaleIndustry: false },
      version: 1,
    });
    const admin = await t.login('admin');
    const audit = (await admin.get(`/api/audit?objectType=enterprise&objectId=${created.id}`)).json();
    expect(audit.items[0]).toMatchObject({ action: 'enterprise.create', actorName: 'dept.qsh' });
    expect(audit.items[0].afterDigest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('names the field of every mistake in Chinese and writes nothing', async () => {
    const s = await t.login('dept.qsh');
    const before = (await s.get('/api/enterprises')).json().total;
    const badCode = await s.post('/api/enterprises', newEnterprise({ creditCode: '91360100MA35F8XQ0X' }));
    expect(badCode.statusCode).toBe(400);
    expect(badCode.json().field).toBe('creditCode');
    expect(badCode.json().detail).toMatch(/^统一社会信用代码：/);
    const many = await s.post('/api/enterprises', newEnterprise({ name: 'x', contactPhone: '123', employees: -1 }));
    expect(many.statusCode).toBe(400);
    expect(
      many
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['contactPhone', 'employees', 'name']);
    expect(many.json().detail).toContain('企业名称：至少 2 个字符');
    expect(many.json().detail).toContain('联系电话：应为手机号');
    const badIndustry = await s.post('/api/enterprises', newEnterprise({ industryCode: '00' }));
    expect(badIndustry.json()).toMatchObject({ status: 400, field: 'industryCode' });
    expect((await s.get('/api/enterprises')).json().total).toBe(before);
  });

  it('refuses a duplicate credit code and a place outside the caller’s scope', async () => {
    const s = await t.login('dept.qsh');
    const body = newEnterprise();
    expect((await s.post('/api/enterprises', body)).statusCode).toBe(201);
    const dup = await s.post('/api/enterprises', { ...body, name: '另一家测试有限公司' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ field: 'creditCode', detail: '统一社会信用代码：该企业已登记' });
    const outside = await s.post('/api/enterprises', newEnterprise({ regionCode: PLACES.otherCountyTownship }));
    expect(outside.statusCode).toBe(403);
  });

  it('replays a create with the same Idempotency-Key instead of creating twice', async () => {
    const s = await t.login('dept.qsh');
    const body = newEnterprise();
    const first = await s.post('/api/enterprises', body, { 'idempotency-key': 'create-once-1' });
    const again = await s.post('/api/enterprises', body, { 'idempotency-key': 'create-once-1' });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
    const other = await s.post('/api/enterprises', newEnterprise(), { 'idempotency-key': 'create-once-1' });
    expect(other.statusCode).toBe(422);
  });

  it('hides an enterprise outside the scope', async () => {
    const s = await t.login('dept.dh');
    const res = await s.get(`/api/enterprises/${t.fixture.enterprises.a}`);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('甲测试');
  });

  it('lets an enterprise edit its own contact details but not the government’s fields', async () => {
    const s = await t.login('ent.a');
    const id = t.fixture.enterprises.a;
    const current = (await s.get(`/api/enterprises/${id}`)).json();
    const ok = await s.patch(`/api/enterprises/${id}`, {
      version: current.version,
      contactName: '新联系人',
      employees: 1500,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      contactName: '新联系人',
      employees: 1500,
      sizeClass: 'medium',
      version: current.version + 1,
    });
    const flags = await s.patch(`/api/enterprises/${id}`, {
      version: current.version + 1,
      flags: { essentials: true },
      keyList: 'national',
    });
    expect(flags.statusCode).toBe(403);
    expect(flags.json().detail).toBe('以下信息由主管部门维护，企业不能修改：标记、重点企业名单');
    const other = await s.patch(`/api/enterprises/${t.fixture.enterprises.b}`, { version: 1, contactName: 'x' });
    expect(other.statusCode).toBe(404);
  });

  it('refuses to overwrite someone else’s newer edit', async () => {
    const s = await t.login('dept.qsh');
    const id = t.fixture.enterprises.c;
    const { version } = (await s.get(`/api/enterprises/${id}`)).json();
    expect((await s.patch(`/api/enterprises/${id}`, { version, address: '新地址 100 号' })).statusCode).toBe(200);
    const stale = await s.patch(`/api/enterprises/${id}`, { version, address: '旧版本的地址 1 号' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().detail).toBe('该企业信息已被他人修改，请刷新后重新编辑');
  });
});
