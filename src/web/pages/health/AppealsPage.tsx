import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { App, Button, Card, Empty, Form, Input, Modal, Radio, Tabs, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { errorMessage } from '../../api/client.ts';
import type { Appeal } from '../../api/health.ts';
import { decideAppeal, listAppeals } from '../../api/health.ts';
import { DataTable, RowCard } from '../../components/DataTable.tsx';
import { Page } from '../../components/Page.tsx';
import { formatDateTime, formatInteger } from '../../lib/format.ts';
import { useRequest } from '../../lib/useRequest.ts';
import { LoadFailed } from '../errors/ErrorPages.tsx';
import { APPEAL_STATE_LABEL } from './labels.tsx';
import type { AppealState } from './labels.tsx';

const STATE_COLOR: Record<string, string> = { submitted: 'processing', accepted: 'success', rejected: 'default' };

function subjectText(a: Appeal): string {
  const s = a.subject as { kind?: string; status?: string } | null;
  return s?.kind === 'override' ? '针对疾控人工研判' : '针对规则判定的返岗状态';
}

/** 申诉处理: employees' appeals, decided by a CDC user who took no part in what is appealed. */
export default function AppealsPage() {
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'all' ? 'all' : 'submitted';
  const list = useRequest(
    (signal) => listAppeals(tab === 'all' ? {} : { state: 'submitted' }, signal),
    `appeals-${tab}`,
  );
  const [deciding, setDeciding] = useState<Appeal | null>(null);
  const [form] = Form.useForm<{ decision: 'accepted' | 'rejected'; reason: string }>();
  const [saving, setSaving] = useState(false);

  const decide = async () => {
    if (!deciding) return;
    let v: { decision: 'accepted' | 'rejected'; reason: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      await decideAppeal(deciding, v.decision, v.reason.trim());
      message.success('已处理');
      setDeciding(null);
      form.resetFields();
      list.reload();
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  const columns: TableProps<Appeal>['columns'] = [
    {
      title: '员工',
      dataIndex: 'personName',
      render: (v: string | undefined, a) => (
        <Link to={`/health/roster/${a.personId}`}>{v ?? `员工 ${a.personId}`}</Link>
      ),
    },
    { title: '申诉对象', key: 'subject', render: (_: unknown, a) => subjectText(a) },
    {
      title: '申诉理由',
      dataIndex: 'text',
      render: (v: string) => <span style={{ whiteSpace: 'normal', display: 'inline-block', maxWidth: 360 }}>{v}</span>,
    },
    { title: '提交时间', dataIndex: 'submittedAt', render: (v: string) => formatDateTime(v) },
    {
      title: '状态',
      dataIndex: 'state',
      render: (v: string) => <Tag color={STATE_COLOR[v]}>{APPEAL_STATE_LABEL[v as AppealState] ?? v}</Tag>,
    },
    { title: '处理意见', dataIndex: 'decisionReason', render: (v: string | null) => v ?? '—' },
    {
      title: '操作',
      key: 'actions',
      fixed: 'right',
      render: (_: unknown, a) =>
        a.state === 'submitted' ? (
          <Button size="small" type="primary" onClick={() => setDeciding(a)}>
            处理
          </Button>
        ) : null,
    },
  ];

  return (
    <Page
      title="申诉处理"
      content="参与被申诉研判的发起人和复核人不能处理针对它的申诉；受理后撤销研判或更正事实，由规则重新判定。"
    >
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'all' ? { tab: 'all' } : {})}
        items={[
          { key: 'submitted', label: '待处理' },
          { key: 'all', label: '全部' },
        ]}
      />
      {list.error && !list.data ? (
        <LoadFailed detail={errorMessage(list.error)} onRetry={list.reload} />
      ) : (
        <Card title={`共 ${formatInteger(list.data?.total ?? 0)} 条`}>
          <DataTable<Appeal>
            testId="appeal-table"
            rowKey={(a) => a.id}
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.loading}
            localPageSize={20}
            empty={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有申诉" />}
            renderCard={(a) => (
              <RowCard
                title={a.personName ?? `员工 ${a.personId}`}
                extra={<Tag color={STATE_COLOR[a.state]}>{APPEAL_STATE_LABEL[a.state as AppealState] ?? a.state}</Tag>}
                lines={[
                  ['对象', subjectText(a)],
                  ['理由', a.text],
                  ['提交', formatDateTime(a.submittedAt)],
                ]}
                footer={
                  a.state === 'submitted' && (
                    <Button size="small" type="primary" onClick={() => setDeciding(a)}>
                      处理
                    </Button>
                  )
                }
              />
            )}
          />
        </Card>
      )}
      <Modal
        open={Boolean(deciding)}
        title={`处理申诉：${deciding?.personName ?? ''}`}
        okText="提交"
        cancelText="取消"
        confirmLoading={saving}
        onOk={() => void decide()}
        onCancel={() => setDeciding(null)}
        destroyOnClose
      >
        <Typography.Paragraph>{deciding?.text}</Typography.Paragraph>
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="decision" label="处理结果" rules={[{ required: true, message: '处理结果：请选择' }]}>
            <Radio.Group>
              <Radio value="accepted">受理并纠正</Radio>
              <Radio value="rejected">驳回</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item
            name="reason"
            label="处理意见"
            rules={[
              { required: true, whitespace: true, message: '处理意见：请填写理由' },
              { max: 1000, message: '处理意见：不超过1000字' },
            ]}
          >
            <Input.TextArea rows={3} aria-label="处理意见" />
          </Form.Item>
        </Form>
      </Modal>
    </Page>
  );
}
