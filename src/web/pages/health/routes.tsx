import { lazy } from 'react';
import {
  AlertOutlined,
  AuditOutlined,
  CarryOutOutlined,
  GlobalOutlined,
  FundProjectionScreenOutlined,
  MedicineBoxOutlined,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import type { AppRoute } from '../../routes.tsx';

/**
 * Workforce health (员工健康) entries of the route table (src/web/routes.tsx spreads them in). Permissions are the
 * server's (src/server/health/permissions.ts); the roles keep each menu to the people whose work it is.
 */
export const HEALTH_ROUTES: AppRoute[] = [
  {
    path: '/health/roster',
    name: '员工健康档案',
    icon: <MedicineBoxOutlined />,
    permission: 'health.roster.read',
    roles: ['ent_admin', 'cdc'],
    component: lazy(() => import('./RosterPage.tsx')),
    children: [
      {
        path: '/health/roster/new',
        name: '新增员工',
        permission: 'health.roster.manage',
        roles: ['ent_admin', 'cdc'],
        component: lazy(() => import('./PersonFormPage.tsx')),
      },
      {
        path: '/health/roster/import',
        name: '导入花名册',
        permission: 'health.roster.manage',
        roles: ['ent_admin', 'cdc'],
        component: lazy(() => import('./RosterImportPage.tsx')),
      },
      {
        path: '/health/roster/:id',
        name: '健康档案详情',
        permission: 'health.roster.read',
        roles: ['ent_admin', 'cdc'],
        component: lazy(() => import('./PersonDetailPage.tsx')),
      },
      {
        path: '/health/roster/:id/edit',
        name: '编辑员工档案',
        permission: 'health.roster.manage',
        roles: ['ent_admin', 'cdc'],
        component: lazy(() => import('./PersonFormPage.tsx')),
      },
    ],
  },
  {
    path: '/health/undeclared',
    name: '今日未申报',
    icon: <CarryOutOutlined />,
    permission: 'health.declaration.read',
    roles: ['ent_admin', 'cdc'],
    component: lazy(() => import('./UndeclaredPage.tsx')),
  },
  {
    path: '/health/anomalies',
    name: '异常情况处置',
    icon: <AlertOutlined />,
    permission: 'health.anomaly.read',
    roles: ['ent_admin', 'cdc'],
    component: lazy(() => import('./AnomaliesPage.tsx')),
    children: [
      {
        path: '/health/anomalies/:id',
        name: '异常处置记录',
        permission: 'health.anomaly.read',
        roles: ['ent_admin', 'cdc'],
        component: lazy(() => import('./AnomalyDetailPage.tsx')),
      },
    ],
  },
  {
    path: '/health/summaries',
    name: '员工健康日报',
    icon: <FundProjectionScreenOutlined />,
    permission: 'health.summary.read',
    roles: ['cdc', 'leader'],
    component: lazy(() => import('./SummariesPage.tsx')),
  },
  {
    path: '/health/risk-areas',
    name: '风险地区',
    icon: <GlobalOutlined />,
    permission: 'health.risk_area.read',
    roles: ['cdc', 'leader', 'admin'],
    component: lazy(() => import('./RiskAreasPage.tsx')),
  },
  {
    path: '/health/overrides',
    name: '人工研判',
    icon: <SafetyCertificateOutlined />,
    permission: 'health.override',
    roles: ['cdc'],
    component: lazy(() => import('./OverridesPage.tsx')),
  },
  {
    path: '/health/appeals',
    name: '申诉处理',
    icon: <AuditOutlined />,
    permission: 'health.appeal.decide',
    roles: ['cdc'],
    component: lazy(() => import('./AppealsPage.tsx')),
  },
];

/** The employee's phone pages, reached from 我的 (/me); employees have no side menu. */
export const HEALTH_EMPLOYEE_ROUTES: AppRoute[] = [
  {
    path: '/me/declare',
    name: '健康申报',
    permission: 'health.self',
    roles: ['employee'],
    component: lazy(() => import('./DeclarePage.tsx')),
  },
  {
    path: '/me/status',
    name: '我的返岗状态',
    permission: 'health.self',
    roles: ['employee'],
    component: lazy(() => import('./MyStatusPage.tsx')),
  },
];
