import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Drawer,
  Input,
  Modal,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
} from 'antd';
import type { TableProps } from 'antd';
import { errorMessage, isApiError } from '../../api/client.ts';
import { pollJob } from '../../api/jobs.ts';
import type { BatchItem } from '../../api/policies.ts';
import {
  approveBatch,
  cancelBatch,
  getBatch,
  getBatchItem,
  listBatchItems,
  listFactVocabulary,
  setBatchItemStatus,
} from '../../api/policies.ts';
import type { Job } from '../../api/types.ts';
import { useCurrentUser } from '../../auth/AuthContext.tsx';
import { JobProgress } from '../../components/JobProgress.tsx';
import { Page } from '../../components/Page.tsx';
import { PolicyTrace, factValueText } from '../../components/PolicyTrace.tsx';
import { formatInteger } from '../../lib/format.ts';
import { useRequest } from '../../lib/useRequest.ts';
import { LoadFailed, NotFoundPage } from '../errors/ErrorPages.tsx';
import { BATCH_STATUS_COLOR, SourceRef, StatusTag, yuan } from './common.tsx';

/** One 免申即享 batch: the computed list with each enterprise's trace; exclude, approve → payment orders. */
export default function BatchDetailPage() {
  const { id = '' } = useParams();
  const batchId = Number(id);
  const user = useCurrentUser();
  const { message } = App.useApp();
  const batch = useRequest((signal) => getBatch(batchId, signal), id);
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<string | undefined>();
  const items = useRequest(
    (signal) => listBatchItems(batchId, { page, pageSize: 20, q: q || undefined, status }, signal),
    `${id}|${page}|${q}|${status ?? ''}|${batch.data?.status ?? ''}`,
  );
  const [traceId, setTraceId] = useState<number | null>(null);
  const item = useRequest(
    (signal) => (traceId ? getBatchItem(traceId, signal) : Promise.resolve(null)),
    String(traceId),
  );
  const vocabulary = useRequest((signal) => listFactVocabulary(signal), 'vocabulary');
  const [job, setJob] = useState<{ job: Job | null; label: string } | null>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);
  const b = batch.data;

  // A batch still computing: follow its job, then show the list.
  const runningJob = b && (b.status === 'running' || b.status === 'approving') ? b.jobId : null;
  useEffect(() => {
    if (!runningJob) return;
    const controller = new AbortController();
    abort.current = controller;
    setJob({ job: null, label: '正在处理批次…' });
    pollJob(runningJob, { signal: controller.signal, onProgress: (j) => setJob({ job: j, label: '正在处理批次…' }) })
      .then(() => {
        setJob(null);
        batch.reload();
      })
      .catch(() => setJob(null));
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [runningJob]);

  if (batch.error && !batch.loading) {
    if (isApiError(batch.error) && batch.error.status === 404) return <NotFoundPage detail={batch.error.detail} />;
    return <LoadFailed detail={errorMessage(batch.error)} onRetry={batch.reload} />;
  }
  const canReview = user.permissions.includes('policy.review') && b?.status === 'review';
  /** Enterprises on the list now (符合条件 minus those already enjoying it, minus any excluded in review). */
  const included = (b?.byCounty ?? []).reduce((sum, c) => sum + c.enterprises, 0);

  const approve = async () => {
    if (!b) return;
    try {
      const { jobId } = await approveBatch(b.id, b.version);
      if (jobId) {
        const controller = new AbortController();
        abort.current = controller;
        setJob({ job: null, label: '正在生成支付指令…' });
        const done = await pollJob(jobId, {
          signal: controller.signal,
          onProgress: (j) => setJob({ job: j, label: '正在生成支付指令…' }),
        });
        if (done.status === 'failed') message.error(done.message ?? '生成支付指令失败');
        else message.success('已批准，支付指令已生成');
      }
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setJob(null);
      batch.reload();
    }
  };

  const toggle = async (row: BatchItem) => {
    let reason = '';
    if (row.status === 'included') {
      const ok = await new Promise<boolean>((resolve) =>
        Modal.confirm({
          title: `从名单剔除“${row.enterpriseName}”`,
          content: (
            <Input.TextArea aria-label="剔除理由" onChange={(e) => (reason = e.target.value)} placeholder="剔除理由" />
          ),
          okText: '剔除',
          onOk: () => resolve(true),
          onCancel: () => resolve(false),
        }),
      );
      if (!ok) return;
    }
    try {
      await setBatchItemStatus(
        row.id,
        row.status === 'included' ? { status: 'excluded', reason: reason.trim() || undefined } : { status: 'included' },
      );
      batch.reload();
      items.reload();
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const columns: TableProps<BatchItem>['columns'] = [
    { title: '企业', dataIndex: 'enterpriseName' },
    { title: '统一社会信用代码', dataIndex: 'creditCode', render: (v: string) => <span className="ss-mono">{v}</span> },
    { title: '县（区）', dataIndex: 'countyName' },
    {
      title: '核定金额',
      dataIndex: 'amountFen',
      align: 'right',
      render: (v: number, r) => (
        <span data-testid="item-amount">
          {yuan(v)}
          {r.capped && (
            <Tag color="orange" style={{ marginInlineStart: 4 }}>
              封顶
            </Tag>
          )}
        </span>
      ),
    },
    {
      title: '名单',
      dataIndex: 'status',
      render: (_: unknown, r) => (
        <span>
          <Tag color={r.status === 'included' ? 'success' : 'default'}>{r.statusLabel}</Tag>
          {r.excludeReason}
        </span>
      ),
    },
    {
      title: '操作',
      key: 'op',
      render: (_: unknown, r) => (
        <Space>
          <Button size="small" type="link" onClick={() => setTraceId(r.id)}>
            判断过程
          </Button>
          {canReview && (
            <Button size="small" type="link" danger={r.status === 'included'} onClick={() => void toggle(r)}>
              {r.status === 'included' ? '剔除' : '恢复'}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Page
      title={b ? `免申即享批次 #${b.id}` : '免申即享批次'}
      subTitle={b?.ruleTitle}
      loading={!b}
      tags={b && <StatusTag status={b.status} label={b.statusLabel} colors={BATCH_STATUS_COLOR} />}
      extra={
        b && (
          <Space wrap>
            {canReview && (
              <Button
                type="primary"
                data-testid="batch-approve"
                onClick={() =>
                  Modal.confirm({
                    title: '批准兑现名单',
                    content: `批准后将为名单内 ${formatInteger(included)} 家企业生成支付指令，合计 ${yuan(b.totalFen)}。`,
                    okText: '批准',
                    onOk: () => void approve(),
                  })
                }
              >
                审核通过并生成支付指令
              </Button>
            )}
            {canReview && (
              <Button
                danger
                onClick={() => {
                  let reason = '';
                  Modal.confirm({
                    title: '作废批次',
                    content: <Input.TextArea aria-label="作废理由" onChange={(e) => (reason = e.target.value)} />,
                    okText: '作废',
                    onOk: async () => {
                      try {
                        await cancelBatch(b.id, b.version, reason.trim() || '审核不通过');
                        batch.reload();
                      } catch (error) {
                        message.error(errorMessage(error));
                      }
                    },
                  });
                }}
              >
                作废
              </Button>
            )}
            {b.status === 'approved' && <Link to={`/policy-payments?batchId=${b.id}`}>查看支付指令</Link>}
          </Space>
        )
      }
    >
      {b && (
        <>
          {job && (
            <Card size="small" style={{ marginBottom: 16 }}>
              <JobProgress job={job.job} label={job.label} />
            </Card>
          )}
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={12} md={4}>
              <Card size="small">
                <Statistic title="核定企业" value={b.evaluated} />
                <span style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>符合条件 {formatInteger(b.eligible)} 家</span>
              </Card>
            </Col>
            <Col xs={12} md={4}>
              <Card size="small">
                <Statistic
                  title="纳入名单"
                  value={included}
                  formatter={(v) => <span data-testid="batch-eligible">{formatInteger(Number(v))}</span>}
                />
              </Card>
            </Col>
            <Col xs={12} md={4}>
              <Card size="small">
                <Statistic title="不符合" value={b.notEligible} />
              </Card>
            </Col>
            <Col xs={12} md={4}>
              <Card size="small">
                <Statistic title="数据不全" value={b.incomplete} />
              </Card>
            </Col>
            <Col xs={12} md={4}>
              <Card size="small">
                <Statistic title="已享受（不重复）" value={b.already} />
              </Card>
            </Col>
            <Col xs={12} md={4}>
              <Card size="small">
                <Statistic
                  title="兑现金额"
                  value={yuan(b.totalFen)}
                  valueStyle={{ fontSize: 18 }}
                  formatter={(v) => <span data-testid="batch-total">{v}</span>}
                />
              </Card>
            </Col>
          </Row>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={{ xs: 1, md: 3 }}>
              <Descriptions.Item label="政策">{b.policyTitle}</Descriptions.Item>
              <Descriptions.Item label="条款">
                {b.ruleTitle} <SourceRef source={b.ruleSource} />
              </Descriptions.Item>
              <Descriptions.Item label="计算公式">{b.ruleFormula ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="部门">{b.departmentName}</Descriptions.Item>
              <Descriptions.Item label="区域">{b.regionName}</Descriptions.Item>
              <Descriptions.Item label="数据日期">{b.asOf}</Descriptions.Item>
              {b.message && <Descriptions.Item label="说明">{b.message}</Descriptions.Item>}
              {b.orders.length > 0 && (
                <Descriptions.Item label="支付指令" span={3}>
                  {b.orders
                    .map(
                      (o) =>
                        `${o.status === 'paid' ? '已支付' : o.status === 'exported' ? '已导出' : o.status === 'pending' ? '待导出' : o.status} ${o.count} 笔 ${yuan(o.amountFen)}`,
                    )
                    .join('；')}
                </Descriptions.Item>
              )}
            </Descriptions>
            {b.byCounty.length > 0 && (
              <Table
                size="small"
                style={{ marginTop: 8 }}
                pagination={false}
                rowKey={(c) => c.countyCode}
                dataSource={b.byCounty}
                columns={[
                  { title: '县（区）', dataIndex: 'countyName' },
                  { title: '企业数', dataIndex: 'enterprises', align: 'right' },
                  { title: '金额', dataIndex: 'amountFen', align: 'right', render: (v: number) => yuan(v) },
                ]}
              />
            )}
          </Card>
          <Card
            size="small"
            title="兑现名单"
            extra={
              <Space wrap>
                <Input.Search
                  allowClear
                  placeholder="企业名称"
                  aria-label="企业名称"
                  onSearch={(v) => {
                    setQ(v.trim());
                    setPage(1);
                  }}
                  style={{ width: 200 }}
                />
                <Select
                  allowClear
                  placeholder="全部"
                  style={{ width: 100 }}
                  value={status}
                  onChange={(v?: string) => {
                    setStatus(v);
                    setPage(1);
                  }}
                  options={[
                    { value: 'included', label: '纳入' },
                    { value: 'excluded', label: '剔除' },
                  ]}
                />
              </Space>
            }
          >
            <Table<BatchItem>
              data-testid="batch-items"
              size="small"
              rowKey={(r) => r.id}
              loading={items.loading}
              dataSource={items.data?.items ?? []}
              columns={columns}
              scroll={{ x: 'max-content' }}
              pagination={{
                current: page,
                pageSize: 20,
                total: items.data?.total ?? 0,
                onChange: setPage,
                showSizeChanger: false,
              }}
            />
          </Card>
        </>
      )}
      <Drawer
        open={traceId !== null}
        width={Math.min(720, window.innerWidth)}
        title={item.data ? `判断过程：${item.data.enterpriseName}` : '判断过程'}
        onClose={() => setTraceId(null)}
      >
        {item.data && (
          <>
            <Descriptions size="small" column={1} bordered style={{ marginBottom: 12 }} title="所用数据">
              {item.data.facts.map((f) => (
                <Descriptions.Item key={f.name} label={f.label}>
                  {factValueText(f.value, f.unit, vocabulary.data?.items.find((v) => v.name === f.name)?.values)}
                </Descriptions.Item>
              ))}
            </Descriptions>
            <PolicyTrace trace={item.data.trace} capped={item.data.capped} amountText={yuan(item.data.amountFen)} />
          </>
        )}
      </Drawer>
    </Page>
  );
}
