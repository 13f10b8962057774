import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';
import { lazy } from 'react';
import { matchPath } from 'react-router-dom';
import {
  AuditOutlined,
  BankOutlined,
  ClusterOutlined,
  DashboardOutlined,
  ApartmentOutlined,
  ShopOutlined,
  TeamOutlined,
  UserOutlined,
  IdcardOutlined,
  GiftOutlined,
  AimOutlined,
  SolutionOutlined,
  DatabaseOutlined,
  ThunderboltOutlined,
  NotificationOutlined,
  PayCircleOutlined,
  ExperimentOutlined,
  BarChartOutlined,
} from '@ant-design/icons';
import {
  AlertOutlined,
  CheckSquareOutlined,
  EnvironmentOutlined,
  FileProtectOutlined,
  LineChartOutlined,
  OrderedListOutlined,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import type { CurrentUser, Permission, Role } from './api/types.ts';
import { GOVERNMENT_ROLES } from './lib/labels.ts';
import { PASS_ROUTES } from './pages/passes/routes.tsx';
import { HEALTH_EMPLOYEE_ROUTES, HEALTH_ROUTES } from './pages/health/routes.tsx';

/**
 * The one route table: the router, the side menu and the breadcrumbs all come from it. A route is shown (in the
 * menu) and reachable only when the user holds its permission and, if it names roles, has one of them.
 */
export interface AppRoute {
  path: string;
  name: string;
  icon?: ReactNode;
  permission?: Permission;
  roles?: readonly Role[];
  hideInMenu?: boolean;
  component: LazyExoticComponent<ComponentType>;
  /** Pages reached from this one (detail, edit …); not in the menu but in the breadcrumb. */
  children?: AppRoute[];
}

const page = (load: () => Promise<{ default: ComponentType }>) => lazy(load);

const ALL_BUT_EMPLOYEE: readonly Role[] = ['admin', 'leader', 'dept', 'cdc', 'grid', 'ent_admin', 'bank'];

export const APP_ROUTES: AppRoute[] = [
  {
    path: '/home',
    name: '工作台',
    icon: <DashboardOutlined />,
    roles: ALL_BUT_EMPLOYEE,
    component: page(() => import('./pages/HomePage.tsx')),
  },
  {
    path: '/me',
    name: '我的',
    icon: <UserOutlined />,
    roles: ['employee'],
    component: page(() => import('./pages/EmployeeHomePage.tsx')),
    children: HEALTH_EMPLOYEE_ROUTES,
  },
  {
    path: '/my-enterprise',
    name: '本企业档案',
    icon: <IdcardOutlined />,
    permission: 'enterprise.read',
    roles: ['ent_admin'],
    component: page(() => import('./pages/enterprises/MyEnterprisePage.tsx')),
    children: [
      {
        path: '/my-enterprise/edit',
        name: '编辑本企业档案',
        permission: 'enterprise.update',
        roles: ['ent_admin'],
        component: page(() => import('./pages/enterprises/MyEnterpriseEditPage.tsx')),
      },
    ],
  },
  {
    path: '/enterprises',
    name: '企业名录',
    icon: <ShopOutlined />,
    permission: 'enterprise.read',
    roles: GOVERNMENT_ROLES,
    component: page(() => import('./pages/enterprises/EnterpriseListPage.tsx')),
    children: [
      {
        path: '/enterprises/new',
        name: '新增企业',
        permission: 'enterprise.create',
        roles: GOVERNMENT_ROLES,
        component: page(() => import('./pages/enterprises/EnterpriseCreatePage.tsx')),
      },
      {
        path: '/enterprises/import',
        name: '批量导入',
        permission: 'enterprise.import',
        roles: GOVERNMENT_ROLES,
        component: page(() => import('./pages/enterprises/EnterpriseImportPage.tsx')),
      },
      {
        path: '/enterprises/:id',
        name: '企业详情',
        permission: 'enterprise.read',
        roles: GOVERNMENT_ROLES,
        component: page(() => import('./pages/enterprises/EnterpriseDetailPage.tsx')),
      },
      {
        path: '/enterprises/:id/edit',
        name: '编辑企业',
        permission: 'enterprise.update',
        roles: GOVERNMENT_ROLES,
        component: page(() => import('./pages/enterprises/EnterpriseEditPage.tsx')),
      },
    ],
  },
  {
    path: '/policies',
    name: '惠企政策',
    icon: <GiftOutlined />,
    permission: 'policy.read',
    roles: ALL_BUT_EMPLOYEE,
    component: page(() => import('./pages/policies/PolicyCataloguePage.tsx')),
    children: [
      {
        path: '/policies/:policyId',
        name: '政策详情',
        permission: 'policy.read',
        roles: ALL_BUT_EMPLOYEE,
        component: page(() => import('./pages/policies/PolicyDetailPage.tsx')),
      },
    ],
  },
  {
    path: '/policy-matches',
    name: '我可享受的政策',
    icon: <AimOutlined />,
    permission: 'policy.apply',
    roles: ['ent_admin'],
    component: page(() => import('./pages/policies/PolicyMatchesPage.tsx')),
    children: [
      {
        path: '/policy-matches/apply/:ruleId',
        name: '申请政策',
        permission: 'policy.apply',
        roles: ['ent_admin'],
        component: page(() => import('./pages/policies/PolicyApplyPage.tsx')),
      },
    ],
  },
  {
    path: '/policy-applications',
    name: '兑现申请',
    icon: <SolutionOutlined />,
    permission: 'policy.read',
    roles: ['admin', 'leader', 'dept', 'ent_admin'],
    component: page(() => import('./pages/policies/ApplicationsPage.tsx')),
    children: [
      {
        path: '/policy-applications/:id',
        name: '申请详情',
        permission: 'policy.read',
        roles: ['admin', 'leader', 'dept', 'ent_admin'],
        component: page(() => import('./pages/policies/ApplicationDetailPage.tsx')),
      },
    ],
  },
  {
    path: '/policy-batches',
    name: '免申即享',
    icon: <ThunderboltOutlined />,
    permission: 'policy.read',
    roles: ['admin', 'leader', 'dept'],
    component: page(() => import('./pages/policies/BatchesPage.tsx')),
    children: [
      {
        path: '/policy-batches/:id',
        name: '批次详情',
        permission: 'policy.read',
        roles: ['admin', 'leader', 'dept'],
        component: page(() => import('./pages/policies/BatchDetailPage.tsx')),
      },
    ],
  },
  {
    path: '/policy-facts',
    name: '部门共享数据',
    icon: <DatabaseOutlined />,
    permission: 'policy.review',
    component: page(() => import('./pages/policies/PolicyFactsPage.tsx')),
  },
  {
    path: '/policy-notices',
    name: '兑现公示',
    icon: <NotificationOutlined />,
    permission: 'policy.read',
    roles: ['admin', 'leader', 'dept', 'ent_admin'],
    component: page(() => import('./pages/policies/NoticesPage.tsx')),
  },
  {
    path: '/policy-payments',
    name: '兑付记录',
    icon: <PayCircleOutlined />,
    permission: 'policy.read',
    roles: ['admin', 'leader', 'dept', 'ent_admin'],
    component: page(() => import('./pages/policies/PaymentsPage.tsx')),
  },
  {
    path: '/policy-simulations',
    name: '政策测算',
    icon: <ExperimentOutlined />,
    permission: 'policy.simulate',
    component: page(() => import('./pages/policies/PolicySimulationPage.tsx')),
  },
  {
    path: '/policy-stats',
    name: '兑现统计',
    icon: <BarChartOutlined />,
    permission: 'policy.stats',
    component: page(() => import('./pages/policies/PolicyStatsPage.tsx')),
  },
  {
    path: '/resumption',
    name: '复工复产',
    icon: <SafetyCertificateOutlined />,
    permission: 'resumption.apply',
    roles: ['ent_admin'],
    component: page(() => import('./pages/resumption/MyResumptionPage.tsx')),
  },
  {
    path: '/resumption/applications',
    name: '复工申请办理',
    icon: <FileProtectOutlined />,
    permission: 'resumption.read',
    roles: ['admin', 'leader', 'dept'],
    component: page(() => import('./pages/resumption/ApplicationQueuePage.tsx')),
    children: [
      {
        path: '/resumption/applications/:id',
        name: '复工申请详情',
        permission: 'resumption.read',
        roles: ['admin', 'leader', 'dept', 'ent_admin'],
        component: page(() => import('./pages/resumption/ApplicationDetailPage.tsx')),
      },
      {
        path: '/resumption/applications/:id/edit',
        name: '申报复工',
        permission: 'resumption.apply',
        roles: ['ent_admin'],
        component: page(() => import('./pages/resumption/FilingWizardPage.tsx')),
      },
    ],
  },
  {
    path: '/resumption/checks',
    name: '现场核查',
    icon: <CheckSquareOutlined />,
    permission: 'resumption.inspect',
    component: page(() => import('./pages/resumption/CheckTasksPage.tsx')),
    children: [
      {
        path: '/resumption/checks/:id',
        name: '核查任务',
        permission: 'resumption.inspect',
        component: page(() => import('./pages/resumption/CheckTaskPage.tsx')),
      },
    ],
  },
  {
    path: '/resumption/rectifications/:id',
    name: '整改通知',
    hideInMenu: true,
    permission: 'resumption.read',
    component: page(() => import('./pages/resumption/RectificationPage.tsx')),
  },
  {
    path: '/resumption/risk-levels',
    name: '风险等级',
    icon: <EnvironmentOutlined />,
    permission: 'resumption.read',
    component: page(() => import('./pages/resumption/RiskLevelsPage.tsx')),
  },
  {
    path: '/resumption/condition-lists',
    name: '复工条件清单',
    icon: <OrderedListOutlined />,
    permission: 'resumption.read',
    component: page(() => import('./pages/resumption/ConditionListsPage.tsx')),
  },
  {
    // Read with resumption.read (GET /settings, /approval-lists, /lead-departments); editing needs resumption.configure.
    path: '/resumption/settings',
    name: '复工配置',
    icon: <SafetyCertificateOutlined />,
    permission: 'resumption.read',
    roles: GOVERNMENT_ROLES,
    component: page(() => import('./pages/resumption/SettingsPage.tsx')),
  },
  {
    path: '/resumption/dashboard',
    name: '复工统计',
    icon: <LineChartOutlined />,
    permission: 'resumption.stats',
    component: page(() => import('./pages/resumption/DashboardPage.tsx')),
  },
  {
    path: '/resumption/command',
    name: '复工调度',
    icon: <AlertOutlined />,
    permission: 'resumption.stats',
    roles: ['admin', 'leader'],
    component: page(() => import('./pages/resumption/CommandPage.tsx')),
  },
  ...HEALTH_ROUTES,
  {
    path: '/regions',
    name: '区域与网格',
    icon: <ClusterOutlined />,
    permission: 'region.read',
    roles: GOVERNMENT_ROLES,
    component: page(() => import('./pages/regions/RegionsPage.tsx')),
  },
  {
    path: '/departments',
    name: '部门',
    icon: <ApartmentOutlined />,
    permission: 'department.read',
    component: page(() => import('./pages/departments/DepartmentsPage.tsx')),
  },
  {
    path: '/banks',
    name: '金融机构',
    icon: <BankOutlined />,
    permission: 'bank.read',
    component: page(() => import('./pages/banks/BanksPage.tsx')),
  },
  {
    path: '/users',
    name: '用户',
    icon: <TeamOutlined />,
    permission: 'user.read',
    component: page(() => import('./pages/users/UsersPage.tsx')),
  },
  {
    path: '/audit',
    name: '审计日志',
    icon: <AuditOutlined />,
    permission: 'audit.read',
    component: page(() => import('./pages/audit/AuditPage.tsx')),
  },
  ...PASS_ROUTES,
  {
    path: '/account/password',
    name: '修改密码',
    hideInMenu: true,
    component: page(() => import('./pages/account/ChangePasswordPage.tsx')),
  },
];

export function routeAllowed(route: Pick<AppRoute, 'permission' | 'roles'>, user: CurrentUser): boolean {
  if (route.permission && !user.permissions.includes(route.permission)) return false;
  if (route.roles && !route.roles.includes(user.role)) return false;
  return true;
}

/** Every route, parents before their children. */
export function flattenRoutes(routes: AppRoute[] = APP_ROUTES): AppRoute[] {
  return routes.flatMap((r) => [r, ...flattenRoutes(r.children ?? [])]);
}

/** The page a user lands on after login: the first menu entry they may open. */
export function homePathOf(user: CurrentUser): string {
  const first = APP_ROUTES.find((r) => !r.hideInMenu && routeAllowed(r, user));
  return first?.path ?? '/account/password';
}

export interface MenuRoute {
  path: string;
  name: string;
  icon?: ReactNode;
  hideInMenu?: boolean;
  routes?: MenuRoute[];
}

/** The route table as ProLayout reads it, filtered for the user. */
export function menuRoutesFor(user: CurrentUser, routes: AppRoute[] = APP_ROUTES): MenuRoute[] {
  return routes
    .filter((r) => routeAllowed(r, user))
    .map((r) => {
      const children = r.children ? menuRoutesFor(user, r.children).map((c) => ({ ...c, hideInMenu: true })) : [];
      return {
        path: r.path,
        name: r.name,
        ...(r.icon ? { icon: r.icon } : {}),
        ...(r.hideInMenu ? { hideInMenu: true } : {}),
        ...(children.length ? { routes: children } : {}),
      };
    });
}

/** Where to go after login: back to the page asked for, if this user may open it; else the user's home. */
export function landingPathFor(user: CurrentUser, redirect: string | null): string {
  if (redirect && redirect.startsWith('/') && !redirect.startsWith('//') && !redirect.startsWith('/login')) {
    const pathname = redirect.split(/[?#]/)[0] ?? redirect;
    const route = flattenRoutes()
      .filter((r) => matchPath({ path: r.path, end: true }, pathname))
      .sort((a, b) => (a.path.includes(':') ? 1 : 0) - (b.path.includes(':') ? 1 : 0))[0];
    if (route && routeAllowed(route, user)) return redirect;
  }
  return homePathOf(user);
}
