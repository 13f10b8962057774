import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/app-fixture.ts';
import { PLACES, createTestApp } from '../support/app-fixture.ts';
import { testDialects } from '../support/databases.ts';

describe.each(testDialects())('regions, grids and departments on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t.close());

  it('loads the GB/T 2260 tree of Jiangxi with Nanchang’s nine county-level units and its zones', async () => {
    const s = await t.login('admin');
    const nanchang = (await s.get('/api/regions?parent=3601')).json().items;
    expect(nanchang.map((r: { name: string }) => r.name)).toEqual([
      '东湖区',
      '西湖区',
      '青云谱区',
      '青山湖区',
      '新建区',
      '红谷滩区',
      '南昌县',
      '安义县',
      '进贤县',
    ]);
    const zones = (await s.get('/api/regions/zones')).json().items.map((z: { name: string }) => z.name);
    expect(zones).toEqual(
      expect.arrayContaining([
        '南昌高新技术产业开发区',
        '南昌经济技术开发区',
        '小蓝经济技术开发区',
        '南昌临空经济区',
        '湾里管理局',
      ]),
    );
    const zoneTownships = (await s.get(`/api/regions?parent=${PLACES.zone}`)).json().items;
    expect(zoneTownships.map((r: { code: string }) => r.code)).toContain(PLACES.township);
    const detail = (await s.get(`/api/regions/${PLACES.township}`)).json();
    expect(detail.ancestors.map((r: { code: string }) => r.code)).toEqual(['36', '3601', '360111']);
    expect(detail.zoneName).toBe('南昌高新技术产业开发区');
  });

  it('starts a county user at its own county and hides the rest', async () => {
    const s = await t.login('dept.qsh');
    const top = (await s.get('/api/regions')).json().items;
    expect(top.every((r: { code: string }) => r.code.startsWith('360111'))).toBe(true);
    expect((await s.get('/api/regions?parent=360102')).statusCode).toBe(404);
    expect((await s.get('/api/regions/360102002')).statusCode).toBe(404);
  });

  it('creates grids under a township and buildings under a grid, numbered by the code pattern', async () => {
    const s = await t.login('dept.qsh');
    const grid = await s.post('/api/regions', { parentCode: PLACES.otherTownship, level: 'grid', name: '幸福网格' });
    expect(grid.statusCode).toBe(201);
    expect(grid.json()).toMatchObject({
      code: `${PLACES.otherTownship}000001`,
      level: 'grid',
      parentCode: PLACES.otherTownship,
    });
    const building = await s.post('/api/regions', { parentCode: grid.json().code, level: 'building', name: '1 号楼' });
    expect(building.json().code).toBe(`${PLACES.otherTownship}000001001`);
    const dupe = await s.post('/api/regions', { parentCode: PLACES.otherTownship, level: 'grid', name: '幸福网格' });
    expect(dupe.statusCode).toBe(400);
    expect(dupe.json().detail).toBe('名称：“幸福网格”在该区域下已存在');
    const wrongParent = await s.post('/api/regions', {
      parentCode: PLACES.otherTownship,
      level: 'building',
      name: '2 号楼',
    });
    expect(wrongParent.json().detail).toBe('上级区域：楼栋只能建在网格下');
    const outside = await s.post('/api/regions', {
      parentCode: PLACES.otherCountyTownship,
      level: 'grid',
      name: '越权网格',
    });
    expect(outside.statusCode).toBe(403);
    const renamed = await s.patch(`/api/regions/${grid.json().code}`, { name: '和谐网格' });
    expect(renamed.json().name).toBe('和谐网格');
    expect((await s.patch(`/api/regions/${PLACES.otherTownship}`, { name: '改名' })).statusCode).toBe(403);
  });

  it('lists the configurable departments at city and county level', async () => {
    const s = await t.login('dept.qsh');
    const qsh = (await s.get('/api/departments?regionCode=360111')).json().items;
    expect(qsh.map((d: { shortName: string }) => d.shortName)).toEqual(
      expect.arrayContaining(['青山湖区工信', '青山湖区发改', '青山湖区市场监管', '青山湖区疾控']),
    );
    const admin = await t.login('admin');
    const created = await admin.post('/api/departments', {
      kind: 'xfj',
      name: '青山湖区信访局',
      shortName: '青山湖区信访',
      regionCode: '360111',
    });
    expect(created.statusCode).toBe(201);
    const clash = await admin.post('/api/departments', {
      kind: 'xfj',
      name: '重复',
      shortName: '重复',
      regionCode: '360111',
    });
    expect(clash.statusCode).toBe(409);
    const off = await admin.put(`/api/departments/${created.json().id}`, {
      kind: 'xfj',
      name: '青山湖区信访局',
      shortName: '青山湖区信访',
      regionCode: '360111',
      active: false,
    });
    expect(off.json().active).toBe(false);
  });
});
