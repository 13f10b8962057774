import { lazy } from 'react';
import { IdcardOutlined, KeyOutlined, QrcodeOutlined, ScanOutlined } from '@ant-design/icons';
import type { AppRoute } from '../../routes.tsx';

/**
 * Pass (通行证) entries of the route table (src/web/routes.tsx spreads them in). The checkpoint itself is a
 * standalone page (src/web/pages/checkpoint) served at /pages/checkpoint/.
 */
export const PASS_ROUTES: AppRoute[] = [
  {
    path: '/passes/me',
    name: '我的通行证',
    icon: <QrcodeOutlined />,
    roles: ['employee'],
    component: lazy(() => import('./MyPassPage.tsx')),
  },
  {
    path: '/passes',
    name: '通行证与员工证',
    icon: <IdcardOutlined />,
    roles: ['ent_admin'],
    component: lazy(() => import('./PassCardsPage.tsx')),
  },
  {
    path: '/passes/checkpoint',
    name: '卡口核验',
    icon: <ScanOutlined />,
    roles: ['grid', 'ent_admin', 'cdc'],
    component: lazy(() => import('./CheckpointLinkPage.tsx')),
  },
  {
    path: '/passes/keys',
    name: '通行证密钥',
    icon: <KeyOutlined />,
    roles: ['admin'],
    component: lazy(() => import('./PassKeysPage.tsx')),
  },
];
