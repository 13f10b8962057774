import {
  DECLARATION_PLACES,
  DECLARATION_PLACE_LABEL,
  requiredDeclarations,
  parseStatus,
} from '../../domain/health/declaration.ts';
import { shanghaiDate } from '../../domain/health/dates.ts';
import {
  PERSON_CATEGORIES,
  PERSON_CATEGORY_LABEL,
  RETURN_MODES,
  RETURN_MODE_LABEL,
} from '../../domain/health/facts.ts';
import { OVERRIDE_REASONS, OVERRIDE_REASON_CODES, REASONS, REASON_CODES } from '../../domain/health/reasons.ts';
import { HEALTH_STATUSES, STATUS_INFO } from '../../domain/health/status.ts';
import { SYMPTOMS, SYMPTOM_CODES } from '../../domain/health/symptoms.ts';
import { ANOMALY_STATES, ANOMALY_STATE_LABEL } from '../../domain/health/anomaly-case.ts';
import type { SessionUser } from '../access/session-user.ts';
import type { AuditActor } from '../audit/audit.ts';
import { writeAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { appealDto } from './appeals.ts';
import { declarationDto, myPerson } from './declarations.ts';
import type { EvaluationView } from './evaluate.ts';
import { overrideDto } from './overrides.ts';
import { personDto } from './people.service.ts';

/** What an employee sees of their own record: status, reasons with their sources, earliest date, declarations. */
export async function myHealth(app: AppContext, user: SessionUser, actor: AuditActor) {
  const p = await myPerson(app, user);
  const nowIso = app.clock.now().toISOString();
  const today = shanghaiDate(nowIso);
  const [declarations, overrides, appeals, enterprise] = await Promise.all([
    app.db.kysely
      .selectFrom('health_declarations')
      .selectAll()
      .where('person_id', '=', p.id)
      .orderBy('at', 'desc')
      .limit(14)
      .execute(),
    app.db.kysely
      .selectFrom('health_overrides')
      .selectAll()
      .where('person_id', '=', p.id)
      .where('state', '=', 'active')
      .execute(),
    app.db.kysely
      .selectFrom('health_appeals')
      .selectAll()
      .where('person_id', '=', p.id)
      .orderBy('id', 'desc')
      .execute(),
    app.db.kysely.selectFrom('enterprises').select('name').where('id', '=', p.enterprise_id).executeTakeFirst(),
  ]);
  const status = parseStatus(p.status);
  const req = requiredDeclarations({ dormitory: p.dormitory === 1, ...(status ? { status } : {}) });
  await app.db.kysely
    .transaction()
    .execute((trx) =>
      writeAudit(
        trx,
        app.db.dialect,
        actor,
        { action: 'health.self_viewed', objectType: 'health_person', objectId: p.id, summary: '员工查看本人健康状态' },
        app.clock.now(),
      ),
    );
  const { residentIdMasked, ...dto } = personDto({ ...p, enterprise_name: enterprise?.name ?? '' });
  return {
    person: { ...dto, residentIdMasked },
    evaluation: (p.evaluation ? JSON.parse(p.evaluation) : null) as EvaluationView | { error: string } | null,
    declarationRequirement: req,
    today: {
      date: today,
      declarations: declarations.filter((d) => d.date === today).map(declarationDto),
    },
    recentDeclarations: declarations.map(declarationDto),
    overrides: overrides.map((o) => overrideDto(o, nowIso)),
    appeals: appeals.map(appealDto),
  };
}

/** Closed lists the pages need: statuses, reasons with sources, override reasons, symptoms, places … */
export function healthReference() {
  return {
    statuses: HEALTH_STATUSES.map((s) => ({ code: s, ...STATUS_INFO[s] })),
    reasons: REASON_CODES.map((c) => REASONS[c]),
    overrideReasons: OVERRIDE_REASON_CODES.map((c) => OVERRIDE_REASONS[c]),
    symptoms: SYMPTOM_CODES.map((c) => SYMPTOMS[c]),
    places: DECLARATION_PLACES.map((c) => ({ code: c, label: DECLARATION_PLACE_LABEL[c] })),
    returnModes: RETURN_MODES.map((c) => ({ code: c, label: RETURN_MODE_LABEL[c] })),
    categories: PERSON_CATEGORIES.map((c) => ({ code: c, label: PERSON_CATEGORY_LABEL[c] })),
    anomalyStates: ANOMALY_STATES.map((c) => ({ code: c, label: ANOMALY_STATE_LABEL[c] })),
  };
}
