import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { Spin } from 'antd';
import { useAuth } from './AuthContext.tsx';

export function FullPageLoading({ tip = '正在加载…' }: { tip?: string }) {
  return (
    <div className="ss-full-center" role="status" aria-live="polite">
      <Spin size="large" tip={tip}>
        <div style={{ width: 160, height: 80 }} />
      </Spin>
    </div>
  );
}

/**
 * Pages behind a login. Without a session the user goes to the login page, which brings them back here after;
 * a user who must change the initial password is sent to do that first.
 */
export function RequireAuth({
  children,
  passwordChangePage = false,
}: {
  children: ReactNode;
  passwordChangePage?: boolean;
}) {
  const { status, user, signedOut } = useAuth();
  const location = useLocation();
  if (status === 'loading') return <FullPageLoading tip="正在恢复登录状态…" />;
  if (!user) {
    const target = location.pathname + location.search;
    const keep = !signedOut && target !== '/' && !passwordChangePage;
    return <Navigate to={keep ? `/login?redirect=${encodeURIComponent(target)}` : '/login'} replace />;
  }
  if (user.mustChangePassword && !passwordChangePage) return <Navigate to="/change-password" replace />;
  if (!user.mustChangePassword && passwordChangePage) return <Navigate to="/" replace />;
  return <>{children}</>;
}
