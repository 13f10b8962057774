import { Alert, Button, Card, Descriptions, Skeleton, Typography } from 'antd';
import { errorMessage } from '../../api/client.ts';
import { getMyPass } from '../../api/passes.ts';
import { Page } from '../../components/Page.tsx';
import { useRequest } from '../../lib/useRequest.ts';

/**
 * 我的通行证 (employee, phone): the QR of the live phone pass, with its validity. The pass is issued only while the
 * status admits the person (可返岗); a status change revokes it and checkpoints refuse it from their next sync.
 */
export default function MyPassPage() {
  const me = useRequest((signal) => getMyPass(signal), 'my-pass');
  const data = me.data;
  const pass = data?.pass ?? null;
  return (
    <Page title="我的通行证">
      {me.loading && !data ? (
        <Skeleton active />
      ) : me.error && !data ? (
        <Alert type="error" showIcon message={errorMessage(me.error)} />
      ) : data ? (
        <Card size="small" data-testid="my-pass">
          <Descriptions column={1} size="small">
            <Descriptions.Item label="姓名">{data.personName}</Descriptions.Item>
            <Descriptions.Item label="企业">{data.enterpriseName}</Descriptions.Item>
            <Descriptions.Item label="返岗状态">
              <span data-testid="my-pass-status">{data.statusLabel}</span>
            </Descriptions.Item>
          </Descriptions>
          {pass?.svg && pass.token ? (
            <div style={{ textAlign: 'center' }}>
              <div
                data-testid="my-pass-qr"
                data-token={pass.token}
                style={{ display: 'inline-block', width: 240, maxWidth: '100%' }}
                // The SVG is drawn by the server from the signed token (QR modules only, no text).
                dangerouslySetInnerHTML={{ __html: pass.svg }}
              />
              <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
                通行证编号 {pass.id} · 有效期至 {new Date(pass.validUntil).toLocaleString('zh-CN', { hour12: false })}
              </Typography.Paragraph>
              <Typography.Paragraph
                copyable={{ text: pass.token, tooltips: ['复制通行证内容', '已复制'] }}
                style={{ fontSize: 11, wordBreak: 'break-all' }}
                data-testid="my-pass-token"
              >
                {pass.token}
              </Typography.Paragraph>
              <Button onClick={() => me.reload()}>刷新</Button>
            </div>
          ) : (
            <Alert type="warning" showIcon message={data.message ?? '暂无通行证'} />
          )}
        </Card>
      ) : null}
    </Page>
  );
}
