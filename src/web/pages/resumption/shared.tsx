import { useState } from 'react';
import { App, Button, Empty, Space, Tag, Timeline, Typography, Upload } from 'antd';
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { ApiError, errorMessage } from '../../api/client.ts';
import type { AttachmentRef, FilePurpose, TimelineEvent } from '../../api/resumption.ts';
import { downloadResumptionFile, refOf, uploadResumptionFile } from '../../api/resumption.ts';
import type { Permission } from '../../api/types.ts';
import { useCurrentUser } from '../../auth/AuthContext.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { ForbiddenPage, LoadFailed, NotFoundPage } from '../errors/ErrorPages.tsx';
import {
  APPLICATION_STATUS_LABELS,
  CHECK_TASK_STATUS_LABELS,
  ENTERPRISE_STATUS_LABELS,
  MODE_LABELS,
  RECTIFICATION_STATUS_LABELS,
  RISK_LEVEL_BY_CODE,
} from '../../../domain/resumption/index.ts';
import type {
  ApplicationStatus,
  CheckTaskStatus,
  EnterpriseStatus,
  RectificationStatus,
  ResumptionMode,
  RiskLevel,
} from '../../../domain/resumption/index.ts';

/** Whether the signed-in user holds a permission (the server checks again). */
export function useCan(permission: Permission): boolean {
  return useCurrentUser().permissions.includes(permission);
}

/** A failed load as a page: 404 and 403 in the server's words. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  if (error instanceof ApiError && error.status === 404) return <NotFoundPage detail={error.detail} />;
  if (error instanceof ApiError && error.status === 403) return <ForbiddenPage detail={error.detail} />;
  return <LoadFailed detail={errorMessage(error)} onRetry={onRetry} />;
}

const APP_STATUS_COLOR: Record<ApplicationStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  returned_for_correction: 'warning',
  resubmitted: 'processing',
  accepted: 'processing',
  under_review: 'processing',
  resumed: 'success',
  refused: 'error',
  withdrawn: 'default',
};

export function ApplicationStatusTag({ status, label }: { status: ApplicationStatus; label?: string | undefined }) {
  return (
    <Tag color={APP_STATUS_COLOR[status]} data-testid="application-status">
      {label ?? APPLICATION_STATUS_LABELS[status] ?? status}
    </Tag>
  );
}

const ENT_STATUS_COLOR: Record<EnterpriseStatus, string> = {
  not_resumed: 'default',
  partially_resumed: 'processing',
  resumed: 'success',
  stopped: 'error',
};

export function EnterpriseStatusTag({ status, label }: { status: EnterpriseStatus; label?: string | undefined }) {
  return (
    <Tag color={ENT_STATUS_COLOR[status]} data-testid="enterprise-status">
      {label ?? ENTERPRISE_STATUS_LABELS[status] ?? status}
    </Tag>
  );
}

export function RiskTag({ level, label }: { level: RiskLevel | null; label?: string | undefined }) {
  if (!level) return <Tag>{label ?? '未设定'}</Tag>;
  const info = RISK_LEVEL_BY_CODE[level];
  return (
    <Tag color={info.color} data-testid="risk-tag">
      {label ?? info.label}
    </Tag>
  );
}

export function modeLabel(mode: string, label?: string | undefined): string {
  return label ?? MODE_LABELS[mode as ResumptionMode] ?? mode;
}

export function TaskStatusTag({
  status,
  overdue,
  label,
}: {
  status: CheckTaskStatus;
  overdue?: boolean | undefined;
  label?: string | undefined;
}) {
  return (
    <Space size={4}>
      <Tag color={status === 'completed' ? 'success' : status === 'cancelled' ? 'default' : 'processing'}>
        {label ?? CHECK_TASK_STATUS_LABELS[status] ?? status}
      </Tag>
      {overdue && <Tag color="error">已逾期</Tag>}
    </Space>
  );
}

export function RectificationStatusTag({
  status,
  overdue,
  label,
}: {
  status: RectificationStatus;
  overdue?: boolean | undefined;
  label?: string | undefined;
}) {
  return (
    <Space size={4}>
      <Tag
        color={status === 'closed' ? 'success' : status === 'responded' ? 'processing' : 'warning'}
        data-testid="rectification-status"
      >
        {label ?? RECTIFICATION_STATUS_LABELS[status] ?? status}
      </Tag>
      {overdue && <Tag color="error">已逾期</Tag>}
    </Space>
  );
}

/** 全程记录: every step with who and when. */
export function EventTimeline({ events }: { events: readonly TimelineEvent[] }) {
  if (events.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无记录" />;
  return (
    <Timeline
      data-testid="timeline"
      items={events.map((e) => ({
        key: e.id,
        children: (
          <div>
            <div>{e.message}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(e.at)} · {e.actorName}（{e.actorRoleLabel}）
            </Typography.Text>
          </div>
        ),
      }))}
    />
  );
}

/** Attachments as links that download through the API (with the server's Chinese error on failure). */
export function AttachmentLinks({ files }: { files: readonly AttachmentRef[] | undefined }) {
  const { message } = App.useApp();
  if (!files || files.length === 0) return <Typography.Text type="secondary">无附件</Typography.Text>;
  return (
    <Space direction="vertical" size={0}>
      {files.map((f) => (
        <Button
          key={f.fileId}
          type="link"
          size="small"
          icon={<PaperClipOutlined />}
          style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
          onClick={() => void downloadResumptionFile(f).catch((e: unknown) => message.error(errorMessage(e)))}
        >
          {f.name}
        </Button>
      ))}
    </Space>
  );
}

/** Upload button that stores the file first and hands back its reference. */
export function UploadRefs({
  purpose,
  value,
  onChange,
  enterpriseId,
  accept,
  label = '上传附件',
  testId,
  multiple = true,
  capture,
}: {
  purpose: FilePurpose;
  value: AttachmentRef[];
  onChange: (refs: AttachmentRef[]) => void;
  enterpriseId?: number | undefined;
  accept?: string;
  label?: string;
  testId?: string;
  multiple?: boolean;
  capture?: boolean;
}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <div data-testid={testId}>
      <Upload
        accept={accept}
        multiple={multiple}
        showUploadList={false}
        capture={capture ? 'environment' : undefined}
        beforeUpload={(file) => {
          setBusy(true);
          uploadResumptionFile(file, purpose, enterpriseId)
            .then((stored) => {
              const ref = refOf(stored);
              onChange(multiple ? [...value, ref] : [ref]);
              message.success(`已上传：${stored.name}`);
            })
            .catch((e: unknown) => message.error(errorMessage(e)))
            .finally(() => setBusy(false));
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy}>
          {label}
        </Button>
      </Upload>
      {value.length > 0 && (
        <div style={{ marginTop: 4 }}>
          {value.map((f) => (
            <Tag
              key={f.fileId}
              closable
              onClose={() => onChange(value.filter((x) => x.fileId !== f.fileId))}
              style={{ marginBottom: 4 }}
            >
              {f.name}
            </Tag>
          ))}
        </div>
      )}
    </div>
  );
}

/** The source of a rule or an item, as `seed-file:Lnnn` with its quote. */
export function SourceCitation({ source }: { source: { ref: string; quote: string } | undefined }) {
  if (!source) return null;
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="citation">
      依据：{source.quote}（{source.ref}）
    </Typography.Text>
  );
}

/** Today in Beijing time as YYYY-MM-DD (for form defaults only; the server decides). */
export function beijingToday(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
}
