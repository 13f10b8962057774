import { useState } from 'react';
import { App, Button, Card, Col, DatePicker, Row, Space, Statistic, Table, Tabs } from 'antd';
import type { TableProps } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { downloadFile, errorMessage } from '../../api/client.ts';
import type { DispatchRow, StatRow } from '../../api/policies.ts';
import { getStats, getWeekly } from '../../api/policies.ts';
import { Page } from '../../components/Page.tsx';
import { PolicyBarChart, PolicyPieChart } from '../../components/PolicyCharts.tsx';
import { formatInteger } from '../../lib/format.ts';
import { useRequest } from '../../lib/useRequest.ts';
import { LoadFailed } from '../errors/ErrorPages.tsx';
import { yuan } from './common.tsx';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

const statColumns = (first: string): TableProps<StatRow>['columns'] => [
  { title: first, dataIndex: 'name' },
  { title: '兑现金额', dataIndex: 'amountFen', align: 'right', render: (v: number) => yuan(v) },
  { title: '兑现企业数', dataIndex: 'enterprisesPaid', align: 'right', render: (v: number) => formatInteger(v) },
  { title: '符合条件企业数', dataIndex: 'eligible', align: 'right', render: (v: number) => formatInteger(v) },
  { title: '覆盖面', dataIndex: 'coverage', align: 'right', render: (v: number) => pct(v) },
];

const dispatchColumns = (first: string): TableProps<DispatchRow>['columns'] => [
  { title: first, dataIndex: 'unit' },
  { title: '本周兑现金额', dataIndex: 'weekFen', align: 'right', render: (v: number) => yuan(v) },
  { title: '本周兑现企业', dataIndex: 'weekEnterprises', align: 'right' },
  { title: '累计兑现金额', dataIndex: 'totalFen', align: 'right', render: (v: number) => yuan(v) },
  { title: '累计兑现企业', dataIndex: 'totalEnterprises', align: 'right' },
  { title: '符合条件企业', dataIndex: 'eligible', align: 'right' },
  { title: '覆盖面', dataIndex: 'coverage', align: 'right', render: (v: number) => pct(v) },
  { title: '待审申请', dataIndex: 'pendingApplications', align: 'right' },
  { title: '超期未审', dataIndex: 'overdueApplications', align: 'right' },
];

function StatBlock({ rows, first, testId }: { rows: StatRow[]; first: string; testId: string }) {
  return (
    <Row gutter={16}>
      <Col xs={24} lg={12}>
        <PolicyBarChart
          data={rows
            .slice(0, 12)
            .map((r) => ({ name: r.name.length > 18 ? `${r.name.slice(0, 18)}…` : r.name, values: [r.amountFen] }))}
          series={['兑现金额']}
          money
        />
      </Col>
      <Col xs={24} lg={12}>
        <Table<StatRow>
          data-testid={testId}
          size="small"
          rowKey={(r) => r.key || r.name}
          dataSource={rows}
          columns={statColumns(first)}
          pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
          scroll={{ x: 'max-content' }}
        />
      </Col>
    </Row>
  );
}

/** 兑现统计 for the leader: 兑现金额、兑现企业数、覆盖面 by department, region and policy; the funding by level; and
 * the weekly dispatch table (一周一调度), with Excel downloads. */
export default function PolicyStatsPage() {
  const { message } = App.useApp();
  const stats = useRequest((signal) => getStats(signal), 'stats');
  const [week, setWeek] = useState<string | undefined>();
  const weekly = useRequest((signal) => getWeekly(week, signal), week ?? '');
  const s = stats.data;
  const download = (kind: 'summary' | 'weekly') =>
    void downloadFile(
      `/api/policy-stats/export.xlsx?kind=${kind}${kind === 'weekly' && week ? `&week=${week}` : ''}`,
      kind === 'weekly' ? '惠企政策兑现一周一调度表.xlsx' : '惠企政策兑现统计.xlsx',
    ).catch((e) => message.error(errorMessage(e)));

  return (
    <Page
      title="兑现统计"
      subTitle={s?.scope}
      extra={
        <Space wrap>
          <Button icon={<DownloadOutlined />} onClick={() => download('summary')}>
            导出统计 Excel
          </Button>
          <Button icon={<DownloadOutlined />} onClick={() => download('weekly')}>
            导出一周一调度表
          </Button>
        </Space>
      }
    >
      {stats.error && !stats.loading ? (
        <LoadFailed detail={errorMessage(stats.error)} onRetry={stats.reload} />
      ) : (
        <>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title="兑现金额"
                  loading={!s}
                  value={s ? yuan(s.total.amountFen) : ''}
                  valueStyle={{ fontSize: 20 }}
                  formatter={(v) => <span data-testid="stats-amount">{v}</span>}
                />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title="兑现企业数"
                  loading={!s}
                  value={s?.total.enterprisesPaid ?? 0}
                  formatter={(v) => <span data-testid="stats-enterprises">{formatInteger(Number(v))}</span>}
                />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title="覆盖面（兑现÷符合）"
                  loading={!s}
                  value={s ? pct(s.total.coverage) : ''}
                  formatter={(v) => <span data-testid="stats-coverage">{v}</span>}
                />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title="待支付"
                  loading={!s}
                  value={s ? `${s.awaitingPayment.orders} 笔 ${yuan(s.awaitingPayment.amountFen)}` : ''}
                  valueStyle={{ fontSize: 16 }}
                />
              </Card>
            </Col>
          </Row>
          {s && (
            <Card size="small" style={{ marginBottom: 16 }}>
              <Tabs
                items={[
                  {
                    key: 'dept',
                    label: '按部门',
                    children: <StatBlock rows={s.byDepartment} first="部门" testId="stats-by-department" />,
                  },
                  {
                    key: 'region',
                    label: `按${s.regionLevel}`,
                    children: <StatBlock rows={s.byRegion} first={s.regionLevel} testId="stats-by-region" />,
                  },
                  {
                    key: 'policy',
                    label: '按政策',
                    children: <StatBlock rows={s.byPolicy} first="政策" testId="stats-by-policy" />,
                  },
                  {
                    key: 'level',
                    label: '按财政层级',
                    children:
                      s.byLevel.length === 0 ? (
                        '尚无已支付的资金'
                      ) : (
                        <Row gutter={16}>
                          <Col xs={24} lg={12}>
                            <PolicyPieChart data={s.byLevel.map((l) => ({ name: l.label, value: l.amountFen }))} />
                          </Col>
                          <Col xs={24} lg={12}>
                            <Table
                              size="small"
                              rowKey={(l) => l.level}
                              pagination={false}
                              dataSource={s.byLevel}
                              columns={[
                                { title: '财政层级', dataIndex: 'label' },
                                {
                                  title: '负担金额',
                                  dataIndex: 'amountFen',
                                  align: 'right',
                                  render: (v: number) => yuan(v),
                                },
                              ]}
                            />
                          </Col>
                        </Row>
                      ),
                  },
                ]}
              />
            </Card>
          )}
          <Card
            size="small"
            title={weekly.data ? `一周一调度（${weekly.data.weekStart} 至 ${weekly.data.weekEnd}）` : '一周一调度'}
            extra={
              <DatePicker
                picker="week"
                aria-label="调度周"
                value={week ? dayjs(week) : null}
                onChange={(d) => setWeek(d ? d.startOf('week').add(1, 'day').format('YYYY-MM-DD') : undefined)}
              />
            }
          >
            {weekly.error && !weekly.loading ? (
              <LoadFailed detail={errorMessage(weekly.error)} onRetry={weekly.reload} />
            ) : (
              <Table<DispatchRow>
                data-testid="weekly-table"
                size="small"
                loading={weekly.loading}
                rowKey={(r) => `${r.kind}-${r.unit}`}
                dataSource={weekly.data ? [...weekly.data.regions, ...weekly.data.departments, weekly.data.total] : []}
                columns={dispatchColumns(`${weekly.data?.regionLevel ?? '区域'} / 部门`)}
                pagination={false}
                scroll={{ x: 'max-content' }}
              />
            )}
          </Card>
        </>
      )}
    </Page>
  );
}
