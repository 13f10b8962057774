import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { ApiError } from '../api/client.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { FullPageLoading } from '../auth/RequireAuth.tsx';
import { landingPathFor } from '../routes.tsx';
import { applyFieldErrors } from '../lib/forms.ts';

interface LoginValues {
  username: string;
  password: string;
}

interface Failure {
  type: 'error' | 'warning';
  title: string;
  detail: string;
}

/** What a failed login means for the user: wrong password, locked account, too many attempts, or no server. */
function failureOf(error: unknown): Failure {
  if (error instanceof ApiError) {
    switch (error.status) {
      case 401:
        return { type: 'error', title: '登录失败', detail: error.detail };
      case 423:
        return { type: 'warning', title: '账号已临时锁定', detail: error.detail };
      case 429:
        return { type: 'warning', title: '尝试次数过多', detail: error.detail };
      default:
        return { type: 'error', title: '登录失败', detail: error.detail };
    }
  }
  return { type: 'error', title: '登录失败', detail: '无法连接服务器，请检查网络后重试' };
}

export function LoginPage() {
  const { status, user, login, notice, clearNotice } = useAuth();
  const [form] = Form.useForm<LoginValues>();
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const redirect = params.get('redirect');

  if (status === 'loading') return <FullPageLoading tip="正在恢复登录状态…" />;
  if (user && !submitting) {
    return <Navigate to={user.mustChangePassword ? '/change-password' : landingPathFor(user, redirect)} replace />;
  }

  const onFinish = async (values: LoginValues) => {
    setSubmitting(true);
    setFailure(null);
    clearNotice();
    try {
      const signedIn = await login(values.username.trim(), values.password);
      navigate(signedIn.mustChangePassword ? '/change-password' : landingPathFor(signedIn, redirect), {
        replace: true,
      });
    } catch (error) {
      const { mapped } = applyFieldErrors(form, error);
      if (mapped === 0 || !(error instanceof ApiError) || error.status !== 400) setFailure(failureOf(error));
      form.setFieldValue('password', '');
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <main className="ss-login">
      <div className="ss-login-card">
        <div className="ss-login-brand">
          <img src="/favicon.svg" alt="" />
          <h1>双胜 · 疫情防控与复工复产平台</h1>
          <p>夺取疫情防控和经济社会发展双胜利</p>
        </div>
        <Card>
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            账号登录
          </Typography.Title>
          {notice && !failure && (
            <Alert type="info" showIcon message={notice} style={{ marginBottom: 16 }} data-testid="login-notice" />
          )}
          {failure && (
            <Alert
              type={failure.type}
              showIcon
              message={failure.title}
              description={failure.detail}
              style={{ marginBottom: 16 }}
              role="alert"
              data-testid="login-error"
            />
          )}
          <Form<LoginValues>
            form={form}
            layout="vertical"
            size="large"
            requiredMark={false}
            onFinish={onFinish}
            autoComplete="on"
          >
            <Form.Item
              name="username"
              label="用户名"
              rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}
            >
              <Input prefix={<UserOutlined />} placeholder="用户名" autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
              <Input.Password prefix={<LockOutlined />} placeholder="密码" autoComplete="current-password" />
            </Form.Item>
            <Form.Item style={{ marginBottom: 8 }}>
              <Button type="primary" htmlType="submit" block loading={submitting}>
                登录
              </Button>
            </Form.Item>
          </Form>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0, fontSize: 13 }}>
            连续多次输错密码，账号将被临时锁定。忘记密码请联系系统管理员重置。
          </Typography.Paragraph>
        </Card>
      </div>
    </main>
  );
}
