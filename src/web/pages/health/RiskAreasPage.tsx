import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Empty,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import type { ButtonProps, TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { errorMessage } from '../../api/client.ts';
import type { RiskArea, RiskAreaOutcome, RiskLevel } from '../../api/health.ts';
import { addRiskArea, endRiskArea, listRiskAreas } from '../../api/health.ts';
import { useCurrentUser } from '../../auth/AuthContext.tsx';
import { DataTable, RowCard } from '../../components/DataTable.tsx';
import { Page } from '../../components/Page.tsx';
import { SearchForm } from '../../components/SearchForm.tsx';
import { applyFieldErrors, clearFieldErrors } from '../../lib/forms.ts';
import { formatDateTime, formatInteger } from '../../lib/format.ts';
import { useRequest } from '../../lib/useRequest.ts';
import { LoadFailed } from '../errors/ErrorPages.tsx';
import { StatusTag } from './labels.tsx';

const LEVEL_OPTIONS: { value: RiskLevel; label: string }[] = [
  { value: 'high', label: '高风险' },
  { value: 'medium', label: '中风险' },
  { value: 'low', label: '低风险' },
];
const LEVEL_COLOR: Record<RiskLevel, string> = { high: 'red', medium: 'orange', low: 'green' };

/** Today in Asia/Shanghai as YYYY-MM-DD (the browser's clock, only as a default; the server checks the dates). */
const todayIso = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

interface SearchValues {
  regionCode?: string;
  activeOn?: Dayjs | null;
}

interface AddValues {
  regionCode?: string;
  name?: string;
  level?: RiskLevel | null;
  keyArea?: boolean;
  localCluster?: boolean;
  validFrom?: Dayjs;
  validTo?: Dayjs | null;
  source?: string;
}

/** The classification of an entry as tags: 2022 level, 2020 重点地区, 本土聚集性疫情. */
function RiskTags({ a }: { a: RiskArea }) {
  return (
    <Space size={4} wrap data-testid="risk-level">
      {a.level && <Tag color={LEVEL_COLOR[a.level]}>{a.levelLabel ?? a.level}</Tag>}
      {a.keyArea && <Tag color="volcano">重点地区</Tag>}
      {a.localCluster && <Tag color="purple">本土聚集性疫情</Tag>}
    </Space>
  );
}

const active = (a: RiskArea, on: string) => a.validFrom <= on && (a.validTo === null || a.validTo >= on);

/**
 * 风险地区名录: the register the return-to-work rules read. The command centre and the CDC read it; only a city-level
 * CDC user adds or ends entries (the server refuses anyone else), and each write re-evaluates the people whose
 * recorded travel lies in the area at once — the page shows whose status changed.
 */
export default function RiskAreasPage() {
  const user = useCurrentUser();
  const { message } = App.useApp();
  const [search] = Form.useForm<SearchValues>();
  const [addForm] = Form.useForm<AddValues>();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Math.min(200, Math.max(1, Number(params.get('pageSize')) || 50));
  const regionCode = params.get('regionCode') ?? undefined;
  const activeOn = params.get('activeOn') ?? undefined;
  const list = useRequest(
    (signal) => listRiskAreas({ regionCode, activeOn }, page, pageSize, signal),
    `risk-areas-${params.toString()}`,
  );
  // The server decides (city-level CDC only); a county CDC user holds the permission but is refused, so offer the
  // buttons only to a CDC user whose region is a province or city (2 or 4 digits).
  const manage =
    user.permissions.includes('health.risk_area.manage') &&
    user.role === 'cdc' &&
    /^\d{2}(\d{2})?$/.test(user.regionCode ?? '');
  const [adding, setAdding] = useState(false);
  const [saving, setSaving] = useState(false);
  const [ending, setEnding] = useState<RiskArea | null>(null);
  const [endOn, setEndOn] = useState<Dayjs | null>(dayjs(todayIso()));
  const [reason, setReason] = useState('');
  const [endError, setEndError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ what: string; o: RiskAreaOutcome } | null>(null);

  const paramsText = params.toString();
  // The form follows the URL when it changes from outside (back, a link), not after our own search: by then the
  // user may already be typing the next filter.
  const ownSearch = useRef<string | null>(null);
  useEffect(() => {
    if (ownSearch.current === paramsText) return;
    const p = new URLSearchParams(paramsText);
    search.resetFields();
    search.setFieldsValue({
      regionCode: p.get('regionCode') ?? undefined,
      activeOn: p.get('activeOn') ? dayjs(p.get('activeOn')) : null,
    });
  }, [search, paramsText]);

  const onSearch = (v: SearchValues) => {
    const next = new URLSearchParams();
    if (v.regionCode?.trim()) next.set('regionCode', v.regionCode.trim());
    if (v.activeOn) next.set('activeOn', v.activeOn.format('YYYY-MM-DD'));
    ownSearch.current = next.toString();
    setParams(next);
  };

  const changePage = (p: number, size: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(size !== pageSize ? 1 : p));
    if (size !== 50) next.set('pageSize', String(size));
    else next.delete('pageSize');
    setParams(next);
  };

  const openAdd = () => {
    addForm.resetFields();
    addForm.setFieldsValue({ validFrom: dayjs(todayIso()), keyArea: false, localCluster: false });
    setAdding(true);
  };

  const submitAdd = async () => {
    let v: AddValues;
    try {
      v = await addForm.validateFields();
    } catch {
      return;
    }
    clearFieldErrors(addForm);
    setSaving(true);
    try {
      const o = await addRiskArea({
        regionCode: (v.regionCode ?? '').trim(),
        name: (v.name ?? '').trim(),
        level: v.level ?? null,
        keyArea: Boolean(v.keyArea),
        localCluster: Boolean(v.localCluster),
        validFrom: v.validFrom ? v.validFrom.format('YYYY-MM-DD') : '',
        validTo: v.validTo ? v.validTo.format('YYYY-MM-DD') : null,
        source: (v.source ?? '').trim(),
      });
      message.success(`已登记：${o.riskArea.name}`);
      setAdding(false);
      setOutcome({ what: `登记 ${o.riskArea.name}（${o.riskArea.regionCode}）`, o });
      list.reload();
    } catch (error) {
      const { mapped, unmapped } = applyFieldErrors(addForm, error);
      if (mapped === 0 || unmapped.length) message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  const openEnd = (a: RiskArea) => {
    setEnding(a);
    const today = todayIso();
    setEndOn(dayjs(today < a.validFrom ? a.validFrom : today));
    setReason('');
    setEndError(null);
  };

  const submitEnd = async () => {
    if (!ending || !endOn || !reason.trim()) return;
    setSaving(true);
    setEndError(null);
    try {
      const o = await endRiskArea(ending.id, { on: endOn.format('YYYY-MM-DD'), reason: reason.trim() });
      message.success(`已截止：${o.riskArea.name}`);
      setEnding(null);
      setOutcome({ what: `${o.riskArea.name}（${o.riskArea.regionCode}）截止于 ${o.riskArea.validTo ?? ''}`, o });
      list.reload();
    } catch (error) {
      setEndError(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  const today = todayIso();
  const actions = (a: RiskArea) =>
    manage && (a.validTo === null || a.validTo > today) ? (
      <Button size="small" danger onClick={() => openEnd(a)} data-testid="risk-end">
        结束
      </Button>
    ) : null;

  const columns: TableProps<RiskArea>['columns'] = [
    {
      title: '地区',
      dataIndex: 'name',
      render: (v: string, a) => (
        <span>
          {v}{' '}
          <Typography.Text type="secondary" className="ss-mono">
            {a.regionCode}
          </Typography.Text>
        </span>
      ),
    },
    { title: '风险等级', key: 'level', render: (_: unknown, a) => <RiskTags a={a} /> },
    { title: '起始日期', dataIndex: 'validFrom' },
    {
      title: '截止日期',
      dataIndex: 'validTo',
      render: (v: string | null, a) => (
        <span data-testid="risk-valid-to">
          {v ?? '未截止'}
          {!active(a, today) && a.validFrom <= today && <Typography.Text type="secondary">（已结束）</Typography.Text>}
        </span>
      ),
    },
    {
      title: '依据',
      dataIndex: 'source',
      render: (v: string) => <span style={{ whiteSpace: 'normal', display: 'inline-block', maxWidth: 280 }}>{v}</span>,
    },
    {
      title: '登记',
      dataIndex: 'createdAt',
      render: (v: string, a) => (
        <span>
          {formatDateTime(v)}
          {a.createdByName && <Typography.Text type="secondary"> {a.createdByName}</Typography.Text>}
        </span>
      ),
    },
    ...(manage ? [{ title: '操作', key: 'actions', render: (_: unknown, a: RiskArea) => actions(a) }] : []),
  ];

  const fields = [
    <Form.Item key="regionCode" name="regionCode" label="地区代码">
      <Input allowClear placeholder="代码前缀，如 4201" aria-label="地区代码前缀" maxLength={6} />
    </Form.Item>,
    <Form.Item key="activeOn" name="activeOn" label="当日有效">
      <DatePicker style={{ width: '100%' }} placeholder="只看该日有效的" aria-label="当日有效" />
    </Form.Item>,
  ];

  const total = list.data?.total ?? 0;
  const filtered = Boolean(regionCode || activeOn);

  return (
    <Page
      title="风险地区名录"
      content="返岗规则按此名录判断旅居史：员工到过的地区在有效期内被列为重点地区或中、高风险地区的，按相应规则判定。名录由市级疾控中心维护，登记或结束后，旅居史涉及该地区的员工立即重新判定。"
      extra={
        manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={openAdd} data-testid="risk-add">
            登记地区
          </Button>
        )
      }
    >
      <SearchForm<SearchValues> form={search} fields={fields} onSearch={onSearch} onReset={() => setParams({})} />
      {outcome && (
        <Alert
          type={outcome.o.changed.length ? 'warning' : 'success'}
          showIcon
          closable
          onClose={() => setOutcome(null)}
          style={{ marginBottom: 16 }}
          data-testid="risk-outcome"
          message={`${outcome.what}：重新判定 ${formatInteger(outcome.o.reevaluated)} 人，状态变化 ${formatInteger(
            outcome.o.changed.length,
          )} 人`}
          description={
            outcome.o.changed.length ? (
              <ul style={{ margin: 0, paddingLeft: 20 }} data-testid="risk-changed">
                {outcome.o.changed.map((c) => (
                  <li key={c.personId}>
                    <Link to={`/health/roster/${c.personId}`}>员工档案 {c.personId}</Link>：
                    <StatusTag status={c.from} /> → <StatusTag status={c.to} />
                  </li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}
      {list.error && !list.data ? (
        <LoadFailed detail={errorMessage(list.error)} onRetry={list.reload} />
      ) : (
        <Card
          title={
            <span data-testid="risk-total">
              共 {formatInteger(total)} 个地区{filtered ? '（已筛选）' : ''}
            </span>
          }
        >
          <DataTable<RiskArea>
            testId="risk-table"
            rowKey={(a) => a.id}
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.loading}
            paging={{ current: page, pageSize, total, onChange: changePage }}
            empty={
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={filtered ? '没有符合条件的地区' : '名录还是空的，尚未登记重点地区或中、高风险地区'}
              />
            }
            renderCard={(a) => (
              <RowCard
                title={`${a.name}（${a.regionCode}）`}
                extra={<RiskTags a={a} />}
                lines={[
                  ['有效期', `${a.validFrom} 至 ${a.validTo ?? '未截止'}`],
                  ['依据', a.source],
                ]}
                footer={actions(a)}
              />
            )}
          />
        </Card>
      )}
      <Modal
        open={adding}
        title="登记风险地区"
        okText="登记"
        cancelText="取消"
        confirmLoading={saving}
        okButtonProps={{ 'data-testid': 'risk-submit' } as ButtonProps}
        onOk={() => void submitAdd()}
        onCancel={() => setAdding(false)}
        destroyOnClose
        width={560}
      >
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message="登记后，旅居史涉及该地区（含下级地区）的员工立即按返岗规则重新判定。"
        />
        <Form<AddValues> form={addForm} name="riskArea" layout="vertical" data-testid="risk-form" preserve={false}>
          <Form.Item
            name="regionCode"
            label="地区代码"
            extra="GB/T 2260 行政区划代码：省 2 位、市 4 位、县（市、区）6 位"
            rules={[
              { required: true, whitespace: true, message: '地区代码：请填写' },
              { pattern: /^\s*\d{2}(\d{2}){0,2}\s*$/, message: '地区代码：应为 2、4 或 6 位数字' },
            ]}
          >
            <Input aria-label="地区代码" placeholder="如 420106" maxLength={6} />
          </Form.Item>
          <Form.Item
            name="name"
            label="地区名称"
            rules={[
              { required: true, whitespace: true, message: '地区名称：不能为空' },
              { max: 60, message: '地区名称：不超过60字' },
            ]}
          >
            <Input aria-label="地区名称" placeholder="如 湖北省武汉市武昌区" />
          </Form.Item>
          <Form.Item name="level" label="风险等级">
            <Select allowClear aria-label="风险等级" placeholder="不分级（仅标记重点地区时）" options={LEVEL_OPTIONS} />
          </Form.Item>
          <Space size="large" wrap>
            <Form.Item name="keyArea" valuePropName="checked" style={{ marginBottom: 8 }}>
              <Checkbox aria-label="重点地区">重点地区 / 疫情严重地区</Checkbox>
            </Form.Item>
            <Form.Item name="localCluster" valuePropName="checked" style={{ marginBottom: 8 }}>
              <Checkbox aria-label="本土聚集性疫情">有本土聚集性疫情</Checkbox>
            </Form.Item>
          </Space>
          <Space size="middle" style={{ display: 'flex' }} wrap>
            <Form.Item name="validFrom" label="起始日期" rules={[{ required: true, message: '起始日期：请选择' }]}>
              <DatePicker aria-label="起始日期" />
            </Form.Item>
            <Form.Item name="validTo" label="截止日期（选填）">
              <DatePicker aria-label="截止日期" placeholder="未截止" />
            </Form.Item>
          </Space>
          <Form.Item
            name="source"
            label="依据"
            rules={[
              { required: true, whitespace: true, message: '依据：请填写发布机关和文号' },
              { max: 200, message: '依据：不超过200字' },
            ]}
          >
            <Input.TextArea rows={2} aria-label="依据" placeholder="发布机关和文号，如 省指挥部通告〔2022〕5号" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={Boolean(ending)}
        title={ending ? `结束：${ending.name}（${ending.regionCode}）` : '结束'}
        okText="确认结束"
        okButtonProps={{ danger: true, disabled: !reason.trim() || !endOn, loading: saving }}
        cancelText="取消"
        onOk={() => void submitEnd()}
        onCancel={() => setEnding(null)}
        destroyOnClose
      >
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message="截止日期之前到过该地区的旅居史仍按原等级判定；结束后涉及的员工立即重新判定。"
        />
        {endError && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={endError} />}
        <Form layout="vertical">
          <Form.Item label="截止日期" required>
            <DatePicker value={endOn} onChange={(d) => setEndOn(d)} aria-label="结束日期" allowClear={false} />
          </Form.Item>
          <Form.Item label="理由" required>
            <Input.TextArea
              rows={3}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              aria-label="结束理由"
              maxLength={200}
              placeholder="如 省指挥部通告调整为低风险地区"
            />
          </Form.Item>
        </Form>
      </Modal>
    </Page>
  );
}
