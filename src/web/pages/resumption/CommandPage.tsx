import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { App, Button, Card, Space, Tabs, Tag } from 'antd';
import { DownloadOutlined, FileExcelOutlined, FileWordOutlined, ReloadOutlined } from '@ant-design/icons';
import { errorMessage } from '../../api/client.ts';
import type { OnTimeDto, OverdueDto, WeeklyReportDto } from '../../api/resumption.ts';
import {
  downloadWeeklyReport,
  escalateOverdue,
  generateWeeklyReport,
  listOnTimeRates,
  listOverdue,
  listWeeklyReports,
} from '../../api/resumption.ts';
import { DataTable, RowCard } from '../../components/DataTable.tsx';
import { Page } from '../../components/Page.tsx';
import { formatDateTime, formatInteger } from '../../lib/format.ts';
import { useRequest } from '../../lib/useRequest.ts';
import { LoadError, useCan } from './shared.tsx';

function OverdueTab() {
  const { message } = App.useApp();
  const list = useRequest((signal) => listOverdue(signal), 'overdue');
  const [busy, setBusy] = useState(false);
  if (list.error && !list.data) return <LoadError error={list.error} onRetry={list.reload} />;
  const escalate = async () => {
    setBusy(true);
    try {
      const r = await escalateOverdue();
      message.success(`已检查逾期审查，新上报 ${r.escalated} 项`);
      list.reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card
      title={`共 ${list.data?.items.length ?? 0} 项逾期未答复`}
      extra={
        <Button loading={busy} onClick={() => void escalate()} data-testid="escalate-now">
          立即检查并上报
        </Button>
      }
    >
      <DataTable<OverdueDto>
        testId="overdue-list"
        rowKey={(r) => `${r.applicationId}-${r.departmentId}`}
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        columns={[
          {
            title: '企业',
            render: (_, r) => <Link to={`/resumption/applications/${r.applicationId}`}>{r.enterpriseName}</Link>,
          },
          { title: '审查部门', dataIndex: 'departmentName' },
          { title: '答复期限', render: (_, r) => formatDateTime(r.dueAt) },
          { title: '分送时间', render: (_, r) => formatDateTime(r.dispatchedAt) },
          {
            title: '督办',
            render: (_, r) => (r.escalatedAt ? `已于 ${formatDateTime(r.escalatedAt)} 上报` : '待上报'),
          },
        ]}
        renderCard={(r) => (
          <RowCard
            title={<Link to={`/resumption/applications/${r.applicationId}`}>{r.enterpriseName}</Link>}
            extra={<Tag color="error">已逾期</Tag>}
            lines={[
              ['审查部门', r.departmentName],
              ['答复期限', formatDateTime(r.dueAt)],
              ['督办', r.escalatedAt ? `已上报 ${formatDateTime(r.escalatedAt)}` : '待上报'],
            ]}
          />
        )}
      />
    </Card>
  );
}

function OnTimeTab() {
  const list = useRequest((signal) => listOnTimeRates(signal), 'ontime');
  if (list.error && !list.data) return <LoadError error={list.error} onRetry={list.reload} />;
  return (
    <Card title="各部门按时答复率（2 个工作日内）">
      <DataTable<OnTimeDto>
        testId="on-time-rates"
        rowKey={(r) => r.departmentId}
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        columns={[
          { title: '部门', dataIndex: 'departmentName' },
          { title: '应答复', dataIndex: 'total', render: (v: number) => formatInteger(v) },
          { title: '按时答复', dataIndex: 'onTime', render: (v: number) => formatInteger(v) },
          { title: '超时答复', dataIndex: 'late', render: (v: number) => formatInteger(v) },
          { title: '逾期未答复', dataIndex: 'overduePending', render: (v: number) => formatInteger(v) },
          { title: '办理中', dataIndex: 'pending', render: (v: number) => formatInteger(v) },
          { title: '按时率', render: (_, r) => <Tag color="blue">{r.rateText}</Tag> },
        ]}
        renderCard={(r) => (
          <RowCard
            title={r.departmentName}
            extra={<Tag color="blue">{r.rateText}</Tag>}
            lines={[
              ['应答复', formatInteger(r.total)],
              ['按时答复', formatInteger(r.onTime)],
              ['逾期未答复', formatInteger(r.overduePending)],
            ]}
          />
        )}
      />
    </Card>
  );
}

function WeeklyTab() {
  const { message } = App.useApp();
  const canGenerate = useCan('resumption.stats');
  const list = useRequest((signal) => listWeeklyReports(signal), 'weekly');
  const [busy, setBusy] = useState(false);
  if (list.error && !list.data) return <LoadError error={list.error} onRetry={list.reload} />;
  const generate = async () => {
    setBusy(true);
    try {
      const r = await generateWeeklyReport();
      message.success(`已生成：${r.title}`);
      list.reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const download = (r: WeeklyReportDto, format: 'xlsx' | 'docx') =>
    void downloadWeeklyReport(r, format).catch((e: unknown) => message.error(errorMessage(e)));
  return (
    <Card
      title={`复工复产周报（每周一生成，共 ${list.data?.items.length ?? 0} 期）`}
      extra={
        canGenerate && (
          <Button
            icon={<ReloadOutlined />}
            loading={busy}
            onClick={() => void generate()}
            data-testid="weekly-generate"
          >
            立即生成
          </Button>
        )
      }
    >
      <DataTable<WeeklyReportDto>
        testId="weekly-reports"
        rowKey={(r) => r.id}
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        columns={[
          { title: '周报', dataIndex: 'title' },
          { title: '统计周期', render: (_, r) => `${r.periodStart} 至 ${r.periodEnd}` },
          { title: '概况', dataIndex: 'summary' },
          { title: '生成', render: (_, r) => `${r.triggerLabel} ${formatDateTime(r.generatedAt)}` },
          {
            title: '下载',
            render: (_, r) => (
              <Space>
                <Button size="small" icon={<FileExcelOutlined />} onClick={() => download(r, 'xlsx')}>
                  Excel
                </Button>
                <Button size="small" icon={<FileWordOutlined />} onClick={() => download(r, 'docx')}>
                  Word
                </Button>
              </Space>
            ),
          },
        ]}
        renderCard={(r) => (
          <RowCard
            title={r.title}
            lines={[
              ['统计周期', `${r.periodStart} 至 ${r.periodEnd}`],
              ['生成', `${r.triggerLabel} ${formatDateTime(r.generatedAt)}`],
            ]}
            footer={
              <Space>
                <Button size="small" icon={<DownloadOutlined />} onClick={() => download(r, 'xlsx')}>
                  Excel
                </Button>
                <Button size="small" icon={<DownloadOutlined />} onClick={() => download(r, 'docx')}>
                  Word
                </Button>
              </Space>
            }
          />
        )}
      />
    </Card>
  );
}

/** The command centre: overdue reviews escalated to it, each department's on-time rate, the Monday weekly reports. */
export default function CommandPage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'overdue';
  return (
    <Page
      title="复工复产调度"
      content="逾期未答复的审查自动上报指挥部；按部门统计按时答复率；每周一生成上周复工复产周报。"
    >
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k })}
        destroyInactiveTabPane
        items={[
          { key: 'overdue', label: '逾期督办', children: <OverdueTab /> },
          { key: 'ontime', label: '按时答复率', children: <OnTimeTab /> },
          { key: 'weekly', label: '周报', children: <WeeklyTab /> },
        ]}
      />
    </Page>
  );
}
