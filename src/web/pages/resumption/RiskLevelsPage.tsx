import { lazy, Suspense, useMemo, useState } from 'react';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Drawer,
  Form,
  Input,
  Radio,
  Row,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { errorMessage } from '../../api/client.ts';
import type { RiskArea, RiskLevel, SetRiskLevelInput } from '../../api/resumption.ts';
import { getRiskLevels, setRiskLevel } from '../../api/resumption.ts';
import { DataTable, RowCard } from '../../components/DataTable.tsx';
import { Page } from '../../components/Page.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { applyFieldErrors, clearFieldErrors } from '../../lib/forms.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useRequest } from '../../lib/useRequest.ts';
import { RISK_LEVEL_BY_CODE, RISK_LEVELS } from '../../../domain/resumption/index.ts';
import { beijingToday, LoadError, RiskTag, useCan } from './shared.tsx';

const RiskMap = lazy(() => import('../../components/RiskMap.tsx'));

interface LevelFormValues {
  areaCode: string;
  level: RiskLevel;
  effectiveFrom: Dayjs;
  basis: string;
}

/** 分区分级: the city map coloured by level, every area's level with effective date and history, and the form. */
export default function RiskLevelsPage() {
  const { message } = App.useApp();
  const canSet = useCan('resumption.configure');
  const overview = useRequest((signal) => getRiskLevels(undefined, signal), 'risk');
  const [historyOf, setHistoryOf] = useState<RiskArea | null>(null);
  const [form] = Form.useForm<LevelFormValues>();
  const [saving, setSaving] = useState(false);

  const areas = useMemo(() => overview.data?.areas ?? [], [overview.data]);
  const mapAreas = useMemo(
    () =>
      areas
        .filter((a) => a.kind === 'county')
        .map((a) => ({
          code: a.code,
          name: a.name,
          levelLabel: a.levelLabel,
          color: a.level ? RISK_LEVEL_BY_CODE[a.level].color : null,
          effectiveFrom: a.effectiveFrom,
        })),
    [areas],
  );

  if (overview.error && !overview.data) return <LoadError error={overview.error} onRetry={overview.reload} />;

  const save = async (values: LevelFormValues) => {
    clearFieldErrors(form);
    setSaving(true);
    try {
      const input: SetRiskLevelInput = {
        areaCode: values.areaCode,
        level: values.level,
        effectiveFrom: values.effectiveFrom.format('YYYY-MM-DD'),
        basis: values.basis,
      };
      const saved = await setRiskLevel(input);
      message.success(saved.message || '风险等级已设定');
      form.resetFields(['basis']);
      overview.reload();
    } catch (e) {
      const { mapped } = applyFieldErrors(form, e);
      if (!mapped) message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  const legend = (
    <Space wrap>
      {RISK_LEVELS.map((l) => (
        <span key={l.code}>
          <span
            style={{
              display: 'inline-block',
              width: 12,
              height: 12,
              background: l.color,
              borderRadius: 2,
              marginRight: 4,
              verticalAlign: -1,
            }}
          />
          {l.label}
        </span>
      ))}
      <span>
        <span
          style={{
            display: 'inline-block',
            width: 12,
            height: 12,
            background: '#d9d9d9',
            borderRadius: 2,
            marginRight: 4,
            verticalAlign: -1,
          }}
        />
        未设定
      </span>
    </Space>
  );

  return (
    <Page
      title="分区分级风险等级"
      content="各县（区）和功能区的疫情风险等级决定企业复工方式：低风险地区申报即复工，中、高风险地区按全省统一的方式备案、承诺或审批。"
      loading={overview.loading && !overview.data}
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={`南昌市风险等级图（${overview.data?.date ?? ''}）`} extra={legend}>
            <Suspense fallback={<PageLoading />}>
              <RiskMap
                areas={mapAreas}
                onSelect={(code) => {
                  if (canSet) form.setFieldValue('areaCode', code);
                  const a = areas.find((x) => x.code === code);
                  if (a) setHistoryOf(a);
                }}
              />
            </Suspense>
          </Card>
        </Col>
        {canSet && (
          <Col xs={24} lg={10}>
            <Card title="设定风险等级">
              <Form<LevelFormValues>
                form={form}
                layout="vertical"
                onFinish={(v) => void save(v)}
                data-testid="risk-level-form"
                initialValues={{ effectiveFrom: dayjs(beijingToday()) }}
              >
                <Form.Item
                  name="areaCode"
                  label="区域"
                  rules={[{ required: true, message: '区域：请选择县（区）或功能区' }]}
                >
                  <Select
                    showSearch
                    optionFilterProp="label"
                    placeholder="选择县（区）或功能区"
                    options={areas.map((a) => ({
                      value: a.code,
                      label: `${a.name}${a.kind === 'functional_zone' ? '（功能区）' : ''}`,
                    }))}
                  />
                </Form.Item>
                <Form.Item name="level" label="风险等级" rules={[{ required: true, message: '风险等级：请选择' }]}>
                  <Radio.Group optionType="button" buttonStyle="solid">
                    {RISK_LEVELS.map((l) => (
                      <Radio.Button key={l.code} value={l.code}>
                        {l.label}
                      </Radio.Button>
                    ))}
                  </Radio.Group>
                </Form.Item>
                <Form.Item
                  name="effectiveFrom"
                  label="生效日期"
                  rules={[{ required: true, message: '生效日期：请选择' }]}
                >
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
                <Form.Item name="basis" label="依据" rules={[{ required: true, message: '依据：请填写设定依据' }]}>
                  <Input.TextArea rows={3} placeholder="如：市应对新冠肺炎疫情防控指挥部通告第X号" />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={saving} data-testid="risk-level-save">
                  保存
                </Button>
              </Form>
            </Card>
          </Col>
        )}
        <Col xs={24}>
          <Card title={`共 ${areas.length} 个区域`}>
            <DataTable<RiskArea>
              testId="risk-level-table"
              rowKey={(a) => a.code}
              dataSource={areas}
              loading={overview.loading}
              columns={[
                {
                  title: '区域',
                  dataIndex: 'name',
                  render: (_, a) => (
                    <span data-testid="risk-area-name">
                      {a.name}
                      {a.kind === 'functional_zone' ? '（功能区）' : ''}
                    </span>
                  ),
                },
                {
                  title: '当前等级',
                  render: (_, a) => (
                    <span data-testid={`risk-level-${a.code}`}>
                      <RiskTag level={a.level} label={a.levelLabel} />
                    </span>
                  ),
                },
                { title: '生效日期', dataIndex: 'effectiveFrom', render: (v: string | null) => v ?? '—' },
                {
                  title: '待生效',
                  render: (_, a) => (a.next ? `${a.next.effectiveFrom} 起 ${a.next.levelLabel}` : '—'),
                },
                { title: '依据', dataIndex: 'basis', render: (v: string | null) => v ?? '—' },
                {
                  title: '操作',
                  render: (_, a) => (
                    <Button type="link" size="small" onClick={() => setHistoryOf(a)}>
                      历史（{a.history.length}）
                    </Button>
                  ),
                },
              ]}
              renderCard={(a) => (
                <RowCard
                  title={a.name}
                  extra={<RiskTag level={a.level} label={a.levelLabel} />}
                  lines={[
                    ['生效日期', a.effectiveFrom ?? '—'],
                    ['待生效', a.next ? `${a.next.effectiveFrom} 起 ${a.next.levelLabel}` : '—'],
                    ['依据', a.basis ?? '—'],
                  ]}
                  footer={
                    <Button size="small" onClick={() => setHistoryOf(a)}>
                      历史（{a.history.length}）
                    </Button>
                  }
                />
              )}
            />
          </Card>
        </Col>
      </Row>
      <Drawer
        open={historyOf !== null}
        onClose={() => setHistoryOf(null)}
        title={historyOf ? `${historyOf.name} 风险等级历史` : ''}
        width={Math.min(560, window.innerWidth)}
      >
        {historyOf && (
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={historyOf.history}
            columns={[
              { title: '生效日期', dataIndex: 'effectiveFrom' },
              { title: '等级', render: (_, s) => <RiskTag level={s.level} label={s.levelLabel} /> },
              { title: '依据', dataIndex: 'basis' },
              {
                title: '设定',
                render: (_, s) => (
                  <Typography.Text type="secondary">
                    {s.setBy ?? '—'} {formatDateTime(s.setAt)}
                  </Typography.Text>
                ),
              },
            ]}
          />
        )}
      </Drawer>
    </Page>
  );
}
