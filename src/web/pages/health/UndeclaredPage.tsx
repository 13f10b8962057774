import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Card, DatePicker, Empty, Input, Space, Statistic, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import dayjs from 'dayjs';
import { errorMessage } from '../../api/client.ts';
import type { UndeclaredEntry } from '../../api/health.ts';
import { listUndeclared } from '../../api/health.ts';
import { useCurrentUser } from '../../auth/AuthContext.tsx';
import { DataTable, RowCard } from '../../components/DataTable.tsx';
import { EnterpriseSelect } from '../../components/EnterpriseSelect.tsx';
import { Page } from '../../components/Page.tsx';
import { formatInteger } from '../../lib/format.ts';
import { useRequest } from '../../lib/useRequest.ts';

const SLOT_LABEL: Record<string, string> = { morning: '上午', afternoon: '下午' };

/** 今日未申报: who still owes a declaration today (two a day for dormitories and quarantine, seed 003 L61). */
export default function UndeclaredPage() {
  const user = useCurrentUser();
  const ownEnterprise = user.role === 'ent_admin';
  const [date, setDate] = useState<string | undefined>(undefined);
  const [enterpriseId, setEnterpriseId] = useState<number | null>(null);
  const ready = ownEnterprise || enterpriseId !== null;
  const list = useRequest(
    (signal) =>
      ready
        ? listUndeclared({ ...(date ? { date } : {}), ...(enterpriseId ? { enterpriseId } : {}) }, signal)
        : Promise.resolve(null),
    `undeclared-${date ?? 'today'}-${enterpriseId ?? 'own'}`,
  );
  const data = list.data;
  const [filter, setFilter] = useState('');
  const shown = (data?.items ?? []).filter(
    (r) => !filter.trim() || r.name.includes(filter.trim()) || (r.team ?? '').includes(filter.trim()),
  );

  const columns: TableProps<UndeclaredEntry>['columns'] = [
    {
      title: '姓名',
      dataIndex: 'name',
      render: (v: string, r) => <Link to={`/health/roster/${r.personId}`}>{v}</Link>,
    },
    { title: '班组', dataIndex: 'team', render: (v: string | null) => v ?? '—' },
    { title: '手机号', dataIndex: 'phone', render: (v: string | null | undefined) => v ?? '—' },
    { title: '应申报', dataIndex: 'required', render: (v: number) => `${v} 次` },
    { title: '已申报', dataIndex: 'made', render: (v: number) => `${v} 次` },
    {
      title: '缺少',
      key: 'missing',
      render: (_: unknown, r) =>
        (r.missingSlots ?? []).map((s) => (
          <Tag key={s} color="orange">
            {SLOT_LABEL[s] ?? s}
          </Tag>
        )),
    },
  ];

  return (
    <Page title="今日未申报" content="每名员工每天申报一次；住集体宿舍或处于隔离期的员工每天两次（上午、下午）。">
      <Card style={{ marginBottom: 16 }}>
        <Space wrap size={16}>
          {!ownEnterprise && (
            <div style={{ minWidth: 280 }}>
              <Typography.Text>企业：</Typography.Text>
              <EnterpriseSelect value={enterpriseId} onChange={setEnterpriseId} placeholder="请选择企业" />
            </div>
          )}
          <Input.Search
            allowClear
            placeholder="姓名或班组"
            aria-label="姓名或班组"
            style={{ width: 200 }}
            onChange={(e) => setFilter(e.target.value)}
          />
          <Space>
            <Typography.Text>日期：</Typography.Text>
            <DatePicker
              allowClear
              placeholder="今天"
              value={date ? dayjs(date) : null}
              onChange={(d) => setDate(d ? d.format('YYYY-MM-DD') : undefined)}
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
              aria-label="日期"
            />
          </Space>
        </Space>
      </Card>
      {!ready ? (
        <Card>
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="请先选择企业" />
        </Card>
      ) : list.error && !data ? (
        <Alert type="error" showIcon message={errorMessage(list.error)} />
      ) : (
        <Card
          title={
            <span data-testid="undeclared-total">
              {data ? `${data.date} 未申报 ${formatInteger(data.items.length)} 人` : '正在加载…'}
            </span>
          }
          extra={
            data?.headcount !== undefined && (
              <Statistic value={data.headcount} suffix="人在册" valueStyle={{ fontSize: 16 }} />
            )
          }
        >
          <DataTable<UndeclaredEntry>
            testId="undeclared-table"
            rowKey={(r) => r.personId}
            columns={columns}
            dataSource={shown}
            loading={list.loading}
            localPageSize={20}
            empty={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="都已按时申报" />}
            renderCard={(r) => (
              <RowCard
                title={<Link to={`/health/roster/${r.personId}`}>{r.name}</Link>}
                extra={
                  <Tag color="orange">
                    已报 {r.made}/{r.required}
                  </Tag>
                }
                lines={[
                  ['班组', r.team ?? '—'],
                  ['手机号', r.phone ?? '—'],
                ]}
              />
            )}
          />
        </Card>
      )}
    </Page>
  );
}
