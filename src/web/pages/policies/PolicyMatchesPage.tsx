import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Drawer,
  Empty,
  List,
  Result,
  Row,
  Space,
  Statistic,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { errorMessage } from '../../api/client.ts';
import type { MatchItem } from '../../api/policies.ts';
import { getMatches } from '../../api/policies.ts';
import { useCurrentUser } from '../../auth/AuthContext.tsx';
import { Page } from '../../components/Page.tsx';
import { PolicyTrace, factValueText } from '../../components/PolicyTrace.tsx';
import { useRequest } from '../../lib/useRequest.ts';
import { LoadFailed } from '../errors/ErrorPages.tsx';
import {
  APPLICATION_STATUS_COLOR,
  EligibleTag,
  FULFILMENT_COLOR,
  ORDER_STATUS_COLOR,
  SourceRef,
  StatusTag,
  yuan,
} from './common.tsx';

function amountOf(i: MatchItem): string {
  if (i.value.kind === 'money')
    return i.payableFen !== null ? yuan(i.payableFen) : i.amountFen !== null ? yuan(i.amountFen) : '待测算';
  if (i.value.value === null) return '—';
  return `${String(i.value.value)}${i.value.unit && i.value.unit !== '日期' ? ` ${i.value.unit}` : ''}`;
}

/** The platform takes applications for money that is paid, exempted or reduced (applications.service isApplicable). */
function applicable(i: MatchItem): boolean {
  return i.canApply && i.value.kind === 'money' && i.kind !== 'defer' && i.kind !== 'cap';
}

/** 我可享受的政策 (精准推送): the published policies the enterprise qualifies for, the amount, what is still missing. */
export default function PolicyMatchesPage() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const enterpriseId = Number(params.get('enterpriseId')) || user.enterpriseId || 0;
  const asOf = params.get('asOf') ?? undefined;
  const all = params.get('all') === '1';
  const matches = useRequest(
    (signal) => getMatches(enterpriseId, { asOf, all }, signal),
    `${enterpriseId}|${asOf ?? ''}|${all}`,
  );
  const [trace, setTrace] = useState<MatchItem | null>(null);
  if (!enterpriseId) {
    return <Result status="warning" title="账号未关联企业" subTitle="请联系主管部门或系统管理员关联企业。" />;
  }
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  const m = matches.data;
  const canApply = user.permissions.includes('policy.apply');
  return (
    <Page
      title="我可享受的政策"
      subTitle={m?.enterprise.name}
      content="依据一企一档、部门共享数据和官方公布数据，自动匹配本企业可享受的惠企政策和金额；“待补充信息”的政策补充所缺材料后即可确定。"
      extra={
        <Space wrap>
          <span>评估日期</span>
          <DatePicker
            aria-label="评估日期"
            allowClear
            value={asOf ? dayjs(asOf) : null}
            onChange={(d) => set('asOf', d ? d.format('YYYY-MM-DD') : null)}
          />
          <Switch checked={all} onChange={(v) => set('all', v ? '1' : null)} aria-label="显示不符合的条款" />
          <span>显示不符合的条款</span>
        </Space>
      }
    >
      {matches.error && !matches.loading ? (
        <LoadFailed detail={errorMessage(matches.error)} onRetry={matches.reload} />
      ) : (
        <>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title="符合条件的政策" value={m?.summary.eligible ?? 0} suffix="项" loading={!m} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title="可享受金额"
                  value={m ? yuan(m.summary.eligibleFen) : ''}
                  loading={!m}
                  valueStyle={{ fontSize: 20 }}
                  formatter={(v) => <span data-testid="eligible-total">{v}</span>}
                />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title="待补充信息" value={m?.summary.undecided ?? 0} suffix="项" loading={!m} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title="已到账"
                  value={m ? yuan(m.summary.paidFen) : ''}
                  loading={!m}
                  valueStyle={{ fontSize: 20 }}
                  formatter={(v) => <span data-testid="paid-total">{v}</span>}
                />
              </Card>
            </Col>
          </Row>
          {m && (
            <Typography.Paragraph type="secondary">
              评估日期 {m.asOf}。<Link to="/policy-applications">我的申请</Link> ·{' '}
              <Link to="/policy-payments">兑付记录</Link>
            </Typography.Paragraph>
          )}
          <List<MatchItem>
            data-testid="match-list"
            loading={matches.loading}
            dataSource={m?.items ?? []}
            locale={{ emptyText: <Empty description="暂未匹配到可享受的政策" /> }}
            renderItem={(i) => (
              <List.Item>
                <Card
                  size="small"
                  style={{ width: '100%' }}
                  data-testid="match-item"
                  data-rule={i.ruleId}
                  title={
                    <Space wrap>
                      <span>{i.title}</span>
                      <EligibleTag eligible={i.eligible} />
                      <Tag color={FULFILMENT_COLOR[i.fulfilment]}>{i.fulfilmentLabel}</Tag>
                      {i.capped && <Tag color="orange">已封顶</Tag>}
                      {i.stacking && !i.stacking.kept && <Tag color="purple">就高不重复：不另行享受</Tag>}
                    </Space>
                  }
                  extra={
                    <Typography.Text strong style={{ fontSize: 16 }} data-testid="match-amount">
                      {amountOf(i)}
                    </Typography.Text>
                  }
                >
                  <Typography.Paragraph type="secondary" style={{ marginBottom: 6 }}>
                    {i.policyTitle} · {i.benefitLabel} · 主管：{i.ownerLabel}部门 <SourceRef source={i.source} />
                  </Typography.Paragraph>
                  {i.missing.length > 0 && (
                    <Alert
                      type="warning"
                      showIcon
                      style={{ marginBottom: 8 }}
                      data-testid="match-missing"
                      message={`还需补充：${i.missing.map((f) => `${f.label}${f.unit ? `（${f.unit === '分' ? '元' : f.unit}）` : ''}`).join('、')}`}
                      description={
                        i.fulfilment === 'auto'
                          ? '该项为免申即享，由主管部门依据共享数据核定；数据不全的，请向主管部门报送。'
                          : '在申请表中填写上述信息即可测算金额。'
                      }
                    />
                  )}
                  <Space wrap>
                    {i.application && (
                      <Link to={`/policy-applications/${i.application.id}`}>
                        申请：
                        <StatusTag
                          status={i.application.status}
                          label={i.application.statusLabel}
                          colors={APPLICATION_STATUS_COLOR}
                        />
                      </Link>
                    )}
                    {i.payment && (
                      <span>
                        兑付：
                        <StatusTag
                          status={i.payment.status}
                          label={i.payment.statusLabel}
                          colors={ORDER_STATUS_COLOR}
                        />
                        {yuan(i.payment.amountFen)}
                      </span>
                    )}
                    <Button size="small" onClick={() => setTrace(i)}>
                      判断过程
                    </Button>
                    {canApply && applicable(i) && !i.application && (
                      <Button
                        size="small"
                        type="primary"
                        onClick={() =>
                          navigate(
                            `/policy-matches/apply/${encodeURIComponent(i.ruleId)}${asOf ? `?asOf=${asOf}` : ''}`,
                          )
                        }
                      >
                        {i.fulfilment === 'quick' ? '快申快享' : '在线申请'}
                      </Button>
                    )}
                    <Link to={`/policies/${i.policyId}`}>政策原文</Link>
                  </Space>
                </Card>
              </List.Item>
            )}
          />
          {m && (
            <Card size="small" title="匹配所用的企业信息" style={{ marginTop: 16 }}>
              <Table
                size="small"
                rowKey={(f) => f.name}
                pagination={false}
                dataSource={m.facts}
                scroll={{ x: 'max-content' }}
                columns={[
                  { title: '信息', dataIndex: 'label' },
                  { title: '取值', key: 'value', render: (_: unknown, f) => factValueText(f.value, f.unit, f.values) },
                  { title: '来源', dataIndex: 'originLabel' },
                ]}
              />
            </Card>
          )}
        </>
      )}
      <Drawer
        open={trace !== null}
        width={Math.min(720, window.innerWidth)}
        title={trace ? `判断过程：${trace.title}` : ''}
        onClose={() => setTrace(null)}
      >
        {trace && (
          <PolicyTrace
            trace={trace.trace}
            capped={trace.capped}
            stacking={trace.stacking}
            amountText={amountOf(trace)}
          />
        )}
      </Drawer>
    </Page>
  );
}
