import { useEffect, useState } from 'react';
import { Select, Spin } from 'antd';
import { api } from '../api/client.ts';
import type { PageOf, Role, UserRecord } from '../api/types.ts';

export interface UserSelectProps {
  value?: number | null;
  onChange?: (id: number | null) => void;
  role?: Role;
  placeholder?: string;
  /** The name to show for the current value before any search (the list holds only what was searched). */
  initialLabel?: string | null;
  id?: string;
}

/** Search users by name or user name (`GET /api/users`), optionally of one role. Needs `user.read`. */
export function UserSelect({ value, onChange, role, placeholder, initialLabel, id }: UserSelectProps) {
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<{ value: number; label: string }[]>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      setLoading(true);
      api
        .get<PageOf<UserRecord>>('/api/users', { q: query, role, pageSize: 20 }, { signal: controller.signal })
        .then((page) =>
          setOptions(
            page.items
              .filter((u) => !u.disabled)
              .map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` })),
          ),
        )
        .catch(() => undefined)
        .finally(() => {
          if (!controller.signal.aborted) setLoading(false);
        });
    }, 250);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [query, role]);

  const withCurrent =
    value && initialLabel && !options.some((o) => o.value === value)
      ? [{ value, label: initialLabel }, ...options]
      : options;

  return (
    <Select<number>
      id={id}
      showSearch
      allowClear
      filterOption={false}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      onSearch={setQuery}
      options={withCurrent}
      placeholder={placeholder ?? '输入姓名或用户名搜索'}
      notFoundContent={loading ? <Spin size="small" /> : '没有匹配的用户'}
    />
  );
}
