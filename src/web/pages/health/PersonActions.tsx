import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, Modal, Popconfirm, Space, Typography } from 'antd';
import { EyeOutlined, LogoutOutlined, MobileOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { errorMessage } from '../../api/client.ts';
import type { HealthPerson } from '../../api/health.ts';
import { linkAccount, markLeft, revealResidentId } from '../../api/health.ts';
import { useCurrentUser } from '../../auth/AuthContext.tsx';
import { applyFieldErrors, clearFieldErrors } from '../../lib/forms.ts';

/**
 * What can be done to a person's record besides editing it: open an employee account for the phone pages (enterprise),
 * mark the person as having left (enterprise; revokes passes), see the full ID number (CDC; audited).
 */
export function PersonActions({ person, onChanged }: { person: HealthPerson; onChanged: () => void }) {
  const user = useCurrentUser();
  const { message, modal } = App.useApp();
  const can = (p: string) => (user.permissions as string[]).includes(p);
  const [accountOpen, setAccountOpen] = useState(false);
  const [leftOpen, setLeftOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [accountForm] = Form.useForm<{ username: string; password: string }>();
  const [leftForm] = Form.useForm<{ on: Dayjs }>();

  const saveAccount = async () => {
    let v: { username: string; password: string };
    try {
      v = await accountForm.validateFields();
    } catch {
      return;
    }
    clearFieldErrors(accountForm);
    setSaving(true);
    try {
      await linkAccount(person.id, { username: v.username.trim(), password: v.password });
      message.success('已开通员工账号，首次登录须修改密码');
      setAccountOpen(false);
      onChanged();
    } catch (error) {
      const { mapped, unmapped } = applyFieldErrors(accountForm, error);
      if (mapped === 0 || unmapped.length) message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  const saveLeft = async () => {
    let v: { on: Dayjs };
    try {
      v = await leftForm.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      const r = await markLeft(person.id, v.on.format('YYYY-MM-DD'));
      message.success(`已标记离职${r.passesRevoked.length ? `，作废通行证 ${r.passesRevoked.length} 张` : ''}`);
      setLeftOpen(false);
      onChanged();
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  const reveal = async () => {
    try {
      const r = await revealResidentId(person.id);
      modal.info({
        title: `${person.name} 的身份证号`,
        content: (
          <Space direction="vertical">
            <Typography.Text className="ss-mono" copyable data-testid="revealed-id">
              {r.residentId}
            </Typography.Text>
            <Typography.Text type="secondary">本次查看已记入审计日志，请勿截图外传。</Typography.Text>
          </Space>
        ),
      });
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const manage = can('health.roster.manage') && person.active;
  return (
    <>
      {can('health.pii.reveal') && (
        <Popconfirm
          title="查看完整身份证号？"
          description="每次查看都会记入审计日志。"
          okText="查看"
          cancelText="取消"
          onConfirm={() => void reveal()}
        >
          <Button icon={<EyeOutlined />}>查看完整号码</Button>
        </Popconfirm>
      )}
      {manage && !person.userId && (
        <Button icon={<MobileOutlined />} onClick={() => setAccountOpen(true)}>
          开通员工账号
        </Button>
      )}
      {manage && (
        <Button danger icon={<LogoutOutlined />} onClick={() => setLeftOpen(true)}>
          标记离职
        </Button>
      )}
      <Modal
        open={accountOpen}
        title={`开通员工账号：${person.name}`}
        okText="开通"
        cancelText="取消"
        confirmLoading={saving}
        onOk={() => void saveAccount()}
        onCancel={() => setAccountOpen(false)}
        destroyOnClose
      >
        <Typography.Paragraph type="secondary">
          员工用这个账号在手机上每日健康申报、查看返岗状态和通行证；首次登录须修改密码。
        </Typography.Paragraph>
        <Form form={accountForm} layout="vertical" preserve={false}>
          <Form.Item
            name="username"
            label="用户名"
            rules={[
              { required: true, message: '用户名：请填写' },
              { pattern: /^[a-zA-Z0-9_.-]{3,32}$/, message: '用户名：3–32位字母、数字、下划线、点或连字符' },
            ]}
          >
            <Input autoComplete="off" aria-label="用户名" />
          </Form.Item>
          <Form.Item name="password" label="初始密码" rules={[{ required: true, message: '初始密码：请填写' }]}>
            <Input.Password autoComplete="new-password" aria-label="初始密码" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={leftOpen}
        title={`标记离职：${person.name}`}
        okText="确认离职"
        okButtonProps={{ danger: true }}
        cancelText="取消"
        confirmLoading={saving}
        onOk={() => void saveLeft()}
        onCancel={() => setLeftOpen(false)}
        destroyOnClose
      >
        <Typography.Paragraph type="secondary">离职后不再要求健康申报，该员工的通行证立即作废。</Typography.Paragraph>
        <Form form={leftForm} layout="vertical" preserve={false} initialValues={{ on: dayjs() }}>
          <Form.Item name="on" label="离职日期" rules={[{ required: true, message: '离职日期：请选择' }]}>
            <DatePicker style={{ width: '100%' }} aria-label="离职日期" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
