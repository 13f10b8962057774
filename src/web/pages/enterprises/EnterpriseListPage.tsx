import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { App, Button, Card, Checkbox, Empty, Form, Input, Modal, Select, Space, Typography } from 'antd';
import type { TableProps } from 'antd';
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { downloadFile, errorMessage } from '../../api/client.ts';
import type { EnterpriseFilter } from '../../api/enterprises.ts';
import { FLAG_NAMES, listEnterprises, startEnterpriseExport } from '../../api/enterprises.ts';
import { pollJob } from '../../api/jobs.ts';
import { fetchZones } from '../../api/regions.ts';
import type { Enterprise, FlagName, Job, KeyList, Permission, SizeClass } from '../../api/types.ts';
import { useCurrentUser } from '../../auth/AuthContext.tsx';
import { DataTable, RowCard } from '../../components/DataTable.tsx';
import { JobProgress } from '../../components/JobProgress.tsx';
import { Page } from '../../components/Page.tsx';
import { RegionCascader } from '../../components/RegionCascader.tsx';
import { SearchForm } from '../../components/SearchForm.tsx';
import { formatInteger } from '../../lib/format.ts';
import { FLAG_LABEL_FALLBACK, KEY_LIST_LABEL_FALLBACK, SIZE_CLASS_LABEL_FALLBACK } from '../../lib/labels.ts';
import { useReference } from '../../lib/reference.ts';
import { useRequest } from '../../lib/useRequest.ts';
import { LoadFailed } from '../errors/ErrorPages.tsx';
import { EnterpriseTags } from './EnterpriseProfile.tsx';

interface SearchValues {
  q?: string;
  region?: string | null;
  zone?: string;
  industrySection?: string;
  sizeClass?: SizeClass;
  flag?: FlagName;
  keyList?: KeyList;
  mine?: boolean;
}

const PARAM_KEYS = ['q', 'region', 'zone', 'industrySection', 'sizeClass', 'flag', 'keyList'] as const;

function valuesFromParams(params: URLSearchParams): SearchValues {
  const values: Record<string, unknown> = {};
  for (const key of PARAM_KEYS) {
    const v = params.get(key);
    values[key] = v ?? undefined;
  }
  values.mine = params.get('mine') === '1';
  return values as SearchValues;
}

function apiFilterOf(values: SearchValues, userId: number): EnterpriseFilter {
  return {
    q: values.q?.trim() || undefined,
    regionCode: values.region || values.zone || undefined,
    industrySection: values.industrySection,
    sizeClass: values.sizeClass,
    flag: values.flag,
    keyList: values.keyList,
    liaisonUserId: values.mine ? userId : undefined,
  };
}

export default function EnterpriseListPage() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const { reference } = useReference();
  const [form] = Form.useForm<SearchValues>();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Math.min(200, Math.max(1, Number(params.get('pageSize')) || 20));
  const values = valuesFromParams(params);
  const filter = apiFilterOf(values, user.id);
  const list = useRequest((signal) => listEnterprises(filter, page, pageSize, signal), params.toString());
  const zones = useRequest(() => fetchZones(), 'zones');
  const [exportJob, setExportJob] = useState<{ job: Job | null } | null>(null);
  const exportAbort = useRef<AbortController | null>(null);

  const can = (p: Permission) => user.permissions.includes(p);
  const sizeLabels = reference?.sizeClasses ?? SIZE_CLASS_LABEL_FALLBACK;
  const flagLabels = reference?.flags ?? FLAG_LABEL_FALLBACK;
  const keyListLabels = reference?.keyLists ?? KEY_LIST_LABEL_FALLBACK;

  const paramsText = params.toString();
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(valuesFromParams(new URLSearchParams(paramsText)));
  }, [form, paramsText]);

  useEffect(() => () => exportAbort.current?.abort(), []);

  const search = (v: SearchValues) => {
    const next = new URLSearchParams();
    for (const key of PARAM_KEYS) {
      const value = v[key];
      if (typeof value === 'string' && value.trim() !== '') next.set(key, value.trim());
    }
    if (v.mine) next.set('mine', '1');
    if (pageSize !== 20) next.set('pageSize', String(pageSize));
    setParams(next);
  };

  const changePage = (p: number, size: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(size !== pageSize ? 1 : p));
    if (size !== 20) next.set('pageSize', String(size));
    else next.delete('pageSize');
    setParams(next);
  };

  const runExport = async () => {
    const controller = new AbortController();
    exportAbort.current = controller;
    setExportJob({ job: null });
    try {
      const { jobId } = await startEnterpriseExport(filter);
      const job = await pollJob<{ rows?: number }>(jobId, {
        signal: controller.signal,
        onProgress: (j) => setExportJob({ job: j }),
      });
      if (job.status === 'failed') {
        modal.error({ title: '导出失败', content: job.message ?? '导出任务失败，请稍后重试' });
        return;
      }
      await downloadFile(`/api/jobs/${jobId}/download`, '企业名录.xlsx');
      message.success(`已导出 ${formatInteger(job.result?.rows ?? job.total)} 家企业`);
    } catch (error) {
      if (!controller.signal.aborted) message.error(errorMessage(error));
    } finally {
      setExportJob(null);
      exportAbort.current = null;
    }
  };

  const columns: TableProps<Enterprise>['columns'] = [
    {
      title: '企业名称',
      dataIndex: 'name',
      fixed: 'left',
      render: (name: string, e) => <Link to={`/enterprises/${e.id}`}>{name}</Link>,
    },
    {
      title: '统一社会信用代码',
      dataIndex: 'creditCode',
      render: (v: string) => <span className="ss-mono">{v}</span>,
    },
    {
      title: '县（区）',
      dataIndex: 'countyName',
      render: (v: string | null, e) => (
        <span data-testid="county-cell" title={e.regionPath}>
          {v ?? '—'}
          {e.townshipName && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {e.townshipName}
            </Typography.Text>
          )}
        </span>
      ),
    },
    { title: '功能区', dataIndex: 'zoneName', render: (v: string | null) => v ?? '—' },
    {
      title: '行业',
      dataIndex: 'industryName',
      render: (v: string | null, e) => (
        <span title={e.industryCode}>
          {e.industrySection} · {v ?? e.industryCode}
        </span>
      ),
    },
    { title: '规模', dataIndex: 'sizeClassLabel', render: (v: string | null) => v ?? '—' },
    {
      title: '从业人员',
      dataIndex: 'employees',
      align: 'right',
      render: (v: number) => formatInteger(v),
    },
    { title: '标记', key: 'tags', render: (_: unknown, e) => <EnterpriseTags enterprise={e} /> },
    {
      title: '操作',
      key: 'actions',
      fixed: 'right',
      render: (_: unknown, e) => (
        <Space size={4}>
          <Link to={`/enterprises/${e.id}`}>查看</Link>
          {can('enterprise.update') && <Link to={`/enterprises/${e.id}/edit`}>编辑</Link>}
        </Space>
      ),
    },
  ];

  const fields = [
    <Form.Item key="q" name="q" label="关键词">
      <Input allowClear placeholder="企业名称或统一社会信用代码" aria-label="企业名称或统一社会信用代码" />
    </Form.Item>,
    <Form.Item key="region" name="region" label="县（区） / 乡镇（街道）">
      <RegionCascader
        maxLevel="township"
        placeholder="全部区域"
        aria-label="所在区域"
        onChange={(code) => {
          if (code) form.setFieldValue('zone', undefined);
        }}
      />
    </Form.Item>,
    <Form.Item key="zone" name="zone" label="功能区">
      <Select
        allowClear
        placeholder="全部功能区"
        loading={zones.loading}
        options={(zones.data ?? []).map((z) => ({ value: z.code, label: z.name }))}
        onChange={(code?: string) => {
          if (code) form.setFieldValue('region', null);
        }}
      />
    </Form.Item>,
    <Form.Item key="industrySection" name="industrySection" label="行业门类">
      <Select
        allowClear
        showSearch
        optionFilterProp="label"
        placeholder="全部行业"
        options={(reference?.industries ?? []).map((s) => ({ value: s.code, label: `${s.code} ${s.name}` }))}
      />
    </Form.Item>,
    <Form.Item key="sizeClass" name="sizeClass" label="企业规模">
      <Select
        allowClear
        placeholder="全部规模"
        options={Object.entries(sizeLabels).map(([value, label]) => ({ value, label }))}
      />
    </Form.Item>,
    <Form.Item key="flag" name="flag" label="标记">
      <Select allowClear placeholder="全部" options={FLAG_NAMES.map((f) => ({ value: f, label: flagLabels[f] }))} />
    </Form.Item>,
    <Form.Item key="keyList" name="keyList" label="重点企业名单">
      <Select
        allowClear
        placeholder="全部"
        options={Object.entries(keyListLabels).map(([value, label]) => ({ value, label }))}
      />
    </Form.Item>,
    ...(user.role === 'grid'
      ? [
          <Form.Item key="mine" name="mine" label="包保" valuePropName="checked">
            <Checkbox>只看我联络的企业</Checkbox>
          </Form.Item>,
        ]
      : []),
  ];

  const total = list.data?.total ?? 0;
  const filtered = [...PARAM_KEYS, 'mine'].some((k) => params.get(k));

  return (
    <Page
      title="企业名录"
      content="一企一档：本人管辖范围内登记的企业。"
      extra={
        <Space wrap>
          {can('enterprise.create') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/enterprises/new')}>
              新增企业
            </Button>
          )}
          {can('enterprise.import') && (
            <Button icon={<UploadOutlined />} onClick={() => navigate('/enterprises/import')}>
              导入
            </Button>
          )}
          {can('enterprise.export') && (
            <Button
              icon={<DownloadOutlined />}
              onClick={() => void runExport()}
              loading={exportJob !== null}
              disabled={total === 0}
            >
              导出
            </Button>
          )}
        </Space>
      }
    >
      <SearchForm<SearchValues> form={form} fields={fields} onSearch={search} onReset={() => setParams({})} />
      <Card
        className="ss-table-card"
        title={
          <span data-testid="enterprise-total">
            {list.data ? `共 ${formatInteger(total)} 家企业${filtered ? '（已筛选）' : ''}` : '正在加载…'}
          </span>
        }
        styles={{ body: { padding: 12 } }}
      >
        {list.error && !list.loading ? (
          <LoadFailed detail={errorMessage(list.error)} onRetry={list.reload} />
        ) : (
          <DataTable<Enterprise>
            testId="enterprise-table"
            rowKey={(e) => e.id}
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.loading}
            paging={{ current: page, pageSize, total, onChange: changePage }}
            empty={
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={filtered ? '没有符合条件的企业，请调整筛选条件' : '您的管辖范围内还没有登记企业'}
              >
                {!filtered && can('enterprise.create') && (
                  <Button type="primary" onClick={() => navigate('/enterprises/new')}>
                    新增企业
                  </Button>
                )}
              </Empty>
            }
            renderCard={(e) => (
              <RowCard
                title={<Link to={`/enterprises/${e.id}`}>{e.name}</Link>}
                lines={[
                  ['信用代码', <span className="ss-mono">{e.creditCode}</span>],
                  [
                    '区域',
                    <span data-testid="county-cell">
                      {[e.countyName, e.townshipName].filter(Boolean).join(' / ') || '—'}
                    </span>,
                  ],
                  ['行业', `${e.industrySection} · ${e.industryName ?? e.industryCode}`],
                  ['规模', `${e.sizeClassLabel ?? '—'} · ${formatInteger(e.employees)} 人`],
                ]}
                footer={<EnterpriseTags enterprise={e} />}
              />
            )}
          />
        )}
      </Card>
      <Modal open={exportJob !== null} title="导出企业名录" footer={null} closable={false} maskClosable={false}>
        <JobProgress job={exportJob?.job ?? null} label="正在按当前筛选条件生成 Excel 文件，完成后自动下载。" />
      </Modal>
    </Page>
  );
}
