import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Descriptions, Form, Input, Radio, Space, Tag, Timeline } from 'antd';
import { errorMessage } from '../../api/client.ts';
import type { AttachmentRef } from '../../api/resumption.ts';
import { getRectification, liftStop, recheckRectification, respondRectification } from '../../api/resumption.ts';
import { useCurrentUser } from '../../auth/AuthContext.tsx';
import { Page } from '../../components/Page.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useRequest } from '../../lib/useRequest.ts';
import { SEVERITY_LABELS } from '../../../domain/resumption/index.ts';
import { AttachmentLinks, EventTimeline, LoadError, RectificationStatusTag, UploadRefs, useCan } from './shared.tsx';

/** A rectification order (限期整改): the enterprise answers with photos; the officer re-checks and closes it (销号). */
export default function RectificationPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const { message } = App.useApp();
  const canApply = useCan('resumption.apply');
  const canInspect = useCan('resumption.inspect');
  const canCommand = useCan('resumption.command');
  const order = useRequest((signal) => getRectification(id ?? '0', signal), String(id));
  const [photos, setPhotos] = useState<AttachmentRef[]>([]);
  const [busy, setBusy] = useState(false);
  const [respondForm] = Form.useForm<{ text: string }>();
  const [recheckForm] = Form.useForm<{ result: 'pass' | 'fail'; note?: string }>();

  if (order.error && !order.data) return <LoadError error={order.error} onRetry={order.reload} />;
  const o = order.data;

  const respond = async (v: { text: string }) => {
    if (!o) return;
    setBusy(true);
    try {
      await respondRectification(o.id, o.version, { text: v.text, photos });
      order.setData(await getRectification(o.id));
      setPhotos([]);
      respondForm.resetFields();
      message.success('整改情况已提交，等待复查');
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const recheck = async (v: { result: 'pass' | 'fail'; note?: string }) => {
    if (!o) return;
    setBusy(true);
    try {
      await recheckRectification(o.id, o.version, { result: v.result, ...(v.note ? { note: v.note } : {}), photos });
      order.setData(await getRectification(o.id));
      setPhotos([]);
      message.success(v.result === 'pass' ? '复查通过，已销号' : '复查未通过，已退回企业继续整改');
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const lift = async () => {
    if (!o) return;
    setBusy(true);
    try {
      const r = await liftStop(o.enterpriseId, { resumeTo: 'partially_resumed', note: `整改单 ${o.id} 已销号` });
      message.success(`已解除停工整改，企业状态自 ${r.date} 起恢复`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const enterpriseSide = user.role === 'ent_admin' && canApply;
  return (
    <Page
      title="整改通知"
      loading={!o}
      tags={o && <RectificationStatusTag status={o.status} overdue={o.overdue} label={o.statusLabel} />}
      extra={<Button onClick={() => navigate(-1)}>返回</Button>}
    >
      {o && (
        <>
          {o.stopOrdered && o.status === 'closed' && canCommand && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              message="停工整改单已销号，可解除停工整改"
              action={
                <Button size="small" loading={busy} onClick={() => void lift()}>
                  解除停工
                </Button>
              }
            />
          )}
          {o.stopOrdered && o.status !== 'closed' && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              message="责令停工整改：整改完成并经复查销号前不得恢复生产"
            />
          )}
          <Card size="small" style={{ marginBottom: 12 }}>
            <Descriptions column={{ xs: 1, md: 2 }} size="small">
              <Descriptions.Item label="企业">{o.enterpriseName}</Descriptions.Item>
              <Descriptions.Item label="问题程度">
                <Tag color={o.severity === 'serious' ? 'error' : 'warning'}>{SEVERITY_LABELS[o.severity]}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label="问题">
                <span data-testid="rectification-description">{o.description}</span>
              </Descriptions.Item>
              <Descriptions.Item label="下达时间">{formatDateTime(o.order.issuedAt)}</Descriptions.Item>
              <Descriptions.Item label="整改期限">{formatDateTime(o.dueAt)}</Descriptions.Item>
              {o.order.closedAt && (
                <Descriptions.Item label="销号时间">{formatDateTime(o.order.closedAt)}</Descriptions.Item>
              )}
            </Descriptions>
          </Card>

          {(o.order.responses.length > 0 || o.order.rechecks.length > 0) && (
            <Card size="small" title="整改与复查" style={{ marginBottom: 12 }}>
              <Timeline
                items={[
                  ...o.order.responses.map((r) => ({
                    at: r.at,
                    color: 'blue',
                    children: (
                      <div>
                        <div>企业整改：{r.text}</div>
                        <AttachmentLinks files={r.photos} />
                        <div style={{ fontSize: 12, color: '#8c8c8c' }}>
                          {formatDateTime(r.at)} {r.by.name ?? ''}
                        </div>
                      </div>
                    ),
                  })),
                  ...o.order.rechecks.map((r) => ({
                    at: r.at,
                    color: r.result === 'pass' ? 'green' : 'red',
                    children: (
                      <div>
                        <div>
                          复查{r.result === 'pass' ? '通过' : '未通过'}
                          {r.note ? `：${r.note}` : ''}
                        </div>
                        <AttachmentLinks files={r.photos} />
                        <div style={{ fontSize: 12, color: '#8c8c8c' }}>
                          {formatDateTime(r.at)} {r.by.name ?? ''}
                        </div>
                      </div>
                    ),
                  })),
                ]
                  .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
                  .map(({ color, children }, i) => ({ key: i, color, children }))}
              />
            </Card>
          )}

          {enterpriseSide && o.status === 'open' && (
            <Card size="small" title="提交整改情况" style={{ marginBottom: 12 }}>
              <Form form={respondForm} layout="vertical" onFinish={(v) => void respond(v)} data-testid="respond-form">
                <Form.Item name="text" label="整改情况" rules={[{ required: true, message: '整改情况：请填写' }]}>
                  <Input.TextArea rows={3} />
                </Form.Item>
                <Form.Item label="整改照片">
                  <UploadRefs
                    purpose="rectification"
                    accept="image/jpeg,image/png,.pdf"
                    value={photos}
                    enterpriseId={o.enterpriseId}
                    onChange={setPhotos}
                    testId="respond-photos"
                  />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={busy} data-testid="respond-submit">
                  提交整改
                </Button>
              </Form>
            </Card>
          )}

          {canInspect && o.status === 'responded' && (
            <Card size="small" title="复查" style={{ marginBottom: 12 }}>
              <Form
                form={recheckForm}
                layout="vertical"
                onFinish={(v) => void recheck(v)}
                initialValues={{ result: 'pass' }}
                data-testid="recheck-form"
              >
                <Form.Item name="result" label="复查结果">
                  <Radio.Group>
                    <Radio value="pass">整改到位，销号</Radio>
                    <Radio value="fail">未整改到位，退回</Radio>
                  </Radio.Group>
                </Form.Item>
                <Form.Item name="note" label="复查意见">
                  <Input.TextArea rows={2} />
                </Form.Item>
                <Form.Item label="复查照片">
                  <UploadRefs
                    purpose="photo"
                    accept="image/jpeg,image/png"
                    capture
                    value={photos}
                    enterpriseId={o.enterpriseId}
                    onChange={setPhotos}
                  />
                </Form.Item>
                <Space>
                  <Button type="primary" htmlType="submit" loading={busy} data-testid="recheck-submit">
                    提交复查
                  </Button>
                </Space>
              </Form>
            </Card>
          )}

          <Card size="small" title="全程记录">
            <EventTimeline events={o.timeline} />
          </Card>
        </>
      )}
    </Page>
  );
}
