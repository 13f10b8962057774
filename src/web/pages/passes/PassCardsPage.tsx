import { useState } from 'react';
import { Alert, App, Button, Card, Input, Modal, Progress, Space, Switch, Table, Tag, Typography } from 'antd';
import { PrinterOutlined, ScanOutlined } from '@ant-design/icons';
import { downloadFile, errorMessage } from '../../api/client.ts';
import { pollJob } from '../../api/jobs.ts';
import type { CardsIssued, PassView } from '../../api/passes.ts';
import { cardsPdfUrl, issueCards, listPasses, revokePass } from '../../api/passes.ts';
import { Page } from '../../components/Page.tsx';
import { useRequest } from '../../lib/useRequest.ts';

/**
 * 通行证与员工证 (enterprise administrator): the enterprise's passes, printing cards (员工证) for employees without
 * phones — A4 sheets of eight cards with the QR (seed 004 L23: 15,000 printed cards in one county) — and revoking a
 * lost pass. Printing issues new cards and revokes the previous card of each person (一人一码).
 */
export default function PassCardsPage() {
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [liveOnly, setLiveOnly] = useState(true);
  const list = useRequest(
    (signal) => listPasses({ live: liveOnly, page, pageSize: 20 }, signal),
    `passes-${page}-${liveOnly}`,
  );
  const [printing, setPrinting] = useState<{ result: CardsIssued; percent: number; done: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<PassView | null>(null);
  const [reason, setReason] = useState('');

  const print = async () => {
    setError(null);
    try {
      const result = await issueCards({});
      setPrinting({ result, percent: 0, done: false });
      const job = await pollJob(result.jobId, {
        onProgress: (j) =>
          setPrinting((p) => (p ? { ...p, percent: j.total ? Math.round((j.progress / j.total) * 100) : 0 } : p)),
      });
      if (job.status === 'failed') throw new Error(job.message ?? '生成失败');
      setPrinting({ result, percent: 100, done: true });
      list.reload();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <Page
      title="通行证与员工证"
      extra={
        <Space wrap>
          <Button icon={<ScanOutlined />} href="/pages/checkpoint/" target="_blank">
            打开卡口核验页
          </Button>
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => void print()} data-testid="print-cards">
            印制员工证（无手机员工）
          </Button>
        </Space>
      }
      content="员工证与手机通行证同为签名二维码，卡口离线核验；员工返岗状态变化时原证自动作废。"
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      {printing && (
        <Card size="small" style={{ marginBottom: 12 }} data-testid="print-result">
          <Typography.Paragraph>
            本次签发员工证 {printing.result.issued} 张，作废旧证 {printing.result.revoked} 张
            {printing.result.skipped.length > 0 &&
              `；${printing.result.skipped.length} 人状态不允许签发（${printing.result.skipped
                .slice(0, 5)
                .map((s) => s.name)
                .join('、')}${printing.result.skipped.length > 5 ? '等' : ''}）`}
          </Typography.Paragraph>
          <Progress percent={printing.percent} size="small" />
          {printing.done && (
            <Button
              icon={<PrinterOutlined />}
              onClick={() =>
                void downloadFile(cardsPdfUrl(printing.result.jobId), '员工证.pdf').catch((e) =>
                  setError(errorMessage(e)),
                )
              }
            >
              下载员工证 PDF（A4，每页 8 张）
            </Button>
          )}
        </Card>
      )}
      <Space style={{ marginBottom: 8 }}>
        <Switch checked={liveOnly} onChange={(v) => (setPage(1), setLiveOnly(v))} /> 只看有效通行证
      </Space>
      <Table<PassView>
        rowKey="id"
        size="small"
        scroll={{ x: 760 }}
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: '编号', dataIndex: 'id', width: 80 },
          { title: '姓名', dataIndex: 'personName', width: 100 },
          { title: '班组', dataIndex: 'team', width: 100 },
          { title: '类型', dataIndex: 'card', width: 90, render: (c: boolean) => (c ? '员工证' : '手机') },
          { title: '状态', dataIndex: 'statusLabel', width: 110 },
          {
            title: '有效期至',
            dataIndex: 'validUntil',
            width: 170,
            render: (v: string) => new Date(v).toLocaleString('zh-CN', { hour12: false }),
          },
          {
            title: '作废',
            key: 'revoked',
            render: (_: unknown, p) =>
              p.revokedAt ? (
                <Tag color="red">已作废：{p.revokedReason}</Tag>
              ) : (
                <Button size="small" danger onClick={() => (setReason(''), setRevoking(p))}>
                  作废
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={revoking !== null}
        title={`作废通行证 ${revoking?.id ?? ''}`}
        okText="作废"
        okButtonProps={{ danger: true, disabled: !reason.trim() }}
        onCancel={() => setRevoking(null)}
        onOk={async () => {
          try {
            await revokePass(revoking!.id, reason);
            message.success('已作废，卡口下次同步后拒绝该证');
            setRevoking(null);
            list.reload();
          } catch (e) {
            message.error(errorMessage(e));
          }
        }}
      >
        <Input
          aria-label="作废原因"
          placeholder="作废原因，如：员工证遗失"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={200}
        />
      </Modal>
    </Page>
  );
}
