import { useEffect } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Button, Card, Empty, Form, Input, Select, Space, Typography } from 'antd';
import type { TableProps } from 'antd';
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { errorMessage } from '../../api/client.ts';
import type { HealthPerson, RosterFilter } from '../../api/health.ts';
import { listPeople } from '../../api/health.ts';
import type { Permission } from '../../api/types.ts';
import { useCurrentUser } from '../../auth/AuthContext.tsx';
import { DataTable, RowCard } from '../../components/DataTable.tsx';
import { EnterpriseSelect } from '../../components/EnterpriseSelect.tsx';
import { Page } from '../../components/Page.tsx';
import { SearchForm } from '../../components/SearchForm.tsx';
import { formatDate, formatInteger } from '../../lib/format.ts';
import { useRequest } from '../../lib/useRequest.ts';
import { LoadFailed } from '../errors/ErrorPages.tsx';
import { HEALTH_STATUSES, PERSON_CATEGORIES, PERSON_CATEGORY_LABEL, STATUS_INFO, StatusTag, yesNo } from './labels.tsx';

interface SearchValues {
  q?: string;
  team?: string;
  post?: string;
  category?: string;
  status?: string;
  enterpriseId?: number | null;
}

const KEYS = ['q', 'team', 'post', 'category', 'status'] as const;

function valuesOf(params: URLSearchParams): SearchValues {
  const v: SearchValues = {};
  for (const k of KEYS) v[k] = params.get(k) ?? undefined;
  const e = Number(params.get('enterpriseId'));
  v.enterpriseId = Number.isInteger(e) && e > 0 ? e : undefined;
  return v;
}

/** 一人一档: the roster, ID numbers masked, with its filters. */
export default function RosterPage() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [form] = Form.useForm<SearchValues>();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Math.min(200, Math.max(1, Number(params.get('pageSize')) || 20));
  const values = valuesOf(params);
  const filter: RosterFilter = {
    q: values.q?.trim() || undefined,
    team: values.team?.trim() || undefined,
    post: values.post?.trim() || undefined,
    category: values.category,
    status: values.status,
    enterpriseId: values.enterpriseId ?? undefined,
  };
  const list = useRequest((signal) => listPeople(filter, page, pageSize, signal), params.toString());
  const can = (p: Permission) => user.permissions.includes(p);
  const manage = can('health.roster.manage');
  const ownEnterprise = user.role === 'ent_admin';

  const paramsText = params.toString();
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(valuesOf(new URLSearchParams(paramsText)));
  }, [form, paramsText]);

  const search = (v: SearchValues) => {
    const next = new URLSearchParams();
    for (const k of KEYS) {
      const value = v[k];
      if (typeof value === 'string' && value.trim()) next.set(k, value.trim());
    }
    if (v.enterpriseId) next.set('enterpriseId', String(v.enterpriseId));
    setParams(next);
  };

  const changePage = (p: number, size: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(size !== pageSize ? 1 : p));
    if (size !== 20) next.set('pageSize', String(size));
    else next.delete('pageSize');
    setParams(next);
  };

  const columns: TableProps<HealthPerson>['columns'] = [
    {
      title: '姓名',
      dataIndex: 'name',
      fixed: 'left',
      render: (name: string, p) => <Link to={`/health/roster/${p.id}`}>{name}</Link>,
    },
    {
      title: '身份证号',
      dataIndex: 'residentIdMasked',
      render: (v: string) => (
        <span className="ss-mono" data-testid="masked-id">
          {v}
        </span>
      ),
    },
    ...(!ownEnterprise
      ? [{ title: '企业', dataIndex: 'enterpriseName', render: (v: string | undefined) => v ?? '—' }]
      : []),
    { title: '班组', dataIndex: 'team', render: (v: string | null) => v ?? '—' },
    {
      title: '岗位',
      dataIndex: 'post',
      render: (v: string | null, p) => (
        <>
          {v ?? '—'}
          {p.keyPost && <Typography.Text type="warning"> · 重点岗位</Typography.Text>}
        </>
      ),
    },
    { title: '人员类别', dataIndex: 'categoryLabel', render: (v: string | null) => v ?? '—' },
    { title: '住宿舍', dataIndex: 'dormitory', render: (v: boolean) => yesNo(v) },
    {
      title: '返岗状态',
      dataIndex: 'status',
      render: (_: unknown, p) => (
        <StatusTag status={p.status} label={p.statusLabel} byOverride={p.statusCause === 'override'} />
      ),
    },
    {
      title: '最早可返岗',
      dataIndex: 'earliestReturnDate',
      render: (v: string | null, p) => (p.status === 'cleared' ? '—' : v ? formatDate(v) : '待定'),
    },
    {
      title: '操作',
      key: 'actions',
      fixed: 'right',
      render: (_: unknown, p) => (
        <Space size={4}>
          <Link to={`/health/roster/${p.id}`}>查看</Link>
          {manage && <Link to={`/health/roster/${p.id}/edit`}>编辑</Link>}
        </Space>
      ),
    },
  ];

  const fields = [
    <Form.Item key="q" name="q" label="关键词">
      <Input allowClear placeholder="姓名、手机号或完整身份证号" aria-label="姓名、手机号或完整身份证号" />
    </Form.Item>,
    <Form.Item key="status" name="status" label="返岗状态">
      <Select
        allowClear
        placeholder="全部"
        aria-label="返岗状态"
        options={HEALTH_STATUSES.map((s) => ({ value: s, label: STATUS_INFO[s].label }))}
      />
    </Form.Item>,
    <Form.Item key="team" name="team" label="班组">
      <Input allowClear placeholder="如 装配一班" aria-label="班组" />
    </Form.Item>,
    <Form.Item key="post" name="post" label="岗位">
      <Input allowClear placeholder="如 质检" aria-label="岗位" />
    </Form.Item>,
    <Form.Item key="category" name="category" label="人员类别">
      <Select
        allowClear
        placeholder="全部"
        aria-label="人员类别"
        options={PERSON_CATEGORIES.map((c) => ({ value: c, label: PERSON_CATEGORY_LABEL[c] }))}
      />
    </Form.Item>,
    ...(!ownEnterprise
      ? [
          <Form.Item key="enterpriseId" name="enterpriseId" label="企业">
            <EnterpriseSelect placeholder="全部企业" />
          </Form.Item>,
        ]
      : []),
  ];

  const total = list.data?.total ?? 0;
  const filtered = [...params.keys()].some((k) => k !== 'page' && k !== 'pageSize');

  return (
    <Page
      title="员工健康档案（一人一档）"
      content="身份证号一律脱敏显示；查看档案会记入审计日志。"
      extra={
        manage && (
          <Space wrap>
            <Button icon={<UploadOutlined />} onClick={() => navigate('/health/roster/import')}>
              导入花名册
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/health/roster/new')}>
              新增员工
            </Button>
          </Space>
        )
      }
    >
      <SearchForm<SearchValues> form={form} fields={fields} onSearch={search} onReset={() => setParams({})} />
      {list.error && !list.data ? (
        <LoadFailed detail={errorMessage(list.error)} onRetry={list.reload} />
      ) : (
        <Card
          title={
            <span data-testid="roster-total">
              共 {formatInteger(total)} 人{filtered ? '（已筛选）' : ''}
            </span>
          }
        >
          <DataTable<HealthPerson>
            testId="roster-table"
            rowKey={(p) => p.id}
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.loading}
            paging={{ current: page, pageSize, total, onChange: changePage }}
            empty={
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={filtered ? '没有符合条件的员工' : '花名册还是空的，可以逐个新增或从 Excel 导入'}
              />
            }
            renderCard={(p) => (
              <RowCard
                title={<Link to={`/health/roster/${p.id}`}>{p.name}</Link>}
                extra={<StatusTag status={p.status} label={p.statusLabel} byOverride={p.statusCause === 'override'} />}
                lines={[
                  ['身份证号', <span className="ss-mono">{p.residentIdMasked}</span>],
                  ['班组岗位', [p.team, p.post].filter(Boolean).join(' / ') || '—'],
                  ['最早返岗', p.status === 'cleared' ? '—' : (p.earliestReturnDate ?? '待定')],
                ]}
              />
            )}
          />
        </Card>
      )}
    </Page>
  );
}
