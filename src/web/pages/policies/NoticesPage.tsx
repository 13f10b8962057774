import { useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Typography } from 'antd';
import type { TableProps } from 'antd';
import { errorMessage } from '../../api/client.ts';
import type { Notice } from '../../api/policies.ts';
import { fileObjection, listNotices } from '../../api/policies.ts';
import { DataTable, RowCard } from '../../components/DataTable.tsx';
import { Page } from '../../components/Page.tsx';
import { useRequest } from '../../lib/useRequest.ts';
import { LoadFailed } from '../errors/ErrorPages.tsx';
import { SourceRef, yuan } from './common.tsx';

/** 公示: approved benefits during their notice period, open to objections. */
export default function NoticesPage() {
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const list = useRequest((signal) => listNotices(page, 20, signal), String(page));
  const [target, setTarget] = useState<Notice | null>(null);
  const [form] = Form.useForm<{ reason: string; contact: string }>();

  const columns: TableProps<Notice>['columns'] = [
    {
      title: '企业',
      dataIndex: 'enterpriseName',
      render: (v: string, n) => (
        <span>
          {v}
          <Typography.Text type="secondary" className="ss-mono" style={{ display: 'block', fontSize: 12 }}>
            {n.creditCode} · {n.countyName ?? ''}
          </Typography.Text>
        </span>
      ),
    },
    {
      title: '政策条款',
      dataIndex: 'ruleTitle',
      render: (v: string, n) => (
        <span>
          {v} <SourceRef source={n.ruleSource} />
        </span>
      ),
    },
    { title: '主管部门', dataIndex: 'departmentLabel' },
    { title: '金额', dataIndex: 'amountFen', align: 'right', render: (v: number) => yuan(v) },
    { title: '公示期', key: 'period', render: (_: unknown, n) => `${n.noticeStart ?? ''} 至 ${n.noticeEnd ?? ''}` },
    {
      title: '操作',
      key: 'op',
      render: (_: unknown, n) => (
        <Button size="small" onClick={() => setTarget(n)}>
          提出异议
        </Button>
      ),
    },
  ];

  return (
    <Page
      title="兑现公示"
      content={
        <span>
          审核通过的兑现名单在公示期内接受监督，公示期满无异议后拨付。公开页面：
          <a href="/p/policy-notices" target="_blank" rel="noreferrer">
            /p/policy-notices
          </a>
        </span>
      }
    >
      <Card className="ss-table-card" styles={{ body: { padding: 12 } }}>
        {list.error && !list.loading ? (
          <LoadFailed detail={errorMessage(list.error)} onRetry={list.reload} />
        ) : (
          <DataTable<Notice>
            testId="notice-table"
            rowKey={(n) => n.id}
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.loading}
            paging={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
            renderCard={(n) => (
              <RowCard
                title={n.enterpriseName}
                lines={[
                  ['政策', n.ruleTitle],
                  ['金额', yuan(n.amountFen)],
                  ['公示期', `${n.noticeStart ?? ''} 至 ${n.noticeEnd ?? ''}`],
                ]}
                footer={
                  <Button size="small" onClick={() => setTarget(n)}>
                    提出异议
                  </Button>
                }
              />
            )}
          />
        )}
      </Card>
      <Modal
        open={target !== null}
        title={target ? `对“${target.enterpriseName}”的兑现提出异议` : ''}
        okText="提交"
        onCancel={() => setTarget(null)}
        onOk={() =>
          void form.validateFields().then(async (v) => {
            if (!target) return;
            try {
              await fileObjection(target.id, v);
              message.success('已提交异议，主管部门将核查处理');
              setTarget(null);
              form.resetFields();
            } catch (error) {
              message.error(errorMessage(error));
            }
          })
        }
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="reason"
            label="异议理由"
            rules={[{ required: true, min: 5, message: '异议理由：请填写，不少于 5 个字' }]}
          >
            <Input.TextArea rows={4} maxLength={1000} />
          </Form.Item>
          <Form.Item name="contact" label="联系方式" rules={[{ required: true, min: 2, message: '联系方式：请填写' }]}>
            <Input maxLength={100} />
          </Form.Item>
        </Form>
      </Modal>
    </Page>
  );
}
