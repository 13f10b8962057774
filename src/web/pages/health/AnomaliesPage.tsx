import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import {
  App,
  Card,
  DatePicker,
  Dropdown,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Segmented,
  Space,
  Steps,
  Typography,
} from 'antd';
import type { TableProps } from 'antd';
import { DownOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { errorMessage } from '../../api/client.ts';
import type { AnomalyCase } from '../../api/health.ts';
import { listAnomalies, moveAnomaly } from '../../api/health.ts';
import { useCurrentUser } from '../../auth/AuthContext.tsx';
import { DataTable, RowCard } from '../../components/DataTable.tsx';
import { Page } from '../../components/Page.tsx';
import { formatDateTime, formatInteger } from '../../lib/format.ts';
import { applyFieldErrors, clearFieldErrors } from '../../lib/forms.ts';
import { useRequest } from '../../lib/useRequest.ts';
import { LoadFailed } from '../errors/ErrorPages.tsx';
import { ANOMALY_STATE_LABEL, AnomalyStateTag, Temperature, symptomText } from './labels.tsx';
import type { AnomalyState } from './labels.tsx';

/** Next steps of a case (src/domain/health/anomaly-case.ts ANOMALY_TRANSITIONS) and who may take them. */
const NEXT: Record<string, AnomalyState[]> = {
  reported: ['isolated', 'referred', 'closed_recheck_normal'],
  isolated: ['referred', 'closed_recheck_normal'],
  referred: ['excluded', 'observation', 'suspected', 'confirmed'],
  observation: ['excluded', 'suspected', 'confirmed'],
  suspected: ['excluded', 'confirmed'],
};
const ENTERPRISE_MAY: AnomalyState[] = ['isolated', 'referred'];

const ACTION_LABEL: Partial<Record<AnomalyState, string>> = {
  isolated: '送隔离观察区',
  referred: '转诊（专人专车）',
  observation: '结果：留院观察',
  suspected: '结果：疑似病例',
  excluded: '结果：排除',
  confirmed: '结果：确诊病例',
  closed_recheck_normal: '复测正常（误报）',
};

/** The flow of a case with the time of each step: 上报 → 隔离观察区 → 转诊 → 结果. */
export function CaseTimeline({ c }: { c: AnomalyCase }) {
  const t0 = new Date(c.detectedAt).getTime();
  return (
    <Steps
      direction="vertical"
      size="small"
      current={c.history.length - 1}
      data-testid="anomaly-timeline"
      items={c.history.map((e) => {
        const minutes = Math.round((new Date(e.at).getTime() - t0) / 60_000);
        return {
          title: ANOMALY_STATE_LABEL[e.to as AnomalyState] ?? e.to,
          description: (
            <span>
              {formatDateTime(e.at)}
              {e.from ? `（发现后 ${minutes} 分钟）` : ''}
              {e.to === 'isolated' && c.isolationArea ? ` · ${c.isolationArea}` : ''}
              {e.to === 'referred' && c.facility ? ` · ${c.facility}` : ''}
              {e.note ? ` · ${e.note}` : ''}
            </span>
          ),
        };
      })}
    />
  );
}

interface StepValues {
  at?: Dayjs;
  isolationArea?: string;
  facility?: string;
  recheckTemperatureC?: number;
  note?: string;
}

function StepModal({
  target,
  onClose,
  onDone,
}: {
  target: { c: AnomalyCase; to: AnomalyState } | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<StepValues>();
  const [saving, setSaving] = useState(false);
  const to = target?.to;

  const submit = async () => {
    if (!target) return;
    let v: StepValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    clearFieldErrors(form);
    setSaving(true);
    try {
      await moveAnomaly(target.c.id, {
        to: target.to,
        version: target.c.version,
        ...(v.at ? { at: v.at.format('YYYY-MM-DDTHH:mm:ssZ') } : {}),
        ...(v.isolationArea ? { isolationArea: v.isolationArea.trim() } : {}),
        ...(v.facility ? { facility: v.facility.trim() } : {}),
        ...(v.recheckTemperatureC !== undefined ? { recheckTemperatureC: v.recheckTemperatureC } : {}),
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      });
      message.success(`已记录：${ANOMALY_STATE_LABEL[target.to]}`);
      form.resetFields();
      onDone();
    } catch (error) {
      const { mapped, unmapped } = applyFieldErrors(form, error);
      if (mapped === 0 || unmapped.length) message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={Boolean(target)}
      title={target ? `${target.c.personName ?? '员工'}：${ACTION_LABEL[target.to]}` : ''}
      okText="确认记录"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnClose
    >
      <Form<StepValues> form={form} layout="vertical" preserve={false} data-testid="anomaly-step-form">
        {to === 'isolated' && (
          <Form.Item
            name="isolationArea"
            label="隔离观察区"
            rules={[{ required: true, whitespace: true, message: '隔离观察区：请填写隔离观察区域' }]}
          >
            <Input aria-label="隔离观察区" placeholder="如 厂区东门临时隔离室" />
          </Form.Item>
        )}
        {to === 'referred' && (
          <Form.Item
            name="facility"
            label="转诊机构"
            rules={[{ required: true, whitespace: true, message: '转诊机构：请填写定点医疗机构或发热门诊' }]}
          >
            <Input aria-label="转诊机构" placeholder="如 南昌大学第一附属医院发热门诊" />
          </Form.Item>
        )}
        {to === 'closed_recheck_normal' && (
          <Form.Item
            name="recheckTemperatureC"
            label="复测体温（℃）"
            rules={[{ required: true, message: '复测体温：请填写复测体温' }]}
          >
            <InputNumber step={0.1} precision={1} min={34} max={43} style={{ width: '100%' }} aria-label="复测体温" />
          </Form.Item>
        )}
        <Form.Item name="at" label="处置时间" extra="不填则为当前时间；不能早于上一步的时间。">
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%' }}
            disabledDate={(d) => d.isAfter(dayjs())}
            aria-label="处置时间"
          />
        </Form.Item>
        <Form.Item name="note" label="说明（选填）" rules={[{ max: 500, message: '说明：不超过500字' }]}>
          <Input.TextArea rows={2} aria-label="说明" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type Scope = 'open' | 'all';

/** 异常情况处置: fever and symptom cases, enterprise and CDC, with the case flow. */
export default function AnomaliesPage() {
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const scope: Scope = params.get('scope') === 'all' ? 'all' : 'open';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = 20;
  const list = useRequest(
    (signal) => listAnomalies(scope === 'open' ? { open: true } : {}, page, pageSize, signal),
    `anomalies-${scope}-${page}`,
  );
  const [target, setTarget] = useState<{ c: AnomalyCase; to: AnomalyState } | null>(null);
  const [shown, setShown] = useState<AnomalyCase | null>(null);
  const canManage = user.permissions.includes('health.anomaly.manage');
  const isCdc = user.role === 'cdc';

  const actionsOf = (c: AnomalyCase) => (NEXT[c.state] ?? []).filter((to) => isCdc || ENTERPRISE_MAY.includes(to));

  const actions = (c: AnomalyCase) => {
    const next = canManage ? actionsOf(c) : [];
    return (
      <Space size={4} wrap>
        <Typography.Link onClick={() => setShown(c)}>处置记录</Typography.Link>
        {next.length > 0 && (
          <Dropdown
            trigger={['click']}
            menu={{
              items: next.map((to) => ({ key: to, label: ACTION_LABEL[to] })),
              onClick: ({ key }) => setTarget({ c, to: key as AnomalyState }),
            }}
          >
            <Typography.Link data-testid="anomaly-action">
              处置 <DownOutlined />
            </Typography.Link>
          </Dropdown>
        )}
      </Space>
    );
  };

  const columns: TableProps<AnomalyCase>['columns'] = [
    { title: '发现时间', dataIndex: 'detectedAt', render: (v: string) => formatDateTime(v) },
    {
      title: '员工',
      dataIndex: 'personName',
      render: (v: string | undefined, c) => (
        <Link to={`/health/roster/${c.personId}`} data-testid="anomaly-person">
          {v ?? `员工 ${c.personId}`}
        </Link>
      ),
    },
    ...(user.role !== 'ent_admin'
      ? [
          {
            title: '企业',
            dataIndex: 'enterpriseName',
            render: (v: string | undefined) => <span data-testid="anomaly-enterprise">{v ?? '—'}</span>,
          },
        ]
      : []),
    { title: '体温', dataIndex: 'temperatureC', render: (v: number | null) => <Temperature value={v} /> },
    { title: '症状', dataIndex: 'symptoms', render: (v: string[]) => symptomText(v) },
    {
      title: '处置进度',
      dataIndex: 'state',
      render: (v: string, c) => <AnomalyStateTag state={v} label={c.stateLabel} />,
    },
    {
      title: '最近一步',
      key: 'last',
      render: (_: unknown, c) => formatDateTime(c.history[c.history.length - 1]?.at ?? c.detectedAt),
    },
    { title: '操作', key: 'actions', fixed: 'right', render: (_: unknown, c) => actions(c) },
  ];

  const total = list.data?.total ?? 0;
  return (
    <Page
      title="异常情况处置"
      content="体温≥37.3℃或有症状的申报自动上报企业和疾控：上报 → 隔离观察区 → 转诊 → 结果，每一步记录时间。"
    >
      {list.error && !list.data ? (
        <LoadFailed detail={errorMessage(list.error)} onRetry={list.reload} />
      ) : (
        <Card
          title={<span data-testid="anomaly-total">共 {formatInteger(total)} 例</span>}
          extra={
            <Segmented<Scope>
              value={scope}
              onChange={(v) => setParams(v === 'all' ? { scope: 'all' } : {})}
              options={[
                { value: 'open', label: '处置中' },
                { value: 'all', label: '全部' },
              ]}
            />
          }
        >
          <DataTable<AnomalyCase>
            testId="anomaly-table"
            rowKey={(c) => c.id}
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.loading}
            paging={{
              current: page,
              pageSize,
              total,
              onChange: (p) => setParams({ ...(scope === 'all' ? { scope: 'all' } : {}), page: String(p) }),
            }}
            empty={
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={scope === 'open' ? '没有正在处置的异常' : '还没有异常记录'}
              />
            }
            renderCard={(c) => (
              <RowCard
                title={
                  <Link to={`/health/roster/${c.personId}`} data-testid="anomaly-person">
                    {c.personName ?? `员工 ${c.personId}`}
                  </Link>
                }
                extra={<AnomalyStateTag state={c.state} label={c.stateLabel} />}
                lines={[
                  ['发现时间', formatDateTime(c.detectedAt)],
                  ...(user.role !== 'ent_admin' ? ([['企业', c.enterpriseName ?? '—']] as [string, string][]) : []),
                  ['体温', <Temperature value={c.temperatureC} />],
                  ['症状', symptomText(c.symptoms)],
                ]}
                footer={actions(c)}
              />
            )}
          />
        </Card>
      )}
      <StepModal
        target={target}
        onClose={() => setTarget(null)}
        onDone={() => {
          setTarget(null);
          list.reload();
        }}
      />
      <Modal
        open={Boolean(shown)}
        title={shown ? `处置记录：${shown.personName ?? ''}` : ''}
        footer={null}
        onCancel={() => setShown(null)}
      >
        {shown && <CaseTimeline c={shown} />}
      </Modal>
    </Page>
  );
}
