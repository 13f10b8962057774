import { useNavigate } from 'react-router-dom';
import { Button, Result } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { getEnterprise } from '../../api/enterprises.ts';
import { useCurrentUser } from '../../auth/AuthContext.tsx';
import { Page } from '../../components/Page.tsx';
import { useRequest } from '../../lib/useRequest.ts';
import { EnterpriseLoadError } from './EnterpriseDetailPage.tsx';
import { EnterpriseProfile, EnterpriseTags } from './EnterpriseProfile.tsx';

/** 本企业档案: the enterprise administrator's own profile. */
export default function MyEnterprisePage() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const id = user.enterpriseId;
  const enterprise = useRequest((signal) => getEnterprise(id ?? 0, signal), String(id));
  if (!id) {
    return (
      <Result status="warning" title="账号未关联企业" subTitle="您的账号还没有关联企业，请联系主管部门或系统管理员。" />
    );
  }
  if (enterprise.error && !enterprise.loading) {
    return <EnterpriseLoadError error={enterprise.error} onRetry={enterprise.reload} />;
  }
  const e = enterprise.data;
  return (
    <Page
      title="本企业档案"
      subTitle={e?.name}
      loading={!e}
      tags={e ? <EnterpriseTags enterprise={e} /> : undefined}
      extra={
        e &&
        user.permissions.includes('enterprise.update') && (
          <Button type="primary" icon={<EditOutlined />} onClick={() => navigate('/my-enterprise/edit')}>
            修改档案
          </Button>
        )
      }
    >
      {e && <EnterpriseProfile enterprise={e} />}
    </Page>
  );
}
