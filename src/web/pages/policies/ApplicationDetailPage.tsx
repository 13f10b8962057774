import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  List,
  Modal,
  Radio,
  Row,
  Space,
  Steps,
  Table,
  Typography,
  Upload,
} from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { downloadFile, errorMessage, isApiError } from '../../api/client.ts';
import type { ApplicationDetail, FactValue } from '../../api/policies.ts';
import {
  completeApplication,
  getApplication,
  resolveObjection,
  reviewApplication,
  uploadAttachment,
  withdrawApplication,
} from '../../api/policies.ts';
import { useCurrentUser } from '../../auth/AuthContext.tsx';
import { Page } from '../../components/Page.tsx';
import { PolicyTrace, factValueText } from '../../components/PolicyTrace.tsx';
import { useRequest } from '../../lib/useRequest.ts';
import { LoadFailed, NotFoundPage } from '../errors/ErrorPages.tsx';
import { APPLICATION_STATUS_COLOR, FactInput, SourceRef, StatusTag, yuan } from './common.tsx';

const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }) : '');

function timeline(a: ApplicationDetail) {
  const failed = ['rejected', 'withdrawn', 'revoked'].includes(a.status);
  const order = ['submitted', 'publicity', 'ordered', 'paid'];
  const reached = failed ? (a.status === 'revoked' ? 1 : 0) : order.indexOf(a.status);
  const items = [
    { title: '提交申请', description: time(a.submittedAt) },
    {
      title: a.status === 'rejected' ? '不予通过' : a.status === 'withdrawn' ? '已撤回' : '部门审核',
      description: a.reviewedAt ? time(a.reviewedAt) : `${a.dueDate} 前（${a.reviewWorkingDays} 个工作日）`,
    },
    {
      title: a.status === 'revoked' ? '公示异议成立' : '公示',
      description: a.noticeStart ? `${a.noticeStart} 至 ${a.noticeEnd ?? ''}` : `${a.noticeWorkingDays} 个工作日`,
    },
    { title: '生成支付指令', description: a.paymentOrderNo ?? '' },
    { title: '资金到账', description: a.status === 'paid' ? yuan(a.approvedFen) : '' },
  ];
  return (
    <Steps
      size="small"
      current={failed ? reached + 1 : Math.min(reached + 1, 4)}
      status={failed ? 'error' : a.status === 'paid' ? 'finish' : 'process'}
      items={items}
      data-testid="application-timeline"
      responsive
    />
  );
}

/** One application: timeline, facts (submitted / verified / held), the trace, files, 公示 objections, actions. */
export default function ApplicationDetailPage() {
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const { message } = App.useApp();
  const req = useRequest((signal) => getApplication(Number(id), signal), id);
  const [reviewOpen, setReviewOpen] = useState(false);
  const [reviewForm] = Form.useForm<{
    decision: 'approve' | 'reject';
    note?: string;
    verified: Record<string, FactValue | null>;
  }>();
  const [resolving, setResolving] = useState<number | null>(null);
  const [resolveForm] = Form.useForm<{ decision: 'upheld' | 'dismissed'; resolution: string }>();
  const a = req.data;
  if (req.error && !req.loading) {
    if (isApiError(req.error) && req.error.status === 404) return <NotFoundPage detail={req.error.detail} />;
    return <LoadFailed detail={errorMessage(req.error)} onRetry={req.reload} />;
  }
  const canReview = user.permissions.includes('policy.review');
  const isApplicant = user.permissions.includes('policy.apply') && user.enterpriseId === a?.enterpriseId;
  const act = async (fn: () => Promise<unknown>, done: string) => {
    try {
      await fn();
      message.success(done);
      req.reload();
      return true;
    } catch (error) {
      message.error(errorMessage(error));
      return false;
    }
  };

  return (
    <Page
      title={a ? a.ruleTitle : '申请详情'}
      subTitle={a?.enterpriseName}
      loading={!a}
      tags={a && <StatusTag status={a.status} label={a.statusLabel} colors={APPLICATION_STATUS_COLOR} />}
      extra={
        a && (
          <Space wrap>
            {canReview && a.status === 'submitted' && (
              <Button
                type="primary"
                onClick={() => {
                  reviewForm.setFieldsValue({
                    decision: 'approve',
                    note: '',
                    verified: Object.fromEntries(a.applicationFacts.map((f) => [f.name, f.submitted])),
                  });
                  setReviewOpen(true);
                }}
              >
                审核
              </Button>
            )}
            {canReview && a.status === 'publicity' && (
              <Button
                type="primary"
                disabled={!a.noticeOver}
                title={a.noticeOver ? undefined : `公示期至 ${a.noticeEnd ?? ''} 止`}
                onClick={() => void act(() => completeApplication(a.id, a.version), '已生成支付指令')}
              >
                公示期满，生成支付指令
              </Button>
            )}
            {isApplicant && a.status === 'submitted' && (
              <Button danger onClick={() => void act(() => withdrawApplication(a.id, a.version), '已撤回申请')}>
                撤回申请
              </Button>
            )}
          </Space>
        )
      }
    >
      {a && (
        <>
          <Card size="small" style={{ marginBottom: 16 }}>
            {timeline(a)}
          </Card>
          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <Card size="small" title="申请信息" style={{ marginBottom: 16 }}>
                <Descriptions size="small" column={1}>
                  <Descriptions.Item label="企业">
                    {a.enterpriseName}（<span className="ss-mono">{a.creditCode}</span>）
                  </Descriptions.Item>
                  <Descriptions.Item label="政策">{a.policyTitle}</Descriptions.Item>
                  <Descriptions.Item label="条款">
                    {a.ruleTitle} <SourceRef source={a.ruleSource} />
                  </Descriptions.Item>
                  <Descriptions.Item label="主管部门">{a.departmentLabel}部门</Descriptions.Item>
                  <Descriptions.Item label="申请金额">
                    <span data-testid="application-amount">{yuan(a.amountFen)}</span>
                    {a.capped ? '（已封顶）' : ''}
                  </Descriptions.Item>
                  <Descriptions.Item label="核定金额">
                    <span data-testid="application-approved">{yuan(a.approvedFen)}</span>
                  </Descriptions.Item>
                  <Descriptions.Item label="审核时限">
                    {a.dueDate} 前{a.overdue ? '（已超期）' : ''}
                  </Descriptions.Item>
                  {a.reviewNote && <Descriptions.Item label="审核意见">{a.reviewNote}</Descriptions.Item>}
                  <Descriptions.Item label="收款账户">
                    {a.payee.accountName} · {a.payee.bankName} · <span className="ss-mono">{a.payee.accountNo}</span>
                  </Descriptions.Item>
                  {a.paymentOrderNo && (
                    <Descriptions.Item label="支付指令">
                      <Link to={`/policy-payments?applicationId=${a.id}`}>{a.paymentOrderNo}</Link>
                    </Descriptions.Item>
                  )}
                </Descriptions>
              </Card>
              <Card size="small" title="申报与核定" style={{ marginBottom: 16 }}>
                <Table
                  size="small"
                  rowKey={(f) => f.name}
                  pagination={false}
                  dataSource={a.applicationFacts}
                  scroll={{ x: 'max-content' }}
                  columns={[
                    { title: '信息', dataIndex: 'label' },
                    { title: '申报', key: 's', render: (_: unknown, f) => factValueText(f.submitted, f.unit) },
                    {
                      title: '核定',
                      key: 'v',
                      render: (_: unknown, f) => (f.verified === null ? '—' : factValueText(f.verified, f.unit)),
                    },
                    {
                      title: '部门掌握',
                      key: 'h',
                      render: (_: unknown, f) => (f.held === null ? '—' : factValueText(f.held, f.unit)),
                    },
                  ]}
                />
              </Card>
              <Card size="small" title="证明材料" style={{ marginBottom: 16 }}>
                <List
                  size="small"
                  dataSource={a.attachments}
                  locale={{ emptyText: '未上传材料' }}
                  renderItem={(f) => (
                    <List.Item>
                      <Button
                        type="link"
                        onClick={() =>
                          void downloadFile(`/api/policies/attachments/${f.id}`, f.fileName).catch((e) =>
                            message.error(errorMessage(e)),
                          )
                        }
                      >
                        {f.fileName}
                      </Button>
                      <Typography.Text type="secondary">{Math.ceil(f.sizeBytes / 1024)} KB</Typography.Text>
                    </List.Item>
                  )}
                />
                {isApplicant && ['submitted', 'publicity'].includes(a.status) && (
                  <Upload
                    showUploadList={false}
                    beforeUpload={(file) => {
                      void act(() => uploadAttachment(a.id, file), `已上传 ${file.name}`);
                      return false;
                    }}
                  >
                    <Button icon={<UploadOutlined />}>补充材料</Button>
                  </Upload>
                )}
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title="判断过程" style={{ marginBottom: 16 }}>
                {a.evaluation ? (
                  <PolicyTrace
                    trace={a.evaluation.trace}
                    capped={a.evaluation.capped}
                    amountText={yuan(a.evaluation.payableFen ?? a.evaluation.amountFen)}
                  />
                ) : (
                  '—'
                )}
              </Card>
              <Card size="small" title="公示异议" style={{ marginBottom: 16 }}>
                <List
                  size="small"
                  dataSource={a.objections}
                  locale={{ emptyText: '无异议' }}
                  renderItem={(o) => (
                    <List.Item
                      actions={
                        canReview && o.status === 'open'
                          ? [
                              <Button key="r" size="small" onClick={() => setResolving(o.id)}>
                                处理
                              </Button>,
                            ]
                          : []
                      }
                    >
                      <List.Item.Meta
                        title={`${o.statusLabel} · ${time(o.submittedAt)}`}
                        description={
                          <>
                            <div>{o.reason}</div>
                            {o.contact && <div>联系方式：{o.contact}</div>}
                            {o.resolution && <div>核查情况：{o.resolution}</div>}
                          </>
                        }
                      />
                    </List.Item>
                  )}
                />
              </Card>
            </Col>
          </Row>
          <Modal
            open={reviewOpen}
            title="审核申请"
            okText="提交审核结论"
            onCancel={() => setReviewOpen(false)}
            onOk={() =>
              void reviewForm.validateFields().then(async (v) => {
                const ok = await act(
                  () =>
                    reviewApplication(a.id, {
                      decision: v.decision,
                      ...(v.note?.trim() ? { note: v.note.trim() } : {}),
                      ...(v.decision === 'approve' && v.verified ? { verifiedFacts: v.verified } : {}),
                      version: a.version,
                    }),
                  v.decision === 'approve' ? '审核通过，进入公示' : '已不予通过',
                );
                if (ok) setReviewOpen(false);
              })
            }
          >
            <Form form={reviewForm} layout="vertical">
              <Form.Item name="decision" label="审核结论">
                <Radio.Group
                  options={[
                    { value: 'approve', label: '通过（进入公示）' },
                    { value: 'reject', label: '不予通过' },
                  ]}
                />
              </Form.Item>
              {a.applicationFacts.map((f) => (
                <Form.Item
                  key={f.name}
                  name={['verified', f.name]}
                  label={`核定：${f.label}${f.unit === '分' ? '（元）' : f.unit ? `（${f.unit}）` : ''}`}
                >
                  <FactInput fact={f} />
                </Form.Item>
              ))}
              <Form.Item
                name="note"
                label="审核意见"
                dependencies={['decision']}
                rules={[
                  ({ getFieldValue }) => ({
                    validator: (_, value: string | undefined) =>
                      getFieldValue('decision') === 'reject' && !value?.trim()
                        ? Promise.reject(new Error('审核意见：不予通过时请说明理由'))
                        : Promise.resolve(),
                  }),
                ]}
              >
                <Input.TextArea rows={3} maxLength={500} />
              </Form.Item>
            </Form>
          </Modal>
          <Modal
            open={resolving !== null}
            title="处理公示异议"
            onCancel={() => setResolving(null)}
            onOk={() =>
              void resolveForm.validateFields().then(async (v) => {
                if (resolving === null) return;
                if (await act(() => resolveObjection(resolving, v), '已处理异议')) setResolving(null);
              })
            }
          >
            <Form form={resolveForm} layout="vertical" initialValues={{ decision: 'dismissed' }}>
              <Form.Item name="decision" label="处理结论">
                <Radio.Group
                  options={[
                    { value: 'dismissed', label: '异议不成立' },
                    { value: 'upheld', label: '异议成立（不予兑现）' },
                  ]}
                />
              </Form.Item>
              <Form.Item
                name="resolution"
                label="核查情况"
                rules={[{ required: true, min: 2, message: '核查情况：请填写' }]}
              >
                <Input.TextArea rows={3} />
              </Form.Item>
            </Form>
          </Modal>
        </>
      )}
    </Page>
  );
}
