import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
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
  Space,
  Tabs,
  Tooltip,
  Typography,
} from 'antd';
import type { TableProps } from 'antd';
import { errorMessage } from '../../api/client.ts';
import type { Override } from '../../api/health.ts';
import { confirmOverride, listOverrides, rejectOverride, revokeOverride, withdrawOverride } from '../../api/health.ts';
import { useCurrentUser } from '../../auth/AuthContext.tsx';
import { DataTable, RowCard } from '../../components/DataTable.tsx';
import { Page } from '../../components/Page.tsx';
import { formatDateTime, formatInteger } from '../../lib/format.ts';
import { useRequest } from '../../lib/useRequest.ts';
import { LoadFailed } from '../errors/ErrorPages.tsx';
import { OverrideStateTag, StatusTag } from './labels.tsx';

type TabKey = 'proposed' | 'active' | 'all';

/**
 * 人工研判: the queue of proposals waiting for a second CDC user, the overrides in force, and the history. The
 * proposer cannot confirm their own proposal (the server refuses it too).
 */
export default function OverridesPage() {
  const user = useCurrentUser();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const tab = (
    ['proposed', 'active', 'all'].includes(params.get('tab') ?? '') ? params.get('tab') : 'proposed'
  ) as TabKey;
  const list = useRequest((signal) => listOverrides(tab === 'all' ? {} : { state: tab }, signal), `overrides-${tab}`);
  const [asking, setAsking] = useState<{ o: Override; kind: 'reject' | 'revoke' } | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);

  const run = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await action();
      message.success(done);
      list.reload();
      return true;
    } catch (error) {
      message.error(errorMessage(error));
      list.reload();
      return false;
    } finally {
      setBusy(false);
    }
  };

  const mine = (o: Override) => o.proposedBy === user.id;

  const actions = (o: Override) => (
    <Space size={4} wrap>
      {o.state === 'proposed' &&
        (mine(o) ? (
          <>
            <Tooltip title="须由另一名疾控人员复核，发起人不能自己确认">
              <Button size="small" disabled data-testid="override-confirm">
                待他人复核
              </Button>
            </Tooltip>
            <Popconfirm
              title="撤回这条研判？"
              okText="撤回"
              cancelText="取消"
              onConfirm={() => run(() => withdrawOverride(o), '已撤回')}
            >
              <Button size="small" type="link">
                撤回
              </Button>
            </Popconfirm>
          </>
        ) : (
          <>
            <Popconfirm
              title="确认这条研判生效？"
              description="确认后该员工的返岗状态立即按研判结果变更，直到有效期届满。"
              okText="确认生效"
              cancelText="取消"
              onConfirm={() => run(() => confirmOverride(o), '已复核确认，研判生效')}
            >
              <Button size="small" type="primary" loading={busy} data-testid="override-confirm">
                复核确认
              </Button>
            </Popconfirm>
            <Button size="small" danger onClick={() => setAsking({ o, kind: 'reject' })}>
              不通过
            </Button>
          </>
        ))}
      {o.state === 'active' && (
        <Button size="small" danger onClick={() => setAsking({ o, kind: 'revoke' })}>
          撤销
        </Button>
      )}
    </Space>
  );

  const columns: TableProps<Override>['columns'] = [
    {
      title: '员工',
      dataIndex: 'personName',
      render: (v: string | undefined, o) => (
        <Link to={`/health/roster/${o.personId}`}>{v ?? `员工 ${o.personId}`}</Link>
      ),
    },
    {
      title: '研判状态',
      dataIndex: 'status',
      render: (v: string, o) => <StatusTag status={v} label={o.statusLabel} />,
    },
    {
      title: '研判理由',
      dataIndex: 'reasonLabel',
      render: (v: string | undefined, o) => (
        <span style={{ whiteSpace: 'normal', display: 'inline-block', maxWidth: 320 }}>
          {v ?? o.reasonCode}
          {o.reasonSource && (
            <Typography.Text type="secondary" className="ss-mono" style={{ display: 'block', fontSize: 12 }}>
              {o.reasonSource}
            </Typography.Text>
          )}
        </span>
      ),
    },
    { title: '证据材料', dataIndex: 'evidenceRef' },
    { title: '有效期至', dataIndex: 'expiresAt', render: (v: string) => formatDateTime(v) },
    {
      title: '发起',
      dataIndex: 'proposedAt',
      render: (v: string, o) => (
        <span>
          {formatDateTime(v)}
          {mine(o) && <Typography.Text type="secondary">（我发起）</Typography.Text>}
        </span>
      ),
    },
    { title: '复核', dataIndex: 'confirmedAt', render: (v: string | null) => (v ? formatDateTime(v) : '—') },
    {
      title: '进度',
      dataIndex: 'state',
      render: (v: string, o) => <OverrideStateTag state={v} label={o.stateLabel} />,
    },
    { title: '操作', key: 'actions', fixed: 'right', render: (_: unknown, o) => actions(o) },
  ];

  const total = list.data?.total ?? 0;
  return (
    <Page
      title="人工研判"
      content="疾控人员只能按防疫研判理由清单发起，附证据并设有效期；须由另一名疾控人员复核确认后才生效。"
    >
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'proposed' ? {} : { tab: k })}
        items={[
          { key: 'proposed', label: '待复核' },
          { key: 'active', label: '生效中' },
          { key: 'all', label: '全部' },
        ]}
      />
      {list.error && !list.data ? (
        <LoadFailed detail={errorMessage(list.error)} onRetry={list.reload} />
      ) : (
        <Card title={<span data-testid="override-total">共 {formatInteger(total)} 条</span>}>
          <DataTable<Override>
            testId="override-table"
            rowKey={(o) => o.id}
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.loading}
            localPageSize={20}
            empty={
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={tab === 'proposed' ? '没有待复核的研判' : '暂无记录'}
              />
            }
            renderCard={(o) => (
              <RowCard
                title={<Link to={`/health/roster/${o.personId}`}>{o.personName ?? `员工 ${o.personId}`}</Link>}
                extra={<OverrideStateTag state={o.state} label={o.stateLabel} />}
                lines={[
                  ['研判状态', <StatusTag status={o.status} label={o.statusLabel} />],
                  ['理由', o.reasonLabel ?? o.reasonCode],
                  ['证据', o.evidenceRef],
                  ['有效期至', formatDateTime(o.expiresAt)],
                ]}
                footer={actions(o)}
              />
            )}
          />
        </Card>
      )}
      <Modal
        open={Boolean(asking)}
        title={asking?.kind === 'reject' ? '复核不通过' : '撤销研判'}
        okText={asking?.kind === 'reject' ? '不通过' : '撤销'}
        okButtonProps={{ danger: true, disabled: !reason.trim(), loading: busy }}
        cancelText="取消"
        onCancel={() => {
          setAsking(null);
          setReason('');
        }}
        onOk={async () => {
          if (!asking) return;
          const ok = await run(
            () =>
              asking.kind === 'reject'
                ? rejectOverride(asking.o, reason.trim())
                : revokeOverride(asking.o, reason.trim()),
            asking.kind === 'reject' ? '已退回' : '已撤销，状态恢复按规则判定',
          );
          if (ok) {
            setAsking(null);
            setReason('');
          }
        }}
        destroyOnClose
      >
        {asking?.kind === 'revoke' && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            message="撤销后该员工的状态恢复按返岗规则判定。"
          />
        )}
        <Form layout="vertical">
          <Form.Item label="理由" required>
            <Input.TextArea
              rows={3}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              aria-label="理由"
              maxLength={500}
            />
          </Form.Item>
        </Form>
      </Modal>
    </Page>
  );
}
