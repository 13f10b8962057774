import { api } from './client.ts';

/** One in-app message (站内消息), as `GET /api/notifications` sends it. */
export interface NotificationItem {
  id: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  read: boolean;
}

export interface NotificationPage {
  items: NotificationItem[];
  total: number;
  unread: number;
}

export const listNotifications = (
  query: { unread?: boolean; page?: number; pageSize?: number },
  signal?: AbortSignal,
) =>
  api.get<NotificationPage>(
    '/api/notifications',
    {
      unread: query.unread ? 'true' : undefined,
      page: query.page ?? 1,
      pageSize: query.pageSize ?? 10,
    },
    signal ? { signal } : {},
  );

export const markNotificationRead = (id: number) => api.post<{ updated: number }>(`/api/notifications/${id}/read`);

export const markAllNotificationsRead = () => api.post<{ updated: number }>('/api/notifications/read-all');
