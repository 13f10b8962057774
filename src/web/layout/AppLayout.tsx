import { Suspense, useEffect, useMemo, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { ProLayout } from '@ant-design/pro-components';
import type { MenuProps } from 'antd';
import { Button, Dropdown, Tag } from 'antd';
import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useAuth, useCurrentUser } from '../auth/AuthContext.tsx';
import { useIsMobile } from '../lib/useMediaQuery.ts';
import { menuRoutesFor } from '../routes.tsx';
import { PageLoading } from '../components/PageLoading.tsx';
import { NotificationBell } from '../components/NotificationBell.tsx';

function useSignOut() {
  const { logout } = useAuth();
  const navigate = useNavigate();
  return async () => {
    await logout();
    navigate('/login', { replace: true });
  };
}

/** Desktop and phone layout in the Ant Design Pro style: side menu from the route table, user menu at the top right. */
function ProShell() {
  const user = useCurrentUser();
  const location = useLocation();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const isMobile = useIsMobile();
  const menu = useMemo(() => menuRoutesFor(user), [user]);
  // On phones the menu is a drawer: it starts closed and closes again after each navigation.
  const [collapsed, setCollapsed] = useState(isMobile);
  useEffect(() => {
    if (isMobile) setCollapsed(true);
  }, [isMobile, location.pathname]);

  const userMenu: MenuProps = {
    items: [
      { key: 'role', label: user.roleLabel, disabled: true },
      { type: 'divider' },
      { key: 'password', icon: <KeyOutlined />, label: '修改密码' },
      { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', danger: true },
    ],
    onClick: ({ key }) => {
      if (key === 'password') navigate('/account/password');
      if (key === 'logout') void signOut();
    },
  };

  return (
    <ProLayout
      title="双胜平台"
      logo="/favicon.svg"
      layout="mix"
      fixedHeader
      fixSiderbar
      siderWidth={208}
      location={{ pathname: location.pathname }}
      route={{ path: '/', routes: menu }}
      menu={{ locale: false }}
      collapsed={collapsed}
      onCollapse={setCollapsed}
      menuItemRender={(item, dom) =>
        item.path ? (
          <Link to={item.path} onClick={() => isMobile && setCollapsed(true)}>
            {dom}
          </Link>
        ) : (
          dom
        )
      }
      onMenuHeaderClick={() => navigate('/')}
      menuExtraRender={
        isMobile
          ? () => (
              <div className="ss-drawer-user" data-testid="drawer-user">
                <div className="ss-drawer-app">双胜平台</div>
                <div>{user.displayName}</div>
                <Tag color="blue" style={{ marginTop: 4 }}>
                  {user.roleLabel}
                </Tag>
              </div>
            )
          : undefined
      }
      menuFooterRender={
        isMobile
          ? () => (
              <div style={{ padding: '8px 16px 16px' }}>
                <Button
                  block
                  icon={<KeyOutlined />}
                  onClick={() => navigate('/account/password')}
                  style={{ marginBottom: 8 }}
                >
                  修改密码
                </Button>
                <Button block danger icon={<LogoutOutlined />} onClick={() => void signOut()}>
                  退出登录
                </Button>
              </div>
            )
          : undefined
      }
      actionsRender={() =>
        isMobile
          ? [<NotificationBell key="bell" />]
          : [
              <NotificationBell key="bell" />,
              <Tag key="role" color="blue" data-testid="header-role" style={{ marginInlineEnd: 0 }}>
                {user.roleLabel}
              </Tag>,
            ]
      }
      avatarProps={{
        icon: <UserOutlined />,
        size: 'small',
        title: (
          <span className="ss-header-name" data-testid="header-user">
            {user.displayName}
          </span>
        ),
        render: (_props, dom) => (
          <Dropdown menu={userMenu} placement="bottomRight" trigger={['click']}>
            <span className="ss-header-user" role="button" aria-label="用户菜单" style={{ cursor: 'pointer' }}>
              {dom}
            </span>
          </Dropdown>
        ),
      }}
      token={{ bgLayout: '#f5f7fa', pageContainer: { paddingInlinePageContainerContent: isMobile ? 12 : 40 } }}
    >
      <Suspense fallback={<PageLoading />}>
        <Outlet />
      </Suspense>
    </ProLayout>
  );
}

/** Employees use the platform on their phones: a plain top bar, no menu. */
function MobileShell() {
  const user = useCurrentUser();
  const signOut = useSignOut();
  return (
    <div className="ss-h5">
      <header className="ss-h5-header">
        <Link to="/me" className="ss-h5-title" style={{ color: '#fff' }} aria-label="返回我的首页">
          <img src="/favicon.svg" alt="" />
          <span>双胜 · 员工</span>
        </Link>
        <Button size="small" ghost icon={<LogoutOutlined />} onClick={() => void signOut()} aria-label="退出登录">
          退出
        </Button>
      </header>
      <div className="ss-h5-body" data-testid="h5-body" aria-label={user.displayName}>
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </div>
    </div>
  );
}

/** The frame around every signed-in page (loaded after login, so the login page stays light). */
export default function AppLayout() {
  const user = useCurrentUser();
  return user.role === 'employee' ? <MobileShell /> : <ProShell />;
}
