import { useNavigate } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import { getEnterprise } from '../../api/enterprises.ts';
import { Page } from '../../components/Page.tsx';
import { useRequest } from '../../lib/useRequest.ts';
import { EnterpriseLoadError, useEnterpriseId } from './EnterpriseDetailPage.tsx';
import { EnterpriseForm } from './EnterpriseForm.tsx';

export default function EnterpriseEditPage() {
  const id = useEnterpriseId();
  const navigate = useNavigate();
  const enterprise = useRequest(
    (signal) => (id ? getEnterprise(id, signal) : Promise.reject(new ApiError(404, '未找到', '企业不存在'))),
    String(id),
  );
  if (enterprise.error && !enterprise.loading) {
    return <EnterpriseLoadError error={enterprise.error} onRetry={enterprise.reload} />;
  }
  const e = enterprise.data;
  return (
    <Page title={e ? `编辑：${e.name}` : '编辑企业'} loading={enterprise.loading}>
      {e && !enterprise.loading && (
        <EnterpriseForm
          key={`${e.id}-${e.version}`}
          mode="edit"
          enterprise={e}
          onSaved={(saved) => navigate(`/enterprises/${saved.id}`)}
          onCancel={() => navigate(`/enterprises/${e.id}`)}
          onReload={enterprise.reload}
        />
      )}
    </Page>
  );
}
