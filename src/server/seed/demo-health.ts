import pino from 'pino';
import { fakeResidentIdUnique } from '../../domain/demo/identifiers.ts';
import { createRng } from '../../domain/demo/random.ts';
import { addDays, shanghaiDate } from '../../domain/health/dates.ts';
import { maskResidentId, validateResidentId } from '../../domain/registry/resident-id.ts';
import { systemActor } from '../audit/audit.ts';
import type { AppConfig } from '../config.ts';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/database.ts';
import type { NewHealthPerson } from '../db/schema-health.ts';
import type { DeclarationInput } from '../health/declarations.ts';
import { ingestDeclarations } from '../health/declarations.ts';
import { reevaluate } from '../health/evaluate.ts';
import { encryptResidentId, residentIdHash } from '../health/pii.ts';
import { RegionDirectory } from '../registry/region-directory.ts';

/**
 * Demo data for workforce health: a roster (一人一档) for the two demo enterprises, with fictitious but valid resident
 * ID numbers (demo sequence codes 996–999, src/domain/demo/identifiers.ts), statuses from the rules, two days of
 * declarations, and one fever today that opened an anomaly case and alerted the enterprise and the CDC.
 * The `emp` demo account is the employee 郑小明 of the High-tech Zone enterprise; it has not declared today, so
 * the phone page starts with today's declaration to make.
 */
const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '胡',
  '朱',
  '高',
  '林',
  '何',
  '郭',
];
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '华',
  '平',
];
const TEAMS = ['一车间', '二车间', '仓储物流', '质检部', '行政后勤'];
const HOME = ['南昌市青山湖区', '南昌市新建区', '九江市修水县', '赣州市于都县', '上饶市鄱阳县', '宜春市丰城市'];
const MODES = ['charter', 'shuttle', 'train', 'self_drive'] as const;

export async function seedDemoHealth(db: Db, config: AppConfig, options: { now?: Date; perEnterprise?: number } = {}) {
  const now = options.now ?? new Date();
  const rng = createRng('shuangsheng-demo-health');
  const accounts = await db.kysely
    .selectFrom('users')
    .select(['id', 'username', 'enterprise_id'])
    .where('username', 'in', ['ent', 'ent.dh', 'emp'])
    .execute();
  const enterpriseIds = [...new Set(accounts.filter((a) => a.username !== 'emp').map((a) => a.enterprise_id))].filter(
    (id): id is number => id !== null,
  );
  if (enterpriseIds.length === 0) return { people: 0, declarations: 0, anomalies: 0 };
  const seeded = await db.kysely.selectFrom('health_people').select('id').limit(1).executeTakeFirst();
  if (seeded) return { people: 0, declarations: 0, anomalies: 0 };
  const emp = accounts.find((a) => a.username === 'emp');
  const enterprises = await db.kysely
    .selectFrom('enterprises')
    .select(['id', 'county_code'])
    .where('id', 'in', enterpriseIds)
    .execute();
  const today = shanghaiDate(now.toISOString());
  const at = now.toISOString();
  const taken = new Set<string>();
  const people: NewHealthPerson[] = [];
  const n = options.perEnterprise ?? 24;
  for (const e of enterprises) {
    for (let i = 0; i < n; i++) {
      const isEmp = emp?.enterprise_id === e.id && i === 0;
      const birth = `${rng.int(1970, 2000)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
      const id = fakeResidentIdUnique(rng, e.county_code, birth, taken, isEmp ? 'male' : undefined);
      if (!id) continue;
      const check = validateResidentId(id);
      if (!check.ok) continue;
      const known = isEmp || i % 6 !== 5; // every sixth person has not yet reported travel: 暂缓返岗（需补充）
      people.push({
        enterprise_id: e.id,
        name: isEmp ? '郑小明' : `${rng.pick(SURNAMES)}${rng.pick(GIVEN)}${i % 3 === 0 ? rng.pick(GIVEN) : ''}`,
        resident_id_enc: encryptResidentId(config.secrets, id),
        resident_id_hash: residentIdHash(config.secrets, id),
        resident_id_masked: maskResidentId(id),
        sex: check.sex,
        phone: `154${String(rng.int(0, 99_999_999)).padStart(8, '0')}`,
        team: rng.pick(TEAMS),
        post: i % 4 === 0 ? '关键岗位操作工' : '普通岗位',
        key_post: i % 4 === 0 ? 1 : 0,
        home_region: rng.pick(HOME),
        dormitory: i % 3 === 1 ? 1 : 0,
        return_batch: `第${(i % 3) + 1}批`,
        return_date: addDays(today, -20 - (i % 3) * 3),
        return_mode: rng.pick(MODES),
        travel_history: known ? '无' : null,
        contact_history: '无',
        category: null,
        facts: '{}',
        user_id: isEmp ? emp.id : null,
        needs_card: i % 8 === 7 ? 1 : 0,
        active: 1,
        left_on: null,
        status: null,
        evaluation: null,
        reason_codes: '[]',
        earliest_return_date: null,
        status_cause: null,
        rule_set_id: null,
        override_id: null,
        evaluated_on: null,
        status_changed_at: null,
        import_batch_id: null,
        version: 1,
        created_by: null,
        created_at: at,
        updated_at: at,
      });
    }
  }
  const regions = new RegionDirectory(db);
  await regions.ensureLoaded();
  const app: AppContext = {
    db,
    config,
    clock: { now: () => now },
    log: pino({ level: 'silent' }),
    regions,
  };
  const actor = systemActor('演示数据');
  const ids = await db.kysely.transaction().execute(async (trx) => {
    const out: number[] = [];
    for (let i = 0; i < people.length; i += 200) {
      const rows = await trx
        .insertInto('health_people')
        .values(people.slice(i, i + 200))
        .returning('id')
        .execute();
      out.push(...rows.map((r) => r.id));
    }
    await reevaluate(app, trx, out, actor, now);
    return out;
  });
  const roster = await db.kysely
    .selectFrom('health_people')
    .select(['id', 'enterprise_id', 'dormitory', 'status', 'active', 'user_id'])
    .where('id', 'in', ids)
    .orderBy('id')
    .execute();
  // Yesterday and the day before: almost everyone declared; today: most have, the fever is one of them.
  const inputs: DeclarationInput[] = [];
  for (const daysAgo of [2, 1, 0]) {
    const date = addDays(today, -daysAgo);
    roster.forEach((p, i) => {
      if (p.user_id !== null && daysAgo === 0) return; // the demo employee declares today themself
      if ((i + daysAgo) % 7 === 3) return; // some forget
      const fever = daysAgo === 0 && i === 2;
      const when =
        daysAgo === 0
          ? new Date(now.getTime() - (10 + (i % 50)) * 60_000).toISOString()
          : `${date}T08:${String(10 + (i % 40)).padStart(2, '0')}:00+08:00`;
      inputs.push({
        person: p,
        clientKey: `demo-${p.id}-${date}`,
        at: when,
        temperatureC: fever ? 38.2 : 36.1 + ((i * 7 + daysAgo) % 9) / 10,
        symptoms: fever ? ['fever', 'cough'] : [],
        location: { place: p.dormitory ? 'dormitory' : 'home' },
        submittedBy: null,
      });
    });
  }
  const outcomes = await ingestDeclarations(app, actor, inputs);
  return {
    people: ids.length,
    declarations: outcomes.filter((o) => o.ok && !o.duplicate).length,
    anomalies: outcomes.filter((o) => o.ok && o.anomaly).length,
  };
}
