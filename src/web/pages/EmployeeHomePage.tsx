import { Link, useNavigate } from 'react-router-dom';
import { Avatar, Button, Card, Descriptions, Skeleton, Space, Tag, Typography } from 'antd';
import { FormOutlined, KeyOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { errorMessage } from '../api/client.ts';
import { getEnterprise } from '../api/enterprises.ts';
import { getMyHealth, statusViewOf, todayProgress } from '../api/health.ts';
import { useCurrentUser } from '../auth/AuthContext.tsx';
import { useRequest } from '../lib/useRequest.ts';
import { StatusTag } from './health/labels.tsx';

/** 今日健康: today's declarations owed and made, the return-to-work status, and the two health pages. */
function HealthCard() {
  const navigate = useNavigate();
  const me = useRequest((signal) => getMyHealth(signal), 'employee-home-health');
  const today = todayProgress(me.data);
  const status = statusViewOf(me.data?.evaluation);
  return (
    <Card title="今日健康" size="small" data-testid="employee-health">
      {me.loading && !me.data ? (
        <Skeleton active paragraph={{ rows: 1 }} />
      ) : me.error && !me.data ? (
        <Typography.Text type="secondary">{errorMessage(me.error)}</Typography.Text>
      ) : (
        <Descriptions column={1} size="small">
          <Descriptions.Item label="返岗状态">
            {status ? (
              <StatusTag status={status.status} label={status.statusLabel} byOverride={status.byOverride} />
            ) : (
              '待评估'
            )}
          </Descriptions.Item>
          {today && (
            <Descriptions.Item label="今日申报">
              <span data-testid="employee-today">
                {today.made >= today.required
                  ? `已完成（${today.made}/${today.required}）`
                  : `还需申报 ${today.required - today.made} 次`}
              </span>
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
      <Space direction="vertical" style={{ width: '100%', marginTop: 8 }}>
        <Button type="primary" block size="large" icon={<FormOutlined />} onClick={() => navigate('/me/declare')}>
          每日健康申报
        </Button>
        <Button block icon={<SafetyCertificateOutlined />} onClick={() => navigate('/me/status')}>
          我的返岗状态与申诉
        </Button>
      </Space>
    </Card>
  );
}

/** 员工 H5 首页: who I am and where I work, on a phone. */
export default function EmployeeHomePage() {
  const user = useCurrentUser();
  const id = user.enterpriseId;
  const enterprise = useRequest(
    (signal) => (id ? getEnterprise(id, signal) : Promise.resolve(null)),
    `employee-enterprise-${id}`,
  );
  const e = enterprise.data;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Space size={16} align="center">
          <Avatar size={64} icon={<UserOutlined />} style={{ backgroundColor: '#1f5fbf', flex: 'none' }} />
          <div style={{ minWidth: 0 }}>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="employee-name">
              {user.displayName}
            </Typography.Title>
            <Tag color="blue" style={{ marginTop: 6 }} data-testid="employee-role">
              {user.roleLabel}
            </Tag>
          </div>
        </Space>
      </Card>
      {user.permissions.includes('health.self') && <HealthCard />}
      <Card title="所在企业" size="small">
        {enterprise.loading ? (
          <Skeleton active paragraph={{ rows: 2 }} />
        ) : enterprise.error ? (
          <Typography.Text type="danger">{errorMessage(enterprise.error)}</Typography.Text>
        ) : e ? (
          <Descriptions column={1} size="small">
            <Descriptions.Item label="企业">
              <span data-testid="employee-enterprise">{e.name}</span>
            </Descriptions.Item>
            <Descriptions.Item label="地址">{e.address}</Descriptions.Item>
            <Descriptions.Item label="所在区域">{e.regionPath}</Descriptions.Item>
            <Descriptions.Item label="企业联系人">
              {e.contactName} {e.contactPhone}
            </Descriptions.Item>
          </Descriptions>
        ) : (
          <Typography.Text type="secondary">您的账号还没有关联企业，请联系本企业管理员。</Typography.Text>
        )}
      </Card>
      <Card title="账号" size="small">
        <Descriptions column={1} size="small">
          <Descriptions.Item label="用户名">{user.username}</Descriptions.Item>
          <Descriptions.Item label="角色">{user.roleLabel}</Descriptions.Item>
        </Descriptions>
        <Link to="/account/password">
          <KeyOutlined /> 修改密码
        </Link>
      </Card>
    </Space>
  );
}
