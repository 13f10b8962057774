import { Card, Empty, Tag } from 'antd';
import { api, errorMessage } from '../../api/client.ts';
import type { Bank, ItemsOf } from '../../api/types.ts';
import { useCurrentUser } from '../../auth/AuthContext.tsx';
import { DataTable, RowCard } from '../../components/DataTable.tsx';
import { Page } from '../../components/Page.tsx';
import { useRequest } from '../../lib/useRequest.ts';
import { LoadFailed } from '../errors/ErrorPages.tsx';

const KIND_LABEL: Record<Bank['kind'], string> = { bank: '银行', guarantor: '融资担保机构' };

/** 金融机构: the banks and guarantors financing needs are routed to (a bank officer sees its own institution). */
export default function BanksPage() {
  const user = useCurrentUser();
  const list = useRequest((signal) => api.get<ItemsOf<Bank>>('/api/banks', undefined, { signal }), 'banks');
  const items = list.data?.items ?? [];
  const status = (b: Bank) => (b.active ? <Tag color="success">在用</Tag> : <Tag>已停用</Tag>);
  return (
    <Page
      title={user.role === 'bank' ? '本机构' : '金融机构'}
      content={user.role === 'bank' ? '您所在的金融机构。' : '参与融资对接的银行和融资担保机构。'}
    >
      <Card className="ss-table-card" title={`共 ${items.length} 家`} styles={{ body: { padding: 12 } }}>
        {list.error && !list.loading ? (
          <LoadFailed detail={errorMessage(list.error)} onRetry={list.reload} />
        ) : (
          <DataTable<Bank>
            testId="bank-table"
            rowKey={(b) => b.id}
            dataSource={items}
            loading={list.loading}
            localPageSize={20}
            columns={[
              { title: '机构名称', dataIndex: 'name' },
              { title: '机构代码', dataIndex: 'code', render: (v: string) => <span className="ss-mono">{v}</span> },
              { title: '类型', dataIndex: 'kind', render: (k: Bank['kind']) => KIND_LABEL[k] },
              { title: '状态', dataIndex: 'active', render: (_: boolean, b) => status(b) },
            ]}
            renderCard={(b) => (
              <RowCard
                title={b.name}
                extra={status(b)}
                lines={[
                  ['机构代码', b.code],
                  ['类型', KIND_LABEL[b.kind]],
                ]}
              />
            )}
            empty={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有登记金融机构" />}
          />
        )}
      </Card>
    </Page>
  );
}
