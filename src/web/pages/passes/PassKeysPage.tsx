import { useState } from 'react';
import { App, Button, Input, Modal, Popconfirm, Table, Tag, Typography } from 'antd';
import { errorMessage } from '../../api/client.ts';
import type { PassKeyView } from '../../api/passes.ts';
import { getPassKeys, retirePassKey, rotatePassKey } from '../../api/passes.ts';
import { Page } from '../../components/Page.tsx';
import { useRequest } from '../../lib/useRequest.ts';

const time = (v?: string) => (v ? new Date(v).toLocaleString('zh-CN', { hour12: false }) : '—');

/**
 * 通行证签名密钥 (system administrator): rotation keeps the old key verifying the passes it signed until they
 * expire; retiring a key refuses every pass it signed (a leaked key, or all its passes have expired).
 */
export default function PassKeysPage() {
  const { message } = App.useApp();
  const keys = useRequest((signal) => getPassKeys(signal), 'pass-keys');
  const [retiring, setRetiring] = useState<PassKeyView | null>(null);
  const [reason, setReason] = useState('');
  return (
    <Page
      title="通行证签名密钥"
      content="卡口缓存这些公钥离线核验；轮换后旧密钥停止签发，但继续核验其已签发的通行证直至到期。"
      extra={
        <Popconfirm
          title="轮换签名密钥？"
          description="新签发的通行证使用新密钥；卡口下次联网时更新公钥。"
          onConfirm={async () => {
            try {
              const r = await rotatePassKey();
              message.success(`已启用密钥 ${r.kid}`);
              keys.reload();
            } catch (e) {
              message.error(errorMessage(e));
            }
          }}
        >
          <Button type="primary">轮换密钥</Button>
        </Popconfirm>
      }
    >
      <Typography.Paragraph type="secondary">公钥集版本：{keys.data?.version ?? '—'}</Typography.Paragraph>
      <Table<PassKeyView>
        rowKey="kid"
        size="small"
        scroll={{ x: 720 }}
        loading={keys.loading}
        dataSource={keys.data?.keys ?? []}
        pagination={false}
        columns={[
          { title: '密钥编号', dataIndex: 'kid', width: 90 },
          { title: '启用', dataIndex: 'activeFrom', width: 170, render: time },
          { title: '停止签发', dataIndex: 'signUntil', width: 170, render: time },
          {
            title: '状态',
            key: 'state',
            render: (_: unknown, k) =>
              k.retiredAt ? (
                <Tag color="red">已停用：{k.retiredReason}</Tag>
              ) : k.signUntil ? (
                <Tag>仅核验</Tag>
              ) : (
                <Tag color="green">签发中</Tag>
              ),
          },
          {
            title: '操作',
            key: 'op',
            width: 90,
            render: (_: unknown, k) =>
              k.retiredAt ? null : (
                <Button size="small" danger onClick={() => (setReason(''), setRetiring(k))}>
                  停用
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={retiring !== null}
        title={`停用密钥 ${retiring?.kid ?? ''}`}
        okText="停用"
        okButtonProps={{ danger: true, disabled: !reason.trim() }}
        onCancel={() => setRetiring(null)}
        onOk={async () => {
          try {
            await retirePassKey(retiring!.kid, reason);
            message.success('已停用，其签发的通行证一律拒绝');
            setRetiring(null);
            keys.reload();
          } catch (e) {
            message.error(errorMessage(e));
          }
        }}
      >
        <Input
          aria-label="停用原因"
          placeholder="停用原因，如：其通行证已全部到期"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={200}
        />
      </Modal>
    </Page>
  );
}
