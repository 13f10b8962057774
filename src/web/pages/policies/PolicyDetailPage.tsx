import { useParams } from 'react-router-dom';
import { App, Button, Card, Descriptions, Form, InputNumber, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage, isApiError } from '../../api/client.ts';
import type { RuleDetail } from '../../api/policies.ts';
import { getPolicy, publishPolicy, updatePolicySettings, withdrawPolicy } from '../../api/policies.ts';
import { useCurrentUser } from '../../auth/AuthContext.tsx';
import { Page } from '../../components/Page.tsx';
import { useRequest } from '../../lib/useRequest.ts';
import { LoadFailed, NotFoundPage } from '../errors/ErrorPages.tsx';
import { FULFILMENT_COLOR, SourceRef } from './common.tsx';

function RuleCard({ rule }: { rule: RuleDetail }) {
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      data-testid="rule-card"
      title={
        <Space wrap>
          <span>{rule.title}</span>
          <Tag color={FULFILMENT_COLOR[rule.fulfilment]}>{rule.fulfilmentLabel}</Tag>
          {!rule.inForce && <Tag>当前不在有效期</Tag>}
        </Space>
      }
      extra={<SourceRef source={rule.source} text={rule.sourceText} />}
    >
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label="主管部门">
          {rule.ownerLabel}
          {rule.department ? `（文件所列：${rule.department}）` : ''}
        </Descriptions.Item>
        <Descriptions.Item label="有效期">
          {rule.effective.from} 至 {rule.effective.to ?? '长期（或疫情期间）'}
          {rule.effective.note ? `（${rule.effective.note}）` : ''}
        </Descriptions.Item>
        <Descriptions.Item label="适用地区">{rule.jurisdiction.label}</Descriptions.Item>
        <Descriptions.Item label="享受标准">
          {rule.benefit.label}
          {rule.benefit.formula ? ` = ${rule.benefit.formula}` : ''}
        </Descriptions.Item>
        {rule.caps.length > 0 && (
          <Descriptions.Item label="上限" span={2}>
            {rule.caps.map((c) => (
              <div key={c.label}>
                {c.label}：{c.limit} <SourceRef source={c.source} />
              </div>
            ))}
          </Descriptions.Item>
        )}
        {rule.stackingGroup && (
          <Descriptions.Item label="就高不重复" span={2}>
            与同组“{rule.stackingGroup}”的条款不重复享受，按金额最高的一项兑现
          </Descriptions.Item>
        )}
        {rule.funding && (
          <Descriptions.Item label="资金分担" span={2}>
            {rule.funding.description}
            {rule.funding.fund ? `（${rule.funding.fund}）` : ''} <SourceRef source={rule.funding.source} />
          </Descriptions.Item>
        )}
        <Descriptions.Item label="享受条件" span={2}>
          <pre style={{ margin: 0, whiteSpace: 'pre-wrap', fontFamily: 'inherit' }}>{rule.conditions.join('\n')}</pre>
        </Descriptions.Item>
        <Descriptions.Item label="如何办理" span={2}>
          <span data-testid="how-to-claim">{rule.howToClaim}</span>
        </Descriptions.Item>
        {rule.note && (
          <Descriptions.Item label="解读说明" span={2}>
            {rule.note}
          </Descriptions.Item>
        )}
      </Descriptions>
      {rule.parameters.length > 0 && (
        <Table
          size="small"
          style={{ marginTop: 12 }}
          rowKey={(p) => p.name}
          pagination={false}
          dataSource={rule.parameters}
          columns={[
            { title: '参数', dataIndex: 'label' },
            {
              title: '取值（自起始日期）',
              key: 'values',
              render: (_: unknown, p) =>
                p.values.map((v) => (
                  <div key={v.from}>
                    {v.display}（{v.from} 起）
                    <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }}>
                      “{v.quote}” {v.source}
                    </Typography.Text>
                  </div>
                )),
            },
          ]}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
        原文：{rule.sourceText ?? '（原文行未收录）'}
        {rule.alsoSourceTexts.map((s) => (
          <span key={s.ref} style={{ display: 'block' }}>
            另见 {s.ref}：{s.text ?? ''}
          </span>
        ))}
      </Typography.Paragraph>
    </Card>
  );
}

/** One policy: its document data, interpretation clause by clause, the source text, owners and how to claim. */
export default function PolicyDetailPage() {
  const { policyId = '' } = useParams();
  const user = useCurrentUser();
  const { message } = App.useApp();
  const policy = useRequest((signal) => getPolicy(policyId, signal), policyId);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [form] = Form.useForm<{ reviewWorkingDays: number; noticeWorkingDays: number }>();
  const p = policy.data;
  if (policy.error && !policy.loading) {
    if (isApiError(policy.error) && policy.error.status === 404) return <NotFoundPage detail="政策不存在" />;
    return <LoadFailed detail={errorMessage(policy.error)} onRetry={policy.reload} />;
  }
  const canPublish = user.permissions.includes('policy.publish');
  const act = async (fn: () => Promise<unknown>, done: string) => {
    try {
      await fn();
      message.success(done);
      policy.reload();
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  return (
    <Page
      title={p?.title ?? '政策详情'}
      loading={!p}
      tags={p && <Tag color={p.status === 'published' ? 'success' : 'default'}>{p.statusLabel}</Tag>}
      extra={
        p &&
        canPublish && (
          <Space wrap>
            {p.status !== 'published' ? (
              <Button
                type="primary"
                onClick={() => void act(() => publishPolicy(p.id, p.version), '已发布，正在向符合条件的企业推送')}
              >
                发布并推送
              </Button>
            ) : (
              <Button danger onClick={() => void act(() => withdrawPolicy(p.id, p.version), '已停止受理新的申请')}>
                停止受理
              </Button>
            )}
            <Button
              onClick={() => {
                form.setFieldsValue({ reviewWorkingDays: p.reviewWorkingDays, noticeWorkingDays: p.noticeWorkingDays });
                setSettingsOpen(true);
              }}
            >
              办理时限
            </Button>
          </Space>
        )
      }
    >
      {p && (
        <>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={{ xs: 1, md: 3 }}>
              <Descriptions.Item label="发文机关">{p.issuer}</Descriptions.Item>
              <Descriptions.Item label="文号">{p.docNumber ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="日期">{p.date}</Descriptions.Item>
              <Descriptions.Item label="适用范围">{p.jurisdiction.label}</Descriptions.Item>
              <Descriptions.Item label="有效期">
                {p.validity.from} 至 {p.validity.to ?? '长期'}
              </Descriptions.Item>
              <Descriptions.Item label="主管部门">{p.owners.map((o) => o.label).join('、')}</Descriptions.Item>
              <Descriptions.Item label="审核时限">{p.reviewWorkingDays} 个工作日</Descriptions.Item>
              <Descriptions.Item label="公示期">{p.noticeWorkingDays} 个工作日</Descriptions.Item>
              <Descriptions.Item label="已推送企业">{p.notified} 家</Descriptions.Item>
              <Descriptions.Item label="出处" span={3}>
                <SourceRef source={p.source} /> {p.sourceText}
              </Descriptions.Item>
              {p.note && (
                <Descriptions.Item label="说明" span={3}>
                  {p.note}
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
          <Typography.Title level={5}>条款解读（{p.rules.length} 条）</Typography.Title>
          {p.rules.map((r) => (
            <RuleCard key={r.id} rule={r} />
          ))}
          <Modal
            open={settingsOpen}
            title="审核时限和公示期"
            okText="保存"
            onCancel={() => setSettingsOpen(false)}
            onOk={() =>
              void form
                .validateFields()
                .then((v) =>
                  act(() => updatePolicySettings(p.id, { ...v, version: p.version }), '已保存').then(() =>
                    setSettingsOpen(false),
                  ),
                )
            }
          >
            <Form form={form} layout="vertical">
              <Form.Item
                name="reviewWorkingDays"
                label="审核时限（工作日）"
                rules={[{ required: true, message: '审核时限：请填写' }]}
              >
                <InputNumber min={1} max={120} precision={0} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item
                name="noticeWorkingDays"
                label="公示期（工作日）"
                rules={[{ required: true, message: '公示期：请填写' }]}
              >
                <InputNumber min={1} max={30} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Form>
          </Modal>
        </>
      )}
    </Page>
  );
}
