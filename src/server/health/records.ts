import type { AnomalyCase, AnomalyEvent, AnomalyState } from '../../domain/health/anomaly-case.ts';
import type { OverrideEvent, OverrideState, StatusOverride } from '../../domain/health/override.ts';
import type { OverrideReasonCode } from '../../domain/health/reasons.ts';
import type { HealthStatus } from '../../domain/health/status.ts';
import type { SymptomCode } from '../../domain/health/symptoms.ts';
import type { HealthAnomalyCaseRow, HealthOverrideRow } from '../db/schema-health.ts';

/** Rows ↔ the domain's records. Ids become strings in the domain (it compares actors by id). */
export function anomalyCaseOf(r: HealthAnomalyCaseRow): AnomalyCase {
  return {
    id: String(r.id),
    personId: String(r.person_id),
    enterpriseId: String(r.enterprise_id),
    state: r.state as AnomalyState,
    source: r.source,
    detectedAt: r.detected_at,
    temperatureC: r.temperature_dc === null ? null : r.temperature_dc / 10,
    symptoms: JSON.parse(r.symptoms) as SymptomCode[],
    fever: r.fever === 1,
    ...(r.isolation_area ? { isolationArea: r.isolation_area } : {}),
    ...(r.facility ? { facility: r.facility } : {}),
    history: JSON.parse(r.history) as AnomalyEvent[],
  };
}

export function overrideOf(r: HealthOverrideRow): StatusOverride {
  return {
    id: String(r.id),
    personId: String(r.person_id),
    status: r.status as HealthStatus,
    reasonCode: r.reason_code as OverrideReasonCode,
    evidenceRef: r.evidence_ref,
    ...(r.note ? { note: r.note } : {}),
    proposedBy: String(r.proposed_by),
    proposedAt: r.proposed_at,
    expiresAt: r.expires_at,
    ...(r.confirmed_by !== null ? { confirmedBy: String(r.confirmed_by) } : {}),
    ...(r.confirmed_at ? { confirmedAt: r.confirmed_at } : {}),
    state: r.state as OverrideState,
    history: JSON.parse(r.history) as OverrideEvent[],
  };
}

/** Instants as the database keeps them: UTC with `Z`, so they compare as text. */
export function utc(instant: string): string {
  return new Date(instant).toISOString();
}
