import { Tag, Tooltip, Typography } from 'antd';
import { ANOMALY_STATE_LABEL, TERMINAL_ANOMALY_STATES } from '../../../domain/health/anomaly-case.ts';
import type { AnomalyState } from '../../../domain/health/anomaly-case.ts';
import { DECLARATION_PLACES, DECLARATION_PLACE_LABEL } from '../../../domain/health/declaration.ts';
import type { DeclarationPlace } from '../../../domain/health/declaration.ts';
import {
  PERSON_CATEGORIES,
  PERSON_CATEGORY_LABEL,
  RETURN_MODES,
  RETURN_MODE_LABEL,
} from '../../../domain/health/facts.ts';
import { APPEAL_STATE_LABEL, OVERRIDE_STATE_LABEL } from '../../../domain/health/override.ts';
import type { AppealState, OverrideState } from '../../../domain/health/override.ts';
import { OVERRIDE_REASONS, OVERRIDE_REASON_CODES } from '../../../domain/health/reasons.ts';
import { HEALTH_STATUSES, STATUS_INFO, isHealthStatus } from '../../../domain/health/status.ts';
import { SYMPTOMS, SYMPTOM_CODES } from '../../../domain/health/symptoms.ts';
import type { SymptomCode } from '../../../domain/health/symptoms.ts';

/**
 * Labels of workforce health, read from the pure domain (src/domain/health) so the screens and the rules never
 * disagree on a status name, a symptom or an override reason.
 */
export {
  ANOMALY_STATE_LABEL,
  APPEAL_STATE_LABEL,
  DECLARATION_PLACES,
  DECLARATION_PLACE_LABEL,
  HEALTH_STATUSES,
  OVERRIDE_REASONS,
  OVERRIDE_REASON_CODES,
  OVERRIDE_STATE_LABEL,
  PERSON_CATEGORIES,
  PERSON_CATEGORY_LABEL,
  RETURN_MODES,
  RETURN_MODE_LABEL,
  STATUS_INFO,
  SYMPTOMS,
  SYMPTOM_CODES,
  TERMINAL_ANOMALY_STATES,
};
export type { AnomalyState, AppealState, DeclarationPlace, OverrideState, SymptomCode };

/** 37.3 ℃ or above is a fever (seed 003 L62; PARAMS.feverThresholdC). */
export const FEVER_THRESHOLD_C = 37.3;

const STATUS_COLOR: Record<string, string> = {
  cleared: 'success',
  home_monitoring: 'gold',
  deferred: 'orange',
  barred: 'volcano',
  central_quarantine: 'red',
  fever_observation: 'magenta',
  isolation_treatment: 'purple',
};

export function statusText(status: string | null | undefined, label?: string | null): string {
  if (label) return label;
  if (status && isHealthStatus(status)) return STATUS_INFO[status].label;
  return '待评估';
}

/** The return-to-work status as a coloured tag. */
export function StatusTag({
  status,
  label,
  byOverride,
}: {
  status: string | null | undefined;
  label?: string | null;
  byOverride?: boolean;
}) {
  return (
    <Tag color={status ? (STATUS_COLOR[status] ?? 'default') : 'default'} data-testid="status-tag">
      {statusText(status, label)}
      {byOverride ? '（疾控研判）' : ''}
    </Tag>
  );
}

const ANOMALY_COLOR: Record<string, string> = {
  reported: 'red',
  isolated: 'orange',
  referred: 'gold',
  observation: 'magenta',
  suspected: 'volcano',
  excluded: 'success',
  confirmed: 'purple',
  closed_recheck_normal: 'default',
};

export function AnomalyStateTag({ state, label }: { state: string; label?: string | null }) {
  return (
    <Tag color={ANOMALY_COLOR[state] ?? 'default'} data-testid="anomaly-state">
      {label ?? ANOMALY_STATE_LABEL[state as AnomalyState] ?? state}
    </Tag>
  );
}

const OVERRIDE_COLOR: Record<string, string> = {
  proposed: 'processing',
  active: 'success',
  rejected: 'error',
  withdrawn: 'default',
  expired: 'default',
  revoked: 'warning',
};

export function OverrideStateTag({ state, label }: { state: string; label?: string | null }) {
  return (
    <Tag color={OVERRIDE_COLOR[state] ?? 'default'} data-testid="override-state">
      {label ?? OVERRIDE_STATE_LABEL[state as OverrideState] ?? state}
    </Tag>
  );
}

export function symptomText(codes: readonly string[] | null | undefined): string {
  if (!codes || codes.length === 0) return '无';
  return codes.map((c) => SYMPTOMS[c as SymptomCode]?.label ?? c).join('、');
}

export function placeText(place: string | null | undefined): string {
  if (!place) return '—';
  return DECLARATION_PLACE_LABEL[place as DeclarationPlace] ?? place;
}

/** A temperature, red from 37.3 ℃. */
export function Temperature({ value }: { value: number | null | undefined }) {
  if (value === null || value === undefined) return <span>—</span>;
  const fever = value >= FEVER_THRESHOLD_C;
  return (
    <Typography.Text type={fever ? 'danger' : undefined} strong={fever} data-testid="temperature">
      {value.toFixed(1)}℃
    </Typography.Text>
  );
}

/** A cited source (`003_….txt:L482`) with the quoted words on hover. */
export function SourceRef({ source, quote }: { source: string | null | undefined; quote?: string | null }) {
  if (!source) return null;
  const text = (
    <span className="ss-mono" style={{ fontSize: 12 }}>
      {source}
    </span>
  );
  return (
    <Typography.Text type="secondary" data-testid="reason-source">
      依据：{quote ? <Tooltip title={`“${quote}”`}>{text}</Tooltip> : text}
      {quote && (
        <span style={{ display: 'block', fontSize: 12 }} data-testid="reason-quote">
          “{quote}”
        </span>
      )}
    </Typography.Text>
  );
}

export const yesNo = (v: boolean | null | undefined) => (v === null || v === undefined ? '—' : v ? '是' : '否');
