import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';

export function ForbiddenPage({ detail }: { detail?: string }) {
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title="403"
      subTitle={detail ?? '抱歉，您没有访问此页面的权限。如需开通，请联系系统管理员。'}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          返回首页
        </Button>
      }
    />
  );
}

export function NotFoundPage({ detail }: { detail?: string }) {
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="404"
      subTitle={detail ?? '抱歉，您访问的页面不存在。'}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          返回首页
        </Button>
      }
    />
  );
}

/** A failed load: the server's message and a retry button. */
export function LoadFailed({ detail, onRetry }: { detail: string; onRetry?: () => void }) {
  return (
    <Result
      status="error"
      title="加载失败"
      subTitle={detail}
      extra={
        onRetry ? (
          <Button type="primary" onClick={onRetry}>
            重试
          </Button>
        ) : undefined
      }
    />
  );
}
