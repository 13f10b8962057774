import { Alert, App, Button, Card, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useAuth, useCurrentUser } from '../../auth/AuthContext.tsx';
import { ChangePasswordForm } from '../../components/ChangePasswordForm.tsx';

/** First login (or after an administrator's reset): the initial password must be replaced before anything else. */
export function ForcedPasswordChangePage() {
  const user = useCurrentUser();
  const { refresh, logout } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  return (
    <main className="ss-login">
      <div className="ss-login-card">
        <div className="ss-login-brand">
          <img src="/favicon.svg" alt="" />
          <h1>请先修改初始密码</h1>
          <p>
            {user.displayName}（{user.roleLabel}）
          </p>
        </div>
        <Card>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            message="为保障账号安全，首次登录或密码被重置后，须修改密码才能继续使用。"
          />
          <ChangePasswordForm
            submitText="修改并进入系统"
            onDone={() => {
              message.success('密码已修改');
              void refresh().then(() => navigate('/', { replace: true }));
            }}
          />
          <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
            <Button type="link" style={{ padding: 0 }} onClick={() => void logout()}>
              退出登录
            </Button>
          </Typography.Paragraph>
        </Card>
      </div>
    </main>
  );
}
