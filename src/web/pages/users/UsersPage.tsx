import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Switch,
  Tag,
  Typography,
} from 'antd';
import type { TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api, errorMessage } from '../../api/client.ts';
import { getEnterprise } from '../../api/enterprises.ts';
import type { Bank, Department, ItemsOf, PageOf, Role, UserRecord } from '../../api/types.ts';
import { useCurrentUser } from '../../auth/AuthContext.tsx';
import { DataTable, RowCard } from '../../components/DataTable.tsx';
import { EnterpriseSelect } from '../../components/EnterpriseSelect.tsx';
import { Page } from '../../components/Page.tsx';
import { RegionCascader } from '../../components/RegionCascader.tsx';
import { SearchForm } from '../../components/SearchForm.tsx';
import { newIdempotencyKey } from '../../lib/deployment.ts';
import { formatDateTime } from '../../lib/format.ts';
import { applyFieldErrors } from '../../lib/forms.ts';
import { ROLES, ROLE_LABEL } from '../../lib/labels.ts';
import { useRequest } from '../../lib/useRequest.ts';
import { LoadFailed } from '../errors/ErrorPages.tsx';

const REGION_ROLES: Role[] = ['leader', 'cdc', 'grid'];
const ENTERPRISE_ROLES: Role[] = ['ent_admin', 'employee'];

const SCOPE_HINT: Record<Role, string> = {
  admin: '系统管理员可见全部数据，无需指定范围。',
  leader: '指挥部领导看管辖区域内的企业：选择市、县（区）或功能区。',
  dept: '部门审核人员的范围是其部门所在的区域。',
  cdc: '疾控人员看管辖区域内的企业。',
  grid: '网格员看所在乡镇（街道）或网格的企业，以及由其联络的企业。',
  ent_admin: '企业管理员只看本企业。',
  employee: '员工只看本人和本企业的信息。',
  bank: '银行人员只看推送给本机构的融资需求。',
};

interface UserValues {
  username: string;
  password: string;
  displayName: string;
  phone?: string;
  role: Role;
  regionCode?: string | null;
  departmentId?: number | null;
  enterpriseId?: number | null;
  bankId?: number | null;
  disabled?: boolean;
}

interface Lookups {
  departments: Department[];
  banks: Bank[];
}

function UserModal({
  editing,
  lookups,
  enterpriseNames,
  onClose,
  onSaved,
}: {
  editing: UserRecord | 'new' | null;
  lookups: Lookups;
  enterpriseNames: Map<number, string>;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<UserValues>();
  const { message } = App.useApp();
  const role = Form.useWatch('role', form);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [key, setKey] = useState(newIdempotencyKey);

  useEffect(() => {
    if (!editing) return;
    setProblem(null);
    setKey(newIdempotencyKey());
    form.resetFields();
    if (editing !== 'new') {
      form.setFieldsValue({
        username: editing.username,
        displayName: editing.displayName,
        phone: editing.phone ?? undefined,
        role: editing.role,
        regionCode: editing.regionCode,
        departmentId: editing.departmentId,
        enterpriseId: editing.enterpriseId,
        bankId: editing.bankId,
        disabled: editing.disabled,
      });
    }
  }, [editing, form]);

  if (!editing) return null;
  const isNew = editing === 'new';

  const save = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setProblem(null);
    const scope = {
      displayName: v.displayName.trim(),
      role: v.role,
      phone: v.phone?.trim() ? v.phone.trim() : null,
      regionCode: REGION_ROLES.includes(v.role) ? (v.regionCode ?? null) : null,
      departmentId: v.role === 'dept' ? (v.departmentId ?? null) : null,
      enterpriseId: ENTERPRISE_ROLES.includes(v.role) ? (v.enterpriseId ?? null) : null,
      bankId: v.role === 'bank' ? (v.bankId ?? null) : null,
    };
    try {
      if (isNew) {
        await api.post(
          '/api/users',
          { username: v.username.trim(), password: v.password, ...scope },
          { headers: { 'Idempotency-Key': key } },
        );
        message.success(`已新建用户“${v.username.trim()}”，首次登录须修改密码`);
      } else {
        await api.put(`/api/users/${editing.id}`, { ...scope, disabled: Boolean(v.disabled) });
        message.success('用户已保存，该用户须重新登录');
      }
      onSaved();
    } catch (error) {
      const { mapped } = applyFieldErrors(form, error);
      if (mapped === 0) setProblem(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={isNew ? '新建用户' : `编辑用户：${editing.username}`}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={onClose}
      destroyOnHidden
      width={560}
    >
      {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 16 }} />}
      <Form<UserValues> form={form} layout="vertical" initialValues={{ role: 'dept', disabled: false }}>
        <Form.Item
          name="username"
          label="用户名"
          rules={[
            { required: true, message: '请填写用户名' },
            { pattern: /^[a-zA-Z0-9_.-]{3,32}$/, message: '用户名：应为 3–32 位字母、数字或 _ . -' },
          ]}
        >
          <Input disabled={!isNew} autoComplete="off" />
        </Form.Item>
        {isNew && (
          <Form.Item
            name="password"
            label="初始密码"
            rules={[
              { required: true, message: '请填写初始密码' },
              { min: 8, message: '初始密码：至少 8 位' },
              { pattern: /(?=.*[A-Za-z])(?=.*\d)/, message: '初始密码：须同时包含字母和数字' },
            ]}
            extra="用户首次登录时必须修改。"
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        <Form.Item
          name="displayName"
          label="姓名"
          rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name="phone"
          label="手机号"
          rules={[{ pattern: /^1[3-9]\d{9}$/, message: '手机号：应为 11 位手机号' }]}
        >
          <Input inputMode="tel" maxLength={11} />
        </Form.Item>
        <Form.Item
          name="role"
          label="角色"
          rules={[{ required: true, message: '请选择角色' }]}
          extra={role ? SCOPE_HINT[role] : undefined}
        >
          <Select options={ROLES.map((r) => ({ value: r, label: ROLE_LABEL[r] }))} />
        </Form.Item>
        {role && REGION_ROLES.includes(role) && (
          <Form.Item name="regionCode" label="管辖区域" rules={[{ required: true, message: '请选择管辖区域' }]}>
            <RegionCascader mode="node" includeZones placeholder="市 / 县（区） / 乡镇（街道） / 网格，或功能区" />
          </Form.Item>
        )}
        {role === 'dept' && (
          <Form.Item name="departmentId" label="所属部门" rules={[{ required: true, message: '请选择所属部门' }]}>
            <Select
              showSearch
              optionFilterProp="label"
              placeholder="输入部门名称搜索"
              options={lookups.departments.filter((d) => d.active).map((d) => ({ value: d.id, label: d.name }))}
            />
          </Form.Item>
        )}
        {role && ENTERPRISE_ROLES.includes(role) && (
          <Form.Item name="enterpriseId" label="所属企业" rules={[{ required: true, message: '请选择所属企业' }]}>
            <EnterpriseSelect
              initialLabel={
                editing !== 'new' && editing.enterpriseId ? enterpriseNames.get(editing.enterpriseId) : null
              }
            />
          </Form.Item>
        )}
        {role === 'bank' && (
          <Form.Item name="bankId" label="所属金融机构" rules={[{ required: true, message: '请选择金融机构' }]}>
            <Select
              options={lookups.banks.map((b) => ({ value: b.id, label: b.name }))}
              placeholder="选择银行或担保机构"
            />
          </Form.Item>
        )}
        {!isNew && (
          <Form.Item
            name="disabled"
            label="账号状态"
            valuePropName="checked"
            extra="停用后该用户不能登录；修改角色或范围后该用户须重新登录。"
          >
            <Switch checkedChildren="已停用" unCheckedChildren="在用" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function ResetPasswordModal({ user, onClose }: { user: UserRecord | null; onClose: () => void }) {
  const [form] = Form.useForm<{ password: string }>();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  if (!user) return null;
  const save = async () => {
    const { password } = await form.validateFields();
    setSaving(true);
    setProblem(null);
    try {
      await api.post(`/api/users/${user.id}/reset-password`, { password });
      message.success(`已重置“${user.username}”的密码，下次登录须修改`);
      onClose();
    } catch (error) {
      const { mapped } = applyFieldErrors(form, error);
      if (mapped === 0) setProblem(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={`重置密码：${user.displayName}（${user.username}）`}
      okText="重置"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={onClose}
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 16 }} />}
      <Typography.Paragraph type="secondary">
        重置后该用户的登录会话全部失效，须用新密码登录并立即修改。
      </Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item
          name="password"
          label="新密码"
          rules={[
            { required: true, message: '请填写新密码' },
            { min: 8, message: '新密码：至少 8 位' },
            { pattern: /(?=.*[A-Za-z])(?=.*\d)/, message: '新密码：须同时包含字母和数字' },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface Filters {
  q?: string;
  role?: Role;
}

/** 用户: accounts, roles and scopes; administrators create, edit, reset passwords and unlock. */
export default function UsersPage() {
  const me = useCurrentUser();
  const { message } = App.useApp();
  const manage = me.permissions.includes('user.manage');
  const [form] = Form.useForm<Filters>();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = 20;
  const q = params.get('q') ?? undefined;
  const role = (params.get('role') as Role | null) ?? undefined;
  const [editing, setEditing] = useState<UserRecord | 'new' | null>(null);
  const [resetting, setResetting] = useState<UserRecord | null>(null);

  const list = useRequest(
    (signal) => api.get<PageOf<UserRecord>>('/api/users', { q, role, page, pageSize }, { signal }),
    params.toString(),
  );
  const lookups = useRequest(async (signal): Promise<Lookups> => {
    const [departments, banks] = await Promise.all([
      me.permissions.includes('department.read')
        ? api.get<ItemsOf<Department>>('/api/departments', undefined, { signal }).then((r) => r.items)
        : Promise.resolve([]),
      me.permissions.includes('bank.read')
        ? api.get<ItemsOf<Bank>>('/api/banks', undefined, { signal }).then((r) => r.items)
        : Promise.resolve([]),
    ]);
    return { departments, banks };
  }, 'lookups');

  const enterpriseIds = useMemo(
    () => [...new Set((list.data?.items ?? []).map((u) => u.enterpriseId).filter((id): id is number => id !== null))],
    [list.data],
  );
  const enterpriseNames = useRequest(async (signal) => {
    const pairs = await Promise.all(
      enterpriseIds.map((id) =>
        getEnterprise(id, signal).then(
          (e): [number, string] => [id, e.name],
          (): [number, string] => [id, `企业 #${id}`],
        ),
      ),
    );
    return new Map(pairs);
  }, enterpriseIds.join(','));

  const paramsText = params.toString();
  useEffect(() => {
    const p = new URLSearchParams(paramsText);
    form.setFieldsValue({ q: p.get('q') ?? undefined, role: (p.get('role') as Role | null) ?? undefined });
  }, [form, paramsText]);

  const departmentName = (id: number | null) => lookups.data?.departments.find((d) => d.id === id)?.name;
  const bankName = (id: number | null) => lookups.data?.banks.find((b) => b.id === id)?.name;
  const scopeOf = (u: UserRecord): string => {
    if (u.role === 'admin') return '全部';
    if (u.role === 'dept') return departmentName(u.departmentId) ?? u.regionName ?? '—';
    if (u.enterpriseId) return enterpriseNames.data?.get(u.enterpriseId) ?? `企业 #${u.enterpriseId}`;
    if (u.bankId) return bankName(u.bankId) ?? `机构 #${u.bankId}`;
    return u.regionName ?? '—';
  };

  const status = (u: UserRecord) => (
    <span className="ss-tags">
      {u.disabled ? <Tag>已停用</Tag> : <Tag color="success">在用</Tag>}
      {u.locked && <Tag color="error">已锁定</Tag>}
      {u.mustChangePassword && <Tag color="warning">须改密码</Tag>}
    </span>
  );

  const unlock = async (u: UserRecord) => {
    try {
      await api.post(`/api/users/${u.id}/unlock`);
      message.success(`已解除“${u.username}”的登录锁定`);
      list.reload();
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const actions = (u: UserRecord) =>
    manage && (
      <Space size={0} wrap>
        <Button type="link" size="small" onClick={() => setEditing(u)}>
          编辑
        </Button>
        <Button type="link" size="small" onClick={() => setResetting(u)}>
          重置密码
        </Button>
        {u.locked && (
          <Popconfirm
            title={`解除“${u.username}”的登录锁定？`}
            okText="解锁"
            cancelText="取消"
            onConfirm={() => void unlock(u)}
          >
            <Button type="link" size="small">
              解锁
            </Button>
          </Popconfirm>
        )}
      </Space>
    );

  const columns: TableProps<UserRecord>['columns'] = [
    { title: '用户名', dataIndex: 'username', render: (v: string) => <span className="ss-mono">{v}</span> },
    { title: '姓名', dataIndex: 'displayName' },
    { title: '角色', dataIndex: 'roleLabel' },
    { title: '管辖范围', key: 'scope', render: (_: unknown, u) => scopeOf(u) },
    { title: '手机号', dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
    { title: '状态', key: 'status', render: (_: unknown, u) => status(u) },
    { title: '最后登录', dataIndex: 'lastLoginAt', render: (v: string | null) => (v ? formatDateTime(v) : '从未登录') },
    ...(manage
      ? [{ title: '操作', key: 'actions', fixed: 'right' as const, render: (_: unknown, u: UserRecord) => actions(u) }]
      : []),
  ];

  const setQuery = (v: Filters) => {
    const next = new URLSearchParams();
    if (v.q?.trim()) next.set('q', v.q.trim());
    if (v.role) next.set('role', v.role);
    setParams(next);
  };

  return (
    <Page
      title="用户"
      content="账号、角色和数据范围。新用户首次登录须修改初始密码。"
      extra={
        manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            新建用户
          </Button>
        )
      }
    >
      <SearchForm<Filters>
        form={form}
        onSearch={setQuery}
        onReset={() => setParams({})}
        fields={[
          <Form.Item key="q" name="q" label="关键词">
            <Input allowClear placeholder="用户名或姓名" />
          </Form.Item>,
          <Form.Item key="role" name="role" label="角色">
            <Select
              allowClear
              placeholder="全部角色"
              options={ROLES.map((r) => ({ value: r, label: ROLE_LABEL[r] }))}
            />
          </Form.Item>,
        ]}
      />
      <Card className="ss-table-card" title={`共 ${list.data?.total ?? 0} 个用户`} styles={{ body: { padding: 12 } }}>
        {list.error && !list.loading ? (
          <LoadFailed detail={errorMessage(list.error)} onRetry={list.reload} />
        ) : (
          <DataTable<UserRecord>
            testId="user-table"
            rowKey={(u) => u.id}
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.loading}
            paging={{
              current: page,
              pageSize,
              total: list.data?.total ?? 0,
              onChange: (p) => {
                const next = new URLSearchParams(params);
                next.set('page', String(p));
                setParams(next);
              },
            }}
            empty={
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={q || role ? '没有符合条件的用户' : '还没有用户'}
              />
            }
            renderCard={(u) => (
              <RowCard
                title={`${u.displayName}（${u.username}）`}
                lines={[
                  ['角色', u.roleLabel],
                  ['管辖范围', scopeOf(u)],
                  ['状态', status(u)],
                ]}
                footer={actions(u) || undefined}
              />
            )}
          />
        )}
      </Card>
      <UserModal
        editing={editing}
        lookups={lookups.data ?? { departments: [], banks: [] }}
        enterpriseNames={enterpriseNames.data ?? new Map()}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          list.reload();
        }}
      />
      <ResetPasswordModal
        key={resetting?.id ?? 'none'}
        user={resetting}
        onClose={() => {
          setResetting(null);
          list.reload();
        }}
      />
    </Page>
  );
}
