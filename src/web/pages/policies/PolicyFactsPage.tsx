import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { App, Button, Card, Empty, Form, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { errorMessage, isApiError } from '../../api/client.ts';
import type { FactValue } from '../../api/policies.ts';
import { getEnterpriseFacts, listFactVocabulary, putEnterpriseFacts } from '../../api/policies.ts';
import { EnterpriseSelect } from '../../components/EnterpriseSelect.tsx';
import { Page } from '../../components/Page.tsx';
import { factValueText } from '../../components/PolicyTrace.tsx';
import { useRequest } from '../../lib/useRequest.ts';
import { LoadFailed } from '../errors/ErrorPages.tsx';
import { FactInput } from './common.tsx';

/** 部门共享数据: what a department holds about an enterprise (premiums paid, new hires …), used by 免申即享 batches
 * and to prefill applications. Only facts an applicant would otherwise state can be recorded here. */
export default function PolicyFactsPage() {
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const enterpriseId = Number(params.get('enterpriseId')) || null;
  const vocabulary = useRequest((signal) => listFactVocabulary(signal), 'vocabulary');
  const facts = useRequest(
    (signal) => (enterpriseId ? getEnterpriseFacts(enterpriseId, signal) : Promise.resolve(null)),
    String(enterpriseId),
  );
  const [form] = Form.useForm<{ name?: string; value?: FactValue | null }>();
  const [name, setName] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const recordable = (vocabulary.data?.items ?? []).filter((f) => f.source === 'application');
  const def = recordable.find((f) => f.name === name);

  const save = async (changes: Record<string, FactValue | null>) => {
    if (!enterpriseId || !facts.data) return;
    setSaving(true);
    try {
      facts.setData(await putEnterpriseFacts(enterpriseId, changes, facts.data.version));
      message.success('已保存共享数据');
      form.resetFields();
      setName(undefined);
    } catch (error) {
      if (isApiError(error) && error.status === 409) facts.reload();
      message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Page
      title="部门共享数据"
      content="登记本部门掌握的企业数据（如上年度缴纳的失业保险费、社保单位缴费），免申即享批次据此核定，企业申请时自动带入。"
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap>
          <span>企业</span>
          <div style={{ width: 420, maxWidth: '80vw' }}>
            <EnterpriseSelect
              id="facts-enterprise"
              value={enterpriseId}
              onChange={(id) => setParams(id ? { enterpriseId: String(id) } : {})}
              placeholder="输入企业名称或统一社会信用代码"
            />
          </div>
        </Space>
      </Card>
      {!enterpriseId ? (
        <Empty description="请选择企业" />
      ) : facts.error && !facts.loading ? (
        <LoadFailed detail={errorMessage(facts.error)} onRetry={facts.reload} />
      ) : (
        <>
          <Card size="small" title="登记数据" style={{ marginBottom: 16 }}>
            <Form form={form} layout="inline" onFinish={(v) => v.name && void save({ [v.name]: v.value ?? null })}>
              <Form.Item name="name" label="数据项" rules={[{ required: true, message: '数据项：请选择' }]}>
                <Select
                  aria-label="数据项"
                  showSearch
                  optionFilterProp="label"
                  style={{ width: 320 }}
                  onChange={(v: string) => {
                    setName(v);
                    form.setFieldValue('value', null);
                  }}
                  options={recordable.map((f) => ({
                    value: f.name,
                    label: `${f.label}${f.unit ? `（${f.unit === '分' ? '元' : f.unit}）` : ''}`,
                  }))}
                />
              </Form.Item>
              {def && (
                <Form.Item
                  name="value"
                  label="取值"
                  rules={[{ required: true, message: `${def.label}：请填写` }]}
                  style={{ minWidth: 220 }}
                >
                  <FactInput fact={def} />
                </Form.Item>
              )}
              <Form.Item>
                <Button type="primary" htmlType="submit" loading={saving} data-testid="facts-save">
                  保存
                </Button>
              </Form.Item>
            </Form>
            {def && (
              <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12 }}>
                {def.description}
              </Typography.Text>
            )}
          </Card>
          <Card size="small" title="企业的政策数据">
            <Table
              data-testid="facts-table"
              size="small"
              loading={facts.loading}
              rowKey={(f) => f.name}
              dataSource={facts.data?.items ?? []}
              pagination={false}
              scroll={{ x: 'max-content' }}
              columns={[
                { title: '数据项', dataIndex: 'label' },
                {
                  title: '取值',
                  key: 'v',
                  render: (_: unknown, f) =>
                    factValueText(f.value, f.unit, vocabulary.data?.items.find((v) => v.name === f.name)?.values),
                },
                {
                  title: '来源',
                  dataIndex: 'originLabel',
                  render: (v: string, f) => <Tag color={f.origin === 'held' ? 'blue' : 'default'}>{v}</Tag>,
                },
                {
                  title: '操作',
                  key: 'op',
                  render: (_: unknown, f) =>
                    f.origin === 'held' ? (
                      <Popconfirm title={`删除“${f.label}”？`} onConfirm={() => void save({ [f.name]: null })}>
                        <Button size="small" type="link" danger>
                          删除
                        </Button>
                      </Popconfirm>
                    ) : null,
                },
              ]}
            />
          </Card>
        </>
      )}
    </Page>
  );
}
