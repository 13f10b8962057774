/**
 * Return-to-work statuses (返岗状态). A status is never set by hand: it is the output of the versioned rules in
 * `return-to-work.ts`, or of a two-person CDC override from the closed list in `override.ts`. There is deliberately
 * no function in this folder that takes a status and a free-text reason.
 *
 * Severity orders how restrictive a status is. When several reasons apply, the most severe status wins
 * (`combineStatuses`). The order follows how far the person's liberty is restricted: 可返岗 (none) < 居家健康监测
 * (stays home, may go out for necessities) < 暂缓返岗 (waits for a result or a check) < 禁止返岗 (barred from the
 * workplace) < 集中隔离 (confined in a quarantine site) < 发热留观 (held for medical observation) < 隔离治疗 (isolated in a
 * designated hospital).
 *
 * `passCode` is the byte written into signed passes (`src/domain/pass/token.ts`). Codes are permanent: never reuse
 * or renumber them; add new statuses with new codes.
 */

export const HEALTH_STATUSES = [
  'cleared',
  'home_monitoring',
  'deferred',
  'barred',
  'central_quarantine',
  'fever_observation',
  'isolation_treatment',
] as const;

export type HealthStatus = (typeof HEALTH_STATUSES)[number];

export interface StatusInfo {
  status: HealthStatus;
  label: string;
  severity: number;
  /** Byte in a pass token. */
  passCode: number;
  /** Whether a workplace checkpoint admits a person with this status. */
  admitsToWorkplace: boolean;
  /** Whether the person is in a quarantine period (twice-daily temperature, seed 003 L61). */
  inQuarantine: boolean;
}

export const STATUS_INFO: Readonly<Record<HealthStatus, StatusInfo>> = {
  cleared: {
    status: 'cleared',
    label: '可返岗',
    severity: 0,
    passCode: 1,
    admitsToWorkplace: true,
    inQuarantine: false,
  },
  home_monitoring: {
    status: 'home_monitoring',
    label: '居家健康监测',
    severity: 1,
    passCode: 2,
    admitsToWorkplace: false,
    inQuarantine: true,
  },
  deferred: {
    status: 'deferred',
    label: '暂缓返岗',
    severity: 2,
    passCode: 3,
    admitsToWorkplace: false,
    inQuarantine: false,
  },
  barred: {
    status: 'barred',
    label: '禁止返岗',
    severity: 3,
    passCode: 4,
    admitsToWorkplace: false,
    inQuarantine: false,
  },
  central_quarantine: {
    status: 'central_quarantine',
    label: '集中隔离',
    severity: 4,
    passCode: 5,
    admitsToWorkplace: false,
    inQuarantine: true,
  },
  fever_observation: {
    status: 'fever_observation',
    label: '发热留观',
    severity: 5,
    passCode: 6,
    admitsToWorkplace: false,
    inQuarantine: true,
  },
  isolation_treatment: {
    status: 'isolation_treatment',
    label: '隔离治疗',
    severity: 6,
    passCode: 7,
    admitsToWorkplace: false,
    inQuarantine: true,
  },
};

export function isHealthStatus(value: unknown): value is HealthStatus {
  return typeof value === 'string' && (HEALTH_STATUSES as readonly string[]).includes(value);
}

export function statusLabel(status: HealthStatus): string {
  return STATUS_INFO[status].label;
}

export function severityOf(status: HealthStatus): number {
  return STATUS_INFO[status].severity;
}

/** The most severe of the given statuses; 可返岗 when none is given. */
export function combineStatuses(statuses: Iterable<HealthStatus>): HealthStatus {
  let worst: HealthStatus = 'cleared';
  for (const s of statuses) if (severityOf(s) > severityOf(worst)) worst = s;
  return worst;
}

export function statusFromPassCode(code: number): HealthStatus | null {
  for (const s of HEALTH_STATUSES) if (STATUS_INFO[s].passCode === code) return s;
  return null;
}

/** How a status came about; there is no third way. */
export type StatusCause = { kind: 'rules'; ruleSetId: string } | { kind: 'override'; overrideId: string };

/** An audit-ready record of a status change, or `null` when neither the status nor its reasons changed. */
export interface StatusChange {
  personId: string;
  from: HealthStatus | null;
  to: HealthStatus;
  fromLabel: string | null;
  toLabel: string;
  fromReasonCodes: readonly string[];
  reasonCodes: readonly string[];
  cause: StatusCause;
  at: string;
}

export function statusChange(input: {
  personId: string;
  from: HealthStatus | null;
  fromReasonCodes?: readonly string[];
  to: HealthStatus;
  reasonCodes: readonly string[];
  cause: StatusCause;
  at: string;
}): StatusChange | null {
  const before = [...(input.fromReasonCodes ?? [])].sort();
  const after = [...input.reasonCodes].sort();
  const sameReasons = before.length === after.length && before.every((c, i) => c === after[i]);
  if (input.from === input.to && sameReasons) return null;
  return {
    personId: input.personId,
    from: input.from,
    to: input.to,
    fromLabel: input.from === null ? null : statusLabel(input.from),
    toLabel: statusLabel(input.to),
    fromReasonCodes: before,
    reasonCodes: after,
    cause: input.cause,
    at: input.at,
  };
}
