import { Alert, Descriptions, Empty, List, Space, Typography } from 'antd';
import type { StatusView } from '../../api/health.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { SourceRef, StatusTag } from './labels.tsx';

/**
 * A person's return-to-work status as the rules (or a confirmed CDC override) give it: the status, the earliest date
 * the person may return, and every reason with the document line it comes from.
 */
export function StatusReasons({ view, compact }: { view: StatusView | null | undefined; compact?: boolean }) {
  if (!view) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未评估返岗状态" />;
  }
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="status-view">
      <Descriptions column={1} size="small" bordered={!compact}>
        <Descriptions.Item label="返岗状态">
          <StatusTag status={view.status} label={view.statusLabel} byOverride={view.byOverride} />
        </Descriptions.Item>
        <Descriptions.Item label="最早可返岗日期">
          <span data-testid="earliest-return">
            {view.status === 'cleared'
              ? '现在即可返岗'
              : view.earliestReturnDate
                ? formatDate(view.earliestReturnDate)
                : '待检测结果或疾控判定后确定'}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label="状态来源">
          <span data-testid="status-cause">
            {view.byOverride
              ? `疾控人工研判（两名疾控人员确认）${view.overrideExpiresAt ? `，有效期至 ${formatDateTime(view.overrideExpiresAt)}` : ''}`
              : `返岗规则自动判定${view.ruleSetId ? `（规则版本 ${view.ruleSetId}）` : ''}`}
          </span>
        </Descriptions.Item>
        {view.asOf && <Descriptions.Item label="评估日期">{formatDate(view.asOf)}</Descriptions.Item>}
      </Descriptions>
      {view.byOverride && view.ruleStatusLabel && (
        <Typography.Text type="secondary">按规则本应为：{view.ruleStatusLabel}</Typography.Text>
      )}
      {view.missingFacts && view.missingFacts.length > 0 && (
        <Alert
          type="warning"
          showIcon
          message="需补充的信息"
          description={view.missingFacts.map((m) => m.label).join('；')}
          data-testid="missing-facts"
        />
      )}
      <List
        size="small"
        header={<Typography.Text strong>判定理由（{view.reasons.length}）</Typography.Text>}
        dataSource={view.reasons}
        locale={{ emptyText: '无' }}
        data-testid="status-reasons"
        renderItem={(r) => (
          <List.Item data-testid="status-reason">
            <Space direction="vertical" size={2} style={{ width: '100%' }}>
              <Typography.Text>{r.label}</Typography.Text>
              {r.detail && <Typography.Text type="secondary">{r.detail}</Typography.Text>}
              {r.until !== undefined && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.until ? `${formatDate(r.until)} 起解除` : r.liftedBy ? `解除条件：${r.liftedBy}` : ''}
                </Typography.Text>
              )}
              <SourceRef source={r.source} quote={r.quote} />
            </Space>
          </List.Item>
        )}
      />
    </Space>
  );
}
