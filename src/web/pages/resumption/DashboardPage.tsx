import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router-dom';
import { Breadcrumb, Card, Col, DatePicker, Drawer, Row, Segmented, Space, Statistic, Tag } from 'antd';
import dayjs from 'dayjs';
import type { Dimension, DrillRow, RateRow, StatsFilter } from '../../api/resumption.ts';
import { getDashboard, getDrillDown, getTrend } from '../../api/resumption.ts';
import { DataTable, RowCard } from '../../components/DataTable.tsx';
import { Page } from '../../components/Page.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { formatInteger } from '../../lib/format.ts';
import { useRequest } from '../../lib/useRequest.ts';
import { DIMENSION_LABELS } from '../../../domain/resumption/index.ts';
import { beijingToday, EnterpriseStatusTag, LoadError } from './shared.tsx';

const TrendChart = lazy(() => import('./TrendChart.tsx'));

const DIMENSIONS: Dimension[] = ['regionCode', 'zoneCode', 'industry', 'size', 'aboveScale'];

type Filter = StatsFilter;

function keyLabel(row: RateRow): string {
  return row.label;
}

function filterOf(row: RateRow, dim: Dimension): Filter {
  const v = row.key[dim];
  if (dim === 'aboveScale') return { aboveScale: Boolean(v) };
  if (dim === 'regionCode') return { countyCode: String(v) };
  if (dim === 'zoneCode') return { zoneCode: v ? String(v) : '' };
  if (dim === 'industry') return { industry: String(v) };
  return { size: String(v) };
}

function EnterprisesDrawer({
  filter,
  date,
  title,
  onClose,
}: {
  filter: Filter | null;
  date: string | undefined;
  title: string;
  onClose: () => void;
}) {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const rows = useRequest(
    (signal) =>
      filter
        ? getDrillDown({ ...filter, ...(date ? { date } : {}) }, page, pageSize, signal)
        : Promise.resolve({ items: [], total: 0 }),
    JSON.stringify({ filter, date, page, pageSize }),
  );
  return (
    <Drawer open={filter !== null} onClose={onClose} title={title} width={Math.min(760, window.innerWidth)}>
      {rows.error ? (
        <LoadError error={rows.error} onRetry={rows.reload} />
      ) : (
        <DataTable<DrillRow>
          testId="drill-enterprises"
          rowKey={(r) => r.enterpriseId}
          loading={rows.loading}
          dataSource={rows.data?.items ?? []}
          paging={{
            current: page,
            pageSize,
            total: rows.data?.total ?? 0,
            onChange: (p, s) => {
              setPage(p);
              setPageSize(s);
            },
          }}
          columns={[
            {
              title: '企业',
              dataIndex: 'name',
              render: (v: string, r) => <Link to={`/enterprises/${r.enterpriseId}`}>{v}</Link>,
            },
            { title: '地区', render: (_, r) => (r.zoneName ? `${r.countyName} · ${r.zoneName}` : r.countyName) },
            { title: '状态', render: (_, r) => <EnterpriseStatusTag status={r.status} label={r.statusLabel} /> },
            {
              title: '在岗 / 正常用工',
              render: (_, r) => `${formatInteger(r.workersBack)} / ${formatInteger(r.normalHeadcount)}`,
            },
          ]}
          renderCard={(r) => (
            <RowCard
              title={<Link to={`/enterprises/${r.enterpriseId}`}>{r.name}</Link>}
              extra={<EnterpriseStatusTag status={r.status} label={r.statusLabel} />}
              lines={[
                ['地区', r.countyName],
                ['返岗', `${formatInteger(r.workersBack)} / ${formatInteger(r.normalHeadcount)}`],
              ]}
            />
          )}
        />
      )}
    </Drawer>
  );
}

/** 复工率 / 复岗率 by region, zone, industry, size and 规上, with the trend and drill-down to enterprises. */
export default function DashboardPage() {
  const [groupBy, setGroupBy] = useState<Dimension>('regionCode');
  const [date, setDate] = useState<string | undefined>(undefined);
  const [path, setPath] = useState<{ label: string; filter: Filter }[]>([]);
  const [drill, setDrill] = useState<{ filter: Filter; title: string } | null>(null);
  const filter: Filter = Object.assign({}, ...path.map((p) => p.filter)) as Filter;
  const key = JSON.stringify({ groupBy, date, filter });
  const board = useRequest((signal) => getDashboard({ groupBy, ...(date ? { date } : {}), ...filter }, signal), key);
  const to = date ?? beijingToday();
  const trend = useRequest(
    (signal) =>
      getTrend(
        {
          from: dayjs(to).subtract(29, 'day').format('YYYY-MM-DD'),
          to,
          ...(filter.countyCode ? { countyCode: filter.countyCode } : {}),
          ...(filter.zoneCode ? { zoneCode: filter.zoneCode } : {}),
        },
        signal,
      ),
    JSON.stringify({ to, c: filter.countyCode, z: filter.zoneCode }),
  );
  if (board.error && !board.data) return <LoadError error={board.error} onRetry={board.reload} />;
  const total = board.data?.total;
  const used = new Set(path.flatMap((p) => Object.keys(p.filter)));
  const nextDim = (dim: Dimension): Dimension | undefined =>
    DIMENSIONS.find((d) => d !== dim && !used.has(d) && !(dim === 'regionCode' && d === 'zoneCode'));

  return (
    <Page
      title="复工复产统计"
      content="复工率 = 已复工和部分复工企业 ÷ 企业总数；复岗率 = 在岗人数 ÷ 正常用工人数。"
      extra={
        <DatePicker
          allowClear
          placeholder="统计日期（默认最新）"
          onChange={(d) => setDate(d ? d.format('YYYY-MM-DD') : undefined)}
        />
      }
    >
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title="企业数" value={formatInteger(total?.enterprises ?? 0)} loading={board.loading} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic
              title="复工率"
              value={total?.resumptionRate ?? '—'}
              loading={board.loading}
              valueStyle={{ color: '#1f5fbf' }}
            />
            <div data-testid="total-resumption-rate" style={{ display: 'none' }}>
              {total?.resumptionRate ?? '—'}
            </div>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title="复岗率" value={total?.reinstatementRate ?? '—'} loading={board.loading} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic
              title="在岗 / 正常用工"
              value={`${formatInteger(total?.workersBack ?? 0)} / ${formatInteger(total?.normalHeadcount ?? 0)}`}
              loading={board.loading}
              valueStyle={{ fontSize: 18 }}
            />
          </Card>
        </Col>
        <Col xs={24}>
          <Card title="近 30 日趋势">
            <Suspense fallback={<PageLoading />}>
              {trend.data ? <TrendChart points={trend.data.points} /> : <PageLoading />}
            </Suspense>
          </Card>
        </Col>
        <Col xs={24}>
          <Card
            title={
              <Breadcrumb
                items={[
                  { title: <a onClick={() => setPath([])}>全市</a> },
                  ...path.map((p, i) => ({ title: <a onClick={() => setPath(path.slice(0, i + 1))}>{p.label}</a> })),
                ]}
              />
            }
            extra={
              <Segmented
                value={groupBy}
                onChange={(v) => setGroupBy(v as Dimension)}
                options={DIMENSIONS.map((d) => ({ value: d, label: DIMENSION_LABELS[d] }))}
              />
            }
          >
            <DataTable<RateRow>
              testId="rate-groups"
              rowKey={(r) => JSON.stringify(r.key)}
              loading={board.loading}
              dataSource={board.data?.groups ?? []}
              columns={[
                { title: DIMENSION_LABELS[groupBy], render: (_, r) => keyLabel(r) },
                { title: '企业数', dataIndex: 'enterprises', render: (v: number) => formatInteger(v) },
                { title: '已复工', dataIndex: 'resumed', render: (v: number) => formatInteger(v) },
                { title: '部分复工', dataIndex: 'partiallyResumed', render: (v: number) => formatInteger(v) },
                { title: '停工整改', dataIndex: 'stopped', render: (v: number) => formatInteger(v) },
                { title: '复工率', render: (_, r) => <Tag color="blue">{r.resumptionRate}</Tag> },
                { title: '复岗率', render: (_, r) => r.reinstatementRate },
                {
                  title: '操作',
                  render: (_, r) => {
                    const next = nextDim(groupBy);
                    return (
                      <Space size={0} wrap>
                        {next && (
                          <a
                            onClick={() => {
                              setPath([...path, { label: keyLabel(r), filter: filterOf(r, groupBy) }]);
                              setGroupBy(next);
                            }}
                          >
                            按{DIMENSION_LABELS[next]}细分
                          </a>
                        )}
                        <a
                          style={{ marginLeft: 8 }}
                          data-testid="drill-link"
                          onClick={() =>
                            setDrill({
                              filter: { ...filter, ...filterOf(r, groupBy) },
                              title: `${keyLabel(r)} 企业明细`,
                            })
                          }
                        >
                          企业明细
                        </a>
                      </Space>
                    );
                  },
                },
              ]}
              renderCard={(r) => (
                <RowCard
                  title={keyLabel(r)}
                  extra={<Tag color="blue">{r.resumptionRate}</Tag>}
                  lines={[
                    ['企业数', formatInteger(r.enterprises)],
                    ['复工率', r.resumptionRate],
                    ['复岗率', r.reinstatementRate],
                  ]}
                  footer={
                    <a
                      onClick={() =>
                        setDrill({ filter: { ...filter, ...filterOf(r, groupBy) }, title: `${keyLabel(r)} 企业明细` })
                      }
                    >
                      企业明细
                    </a>
                  }
                />
              )}
            />
          </Card>
        </Col>
      </Row>
      <EnterprisesDrawer
        filter={drill?.filter ?? null}
        title={drill?.title ?? ''}
        date={date}
        onClose={() => setDrill(null)}
      />
    </Page>
  );
}
