import { Link, useSearchParams } from 'react-router-dom';
import { Card, Checkbox, Form, Input, Select, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { errorMessage } from '../../api/client.ts';
import type { Application } from '../../api/policies.ts';
import { listApplications } from '../../api/policies.ts';
import { useCurrentUser } from '../../auth/AuthContext.tsx';
import { DataTable, RowCard } from '../../components/DataTable.tsx';
import { Page } from '../../components/Page.tsx';
import { SearchForm } from '../../components/SearchForm.tsx';
import { useRequest } from '../../lib/useRequest.ts';
import { LoadFailed } from '../errors/ErrorPages.tsx';
import { APPLICATION_STATUS_COLOR, StatusTag, yuan } from './common.tsx';

const STATUS_OPTIONS = [
  { value: 'submitted', label: '待审核' },
  { value: 'publicity', label: '公示中' },
  { value: 'ordered', label: '待拨付' },
  { value: 'paid', label: '已兑付' },
  { value: 'rejected', label: '不予通过' },
  { value: 'withdrawn', label: '已撤回' },
  { value: 'revoked', label: '公示异议成立' },
];

interface SearchValues {
  q?: string;
  status?: string;
  overdue?: boolean;
}

/** Applications: the enterprise's own with their status; a department's review queue with deadlines. */
export default function ApplicationsPage() {
  const user = useCurrentUser();
  const [form] = Form.useForm<SearchValues>();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = 20;
  const isEnterprise = user.role === 'ent_admin';
  const list = useRequest(
    (signal) =>
      listApplications(
        {
          q: params.get('q') ?? undefined,
          status: params.get('status') ?? undefined,
          overdue: params.get('overdue') === '1',
          page,
          pageSize,
        },
        signal,
      ),
    params.toString(),
  );

  const deadline = (a: Application) =>
    a.status === 'submitted' ? (
      <span data-testid="due-date">
        {a.dueDate} 前
        {a.overdue && (
          <Tag color="error" style={{ marginInlineStart: 4 }}>
            已超期
          </Tag>
        )}
      </span>
    ) : a.status === 'publicity' ? (
      `公示至 ${a.noticeEnd ?? ''}`
    ) : (
      '—'
    );

  const columns: TableProps<Application>['columns'] = [
    ...(isEnterprise
      ? []
      : [
          {
            title: '企业',
            dataIndex: 'enterpriseName',
            render: (v: string, a: Application) => (
              <span>
                {v}
                <Typography.Text type="secondary" className="ss-mono" style={{ display: 'block', fontSize: 12 }}>
                  {a.creditCode}
                </Typography.Text>
              </span>
            ),
          },
        ]),
    {
      title: '政策条款',
      dataIndex: 'ruleTitle',
      render: (v: string, a) => <Link to={`/policy-applications/${a.id}`}>{v}</Link>,
    },
    { title: '主管部门', dataIndex: 'departmentLabel' },
    { title: '金额', key: 'amount', align: 'right', render: (_: unknown, a) => yuan(a.approvedFen ?? a.amountFen) },
    {
      title: '状态',
      dataIndex: 'status',
      render: (_: unknown, a) => (
        <StatusTag status={a.status} label={a.statusLabel} colors={APPLICATION_STATUS_COLOR} />
      ),
    },
    {
      title: '提交时间',
      dataIndex: 'submittedAt',
      render: (v: string) => new Date(v).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }),
    },
    { title: '审核时限', key: 'due', render: (_: unknown, a) => deadline(a) },
    {
      title: '操作',
      key: 'op',
      render: (_: unknown, a) => (
        <Link to={`/policy-applications/${a.id}`}>
          {isEnterprise ? '查看' : a.status === 'submitted' ? '审核' : '查看'}
        </Link>
      ),
    },
  ];

  const fields = [
    ...(isEnterprise
      ? []
      : [
          <Form.Item key="q" name="q" label="企业名称">
            <Input allowClear aria-label="企业名称" />
          </Form.Item>,
        ]),
    <Form.Item key="status" name="status" label="状态">
      <Select allowClear placeholder="全部" options={STATUS_OPTIONS} />
    </Form.Item>,
    ...(isEnterprise
      ? []
      : [
          <Form.Item key="overdue" name="overdue" label="审核时限" valuePropName="checked">
            <Checkbox>只看超期未审</Checkbox>
          </Form.Item>,
        ]),
  ];

  return (
    <Page
      title={isEnterprise ? '我的申请' : '兑现申请审核'}
      content={
        isEnterprise ? '本企业提交的惠企政策申请及办理进度。' : '本部门主管条款的申请；请在审核时限（工作日）内办结。'
      }
    >
      <SearchForm<SearchValues>
        form={form}
        fields={fields}
        onSearch={(v) => {
          const next = new URLSearchParams();
          if (v.q?.trim()) next.set('q', v.q.trim());
          if (v.status) next.set('status', v.status);
          if (v.overdue) next.set('overdue', '1');
          setParams(next);
        }}
        onReset={() => setParams({})}
      />
      <Card className="ss-table-card" styles={{ body: { padding: 12 } }}>
        {list.error && !list.loading ? (
          <LoadFailed detail={errorMessage(list.error)} onRetry={list.reload} />
        ) : (
          <DataTable<Application>
            testId="application-table"
            rowKey={(a) => a.id}
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.loading}
            paging={{
              current: page,
              pageSize,
              total: list.data?.total ?? 0,
              onChange: (p) => {
                const next = new URLSearchParams(params);
                next.set('page', String(p));
                setParams(next);
              },
            }}
            renderCard={(a) => (
              <RowCard
                title={<Link to={`/policy-applications/${a.id}`}>{a.ruleTitle}</Link>}
                extra={<StatusTag status={a.status} label={a.statusLabel} colors={APPLICATION_STATUS_COLOR} />}
                lines={[
                  ...(isEnterprise ? [] : ([['企业', a.enterpriseName]] as [string, string][])),
                  ['金额', yuan(a.approvedFen ?? a.amountFen)],
                  ['时限', deadline(a)],
                ]}
              />
            )}
          />
        )}
      </Card>
    </Page>
  );
}
