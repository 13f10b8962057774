import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Form,
  Input,
  List,
  Modal,
  Radio,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { CameraOutlined, PlusOutlined } from '@ant-design/icons';
import { errorMessage } from '../../api/client.ts';
import type { AttachmentRef, CheckTaskActionInput, Severity } from '../../api/resumption.ts';
import { actOnCheckTask, getCheckTask, idsOf } from '../../api/resumption.ts';
import { Page } from '../../components/Page.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useRequest } from '../../lib/useRequest.ts';
import { SEVERITY_LABELS } from '../../../domain/resumption/index.ts';
import { AttachmentLinks, EventTimeline, LoadError, TaskStatusTag, UploadRefs } from './shared.tsx';

const RESULT_LABEL = { pass: '符合', fail: '不符合', not_applicable: '不适用' } as const;

interface FindingValues {
  itemId: string | null;
  severity: Severity;
  description: string;
  orderStop: boolean;
}

/** One on-site check on a phone: start, walk the checklist, photos, findings (→ rectification / stop order), finish. */
export default function CheckTaskPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const loaded = useRequest((signal) => getCheckTask(id ?? '0', signal), String(id));
  const [busy, setBusy] = useState(false);
  const [findingOpen, setFindingOpen] = useState(false);
  const [findingPhotos, setFindingPhotos] = useState<AttachmentRef[]>([]);
  const [itemPhotos, setItemPhotos] = useState<Record<string, AttachmentRef[]>>({});
  const [form] = Form.useForm<FindingValues>();
  const severity = Form.useWatch('severity', form);
  if (loaded.error && !loaded.data) return <LoadError error={loaded.error} onRetry={loaded.reload} />;

  const act = async (action: CheckTaskActionInput, done?: string) => {
    const current = loaded.data;
    if (!current) return false;
    setBusy(true);
    try {
      await actOnCheckTask(current.id, current.version, action);
      loaded.setData(await getCheckTask(current.id));
      if (done) message.success(done);
      return true;
    } catch (e) {
      message.error(errorMessage(e));
      loaded.reload();
      return false;
    } finally {
      setBusy(false);
    }
  };

  const t = loaded.data;
  const editable = t && (t.status === 'assigned' || t.status === 'in_progress');
  const items = t?.task.checklist.items ?? [];
  const answered = t ? Object.keys(t.task.answers).length : 0;

  /** Marks every item not yet checked as 符合, one by one (each is its own recorded step). */
  const passRest = async () => {
    let current = loaded.data;
    if (!current) return;
    setBusy(true);
    try {
      for (const item of current.task.checklist.items) {
        if (current.task.answers[item.id]) continue;
        await actOnCheckTask(current.id, current.version, { type: 'answer', itemId: item.id, result: 'pass' });
        current = await getCheckTask(current.id);
      }
      message.success('其余事项已记为符合');
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      loaded.setData(await getCheckTask(current.id));
      setBusy(false);
    }
  };

  const addFinding = async (v: FindingValues) => {
    const ok = await act(
      {
        type: 'add_finding',
        itemId: v.itemId ?? null,
        severity: v.severity,
        description: v.description,
        photos: idsOf(findingPhotos),
        orderStop: v.severity === 'serious' && v.orderStop,
      },
      '已记录问题',
    );
    if (ok) {
      setFindingOpen(false);
      setFindingPhotos([]);
      form.resetFields();
    }
  };

  const complete = () => {
    let summary = '';
    modal.confirm({
      title: '完成核查',
      content: (
        <div>
          <p>
            已检查 {answered} / {items.length} 项，发现问题 {t?.task.findings.length ?? 0}{' '}
            个。完成后，每个问题生成一份限期整改通知发给企业。
          </p>
          <Input.TextArea rows={2} placeholder="核查结论（可选）" onChange={(e) => (summary = e.target.value)} />
        </div>
      ),
      okText: '完成核查',
      cancelText: '取消',
      onOk: async () => {
        const ok = await act({ type: 'complete', ...(summary ? { summary } : {}) }, '核查已完成');
        if (!ok) throw new Error('未完成');
      },
    });
  };

  return (
    <Page
      title={t ? `现场核查：${t.enterpriseName}` : '现场核查'}
      loading={!t}
      tags={t && <TaskStatusTag status={t.status} overdue={t.overdue} label={t.statusLabel} />}
      extra={<Button onClick={() => navigate('/resumption/checks')}>返回</Button>}
    >
      {t && (
        <>
          <Card size="small" style={{ marginBottom: 12 }}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label="核查清单">
                {t.task.checklist.title}（{items.length} 项）
              </Descriptions.Item>
              <Descriptions.Item label="完成期限">{formatDateTime(t.dueAt)}</Descriptions.Item>
              <Descriptions.Item label="进度">
                <span data-testid="check-progress">
                  已检查 {answered} / {items.length} 项，问题 {t.task.findings.length} 个
                </span>
              </Descriptions.Item>
              {t.task.summary && <Descriptions.Item label="结论">{t.task.summary}</Descriptions.Item>}
            </Descriptions>
            {t.status === 'assigned' && (
              <Button
                type="primary"
                block
                loading={busy}
                onClick={() => void act({ type: 'start' }, '已开始核查')}
                data-testid="check-start"
              >
                开始核查
              </Button>
            )}
          </Card>

          {t.status !== 'assigned' && (
            <Card
              size="small"
              title="逐项检查"
              style={{ marginBottom: 12 }}
              extra={
                editable &&
                answered < items.length && (
                  <Button size="small" loading={busy} onClick={() => void passRest()} data-testid="check-pass-rest">
                    其余记为符合
                  </Button>
                )
              }
            >
              <List
                dataSource={[...items]}
                renderItem={(item, i) => {
                  const ans = t.task.answers[item.id];
                  const photos = itemPhotos[item.id] ?? [];
                  return (
                    <List.Item data-testid={`check-item-${i + 1}`}>
                      <div style={{ width: '100%' }}>
                        <div style={{ marginBottom: 6 }}>
                          <Typography.Text strong>
                            {i + 1}. {item.text}
                          </Typography.Text>{' '}
                          {ans && (
                            <Tag
                              color={ans.result === 'pass' ? 'success' : ans.result === 'fail' ? 'error' : 'default'}
                            >
                              {RESULT_LABEL[ans.result]}
                            </Tag>
                          )}
                        </div>
                        {ans && ans.photos.length > 0 && <AttachmentLinks files={ans.photos} />}
                        {editable && (
                          <Space direction="vertical" style={{ width: '100%' }} size={6}>
                            <UploadRefs
                              purpose="photo"
                              accept="image/jpeg,image/png"
                              capture
                              value={photos}
                              enterpriseId={Number(t.enterpriseId)}
                              label="拍照"
                              onChange={(refs) => setItemPhotos({ ...itemPhotos, [item.id]: refs })}
                            />
                            <Radio.Group
                              optionType="button"
                              buttonStyle="solid"
                              value={ans?.result}
                              disabled={busy}
                              aria-label={`检查结果：${item.text}`}
                              onChange={(e) => {
                                const result = e.target.value as 'pass' | 'fail' | 'not_applicable';
                                void act({ type: 'answer', itemId: item.id, result, photos: idsOf(photos) }).then(
                                  (ok) => {
                                    // A "不符合" needs a finding: open the form for it at once.
                                    if (ok && result === 'fail' && !t.task.findings.some((f) => f.itemId === item.id)) {
                                      form.setFieldsValue({ itemId: item.id, severity: 'minor', orderStop: false });
                                      setFindingPhotos(photos);
                                      setFindingOpen(true);
                                    }
                                  },
                                );
                              }}
                            >
                              <Radio.Button value="pass">符合</Radio.Button>
                              <Radio.Button value="fail">不符合</Radio.Button>
                              <Radio.Button value="not_applicable">不适用</Radio.Button>
                            </Radio.Group>
                          </Space>
                        )}
                      </div>
                    </List.Item>
                  );
                }}
              />
            </Card>
          )}

          {t.status !== 'assigned' && (
            <Card
              size="small"
              title={`发现的问题（${t.task.findings.length}）`}
              style={{ marginBottom: 12 }}
              extra={
                editable && (
                  <Button
                    icon={<PlusOutlined />}
                    size="small"
                    onClick={() => setFindingOpen(true)}
                    data-testid="add-finding"
                  >
                    记录问题
                  </Button>
                )
              }
            >
              <List
                dataSource={t.task.findings}
                locale={{ emptyText: '未发现问题' }}
                renderItem={(f) => (
                  <List.Item
                    data-testid="finding"
                    actions={
                      editable
                        ? [
                            <Button
                              key="rm"
                              size="small"
                              type="link"
                              danger
                              onClick={() => void act({ type: 'remove_finding', findingId: f.id }, '已删除')}
                            >
                              删除
                            </Button>,
                          ]
                        : []
                    }
                  >
                    <div>
                      <Space size={4} wrap>
                        <Tag color={f.severity === 'serious' ? 'error' : 'warning'}>{SEVERITY_LABELS[f.severity]}</Tag>
                        {f.orderStop && <Tag color="error">停工整改</Tag>}
                      </Space>
                      <div>{f.description}</div>
                      <AttachmentLinks files={f.photos} />
                    </div>
                  </List.Item>
                )}
              />
            </Card>
          )}

          {t.status === 'in_progress' && (
            <Button type="primary" block size="large" loading={busy} onClick={complete} data-testid="check-complete">
              完成核查
            </Button>
          )}
          {t.status === 'completed' && (
            <Alert
              type="success"
              showIcon
              message={`核查已于 ${formatDateTime(t.task.completedAt)} 完成`}
              description={
                t.orders.length > 0 ? (
                  <Space direction="vertical" size={0}>
                    {t.orders.map((o) => (
                      <Button
                        key={o.id}
                        type="link"
                        style={{ padding: 0 }}
                        data-testid="task-order-link"
                        onClick={() => navigate(`/resumption/rectifications/${o.id}`)}
                      >
                        整改单 {o.id}：{o.description}（{o.statusLabel}）
                      </Button>
                    ))}
                  </Space>
                ) : undefined
              }
            />
          )}

          <Card size="small" title="记录" style={{ marginTop: 12 }}>
            <EventTimeline events={t.timeline} />
          </Card>

          <Modal
            open={findingOpen}
            title="记录问题"
            onCancel={() => setFindingOpen(false)}
            onOk={() => form.submit()}
            okText="保存"
            cancelText="取消"
            confirmLoading={busy}
            width={520}
          >
            <Form<FindingValues>
              form={form}
              layout="vertical"
              onFinish={(v) => void addFinding(v)}
              initialValues={{ severity: 'minor', orderStop: false, itemId: null }}
              data-testid="finding-form"
            >
              <Form.Item name="itemId" label="对应检查项">
                <Select
                  allowClear
                  placeholder="清单外问题可不选"
                  options={items.map((it, i) => ({ value: it.id, label: `${i + 1}. ${it.text}` }))}
                />
              </Form.Item>
              <Form.Item name="severity" label="问题程度">
                <Radio.Group>
                  <Radio value="minor">一般问题</Radio>
                  <Radio value="serious">严重问题</Radio>
                </Radio.Group>
              </Form.Item>
              <Form.Item name="description" label="问题描述" rules={[{ required: true, message: '问题描述：请填写' }]}>
                <Input.TextArea rows={3} />
              </Form.Item>
              {severity === 'serious' && (
                <Form.Item name="orderStop" valuePropName="checked">
                  <Checkbox data-testid="order-stop">责令停工整改</Checkbox>
                </Form.Item>
              )}
              <Form.Item label="现场照片">
                <UploadRefs
                  purpose="photo"
                  accept="image/jpeg,image/png"
                  capture
                  value={findingPhotos}
                  enterpriseId={Number(t.enterpriseId)}
                  label="拍照 / 选择照片"
                  testId="finding-photos"
                  onChange={setFindingPhotos}
                />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  <CameraOutlined /> 手机上可直接拍照
                </Typography.Text>
              </Form.Item>
            </Form>
          </Modal>
        </>
      )}
    </Page>
  );
}
