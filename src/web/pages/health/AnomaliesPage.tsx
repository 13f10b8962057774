import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Card, Dropdown, Empty, Modal, Segmented, Space, Typography } from 'antd';
import type { TableProps } from 'antd';
import { DownOutlined } from '@ant-design/icons';
import { errorMessage } from '../../api/client.ts';
import type { AnomalyCase } from '../../api/health.ts';
import { listAnomalies } from '../../api/health.ts';
import { useCurrentUser } from '../../auth/AuthContext.tsx';
import { DataTable, RowCard } from '../../components/DataTable.tsx';
import { Page } from '../../components/Page.tsx';
import { formatDateTime, formatInteger } from '../../lib/format.ts';
import { useRequest } from '../../lib/useRequest.ts';
import { LoadFailed } from '../errors/ErrorPages.tsx';
import { ACTION_LABEL, CaseTimeline, StepModal, nextStepsFor } from './AnomalyParts.tsx';
import { AnomalyStateTag, Temperature, symptomText } from './labels.tsx';
import type { AnomalyState } from './labels.tsx';

type Scope = 'open' | 'all';

/** 异常情况处置: fever and symptom cases, enterprise and CDC, with the case flow. */
export default function AnomaliesPage() {
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const scope: Scope = params.get('scope') === 'all' ? 'all' : 'open';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = 20;
  const list = useRequest(
    (signal) => listAnomalies(scope === 'open' ? { open: true } : {}, page, pageSize, signal),
    `anomalies-${scope}-${page}`,
  );
  const [target, setTarget] = useState<{ c: AnomalyCase; to: AnomalyState } | null>(null);
  const [shown, setShown] = useState<AnomalyCase | null>(null);
  const actions = (c: AnomalyCase) => {
    const next = nextStepsFor(user, c);
    return (
      <Space size={4} wrap>
        <Typography.Link onClick={() => setShown(c)}>处置记录</Typography.Link>
        {next.length > 0 && (
          <Dropdown
            trigger={['click']}
            menu={{
              items: next.map((to) => ({ key: to, label: ACTION_LABEL[to] })),
              onClick: ({ key }) => setTarget({ c, to: key as AnomalyState }),
            }}
          >
            <Typography.Link data-testid="anomaly-action">
              处置 <DownOutlined />
            </Typography.Link>
          </Dropdown>
        )}
      </Space>
    );
  };

  const columns: TableProps<AnomalyCase>['columns'] = [
    { title: '发现时间', dataIndex: 'detectedAt', render: (v: string) => formatDateTime(v) },
    {
      title: '员工',
      dataIndex: 'personName',
      render: (v: string | undefined, c) => (
        <Link to={`/health/roster/${c.personId}`} data-testid="anomaly-person">
          {v ?? `员工 ${c.personId}`}
        </Link>
      ),
    },
    ...(user.role !== 'ent_admin'
      ? [
          {
            title: '企业',
            dataIndex: 'enterpriseName',
            render: (v: string | undefined) => <span data-testid="anomaly-enterprise">{v ?? '—'}</span>,
          },
        ]
      : []),
    { title: '体温', dataIndex: 'temperatureC', render: (v: number | null) => <Temperature value={v} /> },
    { title: '症状', dataIndex: 'symptoms', render: (v: string[]) => symptomText(v) },
    {
      title: '处置进度',
      dataIndex: 'state',
      render: (v: string, c) => <AnomalyStateTag state={v} label={c.stateLabel} />,
    },
    {
      title: '最近一步',
      key: 'last',
      render: (_: unknown, c) => formatDateTime(c.history[c.history.length - 1]?.at ?? c.detectedAt),
    },
    { title: '操作', key: 'actions', fixed: 'right', render: (_: unknown, c) => actions(c) },
  ];

  const total = list.data?.total ?? 0;
  return (
    <Page
      title="异常情况处置"
      content="体温≥37.3℃或有症状的申报自动上报企业和疾控：上报 → 隔离观察区 → 转诊 → 结果，每一步记录时间。"
    >
      {list.error && !list.data ? (
        <LoadFailed detail={errorMessage(list.error)} onRetry={list.reload} />
      ) : (
        <Card
          title={<span data-testid="anomaly-total">共 {formatInteger(total)} 例</span>}
          extra={
            <Segmented<Scope>
              value={scope}
              onChange={(v) => setParams(v === 'all' ? { scope: 'all' } : {})}
              options={[
                { value: 'open', label: '处置中' },
                { value: 'all', label: '全部' },
              ]}
            />
          }
        >
          <DataTable<AnomalyCase>
            testId="anomaly-table"
            rowKey={(c) => c.id}
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.loading}
            paging={{
              current: page,
              pageSize,
              total,
              onChange: (p) => setParams({ ...(scope === 'all' ? { scope: 'all' } : {}), page: String(p) }),
            }}
            empty={
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={scope === 'open' ? '没有正在处置的异常' : '还没有异常记录'}
              />
            }
            renderCard={(c) => (
              <RowCard
                title={
                  <Link to={`/health/roster/${c.personId}`} data-testid="anomaly-person">
                    {c.personName ?? `员工 ${c.personId}`}
                  </Link>
                }
                extra={<AnomalyStateTag state={c.state} label={c.stateLabel} />}
                lines={[
                  ['发现时间', formatDateTime(c.detectedAt)],
                  ...(user.role !== 'ent_admin' ? ([['企业', c.enterpriseName ?? '—']] as [string, string][]) : []),
                  ['体温', <Temperature value={c.temperatureC} />],
                  ['症状', symptomText(c.symptoms)],
                ]}
                footer={actions(c)}
              />
            )}
          />
        </Card>
      )}
      <StepModal
        target={target}
        onClose={() => setTarget(null)}
        onDone={() => {
          setTarget(null);
          list.reload();
        }}
      />
      <Modal
        open={Boolean(shown)}
        title={shown ? `处置记录：${shown.personName ?? ''}` : ''}
        footer={null}
        onCancel={() => setShown(null)}
      >
        {shown && <CaseTimeline c={shown} />}
      </Modal>
    </Page>
  );
}
