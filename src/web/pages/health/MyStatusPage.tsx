import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, App, Button, Card, Empty, Form, Input, List, Skeleton, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { errorMessage } from '../../api/client.ts';
import { getMyHealth, statusViewOf, submitAppeal } from '../../api/health.ts';
import { applyFieldErrors, clearFieldErrors } from '../../lib/forms.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useRequest } from '../../lib/useRequest.ts';
import { APPEAL_STATE_LABEL } from './labels.tsx';
import type { AppealState } from './labels.tsx';
import { StatusReasons } from './StatusReasons.tsx';

/** 我的返岗状态 on the employee's phone: status, reasons with their sources, earliest date; and 申诉. */
export default function MyStatusPage() {
  const { message } = App.useApp();
  const me = useRequest((signal) => getMyHealth(signal), 'my-health-status');
  const [form] = Form.useForm<{ text: string }>();
  const [appealing, setAppealing] = useState(false);
  const [saving, setSaving] = useState(false);
  const view = statusViewOf(me.data?.evaluation);
  const pending = (me.data?.appeals ?? []).some((a) => a.state === 'submitted');

  const send = async (v: { text: string }) => {
    clearFieldErrors(form);
    setSaving(true);
    try {
      const overrideId = view?.byOverride && view.override ? Number(view.override.id) : undefined;
      await submitAppeal({ text: v.text.trim(), ...(overrideId ? { overrideId } : {}) });
      message.success('申诉已提交，疾控部门将核实处理');
      form.resetFields();
      setAppealing(false);
      me.reload();
    } catch (error) {
      const { unmapped, mapped } = applyFieldErrors(form, error);
      if (mapped === 0 || unmapped.length) message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Link to="/me">
        <ArrowLeftOutlined /> 返回
      </Link>
      <Typography.Title level={4} style={{ margin: 0 }}>
        我的返岗状态
      </Typography.Title>
      <Card size="small">
        {me.loading && !me.data ? (
          <Skeleton active />
        ) : me.error && !me.data ? (
          <Alert type="error" showIcon message={errorMessage(me.error)} />
        ) : !me.data?.person ? (
          <Empty description="您的账号还没有关联本企业的员工档案，请联系企业管理员。" />
        ) : (
          <StatusReasons view={view} compact />
        )}
      </Card>
      {me.data?.person && (
        <Card
          size="small"
          title="对状态有异议？"
          extra={
            !appealing && (
              <Button type="link" onClick={() => setAppealing(true)} disabled={pending} data-testid="appeal-open">
                我要申诉
              </Button>
            )
          }
        >
          {pending && (
            <Alert type="info" showIcon style={{ marginBottom: 8 }} message="您有一条申诉正在处理中，请耐心等待。" />
          )}
          {!appealing ? (
            <Typography.Text type="secondary">
              如果判定所依据的信息有误（如行程、接触史、检测结果），可以提出申诉，由未参与判定的疾控人员核实处理。
            </Typography.Text>
          ) : (
            <Form form={form} layout="vertical" onFinish={(v) => void send(v)} data-testid="appeal-form">
              <Form.Item
                name="text"
                label="申诉理由"
                rules={[
                  { required: true, message: '申诉理由：请填写' },
                  { min: 5, message: '申诉理由：请至少填写5个字，说明哪项信息有误' },
                  { max: 1000, message: '申诉理由：不超过1000字' },
                ]}
              >
                <Input.TextArea rows={4} placeholder="请说明哪项信息有误，以及正确的情况" aria-label="申诉理由" />
              </Form.Item>
              <Space>
                <Button type="primary" htmlType="submit" loading={saving} data-testid="appeal-submit">
                  提交申诉
                </Button>
                <Button onClick={() => setAppealing(false)}>取消</Button>
              </Space>
            </Form>
          )}
        </Card>
      )}
      {(me.data?.appeals.length ?? 0) > 0 && (
        <Card size="small" title="我的申诉">
          <List
            size="small"
            dataSource={me.data!.appeals}
            renderItem={(a) => (
              <List.Item data-testid="my-appeal">
                <Space direction="vertical" size={2} style={{ width: '100%' }}>
                  <Space wrap>
                    <Tag
                      color={a.state === 'submitted' ? 'processing' : a.state === 'accepted' ? 'success' : 'default'}
                    >
                      {APPEAL_STATE_LABEL[a.state as AppealState] ?? a.state}
                    </Tag>
                    <Typography.Text type="secondary">{formatDateTime(a.submittedAt)}</Typography.Text>
                  </Space>
                  <Typography.Text>{a.text}</Typography.Text>
                  {a.decisionReason && <Typography.Text type="secondary">处理意见：{a.decisionReason}</Typography.Text>}
                </Space>
              </List.Item>
            )}
          />
        </Card>
      )}
    </Space>
  );
}
