import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { App, Button, Card, Empty, Form, Image, Input, List, Modal, Select, Space, Tag, Typography } from 'antd';
import { QrcodeOutlined } from '@ant-design/icons';
import { errorMessage } from '../../api/client.ts';
import type { CatalogueItem, FulfilmentMode } from '../../api/policies.ts';
import { listPolicies, listPolicyLists, publishPolicy } from '../../api/policies.ts';
import { useCurrentUser } from '../../auth/AuthContext.tsx';
import { Page } from '../../components/Page.tsx';
import { SearchForm } from '../../components/SearchForm.tsx';
import { useRequest } from '../../lib/useRequest.ts';
import { LoadFailed } from '../errors/ErrorPages.tsx';
import { FULFILMENT_COLOR, SourceRef } from './common.tsx';

interface SearchValues {
  q?: string;
  fulfilment?: FulfilmentMode;
  status?: string;
}

/** 政策目录: every policy with its clauses, owners and how it is fulfilled; searchable; QR codes of the lists. */
export default function PolicyCataloguePage() {
  const user = useCurrentUser();
  const { message } = App.useApp();
  const [form] = Form.useForm<SearchValues>();
  const [params, setParams] = useSearchParams();
  const query = {
    q: params.get('q') ?? undefined,
    fulfilment: (params.get('fulfilment') as FulfilmentMode | null) ?? undefined,
    status: params.get('status') ?? undefined,
  };
  const list = useRequest((signal) => listPolicies(query, signal), params.toString());
  const [qrOpen, setQrOpen] = useState(false);
  const [qrCode, setQrCode] = useState('all');
  const lists = useRequest(
    (signal) => (qrOpen ? listPolicyLists(signal) : Promise.resolve({ items: [] })),
    String(qrOpen),
  );
  const canPublish = user.permissions.includes('policy.publish');

  const publish = async (p: CatalogueItem) => {
    try {
      await publishPolicy(p.id, p.version);
      message.success(`已发布“${p.title}”，正在向符合条件的企业推送`);
      list.reload();
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const fields = [
    <Form.Item key="q" name="q" label="关键词">
      <Input allowClear placeholder="政策名称、文号、条款、部门" aria-label="政策关键词" />
    </Form.Item>,
    <Form.Item key="fulfilment" name="fulfilment" label="兑现方式">
      <Select
        allowClear
        placeholder="全部"
        options={[
          { value: 'auto', label: '免申即享' },
          { value: 'quick', label: '快申快享' },
          { value: 'apply', label: '申请—审核—公示—兑付' },
        ]}
      />
    </Form.Item>,
    <Form.Item key="status" name="status" label="发布状态">
      <Select
        allowClear
        placeholder="全部"
        options={[
          { value: 'published', label: '已发布' },
          { value: 'draft', label: '未发布' },
          { value: 'withdrawn', label: '已停止受理' },
        ]}
      />
    </Form.Item>,
  ];

  const qrUrl = `/api/policies/lists/${qrCode}/qr.svg`;
  const publicUrl = `${window.location.origin}/p/policies/${qrCode}`;

  return (
    <Page
      title="惠企政策"
      content="政策文件、条款解读、原文出处、主管部门和办理方式；每一项金额都可追溯到文件条款。"
      extra={
        <Button icon={<QrcodeOutlined />} onClick={() => setQrOpen(true)}>
          政策清单二维码
        </Button>
      }
    >
      <SearchForm<SearchValues>
        form={form}
        fields={fields}
        onSearch={(v) => {
          const next = new URLSearchParams();
          if (v.q?.trim()) next.set('q', v.q.trim());
          if (v.fulfilment) next.set('fulfilment', v.fulfilment);
          if (v.status) next.set('status', v.status);
          setParams(next);
        }}
        onReset={() => setParams({})}
      />
      {list.error && !list.loading ? (
        <LoadFailed detail={errorMessage(list.error)} onRetry={list.reload} />
      ) : (
        <List<CatalogueItem>
          data-testid="policy-list"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: <Empty description="没有符合条件的政策" /> }}
          header={<span data-testid="policy-total">共 {list.data?.total ?? 0} 项政策</span>}
          renderItem={(p) => (
            <List.Item>
              <Card
                size="small"
                style={{ width: '100%' }}
                data-testid="policy-card"
                title={
                  <Space wrap>
                    <Link to={`/policies/${p.id}`}>{p.title}</Link>
                    <Tag color={p.status === 'published' ? 'success' : 'default'}>{p.statusLabel}</Tag>
                  </Space>
                }
                extra={
                  canPublish &&
                  p.status !== 'published' && (
                    <Button size="small" type="primary" onClick={() => void publish(p)}>
                      发布
                    </Button>
                  )
                }
              >
                <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
                  {p.issuer}
                  {p.docNumber ? ` · ${p.docNumber}` : ''} · {p.date} · {p.jurisdiction.label} · 主管：
                  {p.owners.map((o) => o.label).join('、')} <SourceRef source={p.source} />
                </Typography.Paragraph>
                <Space wrap size={[4, 4]}>
                  {p.rules.map((r) => (
                    <Tag
                      key={r.id}
                      color={FULFILMENT_COLOR[r.fulfilment]}
                      title={`${r.fulfilmentLabel} · ${r.ownerLabel} · ${r.source}`}
                    >
                      {r.title}
                    </Tag>
                  ))}
                </Space>
              </Card>
            </List.Item>
          )}
        />
      )}
      <Modal open={qrOpen} title="政策清单二维码" footer={null} onCancel={() => setQrOpen(false)}>
        <Space direction="vertical" style={{ width: '100%' }} align="center">
          <Select
            style={{ width: 320 }}
            value={qrCode}
            onChange={setQrCode}
            aria-label="政策清单"
            options={(lists.data?.items ?? [{ code: 'all', name: '政府部门惠企政策清单', description: '' }]).map(
              (l) => ({
                value: l.code,
                label: l.name,
              }),
            )}
          />
          <Image src={qrUrl} alt="政策清单二维码" width={240} preview={false} data-testid="policy-qr" />
          <Typography.Text copyable={{ text: publicUrl }} className="ss-mono" style={{ fontSize: 12 }}>
            {publicUrl}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            企业扫码即可查看清单中已发布的政策和办理方式（依据：以二维码形式向企业推送政府部门惠企政策清单）。
          </Typography.Text>
        </Space>
      </Modal>
    </Page>
  );
}
