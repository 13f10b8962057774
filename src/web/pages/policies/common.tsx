import { DatePicker, Input, InputNumber, Select, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import type { FactInfo, FactValue } from '../../api/policies.ts';
import { formatYuan } from '../../lib/format.ts';

/** Today in Asia/Shanghai as YYYY-MM-DD (the browser's own clock; the server decides deadlines). */
export function todayIso(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

/** fen → "1,234.56 元", or a dash. */
export const yuan = (fen: number | null | undefined) => formatYuan(fen ?? null);

export const APPLICATION_STATUS_COLOR: Record<string, string> = {
  submitted: 'processing',
  rejected: 'error',
  withdrawn: 'default',
  publicity: 'warning',
  revoked: 'error',
  ordered: 'cyan',
  paid: 'success',
};

export const BATCH_STATUS_COLOR: Record<string, string> = {
  running: 'processing',
  review: 'warning',
  approving: 'processing',
  approved: 'success',
  failed: 'error',
  cancelled: 'default',
};

export const ORDER_STATUS_COLOR: Record<string, string> = {
  pending: 'warning',
  exported: 'processing',
  paid: 'success',
  cancelled: 'default',
};

export const FULFILMENT_COLOR: Record<string, string> = { auto: 'green', quick: 'blue', apply: 'geekblue' };

export function StatusTag({
  status,
  label,
  colors,
}: {
  status: string;
  label: string;
  colors: Record<string, string>;
}) {
  return (
    <Tag color={colors[status] ?? 'default'} data-testid="status-tag">
      {label}
    </Tag>
  );
}

export function EligibleTag({ eligible }: { eligible: boolean | null }) {
  if (eligible === true) return <Tag color="success">符合条件</Tag>;
  if (eligible === false) return <Tag>不符合</Tag>;
  return <Tag color="warning">待补充信息</Tag>;
}

/** A seed citation (`003_….txt:L581`) with the cited line as tooltip when known. */
export function SourceRef({ source, text }: { source: string; text?: string | null }) {
  const node = (
    <Typography.Text type="secondary" className="ss-mono" style={{ fontSize: 12 }} data-testid="source-ref">
      出处 {source}
    </Typography.Text>
  );
  return text ? <Tooltip title={text}>{node}</Tooltip> : node;
}

type EnumValue = string | { value: string; label: string };

/** One input for a fact, by its type: money in 元 (sent in fen), numbers, yes/no, dates, choices. */
export function FactInput({
  fact,
  value,
  onChange,
  disabled,
}: {
  fact: Pick<FactInfo, 'name' | 'label' | 'type' | 'unit'> & { values?: readonly EnumValue[] | null };
  value?: FactValue | null;
  onChange?: (v: FactValue | null) => void;
  disabled?: boolean;
}) {
  const change = (v: FactValue | null) => onChange?.(v);
  if (fact.type === 'boolean') {
    return (
      <Select
        aria-label={fact.label}
        disabled={disabled}
        value={value === true ? 'true' : value === false ? 'false' : undefined}
        placeholder="请选择"
        onChange={(v: string) => change(v === 'true')}
        options={[
          { value: 'true', label: '是' },
          { value: 'false', label: '否' },
        ]}
      />
    );
  }
  if (fact.values && fact.values.length > 0) {
    return (
      <Select
        aria-label={fact.label}
        disabled={disabled}
        value={value === null || value === undefined ? undefined : String(value)}
        placeholder="请选择"
        onChange={(v: string) => change(v)}
        options={fact.values.map((v) => (typeof v === 'string' ? { value: v, label: v } : v))}
      />
    );
  }
  if (fact.type === 'date') {
    return (
      <DatePicker
        aria-label={fact.label}
        disabled={disabled}
        style={{ width: '100%' }}
        value={typeof value === 'string' && value ? dayjs(value) : null}
        onChange={(d) => change(d ? d.format('YYYY-MM-DD') : null)}
      />
    );
  }
  if (fact.type === 'number' || fact.type === 'integer') {
    const isMoney = fact.unit === '分';
    return (
      <InputNumber
        aria-label={fact.label}
        disabled={disabled}
        style={{ width: '100%' }}
        min={0}
        precision={isMoney ? 2 : fact.type === 'integer' ? 0 : undefined}
        addonAfter={isMoney ? '元' : (fact.unit ?? undefined)}
        value={typeof value === 'number' ? (isMoney ? value / 100 : value) : null}
        onChange={(v) => {
          if (v === null || v === undefined) return change(null);
          const n = Number(v);
          change(isMoney ? Math.round(n * 100) : n);
        }}
      />
    );
  }
  return (
    <Input
      aria-label={fact.label}
      disabled={disabled}
      value={value === null || value === undefined ? '' : String(value)}
      onChange={(e) => change(e.target.value)}
    />
  );
}
