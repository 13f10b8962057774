import { useCallback, useEffect, useRef, useState } from 'react';
import type { Key } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  List,
  Modal,
  Row,
  Space,
  Spin,
  Tabs,
  Tag,
  Tree,
  Typography,
} from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { api, errorMessage } from '../../api/client.ts';
import { fetchChildren, fetchRegion, fetchZones, pickerRoots } from '../../api/regions.ts';
import type { Region, RegionDetail } from '../../api/types.ts';
import { useCurrentUser } from '../../auth/AuthContext.tsx';
import { DataTable, RowCard } from '../../components/DataTable.tsx';
import { Page } from '../../components/Page.tsx';
import { newIdempotencyKey } from '../../lib/deployment.ts';
import { applyFieldErrors } from '../../lib/forms.ts';
import { REGION_LEVEL_LABEL } from '../../lib/labels.ts';
import { useIsMobile } from '../../lib/useMediaQuery.ts';
import { useRequest } from '../../lib/useRequest.ts';
import { LoadFailed } from '../errors/ErrorPages.tsx';

interface TreeNode {
  key: string;
  title: string;
  level: Region['level'];
  isLeaf: boolean;
  children?: TreeNode[];
}

const LEVEL_COLOR: Partial<Record<Region['level'], string>> = {
  county: 'blue',
  township: 'cyan',
  village: 'green',
  grid: 'orange',
  building: 'purple',
  zone: 'magenta',
};

/** Zones list their townships although the server reports no children for them (townships hang under counties). */
const hasChildren = (r: Region) => r.hasChildren || r.level === 'zone';

const toNode = (r: Region): TreeNode => ({ key: r.code, title: r.name, level: r.level, isLeaf: !hasChildren(r) });

function replaceChildren(nodes: TreeNode[], key: string, children: TreeNode[]): TreeNode[] {
  return nodes.map((n) => {
    if (n.key === key) return { ...n, children, isLeaf: children.length === 0 };
    if (n.children) return { ...n, children: replaceChildren(n.children, key, children) };
    return n;
  });
}

type Editing =
  { kind: 'create'; level: 'grid' | 'building'; parent: RegionDetail } | { kind: 'rename'; region: RegionDetail };

function RegionEditModal({
  editing,
  onClose,
  onSaved,
}: {
  editing: Editing | null;
  onClose: () => void;
  onSaved: (r: Region) => void;
}) {
  const [form] = Form.useForm<{ name: string }>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [key, setKey] = useState(newIdempotencyKey);
  const { message } = App.useApp();

  useEffect(() => {
    if (!editing) return;
    form.setFieldsValue({ name: editing.kind === 'rename' ? editing.region.name : '' });
    setProblem(null);
    setKey(newIdempotencyKey());
  }, [editing, form]);

  if (!editing) return null;
  const title =
    editing.kind === 'rename'
      ? `${REGION_LEVEL_LABEL[editing.region.level]}更名`
      : `在“${editing.parent.name}”下新建${REGION_LEVEL_LABEL[editing.level]}`;

  const save = async () => {
    const { name } = await form.validateFields();
    setSaving(true);
    setProblem(null);
    try {
      const saved =
        editing.kind === 'rename'
          ? await api.patch<Region>(`/api/regions/${editing.region.code}`, { name: name.trim() })
          : await api.post<Region>(
              '/api/regions',
              { parentCode: editing.parent.code, level: editing.level, name: name.trim() },
              { headers: { 'Idempotency-Key': key } },
            );
      message.success(editing.kind === 'rename' ? '已更名' : `已新建“${saved.name}”`);
      onSaved(saved);
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
      title={title}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={onClose}
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={() => void save()}>
        <Form.Item
          name="name"
          label="名称"
          rules={[
            { required: true, whitespace: true, message: '请填写名称' },
            { max: 50, message: '名称：不能超过 50 个字' },
          ]}
          extra={
            editing.kind === 'create' && editing.level === 'grid'
              ? '如“第四网格”。编号由系统按上级区划代码自动生成。'
              : undefined
          }
        >
          <Input maxLength={50} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RegionDetailPanel({
  code,
  version,
  onSelect,
  onEdit,
}: {
  code: string;
  version: number;
  onSelect: (code: string) => void;
  onEdit: (e: Editing) => void;
}) {
  const user = useCurrentUser();
  const detail = useRequest(
    (signal) => Promise.all([fetchRegion(code, signal), fetchChildren(code, signal)]),
    `${code}-${version}`,
  );
  if (detail.error && !detail.loading)
    return <LoadFailed detail={errorMessage(detail.error)} onRetry={detail.reload} />;
  if (!detail.data) {
    return (
      <div style={{ padding: 48, textAlign: 'center' }}>
        <Spin />
      </div>
    );
  }
  const [region, children] = detail.data;
  const manage = user.permissions.includes('region.manage');
  const enterprisesLink =
    region.level === 'zone'
      ? `/enterprises?zone=${region.code}`
      : ['county', 'township'].includes(region.level)
        ? `/enterprises?region=${region.code}`
        : null;

  return (
    <div data-testid="region-detail">
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label="名称">
          <Space>
            <Typography.Text strong>{region.name}</Typography.Text>
            <Tag color={LEVEL_COLOR[region.level]}>{REGION_LEVEL_LABEL[region.level]}</Tag>
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label="代码">
          <span className="ss-mono">{region.code}</span>
        </Descriptions.Item>
        <Descriptions.Item label="完整路径">{region.path || region.name}</Descriptions.Item>
        <Descriptions.Item label="所属功能区">{region.zoneName ?? '—'}</Descriptions.Item>
      </Descriptions>
      <Space wrap style={{ margin: '16px 0' }}>
        {enterprisesLink && user.permissions.includes('enterprise.read') && (
          <Link to={enterprisesLink}>
            <Button>查看该区域企业</Button>
          </Link>
        )}
        {manage && (region.level === 'township' || region.level === 'village') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => onEdit({ kind: 'create', level: 'grid', parent: region })}
          >
            新建网格
          </Button>
        )}
        {manage && region.level === 'grid' && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => onEdit({ kind: 'create', level: 'building', parent: region })}
          >
            新建楼栋
          </Button>
        )}
        {manage && (region.level === 'grid' || region.level === 'building') && (
          <Button icon={<EditOutlined />} onClick={() => onEdit({ kind: 'rename', region })}>
            更名
          </Button>
        )}
      </Space>
      {region.level !== 'grid' && region.level !== 'building' && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          行政区划名称来自国家统计用区划代码，不能在此修改；网格建在乡镇（街道）或村（社区）下，楼栋建在网格下。
        </Typography.Paragraph>
      )}
      <Typography.Title level={5}>下级区域（{children.length}）</Typography.Title>
      <DataTable<Region>
        testId="region-children"
        size="small"
        rowKey={(r) => r.code}
        dataSource={children}
        localPageSize={10}
        onRowClick={(r) => onSelect(r.code)}
        columns={[
          { title: '名称', dataIndex: 'name' },
          {
            title: '层级',
            dataIndex: 'level',
            render: (level: Region['level']) => <Tag color={LEVEL_COLOR[level]}>{REGION_LEVEL_LABEL[level]}</Tag>,
          },
          { title: '代码', dataIndex: 'code', render: (v: string) => <span className="ss-mono">{v}</span> },
        ]}
        renderCard={(r) => (
          <RowCard
            title={r.name}
            extra={<Tag color={LEVEL_COLOR[r.level]}>{REGION_LEVEL_LABEL[r.level]}</Tag>}
            lines={[['代码', <span className="ss-mono">{r.code}</span>]]}
            onClick={() => onSelect(r.code)}
          />
        )}
        empty={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有下级区域" />}
      />
    </div>
  );
}

/** 区域与网格: the region tree of the user's scope, the functional zones, and grids/buildings to maintain. */
export default function RegionsPage() {
  const user = useCurrentUser();
  const isMobile = useIsMobile();
  const [tree, setTree] = useState<TreeNode[]>([]);
  const [treeError, setTreeError] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<Key[]>([]);
  const [params, setParams] = useSearchParams();
  const selected = params.get('code');
  const setSelected = useCallback(
    (code: string | null) => setParams(code ? { code } : {}, { replace: true }),
    [setParams],
  );
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState<Editing | null>(null);
  const zones = useRequest(() => fetchZones(), 'zones');
  const detailRef = useRef<HTMLDivElement>(null);
  const initialCode = useRef(selected);
  const selectRef = useRef(setSelected);
  selectRef.current = setSelected;

  useEffect(() => {
    let active = true;
    (async () => {
      const roots = await pickerRoots(user, 'node');
      let nodes = roots.map(toNode);
      const first = roots[0];
      if (roots.length === 1 && first && hasChildren(first)) {
        nodes = replaceChildren(nodes, first.code, (await fetchChildren(first.code)).map(toNode));
        if (active) setExpanded([first.code]);
      }
      if (!active) return;
      setTree(nodes);
      if (first && !initialCode.current) selectRef.current(first.code);
    })().catch((error: unknown) => active && setTreeError(errorMessage(error)));
    return () => {
      active = false;
    };
  }, [user]);

  const loadNode = async (key: string) => {
    const children = await fetchChildren(key);
    setTree((t) => replaceChildren(t, key, children.map(toNode)));
  };

  const select = (code: string) => {
    setSelected(code);
    if (isMobile)
      window.setTimeout(() => detailRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }), 50);
  };

  const afterSave = (saved: Region) => {
    const parent = editing?.kind === 'create' ? editing.parent.code : saved.parentCode;
    setEditing(null);
    if (parent) {
      void loadNode(parent);
      setExpanded((e) => (e.includes(parent) ? e : [...e, parent]));
    }
    setSelected(saved.code);
    setVersion((v) => v + 1);
  };

  const treePanel = treeError ? (
    <LoadFailed detail={treeError} />
  ) : tree.length === 0 ? (
    <div style={{ padding: 32, textAlign: 'center' }}>
      <Spin />
    </div>
  ) : (
    <Tree<TreeNode>
      data-testid="region-tree"
      treeData={tree}
      showLine
      blockNode
      height={isMobile ? 320 : 560}
      expandedKeys={expanded}
      onExpand={(keys) => setExpanded(keys)}
      selectedKeys={selected ? [selected] : []}
      onSelect={(keys) => keys[0] && select(String(keys[0]))}
      loadData={(node) => (node.children ? Promise.resolve() : loadNode(String(node.key)))}
      titleRender={(node) => (
        <Space size={4}>
          <span>{node.title}</span>
          {node.level !== 'village' && (
            <Tag color={LEVEL_COLOR[node.level]} style={{ fontSize: 11, lineHeight: '16px', marginInlineEnd: 0 }}>
              {REGION_LEVEL_LABEL[node.level]}
            </Tag>
          )}
        </Space>
      )}
    />
  );

  return (
    <Page title="区域与网格" content="行政区划（省—市—县—乡镇—村社区）、功能区，以及在乡镇、社区下划分的网格和楼栋。">
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <Card styles={{ body: { paddingTop: 0 } }}>
            <Tabs
              items={[
                { key: 'tree', label: '行政区划与网格', children: treePanel },
                {
                  key: 'zones',
                  label: '功能区',
                  children: (
                    <List
                      loading={zones.loading}
                      dataSource={zones.data ?? []}
                      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无功能区" /> }}
                      renderItem={(z) => (
                        <List.Item
                          style={{
                            cursor: 'pointer',
                            background: selected === z.code ? '#e6f0ff' : undefined,
                            paddingInline: 8,
                          }}
                          onClick={() => select(z.code)}
                        >
                          <List.Item.Meta title={z.name} description={<span className="ss-mono">{z.code}</span>} />
                        </List.Item>
                      )}
                    />
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          <div ref={detailRef}>
            <Card title="区域详情">
              {selected ? (
                <RegionDetailPanel code={selected} version={version} onSelect={select} onEdit={setEditing} />
              ) : (
                <Empty description="在左侧选择一个区域" />
              )}
            </Card>
          </div>
        </Col>
      </Row>
      <RegionEditModal editing={editing} onClose={() => setEditing(null)} onSaved={afterSave} />
    </Page>
  );
}
