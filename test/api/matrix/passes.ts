import type { Db } from '../../../src/server/db/database.ts';
import type { MatrixModule, Target } from './types.ts';

/**
 * A person on an enterprise's roster with a status, written straight into the table (the roster's own routes and
 * rules are the health module's and are tested there). `userId` links an employee account.
 */
export async function insertPassPerson(
  db: Db,
  p: { enterpriseId: number; name: string; status: string | null; userId?: number | null; needsCard?: boolean },
): Promise<number> {
  const at = '2020-02-10T01:00:00.000Z';
  const row = await db.kysely
    .insertInto('health_people')
    .values({
      enterprise_id: p.enterpriseId,
      name: p.name,
      resident_id_enc: 'v1:test',
      resident_id_hash: `hash-${p.name}-${p.enterpriseId}`,
      resident_id_masked: '3601**********0000',
      sex: 'male',
      phone: null,
      team: '一车间',
      post: null,
      key_post: 0,
      home_region: null,
      dormitory: 0,
      return_batch: null,
      return_date: null,
      return_mode: null,
      travel_history: null,
      contact_history: null,
      category: null,
      facts: '{}',
      user_id: p.userId ?? null,
      needs_card: p.needsCard ? 1 : 0,
      active: 1,
      left_on: null,
      status: p.status,
      evaluation: null,
      reason_codes: '[]',
      earliest_return_date: null,
      status_cause: p.status ? 'rules' : null,
      rule_set_id: null,
      override_id: null,
      evaluated_on: null,
      status_changed_at: null,
      import_batch_id: null,
      version: 1,
      created_by: null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Passes: the `pass` object kind (a pass of enterprise a, of b and of c). An enterprise administrator of a reaches
 * a's; the CDC of 青山湖区 reaches a's and c's but not b's (东湖区); the administrator all.
 */
export const passesMatrix: MatrixModule = {
  async targets({ t, admin }) {
    const { a, b } = t.fixture.enterprises;
    const pass = async (enterpriseId: number, name: string): Promise<Target> => {
      const personId = await insertPassPerson(t.db, { enterpriseId, name, status: 'cleared', needsCard: true });
      const res = await admin.post('/api/passes/cards', { enterpriseId, personIds: [personId] });
      if (res.statusCode !== 201) throw new Error(`cards ${res.statusCode} ${res.body}`);
      const row = await t.db.kysely
        .selectFrom('passes')
        .select('id')
        .where('person_id', '=', personId)
        .executeTakeFirstOrThrow();
      return { id: String(row.id), secret: name };
    };
    const A = await pass(a, '矩阵通行甲');
    const B = await pass(b, '矩阵通行乙');
    return {
      admin: { pass: { inside: A } },
      'cdc.qsh': { pass: { inside: A, outside: B } },
      'ent.a': { pass: { inside: A, outside: B } },
    };
  },
  bodies: {
    'POST /api/passes/keys/rotate': () => ({}),
    'POST /api/passes/keys/:kid/retire': () => ({ reason: '矩阵测试' }),
    'POST /api/passes/:id/revoke': () => ({ reason: '遗失' }),
    'POST /api/passes/cards': ({ t }) => ({ enterpriseId: t.fixture.enterprises.a, personIds: [] }),
    'POST /api/passes/scans': () => ({
      batchId: 'matrixdevice01:1-1',
      deviceId: 'matrixdevice01',
      firstSeq: 1,
      lastSeq: 1,
      records: [
        {
          id: 'matrixdevice01:1',
          seq: 1,
          at: '2020-02-10T09:00:00+08:00',
          checkpointId: '矩阵卡口',
          code: 'malformed',
          ok: false,
        },
      ],
    }),
  },
};
