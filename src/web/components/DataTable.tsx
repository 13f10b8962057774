import type { Key, ReactNode } from 'react';
import { Card, Empty, List, Pagination, Table } from 'antd';
import type { TableProps } from 'antd';
import { useIsMobile } from '../lib/useMediaQuery.ts';

export interface Paging {
  current: number;
  pageSize: number;
  total: number;
  onChange: (page: number, pageSize: number) => void;
}

export interface DataTableProps<T> {
  rowKey: (row: T) => Key;
  columns: NonNullable<TableProps<T>['columns']>;
  dataSource: T[];
  loading?: boolean;
  /** Server-side paging; leave out for short lists shown whole (or paged in the browser with `localPageSize`). */
  paging?: Paging;
  localPageSize?: number;
  /** On phones each row becomes this card; without it the table scrolls inside its own box. */
  renderCard?: (row: T) => ReactNode;
  empty?: ReactNode;
  onRowClick?: (row: T) => void;
  size?: 'small' | 'middle' | 'large';
  testId?: string;
}

function totalText(total: number) {
  return `共 ${total.toLocaleString('zh-CN')} 条`;
}

/** A table on desktop and a list of cards on phones, with the same paging and the same empty state. */
export function DataTable<T extends object>({
  rowKey,
  columns,
  dataSource,
  loading,
  paging,
  localPageSize,
  renderCard,
  empty,
  onRowClick,
  size = 'middle',
  testId,
}: DataTableProps<T>) {
  const isMobile = useIsMobile();
  const emptyNode = empty ?? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无数据" />;

  if (isMobile && renderCard) {
    return (
      <div data-testid={testId}>
        <List<T>
          className="ss-card-list"
          loading={loading}
          dataSource={dataSource}
          rowKey={rowKey}
          locale={{ emptyText: emptyNode }}
          renderItem={(row) => <List.Item>{renderCard(row)}</List.Item>}
          pagination={
            paging
              ? false
              : localPageSize && dataSource.length > localPageSize
                ? { pageSize: localPageSize, size: 'small', simple: true, align: 'center' }
                : false
          }
        />
        {paging && paging.total > 0 && (
          <Pagination
            simple
            size="small"
            align="center"
            current={paging.current}
            pageSize={paging.pageSize}
            total={paging.total}
            onChange={paging.onChange}
            showTotal={totalText}
          />
        )}
      </div>
    );
  }

  return (
    <div data-testid={testId}>
      <Table<T>
        size={size}
        rowKey={rowKey}
        columns={columns}
        dataSource={dataSource}
        loading={loading}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: emptyNode }}
        onRow={onRowClick ? (row) => ({ onClick: () => onRowClick(row), style: { cursor: 'pointer' } }) : undefined}
        pagination={
          paging
            ? {
                current: paging.current,
                pageSize: paging.pageSize,
                total: paging.total,
                onChange: paging.onChange,
                showSizeChanger: !isMobile,
                showTotal: totalText,
                size: isMobile ? 'small' : 'default',
                simple: isMobile,
              }
            : localPageSize
              ? { pageSize: localPageSize, showTotal: totalText, hideOnSinglePage: true, showSizeChanger: false }
              : false
        }
      />
    </div>
  );
}

/** A card for one row on phones: a title line, then label–value lines. */
export function RowCard({
  title,
  extra,
  lines,
  footer,
  onClick,
}: {
  title: ReactNode;
  extra?: ReactNode;
  lines: [string, ReactNode][];
  footer?: ReactNode;
  onClick?: () => void;
}) {
  return (
    <Card
      size="small"
      title={title}
      extra={extra}
      style={{ width: '100%' }}
      onClick={onClick}
      hoverable={Boolean(onClick)}
      styles={{ body: { paddingTop: 8, paddingBottom: 8 } }}
    >
      {lines.map(([label, value]) => (
        <div key={label} style={{ display: 'flex', gap: 8, padding: '2px 0', fontSize: 13 }}>
          <span style={{ color: 'rgba(0,0,0,0.45)', flex: '0 0 72px' }}>{label}</span>
          <span style={{ minWidth: 0, wordBreak: 'break-all' }}>{value}</span>
        </div>
      ))}
      {footer && <div style={{ marginTop: 6 }}>{footer}</div>}
    </Card>
  );
}
