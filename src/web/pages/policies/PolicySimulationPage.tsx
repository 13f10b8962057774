import { useEffect, useMemo, useRef, useState } from 'react';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Form,
  Input,
  InputNumber,
  List,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tabs,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { errorMessage } from '../../api/client.ts';
import { pollJob } from '../../api/jobs.ts';
import type { Aggregate, Simulation } from '../../api/policies.ts';
import { getPolicy, getSimulation, listPolicies, listSimulations, startSimulation } from '../../api/policies.ts';
import type { Job } from '../../api/types.ts';
import { JobProgress } from '../../components/JobProgress.tsx';
import { Page } from '../../components/Page.tsx';
import { PolicyBarChart } from '../../components/PolicyCharts.tsx';
import { formatInteger } from '../../lib/format.ts';
import { useRequest } from '../../lib/useRequest.ts';
import { SourceRef, yuan } from './common.tsx';

type Row2 = Aggregate & { key: string; name: string };

function compare(base: Row2[], reform: Row2[] | undefined) {
  const byKey = new Map((reform ?? []).map((r) => [r.key, r]));
  return base.map((b) => ({ ...b, reformed: byKey.get(b.key) ?? null }));
}

function SideTable({ base, reform, first }: { base: Row2[]; reform?: Row2[]; first: string }) {
  const rows = compare(base, reform).sort(
    (a, b) => (b.reformed?.totalFen ?? b.totalFen) - (a.reformed?.totalFen ?? a.totalFen),
  );
  return (
    <Row gutter={16}>
      <Col xs={24} lg={11}>
        <PolicyBarChart
          money
          series={reform ? ['现行', '调整后'] : ['现行']}
          data={rows
            .slice(0, 12)
            .map((r) => ({ name: r.name, values: reform ? [r.totalFen, r.reformed?.totalFen ?? 0] : [r.totalFen] }))}
        />
      </Col>
      <Col xs={24} lg={13}>
        <Table
          size="small"
          rowKey={(r) => r.key}
          dataSource={rows}
          pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: first, dataIndex: 'name' },
            { title: '企业数', dataIndex: 'enterprises', align: 'right', render: (v: number) => formatInteger(v) },
            { title: '现行受益', dataIndex: 'qualifying', align: 'right', render: (v: number) => formatInteger(v) },
            { title: '现行金额', dataIndex: 'totalFen', align: 'right', render: (v: number) => yuan(v) },
            ...(reform
              ? [
                  {
                    title: '调整后受益',
                    key: 'rq',
                    align: 'right' as const,
                    render: (_: unknown, r: (typeof rows)[number]) => formatInteger(r.reformed?.qualifying ?? 0),
                  },
                  {
                    title: '调整后金额',
                    key: 'rf',
                    align: 'right' as const,
                    render: (_: unknown, r: (typeof rows)[number]) => yuan(r.reformed?.totalFen ?? 0),
                  },
                ]
              : []),
          ]}
        />
      </Col>
    </Row>
  );
}

function Result({ sim }: { sim: Simulation }) {
  if (sim.status === 'failed') return <Typography.Text type="danger">测算失败：{sim.error}</Typography.Text>;
  if (!sim.baseline) return <Typography.Text type="secondary">正在测算…</Typography.Text>;
  const b = sim.baseline.total;
  const r = sim.reformed?.total;
  return (
    <div data-testid="simulation-result">
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Statistic title="测算企业" value={sim.rows ?? b.enterprises} formatter={(v) => formatInteger(Number(v))} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title="现行：受益企业 / 金额"
            value={`${formatInteger(b.qualifying)} 家 / ${yuan(b.totalFen)}`}
            valueStyle={{ fontSize: 16 }}
            formatter={(v) => <span data-testid="simulation-baseline">{v}</span>}
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title="调整后：受益企业 / 金额"
            value={r ? `${formatInteger(r.qualifying)} 家 / ${yuan(r.totalFen)}` : '—'}
            valueStyle={{ fontSize: 16 }}
            formatter={(v) => <span data-testid="simulation-reformed">{v}</span>}
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title="变化"
            value={
              sim.delta
                ? `${sim.delta.qualifying >= 0 ? '+' : ''}${formatInteger(sim.delta.qualifying)} 家 / ${sim.delta.totalFen >= 0 ? '+' : ''}${yuan(sim.delta.totalFen)}`
                : '—'
            }
            valueStyle={{ fontSize: 16 }}
          />
        </Col>
      </Row>
      <Tabs
        items={[
          {
            key: 'region',
            label: '按区域',
            children: <SideTable first="区域" base={sim.baseline.byRegion} reform={sim.reformed?.byRegion} />,
          },
          {
            key: 'industry',
            label: '按行业',
            children: <SideTable first="行业" base={sim.baseline.byIndustry} reform={sim.reformed?.byIndustry} />,
          },
          {
            key: 'size',
            label: '按规模',
            children: <SideTable first="规模" base={sim.baseline.bySize} reform={sim.reformed?.bySize} />,
          },
        ]}
      />
    </div>
  );
}

/** 政策模拟测算: change a clause's parameters and see, over the real registry, who would qualify and what it costs. */
export default function PolicySimulationPage() {
  const { message } = App.useApp();
  const catalogue = useRequest((signal) => listPolicies({}, signal), 'catalogue');
  const history = useRequest((signal) => listSimulations(signal), 'history');
  const [ruleId, setRuleId] = useState<string | undefined>();
  const policyId = ruleId?.split('.')[0];
  const policy = useRequest(
    (signal) => (policyId ? getPolicy(policyId, signal) : Promise.resolve(null)),
    policyId ?? '',
  );
  const rule = policy.data?.rules.find((r) => r.id === ruleId);
  const [form] = Form.useForm<{ label: string; asOf: dayjs.Dayjs; params: Record<string, number | string | null> }>();
  const [job, setJob] = useState<Job | null | undefined>(undefined);
  const [sim, setSim] = useState<Simulation | null>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const ruleOptions = useMemo(
    () =>
      (catalogue.data?.items ?? [])
        .map((p) => ({
          label: p.title,
          options: p.rules
            .filter((r) => r.benefitKind === 'money')
            .map((r) => ({ value: r.id, label: `${r.title}（${r.ownerLabel}）` })),
        }))
        .filter((g) => g.options.length > 0),
    [catalogue.data],
  );

  const asOfDefault = (from: string) => dayjs(from).add(1, 'month');
  useEffect(() => {
    if (!rule) return;
    const params: Record<string, number | string | null> = {};
    for (const p of rule.parameters) {
      const v = p.values[p.values.length - 1]?.value ?? null;
      params[p.name] = typeof v === 'number' && p.unit === '分' ? v / 100 : v;
    }
    form.setFieldsValue({ label: `${rule.title}（调整方案）`, asOf: asOfDefault(rule.effective.from), params });
  }, [rule, form]);

  const run = async () => {
    if (!rule) return;
    const v = await form.validateFields();
    const parameters = rule.parameters
      .map((p) => {
        const raw = v.params?.[p.name];
        if (raw === null || raw === undefined || raw === '') return null;
        const value = p.unit === '分' ? Math.round(Number(raw) * 100) : p.unit === '日期' ? String(raw) : Number(raw);
        const current = p.values[p.values.length - 1]?.value;
        return value === current ? null : { name: p.name, value };
      })
      .filter((x): x is { name: string; value: number | string } => x !== null);
    const controller = new AbortController();
    abort.current = controller;
    setJob(null);
    setSim(null);
    try {
      const started = await startSimulation({
        ruleId: rule.id,
        label: v.label.trim(),
        asOf: v.asOf.format('YYYY-MM-DD'),
        parameters,
      });
      const done = await pollJob(started.jobId, { signal: controller.signal, onProgress: setJob });
      if (done.status === 'failed') message.error(done.message ?? '测算失败');
      const id =
        (started as { simulationId?: number; id?: number }).simulationId ?? (started as { id?: number }).id ?? 0;
      setSim(await getSimulation(id));
      history.reload();
    } catch (error) {
      if (!controller.signal.aborted) message.error(errorMessage(error));
    } finally {
      setJob(undefined);
    }
  };

  return (
    <Page
      title="政策模拟测算"
      content="发布前调整条款参数，按辖区内真实企业测算受益企业数和资金总量，按区域、行业、规模对比现行方案。"
    >
      <Row gutter={16}>
        <Col xs={24} lg={16}>
          <Card size="small" title="调整方案" style={{ marginBottom: 16 }}>
            <Form form={form} layout="vertical">
              <Form.Item label="政策条款" required>
                <Select
                  aria-label="政策条款"
                  showSearch
                  optionFilterProp="label"
                  loading={catalogue.loading}
                  value={ruleId}
                  onChange={setRuleId}
                  options={ruleOptions}
                  placeholder="选择资金类条款"
                />
              </Form.Item>
              {rule && (
                <>
                  <Typography.Paragraph type="secondary">
                    {rule.benefit.label}
                    {rule.benefit.formula ? ` = ${rule.benefit.formula}` : ''}{' '}
                    <SourceRef source={rule.source} text={rule.sourceText} />
                  </Typography.Paragraph>
                  <Row gutter={16}>
                    {rule.parameters.map((p) => (
                      <Col xs={24} md={12} key={p.name}>
                        <Form.Item
                          name={['params', p.name]}
                          label={`${p.label}（现行 ${p.values[p.values.length - 1]?.display ?? '—'}）`}
                        >
                          {p.unit === '日期' ? (
                            <Input aria-label={p.label} placeholder="YYYY-MM-DD" />
                          ) : (
                            <InputNumber
                              aria-label={p.label}
                              min={0}
                              style={{ width: '100%' }}
                              addonAfter={p.unit === '分' ? '元' : p.unit}
                            />
                          )}
                        </Form.Item>
                      </Col>
                    ))}
                  </Row>
                  <Row gutter={16}>
                    <Col xs={24} md={12}>
                      <Form.Item
                        name="label"
                        label="方案名称"
                        rules={[{ required: true, min: 2, message: '方案名称：请填写' }]}
                      >
                        <Input />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={12}>
                      <Form.Item name="asOf" label="测算日期" rules={[{ required: true, message: '测算日期：请选择' }]}>
                        <DatePicker style={{ width: '100%' }} aria-label="测算日期" />
                      </Form.Item>
                    </Col>
                  </Row>
                  <Button
                    type="primary"
                    onClick={() => void run()}
                    loading={job !== undefined}
                    data-testid="simulation-run"
                  >
                    开始测算
                  </Button>
                </>
              )}
            </Form>
            {job !== undefined && (
              <div style={{ marginTop: 16 }}>
                <JobProgress job={job} label="正在读取辖区企业数据并测算…" />
              </div>
            )}
          </Card>
          {sim && (
            <Card size="small" title={`测算结果：${sim.label}（${sim.regionName ?? ''}，${sim.asOf}）`}>
              <Result sim={sim} />
            </Card>
          )}
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title="我的测算">
            {(history.data?.items ?? []).length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无测算" />
            ) : (
              <List
                size="small"
                dataSource={history.data?.items ?? []}
                renderItem={(s) => (
                  <List.Item>
                    <Space direction="vertical" size={0} style={{ minWidth: 0, wordBreak: 'break-all' }}>
                      <Button
                        type="link"
                        style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
                        onClick={() =>
                          void getSimulation(s.id)
                            .then(setSim)
                            .catch((e) => message.error(errorMessage(e)))
                        }
                      >
                        {s.label}
                      </Button>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {s.ruleTitle} · {s.asOf} ·{' '}
                        {s.status === 'succeeded' ? '已完成' : s.status === 'failed' ? '失败' : '测算中'}
                      </Typography.Text>
                    </Space>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
      </Row>
    </Page>
  );
}
