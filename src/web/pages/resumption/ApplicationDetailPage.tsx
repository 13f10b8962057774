import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Descriptions,
  Form,
  Input,
  List,
  Modal,
  Radio,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { DownloadOutlined, EditOutlined } from '@ant-design/icons';
import { ApiError, errorMessage } from '../../api/client.ts';
import type { ApplicationDetail, AttachmentRef, MissingItem, ReviewDto } from '../../api/resumption.ts';
import {
  acceptApplication,
  createCheck,
  downloadResumptionFile,
  getApplication,
  listDepartmentOptions,
  requestCorrection,
  reviewApplication,
  withdrawApplication,
} from '../../api/resumption.ts';
import { useCurrentUser } from '../../auth/AuthContext.tsx';
import { Page } from '../../components/Page.tsx';
import { formatDateTime, formatInteger } from '../../lib/format.ts';
import { useRequest } from '../../lib/useRequest.ts';
import { PROCEDURE_DOCUMENTS } from '../../../domain/resumption/index.ts';
import {
  ApplicationStatusTag,
  AttachmentLinks,
  EventTimeline,
  LoadError,
  modeLabel,
  SourceCitation,
} from './shared.tsx';

function problemText(e: unknown): string {
  if (e instanceof ApiError && e.errors.length > 1) return e.errors.map((x) => x.message).join('；');
  return errorMessage(e);
}

function isOverdue(r: ReviewDto, now: number): boolean {
  return r.decision === null && r.cancelledAt === null && Date.parse(r.dueAt) < now;
}

function decisionText(r: ReviewDto): string {
  if (!r.decision) return r.cancelledAt ? '已取消' : '待审查';
  if (r.decision.kind === 'approve') return '同意';
  if (r.decision.kind === 'return') return '退回补正';
  return '不予复工';
}

/** Item choices for a correction notice: the published list and the procedure documents. */
function missingChoices(app: ApplicationDetail) {
  return [
    ...(app.application.conditionList?.items ?? []).map((i) => ({ value: i.id, label: i.text })),
    ...PROCEDURE_DOCUMENTS.map((d) => ({ value: d.id, label: d.text })),
  ];
}

function MissingItemsField({ app, name }: { app: ApplicationDetail; name: string }) {
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((f) => (
            <Space key={f.key} align="start" wrap style={{ display: 'flex', marginBottom: 8 }}>
              <Form.Item
                name={[f.name, 'itemId']}
                rules={[{ required: true, message: '补正事项：请选择清单中的事项' }]}
                style={{ minWidth: 260, marginBottom: 0 }}
              >
                <Select showSearch optionFilterProp="label" placeholder="清单事项" options={missingChoices(app)} />
              </Form.Item>
              <Form.Item
                name={[f.name, 'note']}
                rules={[{ required: true, message: '补正说明：请填写' }]}
                style={{ minWidth: 220, marginBottom: 0 }}
              >
                <Input placeholder="需要补正的内容" />
              </Form.Item>
              <Button onClick={() => remove(f.name)}>删除</Button>
            </Space>
          ))}
          <Button onClick={() => add({ itemId: undefined, note: '' })}>增加一项</Button>
        </>
      )}
    </Form.List>
  );
}

function IntakePanel({ app, onDone }: { app: ApplicationDetail; onDone: () => void }) {
  const { message } = App.useApp();
  const options = useRequest((signal) => listDepartmentOptions(signal), 'departments');
  const county = app.countyCode;
  const choices = (options.data?.items ?? []).filter(
    (d) =>
      d.regionCode === county || d.regionCode === county.slice(0, 4) || d.regionCode === app.application.regionCode,
  );
  const [departments, setDepartments] = useState<number[]>([]);
  const [busy, setBusy] = useState(false);
  const [correcting, setCorrecting] = useState(false);
  const [form] = Form.useForm<{ missing: MissingItem[] }>();
  const accept = async () => {
    setBusy(true);
    try {
      await acceptApplication(app.id, app.application.version, departments);
      message.success('已受理并分送各部门并联审查');
      onDone();
    } catch (e) {
      message.error(problemText(e));
    } finally {
      setBusy(false);
    }
  };
  const correct = async (v: { missing: MissingItem[] }) => {
    try {
      await requestCorrection(app.id, app.application.version, v.missing ?? []);
      message.success('已一次性告知企业补正');
      setCorrecting(false);
      onDone();
    } catch (e) {
      message.error(problemText(e));
    }
  };
  return (
    <Card title="一口受理" data-testid="intake-panel" style={{ marginBottom: 16 }}>
      <Typography.Paragraph>
        受理后分送相关部门并联审查，各部门须在受理后 2 个工作日内作出答复。材料不全的，一次性告知企业需补正的全部事项。
      </Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label="分送部门（并联审查）" required>
          <Checkbox.Group
            value={departments}
            onChange={(v) => setDepartments(v as number[])}
            data-testid="dispatch-departments"
            options={choices.map((d) => ({ value: d.id, label: d.name }))}
          />
        </Form.Item>
      </Form>
      {options.error ? <Alert type="error" message={errorMessage(options.error)} style={{ marginBottom: 12 }} /> : null}
      <Space wrap>
        <Button
          type="primary"
          loading={busy}
          disabled={departments.length === 0}
          onClick={() => void accept()}
          data-testid="accept-dispatch"
        >
          受理并分送
        </Button>
        <Button onClick={() => setCorrecting(true)} data-testid="request-correction">
          一次性告知补正
        </Button>
      </Space>
      <Modal
        open={correcting}
        title="一次性告知补正事项"
        onCancel={() => setCorrecting(false)}
        onOk={() => form.submit()}
        okText="告知企业"
        cancelText="取消"
        width={720}
      >
        <Form form={form} onFinish={(v) => void correct(v)} initialValues={{ missing: [{ note: '' }] }}>
          <Typography.Paragraph type="secondary">只能列明已公布清单中的事项，且应一次性列全。</Typography.Paragraph>
          <MissingItemsField app={app} name="missing" />
        </Form>
      </Modal>
    </Card>
  );
}

interface ReviewValues {
  kind: 'approve' | 'return' | 'reject';
  reasons?: string[];
  reasonNotes?: Record<string, string>;
  missing?: MissingItem[];
  comment?: string;
}

function ReviewPanel({ app, pending, onDone }: { app: ApplicationDetail; pending: ReviewDto[]; onDone: () => void }) {
  const { message } = App.useApp();
  const reasons = app.refusalReasons;
  const [form] = Form.useForm<ReviewValues>();
  const kind = Form.useWatch('kind', form);
  const chosen = (Form.useWatch('reasons', form) as string[] | undefined) ?? [];
  const [busy, setBusy] = useState(false);
  const submit = async (v: ReviewValues) => {
    setBusy(true);
    try {
      await reviewApplication(app.id, app.application.version, {
        decision: v.kind,
        ...(v.kind === 'return' ? { missing: v.missing ?? [] } : {}),
        ...(v.kind === 'reject'
          ? {
              reasons: (v.reasons ?? []).map((code) => ({
                code,
                ...(v.reasonNotes?.[code] ? { note: v.reasonNotes[code] } : {}),
              })),
            }
          : {}),
        ...(v.comment ? { comment: v.comment } : {}),
      });
      message.success('审查意见已提交');
      onDone();
    } catch (e) {
      message.error(problemText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="并联审查意见" data-testid="review-panel" style={{ marginBottom: 16 }}>
      <Form<ReviewValues>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{ kind: 'approve', missing: [{ note: '' }] }}
      >
        <Typography.Paragraph>
          {pending.map((r) => (
            <span key={r.departmentCode} style={{ marginRight: 12 }}>
              {r.departmentName}：应于 {formatDateTime(r.dueAt)} 前答复{' '}
              {isOverdue(r, Date.now()) && <Tag color="error">已逾期</Tag>}
            </span>
          ))}
        </Typography.Paragraph>
        <Form.Item name="kind" label="审查结论">
          <Radio.Group data-testid="review-kind">
            <Radio value="approve">同意复工</Radio>
            <Radio value="return">退回补正</Radio>
            <Radio value="reject">不予复工</Radio>
          </Radio.Group>
        </Form.Item>
        {kind === 'return' && <MissingItemsField app={app} name="missing" />}
        {kind === 'reject' && (
          <>
            <Form.Item
              name="reasons"
              label="不予复工理由（从理由清单中选择）"
              rules={[{ required: true, message: '不予复工理由：请从理由清单中至少选择一项' }]}
            >
              <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
                {reasons.map((r) => (
                  <Checkbox key={r.code} value={r.code}>
                    {r.label}
                    <div>
                      <SourceCitation source={r.source} />
                    </div>
                  </Checkbox>
                ))}
              </Checkbox.Group>
            </Form.Item>
            {reasons
              .filter((r) => chosen.includes(r.code))
              .map((r) => (
                <Form.Item
                  key={r.code}
                  name={['reasonNotes', r.code]}
                  label={`「${r.label}」具体说明`}
                  rules={r.requiresNote ? [{ required: true, message: `${r.label}：请说明具体条件或事实` }] : []}
                >
                  <Input />
                </Form.Item>
              ))}
          </>
        )}
        <Form.Item name="comment" label="审查意见">
          <Input.TextArea rows={2} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="review-submit">
          提交意见
        </Button>
      </Form>
    </Card>
  );
}

function filesOfAnswer(a: unknown): AttachmentRef[] {
  const x = a as { attachments?: AttachmentRef[]; files?: AttachmentRef[] } | undefined;
  return x?.attachments ?? x?.files ?? [];
}

function PackageView({ app }: { app: ApplicationDetail }) {
  const st = app.application;
  const plan = st.package.plan;
  const list = st.conditionList;
  const c = st.package.commitment;
  return (
    <Card title="申请材料" style={{ marginBottom: 16 }} data-testid="application-package">
      <Descriptions column={{ xs: 1, md: 2 }} size="small" style={{ marginBottom: 12 }}>
        <Descriptions.Item label="防控方案（一企一策）">
          {st.package.preventionPlan ? <AttachmentLinks files={[st.package.preventionPlan]} /> : '未上传'}
        </Descriptions.Item>
        <Descriptions.Item label="承诺书">
          {c ? `${c.signerName}（${c.signerTitle}）${formatDateTime(c.signedAt)} 签署` : '未签署'}
        </Descriptions.Item>
        <Descriptions.Item label="正常用工人数">{plan ? formatInteger(plan.normalHeadcount) : '—'}</Descriptions.Item>
        <Descriptions.Item label="四类人员">{plan ? (plan.fourCategoryPersonsScheduled ?? 0) : '—'}</Descriptions.Item>
      </Descriptions>
      {plan && (
        <Table
          size="small"
          rowKey="batchNo"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={[...plan.batches]}
          style={{ marginBottom: 12 }}
          columns={[
            { title: '批次', dataIndex: 'batchNo', render: (n: number) => `第 ${n} 批` },
            { title: '返岗日期', dataIndex: 'startDate' },
            { title: '重要岗位', dataIndex: 'keyPostStaff' },
            { title: '本地员工', dataIndex: 'otherLocalStaff' },
            { title: '外地员工', dataIndex: 'otherNonLocalStaff' },
            { title: '来自重点地区', dataIndex: 'fromKeyAreasStaff' },
          ]}
        />
      )}
      {list && (
        <List
          size="small"
          bordered
          header={`自查：《${list.title}》第 ${list.version} 版`}
          dataSource={[...list.items]}
          renderItem={(item) => {
            const a = st.package.answers[item.id];
            const files = filesOfAnswer(a);
            const text = !a
              ? '未作答'
              : a.kind === 'yes_no'
                ? a.value
                  ? '具备'
                  : '不具备'
                : a.kind === 'number'
                  ? `${a.value}${item.number?.unit ?? ''}`
                  : `${files.length} 份材料`;
            return (
              <List.Item>
                <div style={{ width: '100%' }}>
                  <div>
                    {item.text}{' '}
                    <Tag color={!a ? 'default' : a.kind === 'yes_no' && !a.value ? 'error' : 'success'}>{text}</Tag>
                    {st.changedSinceNotice.includes(item.id) && <Tag color="orange">补正后修改</Tag>}
                  </div>
                  {a?.note && <div style={{ fontSize: 12 }}>说明：{a.note}</div>}
                  {files.length > 0 && <AttachmentLinks files={files} />}
                </div>
              </List.Item>
            );
          }}
        />
      )}
    </Card>
  );
}

/** One application: materials, parallel reviews with their deadlines, notices, outcome and 全程记录. */
export default function ApplicationDetailPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const { message, modal } = App.useApp();
  const detail = useRequest((signal) => getApplication(id ?? '0', signal), String(id));
  if (detail.error && !detail.data) return <LoadError error={detail.error} onRetry={detail.reload} />;
  const a = detail.data;
  const st = a?.application;
  const reload = () => detail.reload();
  const actions = a?.actions ?? [];
  const now = Date.now();
  const pending = (st?.reviews ?? []).filter(
    (r) =>
      r.round === st?.round &&
      r.decision === null &&
      r.cancelledAt === null &&
      (user.departmentId === null || r.departmentCode === String(user.departmentId)),
  );
  const isEnterprise = user.role === 'ent_admin';
  const pdfId = st?.package.commitment?.pdfFileId;
  const canDispatchCheck =
    user.role === 'admin' || (user.role === 'dept' && user.permissions.includes('resumption.review'));
  const dispatchCheck = async () => {
    if (!a) return;
    try {
      const r = await createCheck(a.enterpriseId);
      message.success(`已派发现场检查任务（编号 ${r.id}），应于 ${formatDateTime(r.dueAt)} 前完成`);
      reload();
    } catch (e) {
      message.error(problemText(e));
    }
  };

  const withdraw = () => {
    let reason = '';
    modal.confirm({
      title: '撤回复工申请',
      content: <Input.TextArea rows={2} placeholder="撤回原因" onChange={(e) => (reason = e.target.value)} />,
      okText: '撤回',
      cancelText: '取消',
      onOk: async () => {
        try {
          await withdrawApplication(a!.id, st!.version, reason);
          message.success('已撤回');
          reload();
        } catch (e) {
          message.error(problemText(e));
          throw e;
        }
      },
    });
  };

  return (
    <Page
      title={st ? `复工申请 ${a!.id}：${st.enterpriseName}` : '复工申请'}
      loading={!a}
      tags={
        a &&
        st && (
          <Space size={4} wrap>
            <ApplicationStatusTag status={st.status} label={a.statusLabel} />
            {st.greenChannel && <Tag color="green">绿色通道</Tag>}
            {st.priority && <Tag color="gold">优先办理</Tag>}
            {a.overdue && <Tag color="error">已逾期</Tag>}
          </Space>
        )
      }
      extra={
        a &&
        st && (
          <Space wrap>
            {isEnterprise && actions.includes('edit') && (
              <Button
                type="primary"
                icon={<EditOutlined />}
                onClick={() => navigate(`/resumption/applications/${a.id}/edit`)}
                data-testid="edit-application"
              >
                {st.status === 'returned_for_correction' ? '补正材料' : '继续填报'}
              </Button>
            )}
            {pdfId && (
              <Button
                icon={<DownloadOutlined />}
                onClick={() =>
                  void downloadResumptionFile({ fileId: pdfId, name: `复工复产承诺书-${a.id}.pdf` }).catch(
                    (e: unknown) => message.error(errorMessage(e)),
                  )
                }
              >
                承诺书 PDF
              </Button>
            )}
            {isEnterprise && actions.includes('withdraw') && <Button onClick={withdraw}>撤回</Button>}
            {canDispatchCheck && st.status === 'resumed' && (
              <Button onClick={() => void dispatchCheck()} data-testid="dispatch-check">
                派发现场检查
              </Button>
            )}
            <Button onClick={() => navigate(-1)}>返回</Button>
          </Space>
        )
      }
    >
      {a && st && (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={16}>
            {st.outcome?.kind === 'resumed' && (
              <Alert
                type="success"
                showIcon
                style={{ marginBottom: 16 }}
                data-testid="outcome"
                message={`准予复工：自 ${st.outcome.fromDate} 起第 ${st.outcome.batchNo} 批人员返岗`}
                description={st.outcome.postCheckRequired ? '复工后将安排现场核查。' : undefined}
              />
            )}
            {st.outcome?.kind === 'refused' && (
              <Alert
                type="error"
                showIcon
                style={{ marginBottom: 16 }}
                data-testid="outcome"
                message="不予复工"
                description={
                  <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                    {st.outcome.reasons.map((r, i) => (
                      <li key={i}>
                        {a.refusalReasons.find((x) => x.code === r.code)?.label ?? r.code}
                        {r.note ? `：${r.note}` : ''}
                      </li>
                    ))}
                  </ul>
                }
              />
            )}
            {a.currentNotice && st.status === 'returned_for_correction' && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 16 }}
                message="一次性告知补正事项"
                description={
                  <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                    {a.currentNotice.items.map((i) => (
                      <li key={i.itemId}>
                        {i.label}：{i.notes.map((n) => n.note).join('；')}
                      </li>
                    ))}
                  </ul>
                }
              />
            )}
            {!isEnterprise && actions.includes('accept') && <IntakePanel app={a} onDone={reload} />}
            {!isEnterprise && actions.includes('review') && pending.length > 0 && (
              <ReviewPanel app={a} pending={pending} onDone={reload} />
            )}
            <Card title="办理信息" style={{ marginBottom: 16 }}>
              <Descriptions column={{ xs: 1, md: 2 }} size="small">
                <Descriptions.Item label="企业">{st.enterpriseName}</Descriptions.Item>
                <Descriptions.Item label="所在地区">{a.countyName}</Descriptions.Item>
                <Descriptions.Item label="复工方式">
                  <span data-testid="application-mode">{modeLabel(st.mode, a.modeLabel)}</span>
                </Descriptions.Item>
                <Descriptions.Item label="牵头部门">{a.leadDepartment?.name ?? '—'}</Descriptions.Item>
                <Descriptions.Item label="提交时间">{formatDateTime(st.submittedAt)}</Descriptions.Item>
                <Descriptions.Item label="受理时间">{formatDateTime(st.acceptedAt)}</Descriptions.Item>
                <Descriptions.Item label="答复期限">
                  {st.dueAt ? `${formatDateTime(st.dueAt)}（受理后 ${st.reviewWorkingDays} 个工作日）` : '—'}
                </Descriptions.Item>
                {st.modeReasons.length > 0 && (
                  <Descriptions.Item label="方式说明">{st.modeReasons.join('；')}</Descriptions.Item>
                )}
              </Descriptions>
            </Card>
            {st.reviews.length > 0 && (
              <Card title="并联审查" style={{ marginBottom: 16 }}>
                <Table<ReviewDto>
                  size="small"
                  data-testid="reviews"
                  rowKey={(r) => `${r.round}-${r.departmentCode}`}
                  pagination={false}
                  scroll={{ x: 'max-content' }}
                  dataSource={[...st.reviews]}
                  columns={[
                    { title: '轮次', dataIndex: 'round' },
                    { title: '部门', dataIndex: 'departmentName' },
                    {
                      title: '结论',
                      render: (_, r) => (
                        <Space size={4}>
                          <span data-testid={`review-${r.departmentCode}`}>{decisionText(r)}</span>
                          {isOverdue(r, now) && <Tag color="error">已逾期</Tag>}
                          {r.escalatedAt && <Tag color="volcano">已上报指挥部</Tag>}
                        </Space>
                      ),
                    },
                    { title: '答复期限', render: (_, r) => formatDateTime(r.dueAt) },
                    {
                      title: '答复时间',
                      render: (_, r) =>
                        r.decidedAt ? `${formatDateTime(r.decidedAt)} ${r.decidedBy?.name ?? ''}` : '—',
                    },
                    { title: '意见', render: (_, r) => r.comment ?? '—' },
                  ]}
                />
              </Card>
            )}
            <PackageView app={a} />
          </Col>
          <Col xs={24} lg={8}>
            <Card title="全程记录" data-testid="application-timeline">
              <EventTimeline events={a.timeline} />
            </Card>
          </Col>
        </Row>
      )}
    </Page>
  );
}
