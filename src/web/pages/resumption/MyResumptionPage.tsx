import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Form,
  InputNumber,
  Row,
  Space,
  Statistic,
  Tag,
  Timeline,
} from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { FormOutlined } from '@ant-design/icons';
import { errorMessage } from '../../api/client.ts';
import type { MyApplicationRow, OrderSummary } from '../../api/resumption.ts';
import {
  createApplication,
  getEnterpriseRecord,
  getMyResumption,
  listRectifications,
  reportWorkers,
} from '../../api/resumption.ts';
import { DataTable, RowCard } from '../../components/DataTable.tsx';
import { Page } from '../../components/Page.tsx';
import { formatDate, formatDateTime, formatInteger } from '../../lib/format.ts';
import { useRequest } from '../../lib/useRequest.ts';
import {
  ApplicationStatusTag,
  EnterpriseStatusTag,
  LoadError,
  modeLabel,
  RectificationStatusTag,
  RiskTag,
  beijingToday,
} from './shared.tsx';

/** 每日返岗人数: the enterprise reports how many workers were back on a day; the status follows from it. */
function WorkersForm({ onSaved }: { onSaved: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ date: Dayjs; workersBack: number }>();
  const [busy, setBusy] = useState(false);
  const save = async (v: { date: Dayjs; workersBack: number }) => {
    setBusy(true);
    try {
      const r = await reportWorkers({ date: v.date.format('YYYY-MM-DD'), workersBack: v.workersBack });
      message.success(`已填报 ${r.date} 返岗 ${r.workersBack} 人${r.statusChanged ? '，复工状态已更新' : ''}`);
      onSaved();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form
      form={form}
      layout="inline"
      onFinish={(v) => void save(v)}
      initialValues={{ date: dayjs(beijingToday()) }}
      data-testid="workers-form"
      style={{ marginTop: 16, rowGap: 8 }}
    >
      <Form.Item name="date" label="日期" rules={[{ required: true, message: '日期：请选择' }]}>
        <DatePicker allowClear={false} />
      </Form.Item>
      <Form.Item name="workersBack" label="返岗人数" rules={[{ required: true, message: '返岗人数：请填写' }]}>
        <InputNumber min={0} precision={0} />
      </Form.Item>
      <Button htmlType="submit" loading={busy} data-testid="workers-save">
        填报
      </Button>
    </Form>
  );
}

/** The enterprise's 复工复产 home: its status, the mode its area's level gives, its applications and orders. */
export default function MyResumptionPage() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const context = useRequest((signal) => getMyResumption(signal), 'my');
  const enterpriseId = context.data?.enterprise.id;
  const status = useRequest(
    (signal) => (enterpriseId ? getEnterpriseRecord(enterpriseId, signal) : new Promise<never>(() => undefined)),
    String(enterpriseId),
  );
  const orders = useRequest((signal) => listRectifications({}, 1, 50, signal), 'orders');
  const [creating, setCreating] = useState(false);

  if (context.error && !context.data) return <LoadError error={context.error} onRetry={context.reload} />;

  const applications = context.data?.applications ?? [];
  const open = applications.find((a) => !['resumed', 'refused', 'withdrawn'].includes(a.status));
  const start = async () => {
    setCreating(true);
    try {
      const created = await createApplication();
      navigate(`/resumption/applications/${created.id}/edit`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setCreating(false);
    }
  };
  const ctx = context.data;
  const st = status.data?.status;
  const history = status.data?.history ?? [];

  return (
    <Page
      title="复工复产"
      content="按所在地区风险等级办理复工：低风险地区申报即复工；中、高风险地区按规定备案、承诺或审批。全程网上办理，每一步均有记录。"
      extra={
        open ? (
          <Button type="primary" onClick={() => navigate(`/resumption/applications/${open.id}`)}>
            查看办理中的申请
          </Button>
        ) : (
          ctx?.mode !== 'closed' && (
            <Button
              type="primary"
              icon={<FormOutlined />}
              loading={creating}
              onClick={() => void start()}
              data-testid="start-filing"
            >
              申报复工
            </Button>
          )
        )
      }
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <Card title="本企业复工状态" loading={status.loading && !st}>
            {status.error ? (
              <Alert type="error" message={errorMessage(status.error)} />
            ) : (
              st && (
                <>
                  <Space align="center" style={{ marginBottom: 12 }}>
                    <EnterpriseStatusTag status={st.status} label={st.statusLabel} />
                    {st.statusDate && <span>自 {formatDate(st.statusDate)}</span>}
                  </Space>
                  <Row gutter={16}>
                    <Col span={12}>
                      <Statistic title="返岗人数" value={formatInteger(st.workersBack)} />
                    </Col>
                    <Col span={12}>
                      <Statistic title="正常用工人数" value={formatInteger(st.normalHeadcount)} />
                    </Col>
                  </Row>
                  <WorkersForm
                    onSaved={() => {
                      status.reload();
                      context.reload();
                    }}
                  />
                  {history.length > 0 && (
                    <Timeline
                      style={{ marginTop: 16 }}
                      data-testid="status-history"
                      items={history.map((h, i) => ({
                        key: i,
                        children: `${h.date} ${h.statusLabel}${h.reasonLabel ? `（${h.reasonLabel}）` : ''}`,
                      }))}
                    />
                  )}
                </>
              )
            )}
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card title="复工方式" loading={context.loading && !ctx}>
            {context.error ? (
              <Alert type="error" message={errorMessage(context.error)} />
            ) : (
              ctx && (
                <Descriptions column={1} size="small">
                  <Descriptions.Item label="企业">{ctx.enterprise.name}</Descriptions.Item>
                  <Descriptions.Item label="风险等级">
                    <RiskTag level={ctx.level?.level ?? null} />
                    {ctx.level && <span>自 {ctx.level.effectiveFrom} 起</span>}
                  </Descriptions.Item>
                  <Descriptions.Item label="复工方式">
                    <span data-testid="filing-mode">{ctx.modeLabel}</span>
                    {ctx.greenChannel && (
                      <Tag color="green" style={{ marginLeft: 8 }}>
                        绿色通道
                      </Tag>
                    )}
                  </Descriptions.Item>
                  {ctx.leadDepartment && (
                    <Descriptions.Item label="牵头受理部门">{ctx.leadDepartment.name}</Descriptions.Item>
                  )}
                  {ctx.reasons.length > 0 && (
                    <Descriptions.Item label="说明">
                      <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                        {ctx.reasons.map((r) => (
                          <li key={r}>{r}</li>
                        ))}
                      </ul>
                    </Descriptions.Item>
                  )}
                </Descriptions>
              )
            )}
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={`我的复工申请（共 ${applications.length} 件）`}>
            <DataTable<MyApplicationRow>
              testId="my-applications"
              rowKey={(a) => a.id}
              loading={context.loading}
              dataSource={applications}
              onRowClick={(a) => navigate(`/resumption/applications/${a.id}`)}
              columns={[
                {
                  title: '编号',
                  dataIndex: 'id',
                  render: (id: number) => <Link to={`/resumption/applications/${id}`}>{id}</Link>,
                },
                { title: '方式', render: (_, a) => modeLabel(a.mode, a.modeLabel) },
                { title: '状态', render: (_, a) => <ApplicationStatusTag status={a.status} label={a.statusLabel} /> },
                { title: '创建时间', render: (_, a) => formatDateTime(a.createdAt) },
                { title: '更新时间', render: (_, a) => formatDateTime(a.updatedAt) },
              ]}
              renderCard={(a) => (
                <RowCard
                  title={`申请 ${a.id}`}
                  extra={<ApplicationStatusTag status={a.status} label={a.statusLabel} />}
                  onClick={() => navigate(`/resumption/applications/${a.id}`)}
                  lines={[
                    ['方式', modeLabel(a.mode, a.modeLabel)],
                    ['创建时间', formatDateTime(a.createdAt)],
                    ['更新时间', formatDateTime(a.updatedAt)],
                  ]}
                />
              )}
            />
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={`整改通知（共 ${orders.data?.total ?? 0} 件）`}>
            <DataTable<OrderSummary>
              testId="my-rectifications"
              rowKey={(o) => o.id}
              loading={orders.loading}
              dataSource={orders.data?.items ?? []}
              onRowClick={(o) => navigate(`/resumption/rectifications/${o.id}`)}
              columns={[
                {
                  title: '问题',
                  dataIndex: 'description',
                  render: (v: string, o) => <Link to={`/resumption/rectifications/${o.id}`}>{v}</Link>,
                },
                {
                  title: '状态',
                  render: (_, o) => (
                    <RectificationStatusTag status={o.status} overdue={o.overdue} label={o.statusLabel} />
                  ),
                },
                { title: '整改期限', render: (_, o) => formatDateTime(o.dueAt) },
                { title: '停工整改', render: (_, o) => (o.stopOrdered ? <Tag color="error">是</Tag> : '否') },
              ]}
              renderCard={(o) => (
                <RowCard
                  title={o.description}
                  extra={<RectificationStatusTag status={o.status} overdue={o.overdue} label={o.statusLabel} />}
                  onClick={() => navigate(`/resumption/rectifications/${o.id}`)}
                  lines={[
                    ['整改期限', formatDateTime(o.dueAt)],
                    ['停工整改', o.stopOrdered ? '是' : '否'],
                  ]}
                />
              )}
            />
          </Card>
        </Col>
      </Row>
    </Page>
  );
}
