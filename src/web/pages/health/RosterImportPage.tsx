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
import { InboxOutlined } from '@ant-design/icons';
import { ROSTER_COLUMNS } from '../../../domain/health/roster-import.ts';
import { errorMessage } from '../../api/client.ts';
import type { RosterImportRow } from '../../api/health.ts';
import { cancelRosterImport, confirmRosterImport, getRosterImport, uploadRoster } from '../../api/health.ts';
import { pollJob } from '../../api/jobs.ts';
import type { Job } from '../../api/types.ts';
import { useCurrentUser } from '../../auth/AuthContext.tsx';
import { EnterpriseSelect } from '../../components/EnterpriseSelect.tsx';
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

const getBatch = getRosterImport;

function NothingWrittenNote() {
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      message="确认导入前不会写入任何员工档案"
      description="上传的文件只做逐行校验，结果暂存在本批次中；点击“确认导入”后才把校验通过的行写入花名册，点击“放弃”则删除本批次。"
      data-testid="import-nothing-written"
    />
  );
}

function UploadStep({
  onUpload,
  busy,
  needsEnterprise,
}: {
  onUpload: (file: File, enterpriseId?: number) => void;
  busy: boolean;
  needsEnterprise: boolean;
}) {
  const { message } = App.useApp();
  const [enterpriseId, setEnterpriseId] = useState<number | null>(null);
  return (
    <>
      <NothingWrittenNote />
      <Card title="第一步：准备花名册" size="small" style={{ marginBottom: 16 }}>
        <Typography.Paragraph>
          识别的列：{ROSTER_COLUMNS.map((c) => c.header + (c.required ? '（必填）' : '')).join('、')}。 表头可以在前 20
          行中的任意一行（上方可以有标题行），合并单元格、全角字符和多余空格会自动处理，常见的别名（如“身份证号码”“所在班组”）也能识别。
        </Typography.Paragraph>
        <Typography.Paragraph type="warning" style={{ marginBottom: 0 }}>
          身份证号请设为“文本”格式：被 Excel 存成数字（如
          3.60102E+17）的号码后几位已经丢失，系统不会猜测，会提示该行错误。
        </Typography.Paragraph>
      </Card>
      <Card title="第二步：上传填好的 Excel 文件" size="small">
        {needsEnterprise && (
          <div style={{ marginBottom: 12 }}>
            <Typography.Text>导入到企业：</Typography.Text>
            <EnterpriseSelect value={enterpriseId} onChange={setEnterpriseId} placeholder="请选择企业" />
          </div>
        )}
        <Upload.Dragger
          accept=".xlsx"
          multiple={false}
          showUploadList={false}
          disabled={busy || (needsEnterprise && !enterpriseId)}
          beforeUpload={(file) => {
            if (!/\.xlsx$/i.test(file.name)) {
              message.error('只支持 .xlsx 格式（旧版 .xls 请在 Excel 中另存为 .xlsx）');
              return Upload.LIST_IGNORE;
            }
            onUpload(file, enterpriseId ?? undefined);
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
  const isMobile = useIsMobile();
  const [only, setOnly] = useState<Only>('all');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const batch = useRequest(
    (signal) => getBatch(batchId, only, page, pageSize, signal),
    `${batchId}-${only}-${page}-${pageSize}`,
  );
  const b = batch.data;
  const valid = b?.validRows ?? 0;
  const errors = b?.errorRows ?? 0;

  const columns: TableProps<RosterImportRow>['columns'] = [
    { title: '行号', dataIndex: 'rowNumber', width: 64 },
    {
      title: '结果',
      dataIndex: 'ok',
      width: 84,
      render: (ok: boolean) => (ok ? <Tag color="success">可导入</Tag> : <Tag color="error">有错误</Tag>),
    },
    { title: '姓名', key: 'name', render: (_: unknown, r) => r.values.name || '—' },
    {
      title: '身份证号',
      key: 'residentId',
      render: (_: unknown, r) => <span className="ss-mono">{r.values.residentId || '—'}</span>,
    },
    {
      title: '班组 / 岗位',
      key: 'team',
      render: (_: unknown, r) => [r.values.team, r.values.post].filter(Boolean).join(' / ') || '—',
    },
    { title: '返岗日期', key: 'returnDate', render: (_: unknown, r) => r.values.returnDate || '—' },
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
                ? `有错误的 ${formatInteger(errors)} 行不会导入，可在 Excel 中修改后再导入这些行。`
                : '校验通过的行将写入员工花名册。'
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
          <Popconfirm
            title="放弃本次导入？"
            description="本批次的校验结果将被删除，不会写入任何员工档案。"
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
        <DataTable<RosterImportRow>
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
                ['身份证号', r.values.residentId || '—'],
                ['班组岗位', [r.values.team, r.values.post].filter(Boolean).join(' / ') || '—'],
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

/** 花名册导入: upload → row-by-row check → report → confirm (or give up) → result. */
export default function RosterImportPage() {
  const user = useCurrentUser();
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

  const upload = async (file: File, enterpriseId?: number) => {
    setStage({ kind: 'uploading', fileName: file.name });
    try {
      const { batchId, jobId } = await uploadRoster(file, enterpriseId);
      remember(batchId);
      if (jobId) void follow('validating', batchId, jobId);
      else setStage({ kind: 'report', batchId });
    } catch (error) {
      // A file-level problem (no header row, a required column missing) is shown until the user uploads again.
      setStage({ kind: 'failed', message: errorMessage(error) });
    }
  };

  const confirm = async (batchId: number) => {
    try {
      setStage({ kind: 'importing', batchId, job: null });
      const result = await confirmRosterImport(batchId);
      if (result.jobId) void follow('importing', batchId, result.jobId);
      else setStage({ kind: 'done', batchId, written: result.written ?? 0, skipped: result.skipped ?? 0 });
    } catch (error) {
      setStage({ kind: 'report', batchId });
      message.error(errorMessage(error));
    }
  };

  const cancel = async (batchId: number) => {
    try {
      await cancelRosterImport(batchId);
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
    <Page title="导入员工花名册" content="从 Excel 导入一人一档：先逐行校验，确认后才写入。">
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
        <UploadStep
          onUpload={(f, e) => void upload(f, e)}
          busy={stage.kind === 'uploading'}
          needsEnterprise={user.role !== 'ent_admin'}
        />
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
          <JobProgress job={stage.job} label="正在写入校验通过的员工档案…" />
        </Card>
      )}
      {stage.kind === 'done' && (
        <div data-testid="import-done">
          <Result
            status="success"
            title="导入完成"
            subTitle={`已写入 ${formatInteger(stage.written)} 名员工${stage.skipped ? `，跳过已在花名册中的 ${formatInteger(stage.skipped)} 人` : ''}。`}
            extra={[
              <Button key="list" type="primary" onClick={() => navigate('/health/roster')}>
                查看花名册
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
          subTitle="没有写入任何员工档案。"
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
