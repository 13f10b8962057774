import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Card, Col, DatePicker, Empty, Row, Space, Statistic, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import dayjs from 'dayjs';
import { errorMessage } from '../../api/client.ts';
import type { DailySummaryRow } from '../../api/health.ts';
import { listSummaries } from '../../api/health.ts';
import { DataTable, RowCard } from '../../components/DataTable.tsx';
import { Page } from '../../components/Page.tsx';
import { formatDateTime, formatInteger } from '../../lib/format.ts';
import { useRequest } from '../../lib/useRequest.ts';
import { LoadFailed } from '../errors/ErrorPages.tsx';
import { Temperature } from './labels.tsx';

/** 员工健康日报: every enterprise's daily counts, sent to the CDC automatically each day (seed 003 L62). */
export default function SummariesPage() {
  const [params, setParams] = useSearchParams();
  const dateParam = params.get('date');
  const date = dateParam && /^\d{4}-\d{2}-\d{2}$/.test(dateParam) ? dateParam : undefined;
  const setDate = (d: string | undefined) => setParams(d ? { date: d } : {});
  const [page, setPage] = useState(1);
  const pageSize = 50;
  const list = useRequest(
    (signal) => listSummaries(date ? { date } : {}, page, pageSize, signal),
    `summaries-${date ?? 'default'}-${page}`,
  );
  const rows = list.data?.items ?? [];
  const sum = (f: (r: DailySummaryRow) => number) => rows.reduce((n, r) => n + f(r), 0);

  const columns: TableProps<DailySummaryRow>['columns'] = [
    { title: '企业', dataIndex: 'enterpriseName', fixed: 'left' },
    { title: '在册', key: 'headcount', align: 'right', render: (_: unknown, r) => formatInteger(r.summary.headcount) },
    {
      title: '已申报 / 未申报',
      key: 'declared',
      render: (_: unknown, r) => (
        <span>
          {formatInteger(r.summary.fullyDeclared)} /{' '}
          <Typography.Text type={r.summary.undeclared ? 'warning' : undefined}>
            {formatInteger(r.summary.undeclared)}
          </Typography.Text>
        </span>
      ),
    },
    {
      title: '发热 / 有症状申报',
      key: 'fever',
      render: (_: unknown, r) => (
        <Typography.Text type={r.summary.feverDeclarations || r.summary.symptomDeclarations ? 'danger' : undefined}>
          {r.summary.feverDeclarations} / {r.summary.symptomDeclarations}
        </Typography.Text>
      ),
    },
    { title: '最高体温', key: 'max', render: (_: unknown, r) => <Temperature value={r.summary.maxTemperatureC} /> },
    {
      title: '异常（新增 / 处置中）',
      key: 'anomalies',
      render: (_: unknown, r) => `${r.summary.anomalies.newToday} / ${r.summary.anomalies.open}`,
    },
    {
      title: '返岗状态分布',
      key: 'status',
      render: (_: unknown, r) => (
        <Space size={[4, 4]} wrap style={{ maxWidth: 360 }}>
          {r.summary.byStatus
            .filter((s) => s.count > 0)
            .map((s) => (
              <Tag key={s.status}>
                {s.label} {s.count}
              </Tag>
            ))}
          {r.summary.unknownStatus > 0 && <Tag color="warning">待评估 {r.summary.unknownStatus}</Tag>}
        </Space>
      ),
    },
    { title: '生成时间', dataIndex: 'generatedAt', render: (v: string) => formatDateTime(v) },
  ];

  return (
    <Page title="员工健康日报" content="每天自动汇总各企业员工健康情况报送疾控（只有人数，不含姓名和身份证号）。">
      <Card style={{ marginBottom: 16 }}>
        <Space wrap>
          <Typography.Text>日期：</Typography.Text>
          <DatePicker
            allowClear
            placeholder={list.data?.date ?? '昨天'}
            value={date ? dayjs(date) : null}
            onChange={(d) => {
              setDate(d ? d.format('YYYY-MM-DD') : undefined);
              setPage(1);
            }}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            aria-label="日期"
          />
        </Space>
      </Card>
      {list.error && !list.data ? (
        <LoadFailed detail={errorMessage(list.error)} onRetry={list.reload} />
      ) : (
        <>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title="报送企业" value={list.data?.total ?? 0} loading={list.loading} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title="在册员工（本页）" value={sum((r) => r.summary.headcount)} loading={list.loading} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title="未申报（本页）" value={sum((r) => r.summary.undeclared)} loading={list.loading} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title="异常处置中（本页）"
                  value={sum((r) => r.summary.anomalies.open)}
                  valueStyle={{ color: sum((r) => r.summary.anomalies.open) ? '#cf1322' : undefined }}
                  loading={list.loading}
                />
              </Card>
            </Col>
          </Row>
          <Card title={<span data-testid="summary-title">{list.data ? `${list.data.date} 日报` : '日报'}</span>}>
            <DataTable<DailySummaryRow>
              testId="summary-table"
              rowKey={(r) => r.enterpriseId}
              columns={columns}
              dataSource={rows}
              loading={list.loading}
              paging={{ current: page, pageSize, total: list.data?.total ?? 0, onChange: (p) => setPage(p) }}
              empty={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="该日还没有生成日报" />}
              renderCard={(r) => (
                <RowCard
                  title={r.enterpriseName}
                  lines={[
                    ['在册', formatInteger(r.summary.headcount)],
                    ['未申报', formatInteger(r.summary.undeclared)],
                    ['发热/症状', `${r.summary.feverDeclarations} / ${r.summary.symptomDeclarations}`],
                    ['异常', `新增 ${r.summary.anomalies.newToday}，处置中 ${r.summary.anomalies.open}`],
                  ]}
                />
              )}
            />
          </Card>
        </>
      )}
    </Page>
  );
}
