import { useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { errorMessage } from '../../api/client.ts';
import type {
  ApprovalItemDto,
  ApprovalListVersionDto,
  CitationDto,
  ClosureRuleDto,
  GreenChannelFlag,
  LeadDepartmentRule,
  ProvinceMode,
  RiskLevel,
  SettingsDto,
} from '../../api/resumption.ts';
import {
  getApprovalLists,
  getLeadDepartments,
  getRiskLevels,
  getSettings,
  listDepartmentOptions,
  publishApprovalList,
  removeLeadDepartment,
  saveClosures,
  saveGreenChannel,
  saveProvinceModes,
  setLeadDepartment,
} from '../../api/resumption.ts';
import { Page } from '../../components/Page.tsx';
import { applyFieldErrors, clearFieldErrors } from '../../lib/forms.ts';
import { useRequest } from '../../lib/useRequest.ts';
import { RISK_LEVELS } from '../../../domain/resumption/index.ts';
import { beijingToday, LoadError, RiskTag, useCan } from './shared.tsx';

const MODE_OPTIONS: { value: ProvinceMode; label: string }[] = [
  { value: 'filing', label: '备案' },
  { value: 'commitment', label: '告知承诺' },
  { value: 'approval', label: '审批' },
];

const FLAG_OPTIONS: { value: GreenChannelFlag; label: string }[] = [
  { value: 'epidemicSupplies', label: '防疫物资生产企业' },
  { value: 'essentials', label: '生活必需品保供企业' },
  { value: 'keyList', label: '重点企业名单' },
];

const versionText = (v: number) => (v > 0 ? `第 ${v} 版` : '默认设置（未修改过）');

function Sources({ items }: { items: readonly CitationDto[] }) {
  if (items.length === 0) return <>—</>;
  return (
    <Space direction="vertical" size={0}>
      {items.map((c) => (
        <Typography.Text key={`${c.ref}${c.quote}`} type="secondary" style={{ fontSize: 12 }}>
          “{c.quote}”（{c.ref}）
        </Typography.Text>
      ))}
    </Space>
  );
}

/** Puts the server's field errors on the form, and the rest in a toast. */
function useShowErrors() {
  const { message } = App.useApp();
  return (form: Parameters<typeof applyFieldErrors>[0], e: unknown, rename?: (f: string) => string | null) => {
    const { mapped, unmapped } = applyFieldErrors(form, e, rename);
    if (!mapped) message.error(errorMessage(e));
    else if (unmapped.length) message.error(unmapped.join('；'));
  };
}

// ───────────────────────── 复工模式 ─────────────────────────

interface ModesValues {
  medium: ProvinceMode;
  high: ProvinceMode;
}

function ModesTab({
  settings,
  canEdit,
  onSaved,
}: {
  settings: SettingsDto;
  canEdit: boolean;
  onSaved: (s: SettingsDto) => void;
}) {
  const { message } = App.useApp();
  const showErrors = useShowErrors();
  const [form] = Form.useForm<ModesValues>();
  const [saving, setSaving] = useState(false);
  const options = settings.modeOptions.length ? settings.modeOptions : MODE_OPTIONS;

  const save = async (values: ModesValues) => {
    clearFieldErrors(form);
    setSaving(true);
    try {
      const saved = await saveProvinceModes({ ...values, version: settings.versions.provinceModes });
      message.success('复工方式已保存');
      onSaved(saved);
    } catch (e) {
      showErrors(form, e, (f) => (f === 'provinceModes' ? 'medium' : f));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Card
        title="全省统一复工方式"
        extra={<span data-testid="modes-version">当前版本：{versionText(settings.versions.provinceModes)}</span>}
      >
        <Form<ModesValues>
          form={form}
          layout="vertical"
          data-testid="modes-form"
          initialValues={settings.provinceModes}
          key={settings.versions.provinceModes}
          disabled={!canEdit}
          onFinish={(v) => void save(v)}
          style={{ maxWidth: 480 }}
        >
          <Form.Item label="低风险地区">
            <Space>
              <RiskTag level="low" />
              <span>申报即复工（不得采取审批、备案等方式延缓开工）</span>
            </Space>
          </Form.Item>
          <Form.Item
            name="medium"
            label="中风险地区复工方式"
            rules={[{ required: true, message: '中风险地区复工方式：请选择' }]}
          >
            <Select aria-label="中风险地区复工方式" data-testid="mode-medium" options={options} />
          </Form.Item>
          <Form.Item
            name="high"
            label="高风险地区复工方式"
            rules={[{ required: true, message: '高风险地区复工方式：请选择' }]}
          >
            <Select aria-label="高风险地区复工方式" data-testid="mode-high" options={options} />
          </Form.Item>
          {canEdit && (
            <Button type="primary" htmlType="submit" loading={saving} data-testid="modes-save">
              保存
            </Button>
          )}
        </Form>
        {!canEdit && (
          <Typography.Text type="secondary">复工方式由市级以上指挥部或管理员设定，此处仅供查看。</Typography.Text>
        )}
      </Card>
      <Card title="适用规则及出处">
        <Sources items={settings.modeRules} />
      </Card>
    </Space>
  );
}

// ───────────────────────── 绿色通道与暂停行业 ─────────────────────────

interface GreenValues {
  rules: { category: string; label: string; divisions: string[]; flags: GreenChannelFlag[] }[];
}

interface ClosureValues {
  levels: RiskLevel[];
  liftedOn: Dayjs | null;
}

function GreenAndClosuresTab({
  settings,
  canEdit,
  onSaved,
}: {
  settings: SettingsDto;
  canEdit: boolean;
  onSaved: (s: SettingsDto) => void;
}) {
  const { message } = App.useApp();
  const showErrors = useShowErrors();
  const [green] = Form.useForm<GreenValues>();
  const [closure] = Form.useForm<ClosureValues>();
  const [savingGreen, setSavingGreen] = useState(false);
  const [editing, setEditing] = useState<ClosureRuleDto | null>(null);
  const [savingClosure, setSavingClosure] = useState(false);

  const saveGreen = async (values: GreenValues) => {
    clearFieldErrors(green);
    setSavingGreen(true);
    try {
      const saved = await saveGreenChannel(
        values.rules.map((r) => ({ category: r.category, divisions: r.divisions ?? [], flags: r.flags ?? [] })),
        settings.versions.greenChannel,
      );
      message.success('绿色通道已保存');
      onSaved(saved);
    } catch (e) {
      showErrors(green, e, (f) => /^rules\.\d+\.\w+/.exec(f)?.[0] ?? null);
    } finally {
      setSavingGreen(false);
    }
  };

  const saveClosure = async (values: ClosureValues) => {
    if (!editing) return;
    clearFieldErrors(closure);
    setSavingClosure(true);
    try {
      const saved = await saveClosures(
        [
          {
            id: editing.id,
            levels: values.levels,
            liftedOn: values.liftedOn ? values.liftedOn.format('YYYY-MM-DD') : null,
          },
        ],
        settings.versions.closureRules,
      );
      message.success('暂停行业规则已保存');
      setEditing(null);
      onSaved(saved);
    } catch (e) {
      showErrors(closure, e, (f) => {
        const m = /^changes\.\d+\.(levels|liftedOn)/.exec(f);
        if (m) return m[1]!;
        return f === 'closureRules' ? 'levels' : f;
      });
    } finally {
      setSavingClosure(false);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Card
        title="绿色通道（优先复工类别）"
        extra={<span data-testid="green-version">当前版本：{versionText(settings.versions.greenChannel)}</span>}
      >
        <Form<GreenValues>
          form={green}
          key={settings.versions.greenChannel}
          initialValues={{ rules: settings.greenChannel }}
          disabled={!canEdit}
          onFinish={(v) => void saveGreen(v)}
          data-testid="green-form"
        >
          <Form.List name="rules">
            {(fields) => (
              <Table
                size="small"
                pagination={false}
                scroll={{ x: 'max-content' }}
                rowKey="key"
                dataSource={fields}
                columns={[
                  {
                    title: '类别',
                    render: (_, f) => settings.greenChannel[f.name]?.label ?? '—',
                  },
                  {
                    title: '行业大类代码（两位）',
                    render: (_, f) => (
                      <Form.Item name={[f.name, 'divisions']} style={{ marginBottom: 0, minWidth: 220 }}>
                        <Select mode="tags" tokenSeparators={[',', '，', ' ']} placeholder="如 44" />
                      </Form.Item>
                    ),
                  },
                  {
                    title: '企业标识',
                    render: (_, f) => (
                      <Form.Item name={[f.name, 'flags']} style={{ marginBottom: 0 }}>
                        <Checkbox.Group options={FLAG_OPTIONS} />
                      </Form.Item>
                    ),
                  },
                  {
                    title: '出处',
                    render: (_, f) => <Sources items={settings.greenChannel[f.name]?.sources ?? []} />,
                  },
                ]}
              />
            )}
          </Form.List>
          {canEdit && (
            <Button
              type="primary"
              htmlType="submit"
              loading={savingGreen}
              style={{ marginTop: 12 }}
              data-testid="green-save"
            >
              保存绿色通道
            </Button>
          )}
        </Form>
      </Card>
      <Card
        title="暂缓开业（暂停）行业"
        extra={<span data-testid="closures-version">当前版本：{versionText(settings.versions.closureRules)}</span>}
      >
        <Table<ClosureRuleDto>
          size="small"
          rowKey="id"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={settings.closureRules}
          data-testid="closures-table"
          columns={[
            { title: '行业', render: (_, r) => r.sectorLabels.join('、') },
            {
              title: '效力',
              render: (_, r) => (r.effect === 'closed' ? <Tag color="red">暂缓开业</Tag> : <Tag>可暂不开业</Tag>),
            },
            { title: '适用范围', dataIndex: 'jurisdiction' },
            {
              title: '适用风险等级',
              render: (_, r) => (
                <Space size={4}>
                  {r.levels.map((l) => (
                    <RiskTag key={l} level={l} />
                  ))}
                </Space>
              ),
            },
            { title: '生效日期', render: (_, r) => r.effectiveFrom ?? '—' },
            { title: '解除日期', render: (_, r) => r.liftedOn ?? '未解除' },
            { title: '出处', render: (_, r) => <Sources items={[r.source]} /> },
            ...(canEdit
              ? [
                  {
                    title: '操作',
                    render: (_: unknown, r: ClosureRuleDto) => (
                      <Button
                        type="link"
                        size="small"
                        onClick={() => {
                          setEditing(r);
                          closure.setFieldsValue({ levels: r.levels, liftedOn: r.liftedOn ? dayjs(r.liftedOn) : null });
                        }}
                      >
                        调整
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Modal
        open={editing !== null}
        title={editing ? `调整：${editing.sectorLabels.join('、')}` : ''}
        onCancel={() => setEditing(null)}
        onOk={() => closure.submit()}
        okText="保存"
        confirmLoading={savingClosure}
        forceRender
      >
        <Form<ClosureValues> form={closure} layout="vertical" onFinish={(v) => void saveClosure(v)}>
          <Form.Item
            name="levels"
            label="适用风险等级"
            rules={[{ required: true, message: '适用风险等级：至少选择一个' }]}
          >
            <Checkbox.Group options={RISK_LEVELS.map((l) => ({ value: l.code, label: l.label }))} />
          </Form.Item>
          <Form.Item name="liftedOn" label="解除日期（留空为未解除）">
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

// ───────────────────────── 审批事项清单 ─────────────────────────

interface ApprovalValues {
  publishedOn: Dayjs;
  items: ApprovalItemDto[];
}

const EMPTY_ITEM: ApprovalItemDto = {
  code: '',
  name: '',
  sectors: [],
  procedure: '',
  materials: [],
  timeLimitWorkingDays: 2,
  legalBasis: '',
};

function ApprovalItemsTable({ version }: { version: ApprovalListVersionDto }) {
  return (
    <Table<ApprovalItemDto>
      size="small"
      rowKey="code"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={version.items}
      data-testid="approval-items"
      columns={[
        { title: '事项编码', dataIndex: 'code' },
        { title: '事项名称', dataIndex: 'name' },
        { title: '适用行业', render: (_, i) => i.sectors.join('、') },
        { title: '办理程序', dataIndex: 'procedure' },
        { title: '申请材料', render: (_, i) => i.materials.join('；') || '—' },
        { title: '时限', render: (_, i) => `${i.timeLimitWorkingDays} 个工作日` },
        { title: '设定依据', dataIndex: 'legalBasis' },
      ]}
    />
  );
}

function ApprovalTab({ canEdit }: { canEdit: boolean }) {
  const { message } = App.useApp();
  const lists = useRequest((signal) => getApprovalLists(signal), 'approval-lists');
  const [viewing, setViewing] = useState<number | null>(null);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<ApprovalValues>();
  const [saving, setSaving] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);

  if (lists.error && !lists.data) return <LoadError error={lists.error} onRetry={lists.reload} />;
  const data = lists.data;
  const shown =
    (viewing !== null ? data?.versions.find((v) => v.version === viewing) : undefined) ??
    data?.inForce ??
    data?.versions.at(-1) ??
    null;

  const publish = async (values: ApprovalValues) => {
    clearFieldErrors(form);
    setProblems([]);
    setSaving(true);
    try {
      const saved = await publishApprovalList(values.publishedOn.format('YYYY-MM-DD'), values.items ?? []);
      message.success(`审批事项清单第 ${saved.version} 版已公布`);
      setOpen(false);
      setViewing(null);
      lists.reload();
    } catch (e) {
      const { mapped, unmapped } = applyFieldErrors(form, e, (f) => /^items\.\d+\.\w+/.exec(f)?.[0] ?? f);
      setProblems(unmapped.length ? unmapped : mapped ? [] : [errorMessage(e)]);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Card
        loading={lists.loading && !data}
        title="审批事项清单（清单之外一律不得审批）"
        extra={
          canEdit && (
            <Button
              type="primary"
              data-testid="approval-new"
              onClick={() => {
                form.setFieldsValue({
                  publishedOn: dayjs(beijingToday()),
                  items: (data?.versions.at(-1)?.items ?? []).map((i) => ({ ...i })),
                });
                setProblems([]);
                setOpen(true);
              }}
            >
              公布新版本
            </Button>
          )
        }
      >
        {shown ? (
          <>
            <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
              <Descriptions.Item label="显示版本">
                <span data-testid="approval-version">第 {shown.version} 版</span>
              </Descriptions.Item>
              <Descriptions.Item label="公布日期">{shown.publishedOn ?? '未公布'}</Descriptions.Item>
              <Descriptions.Item label="现行版本">
                {data?.inForce ? `第 ${data.inForce.version} 版` : '尚无生效版本'}
              </Descriptions.Item>
            </Descriptions>
            <ApprovalItemsTable version={shown} />
          </>
        ) : (
          <Typography.Text type="secondary">尚未公布审批事项清单。</Typography.Text>
        )}
      </Card>
      <Card title="版本历史">
        <List
          size="small"
          dataSource={[...(data?.versions ?? [])].reverse()}
          locale={{ emptyText: '暂无版本' }}
          renderItem={(v) => (
            <List.Item
              actions={[
                <Button key="view" type="link" size="small" onClick={() => setViewing(v.version)}>
                  查看
                </Button>,
              ]}
            >
              第 {v.version} 版 · {v.publishedOn ? `${v.publishedOn} 公布` : '未公布'} · {v.items.length} 项
              {data?.inForce?.version === v.version && (
                <Tag color="green" style={{ marginLeft: 8 }}>
                  现行
                </Tag>
              )}
            </List.Item>
          )}
        />
      </Card>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        title="公布审批事项清单新版本"
        width={Math.min(720, window.innerWidth)}
        forceRender
        extra={
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="approval-publish">
            公布
          </Button>
        }
      >
        {problems.length > 0 && (
          <Alert type="error" showIcon message={problems.join('；')} style={{ marginBottom: 12 }} />
        )}
        <Form<ApprovalValues> form={form} layout="vertical" onFinish={(v) => void publish(v)}>
          <Form.Item name="publishedOn" label="公布日期" rules={[{ required: true, message: '公布日期：请选择' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.List name="items">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <Card
                    key={f.key}
                    size="small"
                    title={`事项 ${i + 1}`}
                    style={{ marginBottom: 12 }}
                    extra={<MinusCircleOutlined aria-label="删除事项" onClick={() => remove(f.name)} />}
                  >
                    <Form.Item
                      name={[f.name, 'code']}
                      label="事项编码"
                      rules={[{ required: true, message: '事项编码：请填写' }]}
                    >
                      <Input />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'name']}
                      label="事项名称"
                      rules={[{ required: true, message: '事项名称：请填写' }]}
                    >
                      <Input />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'sectors']}
                      label="适用行业"
                      rules={[{ required: true, message: '适用行业：至少填写一个' }]}
                    >
                      <Select mode="tags" tokenSeparators={[',', '，']} />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'procedure']}
                      label="办理程序"
                      rules={[{ required: true, message: '办理程序：请填写' }]}
                    >
                      <Input.TextArea rows={2} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'materials']} label="申请材料">
                      <Select mode="tags" tokenSeparators={['；', ';']} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'timeLimitWorkingDays']} label="办理时限（工作日）">
                      <InputNumber min={1} max={2} precision={0} />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'legalBasis']}
                      label="设定依据"
                      rules={[{ required: true, message: '设定依据：请填写' }]}
                    >
                      <Input />
                    </Form.Item>
                  </Card>
                ))}
                <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ ...EMPTY_ITEM })}>
                  添加事项
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      </Drawer>
    </Space>
  );
}

// ───────────────────────── 牵头部门 ─────────────────────────

interface LeadValues {
  regionCode: string;
  enterpriseType: string;
  departmentId: number;
}

function LeadDepartmentsTab({ canEdit }: { canEdit: boolean }) {
  const { message } = App.useApp();
  const showErrors = useShowErrors();
  const leads = useRequest((signal) => getLeadDepartments(signal), 'lead-departments');
  const areas = useRequest((signal) => getRiskLevels(undefined, signal), 'lead-areas');
  const departments = useRequest(
    (signal) => (canEdit ? listDepartmentOptions(signal) : Promise.resolve({ items: [] })),
    `lead-depts-${canEdit}`,
  );
  const [form] = Form.useForm<LeadValues>();
  const [saving, setSaving] = useState(false);

  const regionOptions = useMemo(
    () => [
      { value: '3601', label: '南昌市（全市兜底）' },
      ...(areas.data?.areas ?? []).map((a) => ({
        value: a.code,
        label: `${a.name}${a.kind === 'functional_zone' ? '（功能区）' : ''}`,
      })),
    ],
    [areas.data],
  );

  if (leads.error && !leads.data) return <LoadError error={leads.error} onRetry={leads.reload} />;

  const save = async (values: LeadValues) => {
    clearFieldErrors(form);
    setSaving(true);
    try {
      await setLeadDepartment(values);
      message.success('牵头部门已设定');
      leads.reload();
    } catch (e) {
      showErrors(form, e);
    } finally {
      setSaving(false);
    }
  };

  const remove = async (r: LeadDepartmentRule) => {
    try {
      await removeLeadDepartment(r.id);
      message.success('已删除');
      leads.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      {canEdit && (
        <Card title="设定牵头受理部门（一口受理）">
          <Form<LeadValues> form={form} layout="vertical" onFinish={(v) => void save(v)} style={{ maxWidth: 480 }}>
            <Form.Item name="regionCode" label="区域" rules={[{ required: true, message: '区域：请选择' }]}>
              <Select showSearch optionFilterProp="label" options={regionOptions} />
            </Form.Item>
            <Form.Item name="enterpriseType" label="企业类型" rules={[{ required: true, message: '企业类型：请选择' }]}>
              <Select options={(leads.data?.enterpriseTypes ?? []).map((t) => ({ value: t.code, label: t.label }))} />
            </Form.Item>
            <Form.Item name="departmentId" label="牵头部门" rules={[{ required: true, message: '牵头部门：请选择' }]}>
              <Select
                showSearch
                optionFilterProp="label"
                loading={departments.loading}
                options={(departments.data?.items ?? []).map((d) => ({
                  value: d.id,
                  label: `${d.name}${d.regionName ? `（${d.regionName}）` : ''}`,
                }))}
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={saving}>
              保存
            </Button>
          </Form>
        </Card>
      )}
      <Card title={`共 ${leads.data?.items.length ?? 0} 条设定`} loading={leads.loading && !leads.data}>
        <Table<LeadDepartmentRule>
          size="small"
          rowKey="id"
          scroll={{ x: 'max-content' }}
          dataSource={leads.data?.items ?? []}
          columns={[
            { title: '区域', render: (_, r) => r.regionName ?? r.regionCode },
            { title: '企业类型', dataIndex: 'enterpriseTypeLabel' },
            { title: '牵头部门', dataIndex: 'departmentName' },
            ...(canEdit
              ? [
                  {
                    title: '操作',
                    render: (_: unknown, r: LeadDepartmentRule) => (
                      <Popconfirm
                        title="删除这条设定？"
                        onConfirm={() => void remove(r)}
                        okText="删除"
                        cancelText="取消"
                      >
                        <Button type="link" size="small" danger>
                          删除
                        </Button>
                      </Popconfirm>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </Space>
  );
}

/** 复工配置: province-wide modes, green channel and closed sectors, the approval list, lead departments. */
export default function SettingsPage() {
  const canEdit = useCan('resumption.configure');
  const settings = useRequest((signal) => getSettings(signal), 'resumption-settings');

  if (settings.error && !settings.data) return <LoadError error={settings.error} onRetry={settings.reload} />;
  const s = settings.data;

  return (
    <Page
      title="复工配置"
      content="全省统一的中、高风险地区复工方式，绿色通道和暂缓开业行业，审批事项清单，以及各区域的牵头受理部门。"
      loading={settings.loading && !s}
    >
      {s && (
        <Tabs
          items={[
            {
              key: 'modes',
              label: '复工模式',
              children: <ModesTab settings={s} canEdit={canEdit} onSaved={settings.setData} />,
            },
            {
              key: 'green',
              label: '绿色通道与暂停行业',
              children: <GreenAndClosuresTab settings={s} canEdit={canEdit} onSaved={settings.setData} />,
            },
            { key: 'approval', label: '审批事项清单', children: <ApprovalTab canEdit={canEdit} /> },
            { key: 'lead', label: '牵头部门', children: <LeadDepartmentsTab canEdit={canEdit} /> },
          ]}
        />
      )}
    </Page>
  );
}
