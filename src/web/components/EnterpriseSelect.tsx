import { useEffect, useState } from 'react';
import { Select, Spin } from 'antd';
import { listEnterprises } from '../api/enterprises.ts';

export interface EnterpriseSelectProps {
  value?: number | null;
  onChange?: (id: number | null) => void;
  /** The name to show for the current value before any search. */
  initialLabel?: string | null;
  placeholder?: string;
  id?: string;
}

/** Search enterprises in the user's scope by name or credit code. */
export function EnterpriseSelect({ value, onChange, initialLabel, placeholder, id }: EnterpriseSelectProps) {
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<{ value: number; label: string }[]>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      setLoading(true);
      listEnterprises({ q: query.trim() || undefined }, 1, 20, controller.signal)
        .then((page) => setOptions(page.items.map((e) => ({ value: e.id, label: `${e.name}（${e.creditCode}）` }))))
        .catch(() => undefined)
        .finally(() => {
          if (!controller.signal.aborted) setLoading(false);
        });
    }, 250);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

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
      placeholder={placeholder ?? '输入企业名称或统一社会信用代码搜索'}
      notFoundContent={loading ? <Spin size="small" /> : '没有匹配的企业'}
    />
  );
}
