import type { ReactNode } from 'react';
import { Suspense, lazy } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Avatar, Button, Card, Col, Descriptions, Empty, Row, Skeleton, Space, Statistic, Tag, Typography } from 'antd';
import { RightOutlined, UserOutlined } from '@ant-design/icons';
import { api } from '../api/client.ts';
import type { EnterpriseFilter } from '../api/enterprises.ts';
import { getEnterprise, listEnterprises } from '../api/enterprises.ts';
import { fetchRegion } from '../api/regions.ts';
import type { Bank, CurrentUser, Department, ItemsOf, SizeClass } from '../api/types.ts';
import { useCurrentUser } from '../auth/AuthContext.tsx';
import { Page } from '../components/Page.tsx';
import { formatInteger, formatWanYuan } from '../lib/format.ts';
import { SIZE_CLASS_LABEL_FALLBACK } from '../lib/labels.ts';
import { useRequest } from '../lib/useRequest.ts';
import { APP_ROUTES, routeAllowed } from '../routes.tsx';

const BarChart = lazy(() => import('../components/BarChart.tsx'));

function greeting(): string {
  const hour = Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', hour12: false }).format(new Date()),
  );
  if (hour < 6) return '夜深了';
  if (hour < 12) return '上午好';
  if (hour < 14) return '中午好';
  if (hour < 18) return '下午好';
  return '晚上好';
}

/** What the user's data scope is, in words: a region, a department, an enterprise, a bank, or everything. */
async function scopeText(user: CurrentUser, signal: AbortSignal): Promise<string> {
  switch (user.role) {
    case 'admin':
      return '全部区域和数据';
    case 'ent_admin':
    case 'employee':
      return user.enterpriseId ? (await getEnterprise(user.enterpriseId, signal)).name : '未关联企业';
    case 'bank': {
      if (!user.bankId) return '未关联金融机构';
      return (await api.get<Bank>(`/api/banks/${user.bankId}`, undefined, { signal })).name;
    }
    case 'dept': {
      const departments = await api.get<ItemsOf<Department>>('/api/departments', undefined, { signal });
      const mine = departments.items.find((d) => d.id === user.departmentId);
      return mine ? `${mine.name}（${mine.regionName ?? mine.regionCode}）` : '未关联部门';
    }
    default:
      return user.regionCode ? (await fetchRegion(user.regionCode, signal)).path : '未指定管辖区域';
  }
}

const SHORTCUT_TEXT: Record<string, string> = {
  '/my-enterprise': '查看和更新本企业的一企一档信息',
  '/enterprises': '按区域、行业、规模查询企业，登记和导出',
  '/regions': '区划、功能区、网格和楼栋',
  '/departments': '市、县两级部门',
  '/banks': '银行和担保机构',
  '/users': '账号、角色和管辖范围',
  '/audit': '谁在何时做了什么，哈希链校验',
};

interface Counts {
  total: number;
  cards: { label: string; value: number; filter: string }[];
  bySize: { name: string; value: number }[];
}

async function loadCounts(user: CurrentUser, signal: AbortSignal): Promise<Counts> {
  const count = (filter: EnterpriseFilter) => listEnterprises(filter, 1, 1, signal).then((p) => p.total);
  const cards: [string, EnterpriseFilter, string][] = [
    ['规模以上工业', { flag: 'aboveScaleIndustry' }, 'flag=aboveScaleIndustry'],
    ['防疫物资生产', { flag: 'epidemicSupplies' }, 'flag=epidemicSupplies'],
    ['生活必需品保供', { flag: 'essentials' }, 'flag=essentials'],
  ];
  if (user.role === 'grid') cards.unshift(['我联络的企业', { liaisonUserId: user.id }, 'mine=1']);
  const sizes = Object.keys(SIZE_CLASS_LABEL_FALLBACK) as SizeClass[];
  const [total, cardValues, sizeValues] = await Promise.all([
    count({}),
    Promise.all(cards.map(([, f]) => count(f))),
    Promise.all(sizes.map((s) => count({ sizeClass: s }))),
  ]);
  return {
    total,
    cards: cards.map(([label, , filter], i) => ({ label, value: cardValues[i] ?? 0, filter })),
    bySize: sizes.map((s, i) => ({ name: SIZE_CLASS_LABEL_FALLBACK[s], value: sizeValues[i] ?? 0 })),
  };
}

function StatCard({ title, value, to, testId }: { title: string; value: ReactNode; to: string; testId?: string }) {
  return (
    <Link to={to}>
      <Card hoverable size="small">
        <Statistic
          title={title}
          value={value as number}
          formatter={(v) => <span data-testid={testId}>{formatInteger(Number(v))}</span>}
        />
      </Card>
    </Link>
  );
}

function OwnEnterpriseCard({ id }: { id: number }) {
  const navigate = useNavigate();
  const enterprise = useRequest((signal) => getEnterprise(id, signal), String(id));
  const e = enterprise.data;
  return (
    <Card
      title="本企业"
      extra={
        <Button type="link" onClick={() => navigate('/my-enterprise')}>
          本企业档案 <RightOutlined />
        </Button>
      }
      style={{ marginBottom: 16 }}
    >
      {!e ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : (
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label="企业名称">{e.name}</Descriptions.Item>
          <Descriptions.Item label="统一社会信用代码">{e.creditCode}</Descriptions.Item>
          <Descriptions.Item label="所在区域">{e.regionPath}</Descriptions.Item>
          <Descriptions.Item label="企业规模">{e.sizeClassLabel ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="从业人员">{formatInteger(e.employees)} 人</Descriptions.Item>
          <Descriptions.Item label="营业收入">{formatWanYuan(e.revenueFen)}</Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  );
}

/** 工作台: who you are, what you can see, how much of it, and where to go next. */
export default function HomePage() {
  const user = useCurrentUser();
  const scope = useRequest((signal) => scopeText(user, signal), `scope-${user.id}`);
  const seesRegistry = user.permissions.includes('enterprise.read') && !['ent_admin', 'employee'].includes(user.role);
  const counts = useRequest(
    (signal) => (seesRegistry ? loadCounts(user, signal) : Promise.resolve(null)),
    `counts-${user.id}`,
  );
  const shortcuts = APP_ROUTES.filter((r) => !r.hideInMenu && r.path !== '/home' && routeAllowed(r, user));

  return (
    <Page title="工作台">
      <Card style={{ marginBottom: 16 }}>
        <div style={{ display: 'flex', alignItems: 'center', gap: 16 }}>
          <Avatar size={56} icon={<UserOutlined />} style={{ backgroundColor: '#1f5fbf', flex: 'none' }} />
          <div style={{ minWidth: 0 }}>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="home-greeting">
              {greeting()}，{user.displayName}
            </Typography.Title>
            <Space wrap style={{ marginTop: 8 }}>
              <Tag color="blue" data-testid="home-role">
                {user.roleLabel}
              </Tag>
              <Typography.Text type="secondary" data-testid="home-scope">
                管辖范围：{scope.loading ? '正在加载…' : (scope.data ?? '—')}
              </Typography.Text>
            </Space>
          </div>
        </div>
      </Card>

      {user.role === 'ent_admin' && user.enterpriseId && <OwnEnterpriseCard id={user.enterpriseId} />}

      {seesRegistry && (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          <Col xs={12} md={8} xl={4}>
            <StatCard title="可见企业总数" value={counts.data?.total ?? 0} to="/enterprises" testId="home-total" />
          </Col>
          {(counts.data?.cards ?? []).map((c) => (
            <Col key={c.label} xs={12} md={8} xl={5}>
              <StatCard title={c.label} value={c.value} to={`/enterprises?${c.filter}`} />
            </Col>
          ))}
          {counts.loading && (
            <Col xs={24} md={16} xl={15}>
              <Card size="small">
                <Skeleton active paragraph={{ rows: 1 }} title={false} />
              </Card>
            </Col>
          )}
        </Row>
      )}

      <Row gutter={[16, 16]}>
        {seesRegistry && (
          <Col xs={24} lg={10}>
            <Card title="企业规模分布" size="small">
              {counts.data && counts.data.total > 0 ? (
                <Suspense fallback={<Skeleton active />}>
                  <BarChart data={counts.data.bySize} unit="家" />
                </Suspense>
              ) : counts.loading ? (
                <Skeleton active />
              ) : (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="管辖范围内暂无企业" />
              )}
            </Card>
          </Col>
        )}
        <Col xs={24} lg={seesRegistry ? 14 : 24}>
          <Card title="常用功能" size="small">
            {shortcuts.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无可用功能" />
            ) : (
              <Row gutter={[12, 12]}>
                {shortcuts.map((r) => (
                  <Col key={r.path} xs={24} sm={12}>
                    <Link to={r.path}>
                      <Card size="small" hoverable>
                        <Space align="start">
                          <span style={{ fontSize: 20, color: '#1f5fbf' }}>{r.icon}</span>
                          <div>
                            <Typography.Text strong>{r.name}</Typography.Text>
                            <br />
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {SHORTCUT_TEXT[r.path] ?? ''}
                            </Typography.Text>
                          </div>
                        </Space>
                      </Card>
                    </Link>
                  </Col>
                ))}
              </Row>
            )}
          </Card>
        </Col>
      </Row>
    </Page>
  );
}
