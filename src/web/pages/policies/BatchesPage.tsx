import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { App, Button, Card, DatePicker, Form, Modal, Select, Space } from 'antd';
import type { TableProps } from 'antd';
import { PlayCircleOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { errorMessage } from '../../api/client.ts';
import { pollJob } from '../../api/jobs.ts';
import type { Batch } from '../../api/policies.ts';
import { listBatchableRules, listBatches, startBatch } from '../../api/policies.ts';
import type { Job } from '../../api/types.ts';
import { useCurrentUser } from '../../auth/AuthContext.tsx';
import { DataTable, RowCard } from '../../components/DataTable.tsx';
import { JobProgress } from '../../components/JobProgress.tsx';
import { Page } from '../../components/Page.tsx';
import { formatInteger } from '../../lib/format.ts';
import { useRequest } from '../../lib/useRequest.ts';
import { LoadFailed } from '../errors/ErrorPages.tsx';
import { BATCH_STATUS_COLOR, StatusTag, todayIso, yuan } from './common.tsx';

/** 免申即享 batches: start one for a clause the department owns (with progress), then review and approve it. */
export default function BatchesPage() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useRequest((signal) => listBatches({ page, pageSize: 20 }, signal), params.toString());
  const canStart = user.permissions.includes('policy.review');
  const [open, setOpen] = useState(false);
  const rules = useRequest(
    (signal) => (canStart ? listBatchableRules(signal) : Promise.resolve({ items: [] })),
    'rules',
  );
  const [form] = Form.useForm<{ ruleId: string; asOf: dayjs.Dayjs }>();
  const [job, setJob] = useState<{ job: Job | null } | null>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const start = async (v: { ruleId: string; asOf: dayjs.Dayjs }) => {
    const controller = new AbortController();
    abort.current = controller;
    setJob({ job: null });
    try {
      const { batchId, jobId } = await startBatch({ ruleId: v.ruleId, asOf: v.asOf.format('YYYY-MM-DD') });
      const done = await pollJob(jobId, { signal: controller.signal, onProgress: (j) => setJob({ job: j }) });
      if (done.status === 'failed') message.error(done.message ?? '批次计算失败');
      else message.success('批次计算完成，请审核兑现名单');
      setOpen(false);
      navigate(`/policy-batches/${batchId}`);
    } catch (error) {
      if (!controller.signal.aborted) message.error(errorMessage(error));
    } finally {
      setJob(null);
    }
  };

  const columns: TableProps<Batch>['columns'] = [
    { title: '批次', dataIndex: 'id', render: (v: number) => <Link to={`/policy-batches/${v}`}>#{v}</Link> },
    {
      title: '政策条款',
      dataIndex: 'ruleTitle',
      render: (v: string, b) => <Link to={`/policy-batches/${b.id}`}>{v}</Link>,
    },
    { title: '部门', dataIndex: 'departmentName' },
    { title: '数据日期', dataIndex: 'asOf' },
    { title: '核定企业', dataIndex: 'evaluated', align: 'right', render: (v: number) => formatInteger(v) },
    { title: '符合', dataIndex: 'eligible', align: 'right', render: (v: number) => formatInteger(v) },
    { title: '金额', dataIndex: 'totalFen', align: 'right', render: (v: number) => yuan(v) },
    {
      title: '状态',
      dataIndex: 'status',
      render: (_: unknown, b) => <StatusTag status={b.status} label={b.statusLabel} colors={BATCH_STATUS_COLOR} />,
    },
  ];

  return (
    <Page
      title="免申即享"
      content="依据一企一档和部门共享数据，对辖区内数据齐全的企业批量核定兑现金额；名单经审核批准后生成支付指令，企业无需申请。"
      extra={
        canStart && (
          <Button
            type="primary"
            icon={<PlayCircleOutlined />}
            onClick={() => {
              form.setFieldsValue({ asOf: dayjs(todayIso()) });
              setOpen(true);
            }}
          >
            发起批次
          </Button>
        )
      }
    >
      <Card className="ss-table-card" styles={{ body: { padding: 12 } }}>
        {list.error && !list.loading ? (
          <LoadFailed detail={errorMessage(list.error)} onRetry={list.reload} />
        ) : (
          <DataTable<Batch>
            testId="batch-table"
            rowKey={(b) => b.id}
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.loading}
            paging={{
              current: page,
              pageSize: 20,
              total: list.data?.total ?? 0,
              onChange: (p) => setParams({ page: String(p) }),
            }}
            renderCard={(b) => (
              <RowCard
                title={<Link to={`/policy-batches/${b.id}`}>{b.ruleTitle}</Link>}
                extra={<StatusTag status={b.status} label={b.statusLabel} colors={BATCH_STATUS_COLOR} />}
                lines={[
                  ['数据日期', b.asOf],
                  ['符合', `${formatInteger(b.eligible)} 家`],
                  ['金额', yuan(b.totalFen)],
                ]}
              />
            )}
          />
        )}
      </Card>
      <Modal
        open={open}
        title="发起免申即享批次"
        okText="开始核定"
        confirmLoading={job !== null}
        closable={job === null}
        maskClosable={false}
        onCancel={() => job === null && setOpen(false)}
        onOk={() => void form.validateFields().then(start)}
      >
        {job ? (
          <JobProgress job={job.job} label="正在读取辖区企业数据并逐户核定，完成后进入名单审核。" />
        ) : (
          <Form form={form} layout="vertical">
            <Form.Item name="ruleId" label="政策条款" rules={[{ required: true, message: '政策条款：请选择' }]}>
              <Select
                aria-label="政策条款"
                showSearch
                optionFilterProp="label"
                loading={rules.loading}
                options={(rules.data?.items ?? []).map((r) => ({
                  value: r.id,
                  label: `${r.title}（${r.policyTitle}）`,
                }))}
              />
            </Form.Item>
            <Form.Item name="asOf" label="数据日期" rules={[{ required: true, message: '数据日期：请选择' }]}>
              <DatePicker aria-label="数据日期" style={{ width: '100%' }} />
            </Form.Item>
            <Space />
          </Form>
        )}
      </Modal>
    </Page>
  );
}
