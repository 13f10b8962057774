import { App, Card } from 'antd';
import { useNavigate } from 'react-router-dom';
import { ChangePasswordForm } from '../../components/ChangePasswordForm.tsx';
import { Page } from '../../components/Page.tsx';
import { useAuth } from '../../auth/AuthContext.tsx';

export default function ChangePasswordPage() {
  const { message } = App.useApp();
  const { refresh } = useAuth();
  const navigate = useNavigate();
  return (
    <Page title="修改密码">
      <Card>
        <ChangePasswordForm
          onDone={() => {
            message.success('密码已修改');
            void refresh().then(() => navigate('/'));
          }}
        />
      </Card>
    </Page>
  );
}
