import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  App,
  AutoComplete,
  Button,
  Card,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Switch,
  Tag,
} from 'antd';
import type { TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api, errorMessage } from '../../api/client.ts';
import type { Department, ItemsOf } from '../../api/types.ts';
import { useCurrentUser } from '../../auth/AuthContext.tsx';
import { DataTable, RowCard } from '../../components/DataTable.tsx';
import { Page } from '../../components/Page.tsx';
import { SearchForm } from '../../components/SearchForm.tsx';
import { newIdempotencyKey } from '../../lib/deployment.ts';
import { applyFieldErrors } from '../../lib/forms.ts';
import { DEPARTMENT_KIND_LABEL } from '../../lib/labels.ts';
import { useRequest } from '../../lib/useRequest.ts';
import { LoadFailed } from '../errors/ErrorPages.tsx';

interface Filters {
  q?: string;
  regionCode?: string;
  kind?: string;
  activeOnly?: boolean;
}

interface DepartmentValues {
  kind: string;
  name: string;
  shortName: string;
  regionCode: string;
  sort: number;
  active: boolean;
}

type RegionOption = { value: string; label: string };

function DepartmentModal({
  editing,
  regions,
  kinds,
  onClose,
  onSaved,
}: {
  editing: Department | 'new' | null;
  regions: RegionOption[];
  kinds: string[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<DepartmentValues>();
  const { message } = App.useApp();
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
        kind: editing.kind,
        name: editing.name,
        shortName: editing.shortName,
        regionCode: editing.regionCode,
        sort: editing.sort,
        active: editing.active,
      });
    }
  }, [editing, form]);

  if (!editing) return null;

  const save = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setProblem(null);
    const body = {
      kind: v.kind.trim(),
      name: v.name.trim(),
      shortName: v.shortName.trim(),
      regionCode: v.regionCode,
      sort: v.sort ?? 0,
    };
    try {
      if (editing === 'new') {
        await api.post('/api/departments', body, { headers: { 'Idempotency-Key': key } });
      } else {
        await api.put(`/api/departments/${editing.id}`, { ...body, active: v.active });
      }
      message.success('部门已保存');
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
      title={editing === 'new' ? '新建部门' : `编辑部门：${editing.name}`}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={onClose}
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={{ sort: 0, active: true }}>
        <Form.Item name="regionCode" label="所属区域" rules={[{ required: true, message: '请选择所属区域' }]}>
          <Select showSearch optionFilterProp="label" options={regions} placeholder="市、县（区）或功能区" />
        </Form.Item>
        <Form.Item
          name="kind"
          label="部门类别"
          rules={[
            { required: true, message: '请填写部门类别' },
            { pattern: /^[a-z]{2,12}$/, message: '部门类别：应为 2–12 位小写字母，如 gxj（工信）' },
          ]}
          extra="同一区域内每个类别只能有一个部门；各县（区）的同类部门使用相同的类别代码。"
        >
          <AutoComplete
            options={kinds.map((k) => ({ value: k, label: `${k}（${DEPARTMENT_KIND_LABEL[k] ?? k}）` }))}
            filterOption={(input, option) => String(option?.label ?? '').includes(input)}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label="部门名称"
          rules={[
            { required: true, whitespace: true, message: '请填写部门名称' },
            { min: 2, max: 60, message: '部门名称：2–60 个字' },
          ]}
        >
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item
          name="shortName"
          label="简称"
          rules={[
            { required: true, whitespace: true, message: '请填写简称' },
            { max: 20, message: '简称：不能超过 20 个字' },
          ]}
        >
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="sort" label="排序" extra="数字小的排在前面。">
          <InputNumber min={0} max={9999} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        {editing !== 'new' && (
          <Form.Item name="active" label="在用" valuePropName="checked">
            <Switch checkedChildren="在用" unCheckedChildren="停用" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** 部门: city and county departments; administrators create, edit and deactivate them. */
export default function DepartmentsPage() {
  const user = useCurrentUser();
  const { message } = App.useApp();
  const manage = user.permissions.includes('department.manage');
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  const [editing, setEditing] = useState<Department | 'new' | null>(null);
  const list = useRequest(
    (signal) => api.get<ItemsOf<Department>>('/api/departments', undefined, { signal }),
    'departments',
  );
  const all = useMemo(() => list.data?.items ?? [], [list.data]);

  const regions = useMemo<RegionOption[]>(() => {
    const seen = new Map<string, string>();
    for (const d of all) if (!seen.has(d.regionCode)) seen.set(d.regionCode, d.regionName ?? d.regionCode);
    return [...seen.entries()].map(([value, label]) => ({ value, label }));
  }, [all]);
  const kinds = useMemo(() => [...new Set(all.map((d) => d.kind))], [all]);

  const rows = all.filter(
    (d) =>
      (!filters.regionCode || d.regionCode === filters.regionCode) &&
      (!filters.kind || d.kind === filters.kind) &&
      (!filters.activeOnly || d.active) &&
      (!filters.q || d.name.includes(filters.q.trim()) || d.shortName.includes(filters.q.trim())),
  );

  const toggle = async (d: Department) => {
    try {
      await api.put(`/api/departments/${d.id}`, {
        kind: d.kind,
        name: d.name,
        shortName: d.shortName,
        regionCode: d.regionCode,
        sort: d.sort,
        active: !d.active,
      });
      message.success(d.active ? `已停用“${d.name}”` : `已启用“${d.name}”`);
      list.reload();
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const actions = (d: Department) =>
    manage && (
      <Space size={4}>
        <Button type="link" size="small" onClick={() => setEditing(d)}>
          编辑
        </Button>
        <Popconfirm
          title={d.active ? `停用“${d.name}”？` : `启用“${d.name}”？`}
          description={d.active ? '停用后不再接收新的事项，已有记录保留。' : undefined}
          okText={d.active ? '停用' : '启用'}
          cancelText="取消"
          onConfirm={() => void toggle(d)}
        >
          <Button type="link" size="small" danger={d.active}>
            {d.active ? '停用' : '启用'}
          </Button>
        </Popconfirm>
      </Space>
    );

  const columns: TableProps<Department>['columns'] = [
    { title: '部门名称', dataIndex: 'name' },
    { title: '简称', dataIndex: 'shortName' },
    {
      title: '类别',
      dataIndex: 'kind',
      render: (k: string) => `${DEPARTMENT_KIND_LABEL[k] ?? k}（${k}）`,
    },
    { title: '层级', dataIndex: 'level', render: (l: Department['level']) => (l === 'city' ? '市级' : '县级') },
    { title: '所属区域', dataIndex: 'regionName', render: (v: string | null, d) => v ?? d.regionCode },
    {
      title: '状态',
      dataIndex: 'active',
      render: (a: boolean) => (a ? <Tag color="success">在用</Tag> : <Tag>已停用</Tag>),
    },
    { title: '排序', dataIndex: 'sort', align: 'right' },
    ...(manage
      ? [{ title: '操作', key: 'actions', fixed: 'right' as const, render: (_: unknown, d: Department) => actions(d) }]
      : []),
  ];

  return (
    <Page
      title="部门"
      content="市、县两级参与疫情防控和复工复产的部门。"
      extra={
        manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            新建部门
          </Button>
        )
      }
    >
      <SearchForm<Filters>
        form={form}
        onSearch={(v) => setFilters(v)}
        onReset={() => setFilters({})}
        fields={[
          <Form.Item key="q" name="q" label="名称">
            <Input allowClear placeholder="部门名称或简称" />
          </Form.Item>,
          <Form.Item key="regionCode" name="regionCode" label="所属区域">
            <Select allowClear showSearch optionFilterProp="label" placeholder="全部区域" options={regions} />
          </Form.Item>,
          <Form.Item key="kind" name="kind" label="类别">
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder="全部类别"
              options={kinds.map((k) => ({ value: k, label: DEPARTMENT_KIND_LABEL[k] ?? k }))}
            />
          </Form.Item>,
          <Form.Item key="activeOnly" name="activeOnly" label="状态" valuePropName="checked">
            <Switch checkedChildren="只看在用" unCheckedChildren="全部" />
          </Form.Item>,
        ]}
      />
      <Card className="ss-table-card" title={`共 ${rows.length} 个部门`} styles={{ body: { padding: 12 } }}>
        {list.error && !list.loading ? (
          <LoadFailed detail={errorMessage(list.error)} onRetry={list.reload} />
        ) : (
          <DataTable<Department>
            testId="department-table"
            rowKey={(d) => d.id}
            columns={columns}
            dataSource={rows}
            loading={list.loading}
            localPageSize={20}
            empty={
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={all.length ? '没有符合条件的部门' : '还没有部门'}
              />
            }
            renderCard={(d) => (
              <RowCard
                title={d.name}
                extra={d.active ? <Tag color="success">在用</Tag> : <Tag>已停用</Tag>}
                lines={[
                  ['简称', d.shortName],
                  ['所属区域', d.regionName ?? d.regionCode],
                  ['类别', DEPARTMENT_KIND_LABEL[d.kind] ?? d.kind],
                ]}
                footer={actions(d) || undefined}
              />
            )}
          />
        )}
      </Card>
      <DepartmentModal
        editing={editing}
        regions={regions}
        kinds={kinds}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          list.reload();
        }}
      />
    </Page>
  );
}
