import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { App, Button, Card, DatePicker, Form, Input, Modal, Select, Space, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { CheckOutlined, DownloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { downloadFile, errorMessage } from '../../api/client.ts';
import { pollJob } from '../../api/jobs.ts';
import type { OrderFilter, OrderStatus, PaymentOrder } from '../../api/policies.ts';
import { listOrders, markOrdersPaid, startOrderExport } from '../../api/policies.ts';
import type { Job } from '../../api/types.ts';
import { useCurrentUser } from '../../auth/AuthContext.tsx';
import { DataTable, RowCard } from '../../components/DataTable.tsx';
import { JobProgress } from '../../components/JobProgress.tsx';
import { Page } from '../../components/Page.tsx';
import { useRequest } from '../../lib/useRequest.ts';
import { LoadFailed } from '../errors/ErrorPages.tsx';
import { ORDER_STATUS_COLOR, StatusTag, todayIso, yuan } from './common.tsx';

function Funding({ order }: { order: PaymentOrder }) {
  if (order.funding.length === 0) return <span>—</span>;
  return (
    <span data-testid="order-funding">
      {order.funding.map((f) => (
        <span key={f.level} style={{ display: 'block', whiteSpace: 'nowrap' }}>
          {f.label} {yuan(f.amountFen)}
          {f.fund ? `（${f.fund}）` : ''}
        </span>
      ))}
    </span>
  );
}

/** Payment orders: for a department the list to export for the budget system and bank and to mark paid, with the
 * funding split per level traced to the clause; for an enterprise the payments it has received. */
export default function PaymentsPage() {
  const user = useCurrentUser();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const isEnterprise = user.role === 'ent_admin';
  const filter: OrderFilter = {
    status: (params.get('status') as OrderStatus | null) ?? undefined,
    batchId: Number(params.get('batchId')) || undefined,
    applicationId: Number(params.get('applicationId')) || undefined,
    q: params.get('q') ?? undefined,
  };
  const list = useRequest((signal) => listOrders({ ...filter, page, pageSize: 20 }, signal), params.toString());
  const [selected, setSelected] = useState<number[]>([]);
  const [payOpen, setPayOpen] = useState(false);
  const [payForm] = Form.useForm<{ paidOn: dayjs.Dayjs; bankRef?: string }>();
  const [job, setJob] = useState<{ job: Job | null } | null>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);
  const canPay = user.permissions.includes('policy.pay');

  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('page');
    setParams(next);
  };

  const runExport = async (format: 'xlsx' | 'csv') => {
    const controller = new AbortController();
    abort.current = controller;
    setJob({ job: null });
    try {
      const clean = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)) as OrderFilter;
      const { jobId } = await startOrderExport({ ...clean, format });
      const done = await pollJob(jobId, { signal: controller.signal, onProgress: (j) => setJob({ job: j }) });
      if (done.status === 'failed') {
        message.error(done.message ?? '导出失败');
        return;
      }
      await downloadFile(`/api/jobs/${jobId}/download`, `惠企政策支付指令.${format}`);
      message.success('已导出支付指令');
      list.reload();
    } catch (error) {
      if (!controller.signal.aborted) message.error(errorMessage(error));
    } finally {
      setJob(null);
    }
  };

  const columns: TableProps<PaymentOrder>['columns'] = [
    { title: '指令号', dataIndex: 'orderNo', render: (v: string) => <span className="ss-mono">{v}</span> },
    ...(isEnterprise
      ? []
      : [
          {
            title: '收款人',
            dataIndex: 'payeeName',
            render: (v: string, o: PaymentOrder) => (
              <span>
                {v}
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {o.payeeBankName} {o.payeeAccountNo}
                </Typography.Text>
              </span>
            ),
          },
          { title: '县（区）', dataIndex: 'countyName' },
        ]),
    {
      title: '政策条款',
      dataIndex: 'ruleTitle',
      render: (v: string, o) => (
        <span style={{ display: 'block', maxWidth: 360, whiteSpace: 'normal' }}>
          {v}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {o.clause}
          </Typography.Text>
        </span>
      ),
    },
    { title: '方式', dataIndex: 'sourceLabel' },
    {
      title: '金额',
      dataIndex: 'amountFen',
      align: 'right',
      render: (v: number) => <span data-testid="order-amount">{yuan(v)}</span>,
    },
    { title: '资金分担', key: 'funding', render: (_: unknown, o) => <Funding order={o} /> },
    {
      title: '状态',
      dataIndex: 'status',
      render: (_: unknown, o) => <StatusTag status={o.status} label={o.statusLabel} colors={ORDER_STATUS_COLOR} />,
    },
    { title: '支付日期', dataIndex: 'paidOn', render: (v: string | null) => v ?? '—' },
  ];

  const total = (list.data?.items ?? []).reduce((s, o) => s + o.amountFen, 0);

  return (
    <Page
      title={isEnterprise ? '兑付记录' : '支付指令'}
      content={
        isEnterprise
          ? '本企业收到的惠企政策资金和减免。'
          : '免申即享批次和申请兑现生成的支付指令：导出 Excel/CSV 交预算系统和代发银行，支付后标记已支付；资金按政策条款规定的比例分级负担。'
      }
      extra={
        canPay && (
          <Space wrap>
            <Button
              icon={<DownloadOutlined />}
              onClick={() => void runExport('xlsx')}
              loading={job !== null}
              data-testid="export-xlsx"
            >
              导出 Excel
            </Button>
            <Button icon={<DownloadOutlined />} onClick={() => void runExport('csv')} loading={job !== null}>
              导出 CSV
            </Button>
            <Button
              type="primary"
              icon={<CheckOutlined />}
              disabled={selected.length === 0}
              onClick={() => {
                payForm.setFieldsValue({ paidOn: dayjs(todayIso()), bankRef: '' });
                setPayOpen(true);
              }}
            >
              标记已支付（{selected.length}）
            </Button>
          </Space>
        )
      }
    >
      <Card style={{ marginBottom: 16 }} styles={{ body: { paddingBottom: 8 } }}>
        <Space wrap>
          <Select
            allowClear
            placeholder="全部状态"
            aria-label="状态"
            style={{ width: 160 }}
            value={filter.status}
            onChange={(v?: string) => set('status', v)}
            options={[
              { value: 'pending', label: '待导出' },
              { value: 'exported', label: '已导出待支付' },
              { value: 'paid', label: '已支付' },
              { value: 'cancelled', label: '已作废' },
            ]}
          />
          {!isEnterprise && (
            <Input.Search
              allowClear
              placeholder="收款人"
              aria-label="收款人"
              defaultValue={filter.q}
              onSearch={(v) => set('q', v.trim() || undefined)}
              style={{ width: 220 }}
            />
          )}
          {filter.batchId && <span>批次 #{filter.batchId}</span>}
          {filter.applicationId && <span>申请 #{filter.applicationId}</span>}
          <Typography.Text type="secondary">本页合计 {yuan(total)}</Typography.Text>
        </Space>
      </Card>
      <Card className="ss-table-card" styles={{ body: { padding: 12 } }}>
        {list.error && !list.loading ? (
          <LoadFailed detail={errorMessage(list.error)} onRetry={list.reload} />
        ) : canPay ? (
          <Table<PaymentOrder>
            data-testid="order-table"
            rowKey={(o) => o.id}
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.loading}
            scroll={{ x: 'max-content' }}
            rowSelection={{
              selectedRowKeys: selected,
              onChange: (keys) => setSelected(keys.map(Number)),
              getCheckboxProps: (o) => ({ disabled: o.status === 'paid' || o.status === 'cancelled' }),
            }}
            pagination={{
              current: page,
              pageSize: 20,
              total: list.data?.total ?? 0,
              showSizeChanger: false,
              onChange: (p) => {
                const next = new URLSearchParams(params);
                next.set('page', String(p));
                setParams(next);
              },
            }}
          />
        ) : (
          <DataTable<PaymentOrder>
            testId="order-table"
            rowKey={(o) => o.id}
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.loading}
            paging={{
              current: page,
              pageSize: 20,
              total: list.data?.total ?? 0,
              onChange: (p) => {
                const next = new URLSearchParams(params);
                next.set('page', String(p));
                setParams(next);
              },
            }}
            renderCard={(o) => (
              <RowCard
                title={o.ruleTitle}
                extra={<StatusTag status={o.status} label={o.statusLabel} colors={ORDER_STATUS_COLOR} />}
                lines={[
                  ['金额', yuan(o.amountFen)],
                  ['方式', o.sourceLabel],
                  ['支付日期', o.paidOn ?? '—'],
                  ['依据', o.clause],
                ]}
              />
            )}
          />
        )}
      </Card>
      <Modal open={job !== null} title="导出支付指令" footer={null} closable={false} maskClosable={false}>
        <JobProgress job={job?.job ?? null} label="正在生成文件，完成后自动下载。" />
      </Modal>
      <Modal
        open={payOpen}
        title="标记已支付"
        okText="确认"
        onCancel={() => setPayOpen(false)}
        onOk={() =>
          void payForm.validateFields().then(async (v) => {
            try {
              await markOrdersPaid({
                ids: selected,
                paidOn: v.paidOn.format('YYYY-MM-DD'),
                ...(v.bankRef?.trim() ? { bankRef: v.bankRef.trim() } : {}),
              });
              message.success(`已标记 ${selected.length} 笔支付指令为已支付`);
              setSelected([]);
              setPayOpen(false);
              list.reload();
            } catch (error) {
              message.error(errorMessage(error));
            }
          })
        }
      >
        <Form form={payForm} layout="vertical">
          <Form.Item name="paidOn" label="支付日期" rules={[{ required: true, message: '支付日期：请选择' }]}>
            <DatePicker aria-label="支付日期" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="bankRef" label="银行流水号">
            <Input maxLength={64} />
          </Form.Item>
        </Form>
      </Modal>
    </Page>
  );
}
