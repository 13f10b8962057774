import { useNavigate, useSearchParams } from 'react-router-dom';
import { Card, Select, Space, Tabs, Tag } from 'antd';
import type { ApplicationQueue, ApplicationSummary } from '../../api/resumption.ts';
import { listApplications } from '../../api/resumption.ts';
import { useCurrentUser } from '../../auth/AuthContext.tsx';
import { DataTable, RowCard } from '../../components/DataTable.tsx';
import { Page } from '../../components/Page.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useRequest } from '../../lib/useRequest.ts';
import { APPLICATION_STATUS_LABELS } from '../../../domain/resumption/index.ts';
import { ApplicationStatusTag, LoadError, modeLabel } from './shared.tsx';

type Queue = ApplicationQueue | 'all';

const QUEUES: { key: Queue; label: string }[] = [
  { key: 'lead', label: '待受理（一口受理）' },
  { key: 'review', label: '待我审查（并联办理）' },
  { key: 'overdue', label: '逾期' },
  { key: 'all', label: '全部' },
];

/** The department's work: the lead department's inbox and its parallel review queue, with due dates and overdue flags. */
export default function ApplicationQueuePage() {
  const navigate = useNavigate();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const defaultQueue: Queue = user.role === 'dept' ? 'lead' : 'all';
  const queue = (params.get('queue') as Queue | null) ?? defaultQueue;
  const status = params.get('status') ?? undefined;
  const page = Number(params.get('page') ?? 1) || 1;
  const pageSize = Number(params.get('pageSize') ?? 20) || 20;
  const key = params.toString() + queue;
  const list = useRequest(
    (signal) => listApplications({ ...(queue === 'all' ? {} : { queue }), status }, page, pageSize, signal),
    key,
  );
  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, v);
    }
    setParams(next);
  };
  if (list.error && !list.data) return <LoadError error={list.error} onRetry={list.reload} />;
  const open = (a: ApplicationSummary) => navigate(`/resumption/applications/${a.id}`);

  return (
    <Page
      title="复工申请办理"
      content="一口受理、并行办理：牵头部门统一受理、一次性告知补正，各部门并联审查，2 个工作日内答复。"
    >
      <Tabs
        activeKey={queue}
        onChange={(k) => set({ queue: k, page: undefined })}
        items={QUEUES.map((x) => ({ key: x.key, label: x.label }))}
      />
      <Card
        title={`共 ${list.data?.total ?? 0} 件申请`}
        extra={
          <Space wrap>
            <Select
              allowClear
              placeholder="状态"
              value={status}
              style={{ width: 160 }}
              onChange={(v: string | undefined) => set({ status: v, page: undefined })}
              options={Object.entries(APPLICATION_STATUS_LABELS).map(([value, label]) => ({ value, label }))}
            />
          </Space>
        }
      >
        <DataTable<ApplicationSummary>
          testId="application-queue"
          rowKey={(a) => a.id}
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          onRowClick={open}
          paging={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            onChange: (p, s) => set({ page: String(p), pageSize: String(s) }),
          }}
          columns={[
            { title: '编号', dataIndex: 'id' },
            {
              title: '企业',
              dataIndex: 'enterpriseName',
              render: (v: string, a) => (
                <Space size={4}>
                  <a data-testid="queue-enterprise">{v}</a>
                  {a.greenChannel && <Tag color="green">绿色通道</Tag>}
                </Space>
              ),
            },
            { title: '地区', dataIndex: 'countyName' },
            { title: '方式', render: (_, a) => modeLabel(a.mode, a.modeLabel) },
            { title: '状态', render: (_, a) => <ApplicationStatusTag status={a.status} label={a.statusLabel} /> },
            { title: '提交时间', render: (_, a) => formatDateTime(a.submittedAt) },
            {
              title: '答复期限',
              render: (_, a) => (
                <Space size={4}>
                  {a.dueAt ? formatDateTime(a.dueAt) : '—'}
                  {a.overdue && <Tag color="error">已逾期</Tag>}
                </Space>
              ),
            },
          ]}
          renderCard={(a) => (
            <RowCard
              title={a.enterpriseName}
              extra={<ApplicationStatusTag status={a.status} label={a.statusLabel} />}
              onClick={() => open(a)}
              lines={[
                ['方式', modeLabel(a.mode, a.modeLabel)],
                ['提交时间', formatDateTime(a.submittedAt)],
                ['答复期限', a.dueAt ? formatDateTime(a.dueAt) : '—'],
              ]}
            />
          )}
        />
      </Card>
    </Page>
  );
}
