import { useNavigate, useSearchParams } from 'react-router-dom';
import { Card, Segmented } from 'antd';
import type { CheckTaskSummary, OrderSummary } from '../../api/resumption.ts';
import { listCheckTasks, listRectifications } from '../../api/resumption.ts';
import { DataTable, RowCard } from '../../components/DataTable.tsx';
import { Page } from '../../components/Page.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useRequest } from '../../lib/useRequest.ts';
import { LoadError, RectificationStatusTag, TaskStatusTag } from './shared.tsx';

/** The grid officer's (or liaison's) on-site check tasks and the rectification orders waiting for a re-check. */
export default function CheckTasksPage() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'orders' ? 'orders' : 'tasks';
  const status = params.get('status') ?? 'all';
  const tasks = useRequest(
    (signal) => listCheckTasks(status === 'all' ? {} : { status }, 1, 100, signal),
    `tasks-${status}`,
  );
  const orders = useRequest((signal) => listRectifications({}, 1, 100, signal), 'orders');
  if (tasks.error && !tasks.data) return <LoadError error={tasks.error} onRetry={tasks.reload} />;
  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    next.set(k, v);
    setParams(next);
  };
  return (
    <Page title="现场核查" content="复工后的事后现场核查：逐项检查、拍照记录问题，限期整改，复查销号。">
      <Segmented
        block
        value={view}
        onChange={(v) => set('view', String(v))}
        style={{ marginBottom: 12 }}
        options={[
          { value: 'tasks', label: `核查任务（${tasks.data?.total ?? 0}）` },
          { value: 'orders', label: `整改复查（${orders.data?.total ?? 0}）` },
        ]}
      />
      {view === 'tasks' ? (
        <Card
          title={`共 ${tasks.data?.total ?? 0} 项任务`}
          extra={
            <Segmented
              size="small"
              value={status}
              onChange={(v) => set('status', String(v))}
              options={[
                { value: 'all', label: '全部' },
                { value: 'assigned', label: '待核查' },
                { value: 'in_progress', label: '核查中' },
                { value: 'completed', label: '已完成' },
              ]}
            />
          }
        >
          <DataTable<CheckTaskSummary>
            testId="check-tasks"
            rowKey={(t) => t.id}
            loading={tasks.loading}
            dataSource={tasks.data?.items ?? []}
            onRowClick={(t) => navigate(`/resumption/checks/${t.id}`)}
            columns={[
              { title: '企业', dataIndex: 'enterpriseName', render: (v: string) => <a>{v}</a> },
              { title: '地区', dataIndex: 'countyName' },
              { title: '类型', dataIndex: 'kindLabel' },
              { title: '完成期限', render: (_, t) => formatDateTime(t.dueAt) },
              {
                title: '状态',
                render: (_, t) => <TaskStatusTag status={t.status} overdue={t.overdue} label={t.statusLabel} />,
              },
            ]}
            renderCard={(t) => (
              <RowCard
                title={<span data-testid="check-task-card">{t.enterpriseName}</span>}
                extra={<TaskStatusTag status={t.status} overdue={t.overdue} label={t.statusLabel} />}
                onClick={() => navigate(`/resumption/checks/${t.id}`)}
                lines={[
                  ['类型', t.kindLabel],
                  ['完成期限', formatDateTime(t.dueAt)],
                ]}
              />
            )}
          />
        </Card>
      ) : (
        <Card title={`共 ${orders.data?.total ?? 0} 件整改`}>
          <DataTable<OrderSummary>
            testId="officer-rectifications"
            rowKey={(o) => o.id}
            loading={orders.loading}
            dataSource={orders.data?.items ?? []}
            onRowClick={(o) => navigate(`/resumption/rectifications/${o.id}`)}
            columns={[
              { title: '企业', dataIndex: 'enterpriseName' },
              { title: '问题', dataIndex: 'description' },
              { title: '期限', render: (_, o) => formatDateTime(o.dueAt) },
              {
                title: '状态',
                render: (_, o) => (
                  <RectificationStatusTag status={o.status} overdue={o.overdue} label={o.statusLabel} />
                ),
              },
            ]}
            renderCard={(o) => (
              <RowCard
                title={<span data-testid="rectification-card">{o.enterpriseName}</span>}
                extra={<RectificationStatusTag status={o.status} overdue={o.overdue} label={o.statusLabel} />}
                onClick={() => navigate(`/resumption/rectifications/${o.id}`)}
                lines={[
                  ['问题', o.description],
                  ['期限', formatDateTime(o.dueAt)],
                  ['停工整改', o.stopOrdered ? '是' : '否'],
                ]}
              />
            )}
          />
        </Card>
      )}
    </Page>
  );
}
