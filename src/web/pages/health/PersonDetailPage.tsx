import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { Button, Card, Col, Descriptions, Empty, List, Row, Space, Table, Tag, Typography } from 'antd';
import { EditOutlined, FileSearchOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { errorMessage } from '../../api/client.ts';
import type { AnomalyCase, ContactEvent, Override } from '../../api/health.ts';
import { getPerson, statusViewOf } from '../../api/health.ts';
import { useCurrentUser } from '../../auth/AuthContext.tsx';
import { Page } from '../../components/Page.tsx';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useRequest } from '../../lib/useRequest.ts';
import { LoadFailed } from '../errors/ErrorPages.tsx';
import {
  AnomalyStateTag,
  OVERRIDE_REASONS,
  OverrideStateTag,
  STATUS_INFO,
  Temperature,
  placeText,
  symptomText,
  yesNo,
} from './labels.tsx';
import type { OverrideReasonCode } from '../../../domain/health/reasons.ts';
import type { HealthStatus } from '../../../domain/health/status.ts';
import { FactsEditor } from './FactsEditor.tsx';
import { OverrideFormModal } from './OverrideForm.tsx';
import { PersonActions } from './PersonActions.tsx';
import { StatusReasons } from './StatusReasons.tsx';

/** Rows may come as the API's camelCase or as stored columns; read either. */
function pick<T>(row: object, ...keys: string[]): T | undefined {
  for (const k of keys) {
    const v = (row as Record<string, unknown>)[k];
    if (v !== undefined) return v as T;
  }
  return undefined;
}

function temperatureOf(row: object): number | null {
  const c = pick<number | null>(row, 'temperatureC');
  if (c !== undefined) return c;
  const dc = pick<number | null>(row, 'temperature_dc');
  return dc === undefined || dc === null ? null : dc / 10;
}

function symptomsOf(row: object): string[] {
  const s = pick<string[] | string>(row, 'symptoms');
  if (Array.isArray(s)) return s;
  try {
    return s ? (JSON.parse(s) as string[]) : [];
  } catch {
    return [];
  }
}

/** 员工健康档案: the person, the status with its reasons and sources, travel and contact history, and the records. */
export default function PersonDetailPage() {
  const { id } = useParams();
  const personId = Number(id);
  const user = useCurrentUser();
  const navigate = useNavigate();
  const detail = useRequest((signal) => getPerson(personId, signal), `person-${personId}`);
  const [overrideOpen, setOverrideOpen] = useState(false);
  const [factsOpen, setFactsOpen] = useState(false);
  const d = detail.data;
  const p = d?.person;
  const can = (perm: string) => (user.permissions as string[]).includes(perm);

  if (detail.error && !d) {
    return (
      <Page title="员工健康档案">
        <LoadFailed detail={errorMessage(detail.error)} onRetry={detail.reload} />
      </Page>
    );
  }

  return (
    <Page
      title={p ? `${p.name} 的健康档案` : '员工健康档案'}
      loading={!d}
      extra={
        p && (
          <Space wrap>
            <PersonActions person={p} onChanged={detail.reload} />
            {can('health.facts.manage') && p.active && (
              <Button icon={<FileSearchOutlined />} onClick={() => setFactsOpen(true)} data-testid="facts-open">
                录入判定事实
              </Button>
            )}
            {can('health.override') && (
              <Button
                icon={<SafetyCertificateOutlined />}
                onClick={() => setOverrideOpen(true)}
                data-testid="override-open"
              >
                发起人工研判
              </Button>
            )}
            {can('health.roster.manage') && p.active && (
              <Button type="primary" icon={<EditOutlined />} onClick={() => navigate(`/health/roster/${p.id}/edit`)}>
                编辑
              </Button>
            )}
          </Space>
        )
      }
    >
      {d && p && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <Card title="基本信息" size="small" data-testid="person-profile">
              <Descriptions column={1} size="small">
                <Descriptions.Item label="姓名">{p.name}</Descriptions.Item>
                <Descriptions.Item label="身份证号">
                  <span className="ss-mono" data-testid="masked-id">
                    {p.residentIdMasked}
                  </span>
                </Descriptions.Item>
                <Descriptions.Item label="性别">{p.sex === 'male' ? '男' : '女'}</Descriptions.Item>
                {p.enterpriseName && <Descriptions.Item label="企业">{p.enterpriseName}</Descriptions.Item>}
                <Descriptions.Item label="手机号">{p.phone ?? '—'}</Descriptions.Item>
                <Descriptions.Item label="班组 / 岗位">
                  {[p.team, p.post].filter(Boolean).join(' / ') || '—'}
                  {p.keyPost && (
                    <Tag color="orange" style={{ marginInlineStart: 8 }}>
                      重点岗位
                    </Tag>
                  )}
                </Descriptions.Item>
                <Descriptions.Item label="户籍地">{p.homeRegion ?? '—'}</Descriptions.Item>
                <Descriptions.Item label="住集体宿舍">{yesNo(p.dormitory)}</Descriptions.Item>
                <Descriptions.Item label="返岗批次 / 日期">
                  {[p.returnBatch, p.returnDate].filter(Boolean).join(' / ') || '—'}
                </Descriptions.Item>
                <Descriptions.Item label="返岗方式">{p.returnModeLabel ?? '—'}</Descriptions.Item>
                <Descriptions.Item label="人员类别">{p.categoryLabel ?? '—'}</Descriptions.Item>
                <Descriptions.Item label="员工账号">{p.username ?? '未关联'}</Descriptions.Item>
                {!p.active && <Descriptions.Item label="离职日期">{p.leftOn ?? '—'}</Descriptions.Item>}
              </Descriptions>
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card title="返岗状态" size="small">
              <StatusReasons view={d.current?.view ?? statusViewOf(d.evaluation)} />
              {d.current?.error && <Typography.Text type="warning">{d.current.error}</Typography.Text>}
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card title="旅居史" size="small" data-testid="travel-history">
              {p.travelHistory && (
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
                  花名册填写：{p.travelHistory}
                </Typography.Paragraph>
              )}
              {(d.facts.travel ?? []).length > 0 ? (
                <List
                  size="small"
                  dataSource={d.facts.travel}
                  renderItem={(t) => (
                    <List.Item>
                      {t.place}（{t.regionCode}）：{formatDate(t.from)} 至 {formatDate(t.to)}
                    </List.Item>
                  )}
                />
              ) : (
                <Typography.Text type="secondary">
                  {d.facts.travel ? '已核实：近14天无外出旅居' : '尚未录入核实的旅居记录'}
                </Typography.Text>
              )}
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card title="接触史" size="small" data-testid="contact-history">
              {p.contactHistory && (
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
                  花名册填写：{p.contactHistory}
                </Typography.Paragraph>
              )}
              {(d.facts.contacts ?? []).length > 0 ? (
                <List
                  size="small"
                  dataSource={d.facts.contacts}
                  renderItem={(c) => (
                    <List.Item>
                      末次接触 {formatDate(c.lastContactOn)}，接触对象：
                      {c.with === 'confirmed' ? '确诊病例' : '无症状感染者'}
                      {c.note ? `（${c.note}）` : ''}
                    </List.Item>
                  )}
                />
              ) : (
                <Typography.Text type="secondary">
                  {d.facts.contacts ? '已核实：无密切接触史' : '尚未录入疾控核实的接触记录'}
                </Typography.Text>
              )}
            </Card>
          </Col>
          <Col xs={24}>
            <Card title="最近健康申报" size="small">
              <Table<object>
                size="small"
                rowKey={(r) => String(pick(r, 'id'))}
                dataSource={d.declarations}
                pagination={false}
                scroll={{ x: 'max-content' }}
                locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无申报" /> }}
                columns={[
                  { title: '时间', key: 'at', render: (_: unknown, r) => formatDateTime(pick(r, 'at')) },
                  { title: '体温', key: 't', render: (_: unknown, r) => <Temperature value={temperatureOf(r)} /> },
                  { title: '症状', key: 's', render: (_: unknown, r) => symptomText(symptomsOf(r)) },
                  { title: '所在地', key: 'p', render: (_: unknown, r) => placeText(pick(r, 'place')) },
                  {
                    title: '异常',
                    key: 'a',
                    render: (_: unknown, r) =>
                      pick<boolean | number>(r, 'anomaly') ? <Tag color="red">异常</Tag> : '—',
                  },
                ]}
              />
            </Card>
          </Col>
          {d.anomalies.length > 0 && (
            <Col xs={24}>
              <Card title="异常处置" size="small">
                <Table<AnomalyCase>
                  size="small"
                  rowKey={(r) => String(r.id)}
                  dataSource={d.anomalies}
                  pagination={false}
                  scroll={{ x: 'max-content' }}
                  columns={[
                    {
                      title: '发现时间',
                      key: 'at',
                      render: (_: unknown, r) => formatDateTime(pick(r, 'detectedAt', 'detected_at')),
                    },
                    { title: '体温', key: 't', render: (_: unknown, r) => <Temperature value={temperatureOf(r)} /> },
                    { title: '症状', key: 's', render: (_: unknown, r) => symptomText(symptomsOf(r)) },
                    { title: '处置进度', key: 'st', render: (_: unknown, r) => <AnomalyStateTag state={r.state} /> },
                  ]}
                />
              </Card>
            </Col>
          )}
          {d.overrides.length > 0 && (
            <Col xs={24}>
              <Card title="人工研判记录" size="small">
                <Table<Override>
                  size="small"
                  rowKey={(r) => String(r.id)}
                  dataSource={d.overrides}
                  pagination={false}
                  scroll={{ x: 'max-content' }}
                  columns={[
                    {
                      title: '研判理由',
                      key: 'r',
                      render: (_: unknown, r) => {
                        const code = pick<string>(r, 'reasonCode', 'reason_code') ?? '';
                        return OVERRIDE_REASONS[code as OverrideReasonCode]?.label ?? code;
                      },
                    },
                    {
                      title: '研判状态',
                      key: 's',
                      render: (_: unknown, r) => STATUS_INFO[r.status as HealthStatus]?.label ?? r.status,
                    },
                    {
                      title: '有效期至',
                      key: 'e',
                      render: (_: unknown, r) => formatDateTime(pick(r, 'expiresAt', 'expires_at')),
                    },
                    { title: '进度', key: 'st', render: (_: unknown, r) => <OverrideStateTag state={r.state} /> },
                  ]}
                />
              </Card>
            </Col>
          )}
        </Row>
      )}
      {p && d && (
        <FactsEditor
          open={factsOpen}
          personId={p.id}
          personName={p.name}
          version={p.version}
          travel={d.facts.travel}
          contacts={d.facts.contacts as ContactEvent[] | undefined}
          canContacts={user.role === 'cdc'}
          onClose={() => setFactsOpen(false)}
          onSaved={() => {
            setFactsOpen(false);
            detail.reload();
          }}
        />
      )}
      {p && (
        <OverrideFormModal
          personId={p.id}
          personName={p.name}
          open={overrideOpen}
          onClose={() => setOverrideOpen(false)}
          onProposed={() => {
            setOverrideOpen(false);
            detail.reload();
          }}
        />
      )}
    </Page>
  );
}
