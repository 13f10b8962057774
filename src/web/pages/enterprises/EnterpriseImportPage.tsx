import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  List,
  Popconfirm,
  Result,
  Row,
  Segmented,
  Space,
  Statistic,
  Steps,
  Tag,
  Typography,
  Upload,
} from 'antd';
import type { TableProps } from 'antd';
import { DownloadOutlined, FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import { api, downloadFile, errorMessage } from '../../api/client.ts';
import { pollJob } from '../../api/jobs.ts';
import type { ImportBatch, ImportRow, Job } from '../../api/types.ts';
import { DataTable, RowCard } from '../../components/DataTable.tsx';
import { JobProgress } from '../../components/JobProgress.tsx';
import { Page } from '../../components/Page.tsx';
import { formatInteger } from '../../lib/format.ts';
import { useRequest } from '../../lib/useRequest.ts';
import { useIsMobile } from '../../lib/useMediaQuery.ts';

type Stage =
  | { kind: 'upload' }
  | { kind: 'uploading'; fileName: string }
  | { kind: 'validating'; batchId: number; job: Job | null }
  | { kind: 'report'; batchId: number }
  | { kind: 'importing'; batchId: number; job: Job | null }
  | { kind: 'done'; batchId: number; written: number; skipped: number }
  | { kind: 'failed'; message: string }
  | { kind: 'cancelled' };

type Only = 'all' | 'errors' | 'valid';

const STEP_OF: Record<Stage['kind'], number> = {
  upload: 0,
  uploading: 0,
  validating: 1,
  report: 2,
  importing: 3,
  done: 3,
  failed: 1,
  cancelled: 2,
};

const getBatch = (id: number, only: Only, page: number, pageSize: number, signal?: AbortSignal) =>
  api.get<ImportBatch>(`/api/enterprises/imports/${id}`, { only, page, pageSize }, signal ? { signal } : {});

function NothingWrittenNote() {
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      message="确认导入前不会写入任何企业"
      description="上传的文件只做逐行校验，结果暂存在本批次中；点击“确认导入”后才把校验通过的行写入企业名录，点击“放弃”则删除本批次。"
      data-testid="import-nothing-written"
    />
  );
}

function UploadStep({ onUpload, busy }: { onUpload: (file: File) => void; busy: boolean }) {
  const { message } = App.useApp();
  const [downloading, setDownloading] = useState(false);
  return (
    <>
      <NothingWrittenNote />
      <Card title="第一步：下载模板，按模板填写" size="small" style={{ marginBottom: 16 }}>
        <Typography.Paragraph>
          模板列出了所有列：统一社会信用代码、企业名称、法定代表人、联系人、联系电话、县（区）、乡镇（街道）或区域代码、地址、行业代码、从业人员、营业收入（万元）、资产总额（万元）和各项标记（填“是/否”）。
          表头可以在前 10 行中的任意一行，常见的别名（如“单位名称”“法人代表”）也能识别。
        </Typography.Paragraph>
        <Button
          icon={<FileExcelOutlined />}
          loading={downloading}
          onClick={() => {
            setDownloading(true);
            downloadFile('/api/enterprises/import-template.xlsx', '企业信息导入模板.xlsx')
              .catch((e: unknown) => message.error(errorMessage(e)))
              .finally(() => setDownloading(false));
          }}
        >
          下载导入模板
        </Button>
      </Card>
      <Card title="第二步：上传填好的 Excel 文件" size="small">
        <Upload.Dragger
          accept=".xlsx"
          multiple={false}
          showUploadList={false}
          disabled={busy}
          beforeUpload={(file) => {
            if (!/\.xlsx$/i.test(file.name)) {
              message.error('只支持 .xlsx 格式（旧版 .xls 请在 Excel 中另存为 .xlsx）');
              return Upload.LIST_IGNORE;
            }
            onUpload(file);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{busy ? '正在上传…' : '点击或拖动 Excel 文件到这里上传'}</p>
          <p className="ant-upload-hint">仅支持 .xlsx，单个文件不超过 60 MB。</p>
        </Upload.Dragger>
      </Card>
    </>
  );
}

function ReportStep({
  batchId,
  onConfirm,
  onCancel,
}: {
  batchId: number;
  onConfirm: (valid: number) => void;
  onCancel: () => void;
}) {
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const [only, setOnly] = useState<Only>('all');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const batch = useRequest(
    (signal) => getBatch(batchId, only, page, pageSize, signal),
    `${batchId}-${only}-${page}-${pageSize}`,
  );
  const [downloading, setDownloading] = useState(false);
  const b = batch.data;
  const valid = b?.validRows ?? 0;
  const errors = b?.errorRows ?? 0;

  const columns: TableProps<ImportRow>['columns'] = [
    { title: '行号', dataIndex: 'rowNumber', width: 64 },
    {
      title: '结果',
      dataIndex: 'ok',
      width: 84,
      render: (ok: boolean) => (ok ? <Tag color="success">可导入</Tag> : <Tag color="error">有错误</Tag>),
    },
    {
      title: '统一社会信用代码',
      key: 'creditCode',
      render: (_: unknown, r) => <span className="ss-mono">{r.values.creditCode || '—'}</span>,
    },
    { title: '企业名称', key: 'name', render: (_: unknown, r) => r.values.name || '—' },
    {
      title: '所在区域',
      key: 'place',
      render: (_: unknown, r) =>
        [r.values.countyName, r.values.townshipName].filter(Boolean).join(' / ') || r.values.regionCode || '—',
    },
    {
      title: '错误说明',
      key: 'errors',
      render: (_: unknown, r) =>
        r.errors.length === 0 ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <ul
            style={{ margin: 0, paddingInlineStart: 18, maxWidth: 420, whiteSpace: 'normal' }}
            data-testid="row-errors"
          >
            {r.errors.map((e, i) => (
              <li key={i}>
                <Typography.Text type="danger">{e.message}</Typography.Text>
              </li>
            ))}
          </ul>
        ),
    },
  ];

  return (
    <>
      <NothingWrittenNote />
      <Card size="small" style={{ marginBottom: 16 }} title={`校验结果：${b?.fileName ?? ''}`}>
        <Row gutter={[16, 16]}>
          <Col xs={8}>
            <Statistic title="数据行" value={b?.totalRows ?? 0} loading={!b} />
          </Col>
          <Col xs={8}>
            <Statistic
              title="可导入"
              value={valid}
              valueStyle={{ color: '#389e0d' }}
              loading={!b}
              data-testid="import-valid"
            />
          </Col>
          <Col xs={8}>
            <Statistic
              title="有错误"
              value={errors}
              valueStyle={{ color: errors ? '#cf1322' : undefined }}
              loading={!b}
              data-testid="import-errors"
            />
          </Col>
        </Row>
        <Space wrap style={{ marginTop: 16 }}>
          <Popconfirm
            title={`确认导入 ${formatInteger(valid)} 条有效数据？`}
            description={
              errors
                ? `有错误的 ${formatInteger(errors)} 行不会导入，可下载错误报告修改后再导入。`
                : '校验通过的行将写入企业名录。'
            }
            okText="确认导入"
            cancelText="再看看"
            disabled={valid === 0}
            onConfirm={() => onConfirm(valid)}
          >
            <Button type="primary" disabled={!b || valid === 0} data-testid="import-confirm">
              确认导入 {formatInteger(valid)} 条有效数据
            </Button>
          </Popconfirm>
          {errors > 0 && (
            <Button
              icon={<DownloadOutlined />}
              loading={downloading}
              onClick={() => {
                setDownloading(true);
                downloadFile(`/api/enterprises/imports/${batchId}/errors.xlsx`, `导入错误报告-${batchId}.xlsx`)
                  .catch((e: unknown) => message.error(errorMessage(e)))
                  .finally(() => setDownloading(false));
              }}
            >
              下载错误报告
            </Button>
          )}
          <Popconfirm
            title="放弃本次导入？"
            description="本批次的校验结果将被删除，不会写入任何企业。"
            okText="放弃"
            okButtonProps={{ danger: true }}
            cancelText="取消"
            onConfirm={onCancel}
          >
            <Button danger data-testid="import-cancel">
              放弃
            </Button>
          </Popconfirm>
        </Space>
      </Card>
      <Card
        size="small"
        title="逐行校验结果"
        extra={
          <Segmented<Only>
            size={isMobile ? 'small' : 'middle'}
            value={only}
            onChange={(v) => {
              setOnly(v);
              setPage(1);
            }}
            options={[
              { value: 'all', label: '全部' },
              { value: 'errors', label: '有错误' },
              { value: 'valid', label: '可导入' },
            ]}
          />
        }
      >
        <DataTable<ImportRow>
          testId="import-rows"
          rowKey={(r) => r.rowNumber}
          columns={columns}
          dataSource={b?.rows.items ?? []}
          loading={batch.loading}
          size="small"
          paging={{
            current: page,
            pageSize,
            total: b?.rows.total ?? 0,
            onChange: (p, size) => {
              setPage(size !== pageSize ? 1 : p);
              setPageSize(size);
            },
          }}
          empty={
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={only === 'errors' ? '没有错误行' : only === 'valid' ? '没有可导入的行' : '文件中没有数据行'}
            />
          }
          renderCard={(r) => (
            <RowCard
              title={`第 ${r.rowNumber} 行 ${r.values.name ?? ''}`}
              extra={r.ok ? <Tag color="success">可导入</Tag> : <Tag color="error">有错误</Tag>}
              lines={[
                ['信用代码', r.values.creditCode || '—'],
                ['区域', [r.values.countyName, r.values.townshipName].filter(Boolean).join(' / ') || '—'],
              ]}
              footer={
                r.errors.length > 0 && (
                  <List
                    size="small"
                    split={false}
                    dataSource={r.errors}
                    renderItem={(e) => (
                      <List.Item style={{ padding: '2px 0' }}>
                        <Typography.Text type="danger">{e.message}</Typography.Text>
                      </List.Item>
                    )}
                  />
                )
              }
            />
          )}
        />
      </Card>
    </>
  );
}

/** 企业导入: template → upload → row-by-row check → report → confirm (or give up) → result. */
export default function EnterpriseImportPage() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [stage, setStage] = useState<Stage>({ kind: 'upload' });
  const abort = useRef<AbortController | null>(null);

  useEffect(() => () => abort.current?.abort(), []);

  const remember = useCallback(
    (batchId: number | null) => setParams(batchId ? { batch: String(batchId) } : {}, { replace: true }),
    [setParams],
  );

  const follow = useCallback(
    async (kind: 'validating' | 'importing', batchId: number, jobId: number) => {
      abort.current?.abort();
      const controller = new AbortController();
      abort.current = controller;
      setStage({ kind, batchId, job: null });
      try {
        const job = await pollJob<{ written?: number; skipped?: number }>(jobId, {
          signal: controller.signal,
          onProgress: (j) => setStage({ kind, batchId, job: j }),
        });
        if (job.status === 'failed') {
          setStage({ kind: 'failed', message: job.message ?? (kind === 'validating' ? '校验失败' : '导入失败') });
          remember(null);
          return;
        }
        if (kind === 'validating') setStage({ kind: 'report', batchId });
        else setStage({ kind: 'done', batchId, written: job.result?.written ?? 0, skipped: job.result?.skipped ?? 0 });
      } catch (error) {
        if (!controller.signal.aborted) setStage({ kind: 'failed', message: errorMessage(error) });
      }
    },
    [remember],
  );

  // Coming back to a batch (?batch=…): pick up where it stands.
  const initialBatch = useRef(params.get('batch'));
  useEffect(() => {
    const id = Number(initialBatch.current);
    if (!Number.isInteger(id) || id <= 0) return;
    const controller = new AbortController();
    abort.current = controller;
    (async () => {
      let batch = await getBatch(id, 'all', 1, 1, controller.signal);
      if (batch.status === 'validating' && batch.jobId) {
        void follow('validating', id, batch.jobId);
        return;
      }
      while (batch.status === 'importing') {
        setStage({ kind: 'importing', batchId: id, job: null });
        await new Promise((r) => window.setTimeout(r, 1000));
        if (controller.signal.aborted) return;
        batch = await getBatch(id, 'all', 1, 1, controller.signal);
      }
      if (batch.status === 'ready') setStage({ kind: 'report', batchId: id });
      else if (batch.status === 'confirmed')
        setStage({ kind: 'done', batchId: id, written: batch.validRows ?? 0, skipped: 0 });
      else if (batch.status === 'cancelled') setStage({ kind: 'cancelled' });
      else setStage({ kind: 'failed', message: '该批次校验失败，请检查文件后重新上传' });
    })().catch((error: unknown) => {
      if (!controller.signal.aborted) {
        setStage({ kind: 'upload' });
        message.error(errorMessage(error));
        setParams({}, { replace: true });
      }
    });
    return () => controller.abort();
  }, [follow, message, setParams]);

  const upload = async (file: File) => {
    setStage({ kind: 'uploading', fileName: file.name });
    try {
      const { batchId, jobId } = await api.upload<{ batchId: number; jobId: number }>('/api/enterprises/imports', file);
      remember(batchId);
      void follow('validating', batchId, jobId);
    } catch (error) {
      setStage({ kind: 'upload' });
      message.error(errorMessage(error));
    }
  };

  const confirm = async (batchId: number) => {
    try {
      const { jobId } = await api.post<{ jobId: number }>(`/api/enterprises/imports/${batchId}/confirm`);
      void follow('importing', batchId, jobId);
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const cancel = async (batchId: number) => {
    try {
      await api.post(`/api/enterprises/imports/${batchId}/cancel`);
      remember(null);
      setStage({ kind: 'cancelled' });
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const restart = () => {
    remember(null);
    setStage({ kind: 'upload' });
  };

  return (
    <Page title="批量导入企业" content="从 Excel 批量登记企业：先逐行校验，确认后才写入。">
      <Card style={{ marginBottom: 16 }}>
        <Steps
          current={STEP_OF[stage.kind]}
          status={stage.kind === 'failed' ? 'error' : undefined}
          size="small"
          responsive
          items={[{ title: '上传文件' }, { title: '逐行校验' }, { title: '核对结果' }, { title: '确认导入' }]}
        />
      </Card>
      {(stage.kind === 'upload' || stage.kind === 'uploading') && (
        <UploadStep onUpload={(f) => void upload(f)} busy={stage.kind === 'uploading'} />
      )}
      {stage.kind === 'validating' && (
        <Card>
          <NothingWrittenNote />
          <JobProgress job={stage.job} label="正在逐行校验，请稍候…" />
        </Card>
      )}
      {stage.kind === 'report' && (
        <ReportStep
          batchId={stage.batchId}
          onConfirm={() => void confirm(stage.batchId)}
          onCancel={() => void cancel(stage.batchId)}
        />
      )}
      {stage.kind === 'importing' && (
        <Card>
          <JobProgress job={stage.job} label="正在写入校验通过的企业…" />
        </Card>
      )}
      {stage.kind === 'done' && (
        <div data-testid="import-done">
          <Result
            status="success"
            title="导入完成"
            subTitle={`已写入 ${formatInteger(stage.written)} 家企业${stage.skipped ? `，跳过期间已被他人登记的 ${formatInteger(stage.skipped)} 家` : ''}。`}
            extra={[
              <Button key="list" type="primary" onClick={() => navigate('/enterprises')}>
                查看企业名录
              </Button>,
              <Button key="again" onClick={restart}>
                继续导入
              </Button>,
            ]}
          />
        </div>
      )}
      {stage.kind === 'failed' && (
        <Result
          status="error"
          title="校验或导入未能完成"
          subTitle={stage.message}
          extra={
            <Button type="primary" onClick={restart}>
              重新上传
            </Button>
          }
        />
      )}
      {stage.kind === 'cancelled' && (
        <Result
          status="info"
          title="已放弃本次导入"
          subTitle="没有写入任何企业。"
          extra={
            <Button type="primary" onClick={restart}>
              重新上传
            </Button>
          }
        />
      )}
    </Page>
  );
}
