import { useNavigate, useParams } from 'react-router-dom';
import { Button, Space } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { ApiError, errorMessage } from '../../api/client.ts';
import { getEnterprise } from '../../api/enterprises.ts';
import { useCurrentUser } from '../../auth/AuthContext.tsx';
import { Page } from '../../components/Page.tsx';
import { useRequest } from '../../lib/useRequest.ts';
import { ForbiddenPage, LoadFailed, NotFoundPage } from '../errors/ErrorPages.tsx';
import { EnterpriseProfile, EnterpriseTags } from './EnterpriseProfile.tsx';

/** The enterprise id in the address, or null when it is not a positive whole number. */
export function useEnterpriseId(): number | null {
  const { id } = useParams();
  const n = Number(id);
  return Number.isInteger(n) && n > 0 ? n : null;
}

/** A failed enterprise load as a page: 404 and 403 say so in the server's words. */
export function EnterpriseLoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  if (error instanceof ApiError && error.status === 404) return <NotFoundPage detail={error.detail} />;
  if (error instanceof ApiError && error.status === 403) return <ForbiddenPage detail={error.detail} />;
  return <LoadFailed detail={errorMessage(error)} onRetry={onRetry} />;
}

export default function EnterpriseDetailPage() {
  const id = useEnterpriseId();
  const user = useCurrentUser();
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
    <Page
      title={e?.name ?? '企业详情'}
      loading={!e}
      tags={e ? <EnterpriseTags enterprise={e} /> : undefined}
      extra={
        e && (
          <Space wrap>
            {user.permissions.includes('enterprise.update') && (
              <Button type="primary" icon={<EditOutlined />} onClick={() => navigate(`/enterprises/${e.id}/edit`)}>
                编辑
              </Button>
            )}
            <Button onClick={() => navigate(-1)}>返回</Button>
          </Space>
        )
      }
    >
      {e && <EnterpriseProfile enterprise={e} />}
    </Page>
  );
}
