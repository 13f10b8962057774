import { expect } from 'vitest';
import type { Db } from '../../../src/server/db/database.ts';
import { residentIds } from '../../support/health-fixture.ts';
import type { MatrixModule, Target, Targets } from './types.ts';

/**
 * Workforce health: people (一人一档), anomaly cases, overrides and appeals of enterprises a (青山湖区), b (东湖区) and c
 * (青山湖区, another township); roster import batches belong to whoever uploaded them.
 */
async function addCase(db: Db, personId: number, enterpriseId: number) {
  const at = '2020-02-20T01:00:00.000Z';
  return (
    await db.kysely
      .insertInto('health_anomaly_cases')
      .values({
        person_id: personId,
        enterprise_id: enterpriseId,
        declaration_id: null,
        state: 'reported',
        source: 'declaration',
        detected_at: at,
        temperature_dc: 380,
        symptoms: '[]',
        fever: 1,
        isolation_area: null,
        facility: null,
        history: JSON.stringify([{ from: null, to: 'reported', at, actorId: 'system', role: 'system' }]),
        open: 1,
        version: 1,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

async function addOverride(db: Db, personId: number, enterpriseId: number, proposedBy: number) {
  const at = '2020-02-20T01:00:00.000Z';
  return (
    await db.kysely
      .insertInto('health_overrides')
      .values({
        person_id: personId,
        enterprise_id: enterpriseId,
        status: 'central_quarantine',
        reason_code: 'OV_EPI_CLOSE_CONTACT',
        evidence_ref: 'LD-1',
        note: null,
        proposed_by: proposedBy,
        proposed_at: at,
        expires_at: '2099-01-01T00:00:00.000Z',
        confirmed_by: null,
        confirmed_at: null,
        state: 'proposed',
        history: JSON.stringify([{ state: 'proposed', at, by: String(proposedBy) }]),
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

async function addAppeal(db: Db, personId: number, enterpriseId: number, userId: number) {
  return (
    await db.kysely
      .insertInto('health_appeals')
      .values({
        person_id: personId,
        enterprise_id: enterpriseId,
        subject: JSON.stringify({
          kind: 'status',
          ruleSetId: 'x',
          status: 'deferred',
          reasonCodes: [],
          asOf: '2020-02-20',
        }),
        text: '旅居史登记有误，请核实',
        submitted_at: '2020-02-20T01:00:00.000Z',
        submitted_by: userId,
        state: 'submitted',
        decided_by: null,
        decided_at: null,
        decision_reason: null,
        follow_up: null,
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

async function addImport(db: Db, owner: number, enterpriseId: number, name: string) {
  const batch = await db.kysely
    .insertInto('import_batches')
    .values({
      kind: 'health_roster',
      status: 'cancelled',
      file_name: name,
      total_rows: 0,
      valid_rows: 0,
      error_rows: 0,
      job_id: null,
      created_by: owner,
      created_at: '2020-02-20T01:00:00.000Z',
      confirmed_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.kysely
    .insertInto('health_roster_imports')
    .values({ batch_id: batch.id, enterprise_id: enterpriseId })
    .execute();
  return batch.id;
}

export const healthMatrix: MatrixModule = {
  async targets({ t, admin }) {
    const { a, b, c } = t.fixture.enterprises;
    const ids = residentIds('health-matrix', 3);
    const person = async (enterpriseId: number, residentId: string, name: string) => {
      const res = await admin.post('/api/health/people', { enterpriseId, residentId, name });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as number;
    };
    const pa = await person(a, ids[0]!, '矩阵健康甲');
    const pb = await person(b, ids[1]!, '矩阵健康乙');
    const pc = await person(c, ids[2]!, '矩阵健康丙');
    const target = (id: number, secret: string): Target => ({ id: String(id), secret });
    const P = { a: target(pa, '矩阵健康甲'), b: target(pb, '矩阵健康乙'), c: target(pc, '矩阵健康丙') };
    const cases = {
      a: target(await addCase(t.db, pa, a), '矩阵健康甲'),
      b: target(await addCase(t.db, pb, b), '矩阵健康乙'),
    };
    const u = t.fixture.users;
    const overrides = {
      a: target(await addOverride(t.db, pa, a, u.admin!), 'LD-1'),
      b: target(await addOverride(t.db, pb, b, u.admin!), 'LD-1'),
    };
    const appeals = {
      a: target(await addAppeal(t.db, pa, a, u['emp.a']!), '旅居史登记有误'),
      b: target(await addAppeal(t.db, pb, b, u.admin!), '旅居史登记有误'),
    };
    const imports = {
      admin: target(await addImport(t.db, u.admin!, a, 'roster-of-admin.xlsx'), 'roster-of-admin'),
      entA: target(await addImport(t.db, u['ent.a']!, a, 'roster-of-ent-a.xlsx'), 'roster-of-ent-a'),
    };
    // A register entry: only a city-level CDC user may end it, so the county CDC user of the matrix is refused.
    const area = await t.db.kysely
      .insertInto('health_risk_areas')
      .values({
        region_code: '4201',
        name: '矩阵风险地区',
        level: null,
        key_area: 1,
        local_cluster: 0,
        valid_from: '2020-01-20',
        valid_to: null,
        basis: '矩阵依据',
        created_by: null,
        created_at: '2020-01-20T01:00:00.000Z',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const none: Targets = {};
    return {
      admin: {
        person: { inside: P.b },
        anomaly: { inside: cases.b },
        health_import: { inside: imports.admin, outside: imports.entA },
      },
      'cdc.qsh': {
        person: { inside: P.a, outside: P.b },
        anomaly: { inside: cases.a, outside: cases.b },
        override: { inside: overrides.a, outside: overrides.b },
        appeal: { inside: appeals.a, outside: appeals.b },
        risk_area: { outside: target(area.id, '矩阵风险地区') },
      },
      'ent.a': {
        person: { inside: P.a, outside: P.c },
        anomaly: { inside: cases.a, outside: cases.b },
        health_import: { inside: imports.entA, outside: imports.admin },
      },
      leader: none,
    };
  },
  skip: [],
  bodies: {
    'POST /api/health/people': ({ t }) => ({
      enterpriseId: t.fixture.enterprises.a,
      residentId: residentIds('health-matrix-new', 1)[0],
      name: '矩阵新增',
    }),
    'POST /api/health/people/lookup': () => ({ residentId: residentIds('health-matrix', 1)[0] }),
    'PATCH /api/health/people/:id': () => ({ version: 1, team: '矩阵班组' }),
    'POST /api/health/people/:id/left': () => ({ on: '2020-02-21' }),
    'POST /api/health/people/:id/reveal-id': () => ({}),
    'PUT /api/health/people/:id/facts': () => ({ version: 99, facts: { travel: [] } }),
    'POST /api/health/people/:id/evaluate': () => ({}),
    'POST /api/health/people/:id/account': () => ({ username: 'matrix.health', password: 'Matrix@2020x' }),
    'POST /api/health/roster-imports': () => ({}),
    'POST /api/health/roster-imports/:id/confirm': () => ({}),
    'POST /api/health/roster-imports/:id/cancel': () => ({}),
    'POST /api/health/me/declarations': () => ({ temperatureC: 36.5, symptoms: [], location: { place: 'home' } }),
    'POST /api/health/me/appeals': () => ({ text: '旅居史登记有误，请核实' }),
    'POST /api/health/declarations': ({ t }) => ({
      personId: t.fixture.enterprises.a,
      temperatureC: 36.5,
      symptoms: [],
      location: { place: 'home' },
    }),
    'POST /api/health/declarations/batch': () => ({
      items: [{ personId: 1, clientKey: 'm-1', temperatureC: 36.5, symptoms: [], location: { place: 'home' } }],
    }),
    'POST /api/health/anomalies/:id/transition': () => ({ version: 1, to: 'isolated', isolationArea: '隔离室' }),
    'POST /api/health/overrides': () => ({
      personId: 1,
      status: 'central_quarantine',
      reasonCode: 'OV_EPI_CLOSE_CONTACT',
      evidenceRef: 'LD-2',
      expiresAt: '2099-01-01T00:00:00+08:00',
    }),
    'POST /api/health/overrides/:id/confirm': () => ({ version: 1 }),
    'POST /api/health/overrides/:id/reject': () => ({ version: 1, reason: '证据不足' }),
    'POST /api/health/overrides/:id/withdraw': () => ({ version: 1 }),
    'POST /api/health/overrides/:id/revoke': () => ({ version: 1, reason: '证据不足' }),
    'POST /api/health/appeals/:id/decide': () => ({ version: 1, decision: 'rejected', reason: '经核实无误' }),
    'POST /api/health/risk-areas': () => ({
      regionCode: '4201',
      name: '矩阵新增风险地区',
      keyArea: true,
      validFrom: '2020-01-20',
      source: '矩阵依据',
    }),
    'POST /api/health/risk-areas/:id/end': () => ({ on: '2020-02-20', reason: '矩阵截止' }),
    'POST /api/health/summaries/run': () => ({ date: '2020-02-20' }),
    'POST /api/health/retention/purge': () => ({ retentionDays: 3650 }),
    'POST /api/health/exports': () => ({}),
  },
};
