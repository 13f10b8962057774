import type { ReactNode } from 'react';
import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import type { Enterprise } from '../../api/types.ts';
import { FLAG_COLORS, FLAG_NAMES } from '../../api/enterprises.ts';
import { formatDateTime, formatInteger, formatWanYuan } from '../../lib/format.ts';
import { FLAG_LABEL_FALLBACK } from '../../lib/labels.ts';
import { useReference } from '../../lib/reference.ts';
import { useIsMobile } from '../../lib/useMediaQuery.ts';

/** Flags and key list as tags; "—" when there are none. */
export function EnterpriseTags({ enterprise }: { enterprise: Pick<Enterprise, 'flags' | 'keyList' | 'keyListLabel'> }) {
  const { reference } = useReference();
  const labels = reference?.flags ?? FLAG_LABEL_FALLBACK;
  const on = FLAG_NAMES.filter((f) => enterprise.flags[f]);
  if (on.length === 0 && !enterprise.keyList) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <span className="ss-tags" data-testid="enterprise-tags">
      {on.map((f) => (
        <Tag key={f} color={FLAG_COLORS[f]}>
          {labels[f]}
        </Tag>
      ))}
      {enterprise.keyList && <Tag color="gold">{enterprise.keyListLabel ?? enterprise.keyList}</Tag>}
    </span>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card title={title} size="small" style={{ marginBottom: 16 }}>
      {children}
    </Card>
  );
}

/** 一企一档: the whole profile, read-only. */
export function EnterpriseProfile({ enterprise: e }: { enterprise: Enterprise }) {
  const isMobile = useIsMobile();
  const column = isMobile ? 1 : 2;
  return (
    <div data-testid="enterprise-profile">
      <Section title="基本信息">
        <Descriptions column={column} size="small">
          <Descriptions.Item label="企业名称">{e.name}</Descriptions.Item>
          <Descriptions.Item label="统一社会信用代码">
            <span className="ss-mono">{e.creditCode}</span>
          </Descriptions.Item>
          <Descriptions.Item label="法定代表人">{e.legalRep}</Descriptions.Item>
          <Descriptions.Item label="联系人">
            <span data-testid="profile-contact-name">{e.contactName}</span>
          </Descriptions.Item>
          <Descriptions.Item label="联系电话">{e.contactPhone}</Descriptions.Item>
          <Descriptions.Item label="地址">{e.address}</Descriptions.Item>
        </Descriptions>
      </Section>
      <Section title="所在区域">
        <Descriptions column={column} size="small">
          <Descriptions.Item label="区域">{e.regionPath}</Descriptions.Item>
          <Descriptions.Item label="区划代码">
            <span className="ss-mono">{e.regionCode}</span>
          </Descriptions.Item>
          <Descriptions.Item label="县（区）">{e.countyName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="乡镇（街道）">{e.townshipName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="功能区">{e.zoneName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="驻企联络员">{e.liaisonName ?? '未指派'}</Descriptions.Item>
        </Descriptions>
      </Section>
      <Section title="行业与规模">
        <Descriptions column={column} size="small">
          <Descriptions.Item label="行业">
            {e.industryName ? `${e.industrySection} · ${e.industryCode} ${e.industryName}` : e.industryCode}
          </Descriptions.Item>
          <Descriptions.Item label="企业规模">{e.sizeClassLabel ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="从业人员">{formatInteger(e.employees)} 人</Descriptions.Item>
          <Descriptions.Item label="营业收入">{formatWanYuan(e.revenueFen)}</Descriptions.Item>
          <Descriptions.Item label="资产总额">{formatWanYuan(e.assetsFen)}</Descriptions.Item>
        </Descriptions>
      </Section>
      <Section title="标记与重点企业名单">
        <EnterpriseTags enterprise={e} />
      </Section>
      <Space size="large" wrap style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12 }}>
        <span>登记时间 {formatDateTime(e.createdAt)}</span>
        <span>最后修改 {formatDateTime(e.updatedAt)}</span>
        <span>版本 {e.version}</span>
      </Space>
    </div>
  );
}
