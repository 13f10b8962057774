import { useNavigate } from 'react-router-dom';
import { Result } from 'antd';
import { getEnterprise } from '../../api/enterprises.ts';
import { useCurrentUser } from '../../auth/AuthContext.tsx';
import { Page } from '../../components/Page.tsx';
import { useRequest } from '../../lib/useRequest.ts';
import { EnterpriseLoadError } from './EnterpriseDetailPage.tsx';
import { EnterpriseForm } from './EnterpriseForm.tsx';

export default function MyEnterpriseEditPage() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const id = user.enterpriseId;
  const enterprise = useRequest((signal) => getEnterprise(id ?? 0, signal), String(id));
  if (!id) return <Result status="warning" title="账号未关联企业" subTitle="请联系主管部门或系统管理员。" />;
  if (enterprise.error && !enterprise.loading) {
    return <EnterpriseLoadError error={enterprise.error} onRetry={enterprise.reload} />;
  }
  const e = enterprise.data;
  return (
    <Page title="修改本企业档案" subTitle={e?.name} loading={enterprise.loading}>
      {e && !enterprise.loading && (
        <EnterpriseForm
          key={`${e.id}-${e.version}`}
          mode="self"
          enterprise={e}
          onSaved={() => navigate('/my-enterprise')}
          onCancel={() => navigate('/my-enterprise')}
          onReload={enterprise.reload}
        />
      )}
    </Page>
  );
}
