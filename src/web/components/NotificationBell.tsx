import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Badge, Button, Empty, List, Popover, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { errorMessage } from '../api/client.ts';
import type { NotificationPage } from '../api/notifications.ts';
import { listNotifications, markAllNotificationsRead, markNotificationRead } from '../api/notifications.ts';
import { formatDateTime } from '../lib/format.ts';

/** How often the unread count is refreshed while a page stays open. */
const REFRESH_MS = 60_000;

/** The bell at the top right: unread count, the latest messages, click to open the page a message points to. */
export function NotificationBell() {
  const navigate = useNavigate();
  const [data, setData] = useState<NotificationPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);

  const load = useCallback(async () => {
    try {
      setData(await listNotifications({ pageSize: 8 }));
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);

  useEffect(() => {
    void load();
    const timer = window.setInterval(() => void load(), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [load]);

  const content = (
    <div style={{ width: 300, maxWidth: 'calc(100vw - 48px)' }} data-testid="notification-list">
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      <List
        size="small"
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无消息" /> }}
        renderItem={(n) => (
          <List.Item
            style={{ cursor: n.link ? 'pointer' : 'default', opacity: n.read ? 0.6 : 1 }}
            onClick={() => {
              void markNotificationRead(n.id).then(load, () => undefined);
              setOpen(false);
              if (n.link) navigate(n.link);
            }}
          >
            <List.Item.Meta
              title={
                <span>
                  {!n.read && <Badge status="processing" />} {n.title}
                </span>
              }
              description={
                <>
                  <div style={{ fontSize: 12 }}>{n.body}</div>
                  <div style={{ fontSize: 12, color: '#8c8c8c' }}>{formatDateTime(n.createdAt)}</div>
                </>
              }
            />
          </List.Item>
        )}
      />
      {data && data.unread > 0 && (
        <Button block size="small" onClick={() => void markAllNotificationsRead().then(load, () => undefined)}>
          全部标记已读
        </Button>
      )}
    </div>
  );

  return (
    <Popover
      content={content}
      title="消息通知"
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={(v) => {
        setOpen(v);
        if (v) void load();
      }}
    >
      <Badge count={data?.unread ?? 0} size="small" data-testid="notification-count">
        <Button type="text" icon={<BellOutlined />} aria-label="消息通知" />
      </Badge>
    </Popover>
  );
}
