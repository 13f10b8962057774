import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { api, errorMessage } from '../api/client.ts';
import { applyFieldErrors, clearFieldErrors } from '../lib/forms.ts';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** The password rule the server enforces (src/server/auth/passwords.ts), checked here first for a quick answer. */
const passwordRules = [
  { required: true, message: '请输入新密码' },
  { min: 8, message: '新密码：至少 8 位' },
  { max: 64, message: '新密码：不能超过 64 位' },
  {
    validator: (_: unknown, value: string | undefined) =>
      !value || (/[A-Za-z]/.test(value) && /\d/.test(value))
        ? Promise.resolve()
        : Promise.reject(new Error('新密码：须同时包含字母和数字')),
  },
];

/** Current password, new password twice; server errors land on their fields. */
export function ChangePasswordForm({ onDone, submitText = '修改密码' }: { onDone: () => void; submitText?: string }) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onFinish = async (values: Values) => {
    setSaving(true);
    setError(null);
    clearFieldErrors(form);
    try {
      await api.post('/api/auth/password', {
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      });
      form.resetFields();
      onDone();
    } catch (e) {
      const { mapped } = applyFieldErrors(form, e);
      if (mapped === 0) setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<Values> form={form} layout="vertical" onFinish={onFinish} style={{ maxWidth: 420 }} requiredMark={false}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label="新密码"
        rules={passwordRules}
        extra="至少 8 位，须同时包含字母和数字；修改后其他设备上的登录会失效。"
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label="确认新密码"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({
            validator: (_: unknown, value: string | undefined) =>
              !value || value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error('两次输入的新密码不一致')),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving}>
        {submitText}
      </Button>
    </Form>
  );
}
