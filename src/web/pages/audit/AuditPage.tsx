import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Drawer,
  Empty,
  Form,
  Input,
  Select,
  Tag,
  Typography,
} from 'antd';
import type { TableProps } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { api, errorMessage } from '../../api/client.ts';
import type { AuditRecord, ChainReport, PageOf } from '../../api/types.ts';
import { DataTable, RowCard } from '../../components/DataTable.tsx';
import { Page } from '../../components/Page.tsx';
import { SearchForm } from '../../components/SearchForm.tsx';
import { formatDateTime, formatInteger } from '../../lib/format.ts';
import { AUDIT_ACTION_LABEL, AUDIT_OBJECT_LABEL, ROLE_LABEL } from '../../lib/labels.ts';
import { useIsMobile } from '../../lib/useMediaQuery.ts';
import { useRequest } from '../../lib/useRequest.ts';
import { LoadFailed } from '../errors/ErrorPages.tsx';
import type { Role } from '../../api/types.ts';

interface Filters {
  action?: string;
  objectType?: string;
  objectId?: string;
  actor?: string;
  dates?: [Dayjs | null, Dayjs | null] | null;
}

const KEYS = ['action', 'objectType', 'objectId', 'actor', 'from', 'to'] as const;

const summaryOf = (r: AuditRecord): string => {
  const d = r.detail as { summary?: unknown } | null;
  return typeof d?.summary === 'string' ? d.summary : '';
};

const actionLabel = (a: string) => AUDIT_ACTION_LABEL[a] ?? a;
const objectLabel = (t: string) => AUDIT_OBJECT_LABEL[t] ?? t;
const roleLabel = (r: string | null) => (r ? (ROLE_LABEL[r as Role] ?? r) : '—');

function ChainResult({ report }: { report: ChainReport }) {
  return report.ok ? (
    <Alert
      type="success"
      showIcon
      message="哈希链完整"
      description={`已从第一条起逐条校验 ${formatInteger(report.checked)} 条记录，没有发现删除、插入或篡改。`}
      data-testid="chain-ok"
    />
  ) : (
    <Alert
      type="error"
      showIcon
      message={`哈希链在第 ${report.brokenAt?.id ?? '?'} 条记录处断开`}
      description={`${report.brokenAt?.reason ?? ''}。此前的 ${formatInteger(report.checked)} 条记录校验通过。请立即报告系统管理员和安全负责人。`}
      data-testid="chain-broken"
    />
  );
}

/** 审计日志: every change and sign-in, append-only and hash-chained; filter, inspect, verify the chain. */
export default function AuditPage() {
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const [form] = Form.useForm<Filters>();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Math.min(200, Math.max(1, Number(params.get('pageSize')) || 20));
  const [open, setOpen] = useState<AuditRecord | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [report, setReport] = useState<ChainReport | null>(null);

  const query = Object.fromEntries(KEYS.map((k) => [k, params.get(k) ?? undefined]));
  const list = useRequest(
    (signal) => api.get<PageOf<AuditRecord>>('/api/audit', { ...query, page, pageSize }, { signal }),
    params.toString(),
  );

  const paramsText = params.toString();
  useEffect(() => {
    const p = new URLSearchParams(paramsText);
    const from = p.get('from');
    const to = p.get('to');
    form.setFieldsValue({
      action: p.get('action') ?? undefined,
      objectType: p.get('objectType') ?? undefined,
      objectId: p.get('objectId') ?? undefined,
      actor: p.get('actor') ?? undefined,
    });
    form.setFieldValue('dates', from || to ? [from ? dayjs(from) : null, to ? dayjs(to) : null] : null);
  }, [form, paramsText]);

  const search = (v: Filters) => {
    const next = new URLSearchParams();
    if (v.action) next.set('action', v.action);
    if (v.objectType) next.set('objectType', v.objectType);
    if (v.objectId?.trim()) next.set('objectId', v.objectId.trim());
    if (v.actor?.trim()) next.set('actor', v.actor.trim());
    if (v.dates?.[0]) next.set('from', v.dates[0].format('YYYY-MM-DD'));
    if (v.dates?.[1]) next.set('to', v.dates[1].format('YYYY-MM-DD'));
    setParams(next);
  };

  const verify = async () => {
    setVerifying(true);
    try {
      setReport(await api.post<ChainReport>('/api/audit/verify'));
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setVerifying(false);
    }
  };

  const columns: TableProps<AuditRecord>['columns'] = [
    { title: '编号', dataIndex: 'id', width: 80 },
    { title: '时间', dataIndex: 'at', render: (v: string) => formatDateTime(v) },
    {
      title: '操作人',
      dataIndex: 'actorName',
      render: (v: string, r) => (
        <span>
          {v}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {roleLabel(r.actorRole)}
          </Typography.Text>
        </span>
      ),
    },
    { title: '操作', dataIndex: 'action', render: (a: string) => <Tag>{actionLabel(a)}</Tag> },
    {
      title: '对象',
      key: 'object',
      render: (_: unknown, r) => `${objectLabel(r.objectType)}${r.objectId ? ` #${r.objectId}` : ''}`,
    },
    { title: '说明', key: 'summary', render: (_: unknown, r) => summaryOf(r) || '—' },
    { title: 'IP', dataIndex: 'ip', render: (v: string | null) => v ?? '—' },
    {
      title: '详情',
      key: 'detail',
      fixed: 'right',
      render: (_: unknown, r) => (
        <Button type="link" size="small" onClick={() => setOpen(r)}>
          查看
        </Button>
      ),
    },
  ];

  return (
    <Page
      title="审计日志"
      content="每一次修改、导入导出和登录都记一条，只能追加不能修改；每条记录带前一条的哈希，构成哈希链。"
      extra={
        <Button
          icon={<SafetyCertificateOutlined />}
          loading={verifying}
          onClick={() => void verify()}
          data-testid="verify-chain"
        >
          校验哈希链
        </Button>
      }
    >
      {report && (
        <div style={{ marginBottom: 16 }}>
          <ChainResult report={report} />
        </div>
      )}
      <SearchForm<Filters>
        form={form}
        onSearch={search}
        onReset={() => setParams({})}
        fields={[
          <Form.Item key="action" name="action" label="操作">
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder="全部操作"
              options={Object.entries(AUDIT_ACTION_LABEL).map(([value, label]) => ({
                value,
                label: `${label}（${value}）`,
              }))}
            />
          </Form.Item>,
          <Form.Item key="objectType" name="objectType" label="对象类型">
            <Select
              allowClear
              placeholder="全部对象"
              options={Object.entries(AUDIT_OBJECT_LABEL).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>,
          <Form.Item key="dates" name="dates" label="日期">
            <DatePicker.RangePicker style={{ width: '100%' }} allowEmpty={[true, true]} inputReadOnly={isMobile} />
          </Form.Item>,
          <Form.Item key="objectId" name="objectId" label="对象编号">
            <Input allowClear placeholder="如企业编号 123" />
          </Form.Item>,
          <Form.Item key="actor" name="actor" label="操作人">
            <Input allowClear placeholder="操作人姓名（完整）" />
          </Form.Item>,
        ]}
      />
      <Card
        className="ss-table-card"
        title={`共 ${formatInteger(list.data?.total ?? 0)} 条记录`}
        styles={{ body: { padding: 12 } }}
      >
        {list.error && !list.loading ? (
          <LoadFailed detail={errorMessage(list.error)} onRetry={list.reload} />
        ) : (
          <DataTable<AuditRecord>
            testId="audit-table"
            rowKey={(r) => r.id}
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.loading}
            paging={{
              current: page,
              pageSize,
              total: list.data?.total ?? 0,
              onChange: (p, size) => {
                const next = new URLSearchParams(params);
                next.set('page', String(size !== pageSize ? 1 : p));
                next.set('pageSize', String(size));
                setParams(next);
              },
            }}
            empty={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有符合条件的审计记录" />}
            renderCard={(r) => (
              <RowCard
                title={`#${r.id} ${actionLabel(r.action)}`}
                extra={<Typography.Text type="secondary">{formatDateTime(r.at)}</Typography.Text>}
                lines={[
                  ['操作人', `${r.actorName}（${roleLabel(r.actorRole)}）`],
                  ['对象', `${objectLabel(r.objectType)}${r.objectId ? ` #${r.objectId}` : ''}`],
                  ['说明', summaryOf(r) || '—'],
                ]}
                onClick={() => setOpen(r)}
              />
            )}
          />
        )}
      </Card>
      <Drawer
        open={open !== null}
        onClose={() => setOpen(null)}
        title={open ? `审计记录 #${open.id}` : ''}
        width={isMobile ? '100%' : 640}
        destroyOnHidden
      >
        {open && (
          <div data-testid="audit-detail">
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label="时间">{formatDateTime(open.at)}</Descriptions.Item>
              <Descriptions.Item label="操作">
                {actionLabel(open.action)} <span className="ss-mono">（{open.action}）</span>
              </Descriptions.Item>
              <Descriptions.Item label="操作人">
                {open.actorName}（{roleLabel(open.actorRole)}）{open.actorId ? ` 用户 #${open.actorId}` : ''}
              </Descriptions.Item>
              <Descriptions.Item label="对象">
                {objectLabel(open.objectType)} {open.objectId ? `#${open.objectId}` : ''}
              </Descriptions.Item>
              <Descriptions.Item label="IP">{open.ip ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="请求编号">
                <span className="ss-mono">{open.requestId ?? '—'}</span>
              </Descriptions.Item>
              <Descriptions.Item label="修改前数据哈希">
                <span className="ss-mono">{open.beforeDigest ?? '—'}</span>
              </Descriptions.Item>
              <Descriptions.Item label="修改后数据哈希">
                <span className="ss-mono">{open.afterDigest ?? '—'}</span>
              </Descriptions.Item>
              <Descriptions.Item label="本条哈希">
                <span className="ss-mono">{open.hash}</span>
              </Descriptions.Item>
            </Descriptions>
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              详情
            </Typography.Title>
            <pre className="ss-json">{JSON.stringify(open.detail, null, 2)}</pre>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              数据哈希是修改前后数据的 SHA-256 摘要：日志不存放数据原文，但可以用它核对某一版本的数据是否被改动过。
            </Typography.Paragraph>
          </div>
        )}
      </Drawer>
    </Page>
  );
}
