import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Checkbox,
  Collapse,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  List,
  Modal,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { errorMessage } from '../../api/client.ts';
import type { DraftInput, ListSummary, RiskLevel, StoredList } from '../../api/resumption.ts';
import {
  getConditionList,
  listConditionLists,
  listTemplates,
  publishList,
  saveListDraft,
} from '../../api/resumption.ts';
import { Page } from '../../components/Page.tsx';
import { applyFieldErrors, clearFieldErrors } from '../../lib/forms.ts';
import { useRequest } from '../../lib/useRequest.ts';
import { ITEM_KIND_LABELS, RISK_LEVEL_BY_CODE, RISK_LEVELS } from '../../../domain/resumption/index.ts';
import { beijingToday, LoadError, SourceCitation, useCan } from './shared.tsx';

function ListItems({ list }: { list: StoredList }) {
  return (
    <div data-testid="condition-items">
      {list.sources.length > 0 && (
        <div style={{ marginBottom: 8 }}>
          {list.sources.map((s) => (
            <div key={s.ref + s.quote}>
              <SourceCitation source={s} />
            </div>
          ))}
        </div>
      )}
      <List
        size="small"
        bordered
        dataSource={[...list.items]}
        renderItem={(item, i) => (
          <List.Item>
            <div style={{ width: '100%' }}>
              <Space wrap size={4}>
                <Typography.Text strong>
                  {i + 1}. {item.text}
                </Typography.Text>
                <Tag>{ITEM_KIND_LABELS[item.kind]}</Tag>
                {item.required ? <Tag color="red">必备</Tag> : <Tag>选填</Tag>}
              </Space>
              {item.hint && <div style={{ fontSize: 12, color: '#595959' }}>{item.hint}</div>}
              <div>
                <SourceCitation source={item.source} />
              </div>
            </div>
          </List.Item>
        )}
      />
    </div>
  );
}

function ListVersionView({ listId, version }: { listId: string; version: number }) {
  const list = useRequest((signal) => getConditionList(listId, version, signal), `${listId}@${version}`);
  if (list.error) return <LoadError error={list.error} onRetry={list.reload} />;
  if (!list.data) return <Typography.Text type="secondary">正在加载…</Typography.Text>;
  return <ListItems list={list.data} />;
}

function ListCard({
  summary,
  canPublish,
  onChanged,
}: {
  summary: ListSummary;
  canPublish: boolean;
  onChanged: () => void;
}) {
  const { message, modal } = App.useApp();
  const [shown, setShown] = useState<number>(summary.versionInForce ?? summary.versions.at(-1)?.version ?? 1);
  const publish = (version: number) => {
    let date: Dayjs = dayjs(beijingToday());
    modal.confirm({
      title: `公布《${summary.title}》第 ${version} 版`,
      content: (
        <div>
          <p>公布后全省按此清单受理，清单之外不得要求企业提供其他条件或材料。</p>
          <DatePicker
            defaultValue={date}
            onChange={(d) => {
              if (d) date = d;
            }}
            aria-label="公布日期"
          />
        </div>
      ),
      okText: '公布',
      cancelText: '取消',
      onOk: async () => {
        try {
          await publishList(summary.listId, date.format('YYYY-MM-DD'));
          message.success('清单已公布');
          onChanged();
        } catch (e) {
          message.error(errorMessage(e));
          throw e;
        }
      },
    });
  };
  return (
    <Card
      title={summary.title}
      style={{ marginBottom: 16 }}
      data-testid="condition-list"
      extra={
        <Space wrap>
          {summary.riskLevels.map((l) => (
            <Tag key={l} color={RISK_LEVEL_BY_CODE[l].color}>
              {RISK_LEVEL_BY_CODE[l].label}
            </Tag>
          ))}
        </Space>
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="适用范围">{summary.jurisdiction}</Descriptions.Item>
        <Descriptions.Item label="现行版本">
          {summary.versionInForce ? `第 ${summary.versionInForce} 版` : '尚未公布'}
        </Descriptions.Item>
        <Descriptions.Item label="草稿">
          {summary.draftVersion ? (
            <Space>
              第 {summary.draftVersion} 版
              {canPublish && (
                <Button size="small" type="primary" onClick={() => publish(summary.draftVersion!)}>
                  公布
                </Button>
              )}
            </Space>
          ) : (
            '无'
          )}
        </Descriptions.Item>
      </Descriptions>
      <Space wrap style={{ marginBottom: 12 }}>
        <span>查看版本：</span>
        <Select
          value={shown}
          onChange={setShown}
          style={{ minWidth: 220 }}
          options={summary.versions.map((v) => ({
            value: v.version,
            label: `第 ${v.version} 版 · ${v.publishedOn ? `${v.publishedOn} 公布` : '草稿'} · ${v.itemCount} 项`,
          }))}
        />
      </Space>
      <ListVersionView listId={summary.listId} version={shown} />
    </Card>
  );
}

interface DraftValues {
  listId: string;
  title: string;
  riskLevels: RiskLevel[];
  jurisdiction: string;
  templateIds: string[];
}

function DraftModal({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: () => void }) {
  const { message } = App.useApp();
  const templates = useRequest((signal) => (open ? listTemplates(signal) : Promise.resolve(null)), String(open));
  const [form] = Form.useForm<DraftValues>();
  const [saving, setSaving] = useState(false);
  const save = async (v: DraftValues) => {
    clearFieldErrors(form);
    setSaving(true);
    try {
      const input: DraftInput = { ...v };
      await saveListDraft(input);
      message.success('草稿已保存，请核对后公布');
      onSaved();
      onClose();
    } catch (e) {
      const { mapped } = applyFieldErrors(form, e);
      if (!mapped) message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={open}
      title="从内置模板编制清单"
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="保存草稿"
      cancelText="取消"
      confirmLoading={saving}
      width={720}
    >
      <Form<DraftValues>
        form={form}
        layout="vertical"
        onFinish={(v) => void save(v)}
        initialValues={{ jurisdiction: '江西省', riskLevels: ['medium', 'high'] }}
      >
        <Form.Item name="listId" label="清单编号" rules={[{ required: true, message: '清单编号：请填写' }]}>
          <Input placeholder="如 jx-resumption-medium" />
        </Form.Item>
        <Form.Item name="title" label="清单名称" rules={[{ required: true, message: '清单名称：请填写' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="riskLevels" label="适用风险等级" rules={[{ required: true, message: '适用风险等级：请选择' }]}>
          <Checkbox.Group options={RISK_LEVELS.map((l) => ({ value: l.code, label: l.label }))} />
        </Form.Item>
        <Form.Item name="jurisdiction" label="适用范围" rules={[{ required: true, message: '适用范围：请填写' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="templateIds" label="内置模板" rules={[{ required: true, message: '内置模板：至少选择一个' }]}>
          <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
            {(templates.data?.templates ?? []).map((t) => (
              <Checkbox key={t.templateId} value={t.templateId}>
                {t.title}（{t.items.length} 项）
                <div>
                  {t.sources.slice(0, 1).map((s) => (
                    <SourceCitation key={s.ref} source={s} />
                  ))}
                </div>
              </Checkbox>
            ))}
          </Checkbox.Group>
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 清单管理: the province-wide condition lists, versioned, each item with its source; the command centre publishes. */
export default function ConditionListsPage() {
  const canPublish = useCan('resumption.configure');
  const lists = useRequest((signal) => listConditionLists(signal), 'lists');
  const [drafting, setDrafting] = useState(false);
  if (lists.error && !lists.data) return <LoadError error={lists.error} onRetry={lists.reload} />;
  const items = lists.data?.items ?? [];
  return (
    <Page
      title="复工复产条件清单"
      content="全省统一公布的复工复产条件和材料清单。清单之外，一律不得要求企业提供其他条件或材料。"
      loading={lists.loading && !lists.data}
      extra={
        canPublish && (
          <Button type="primary" onClick={() => setDrafting(true)}>
            编制新清单
          </Button>
        )
      }
    >
      {items.length === 0 && !lists.loading && (
        <Card>
          <Empty description="尚无清单" />
        </Card>
      )}
      <Collapse
        defaultActiveKey={items.slice(0, 1).map((l) => l.listId)}
        ghost
        items={items.map((l) => ({
          key: l.listId,
          label: (
            <Space wrap>
              <Typography.Text strong>{l.title}</Typography.Text>
              <Tag>{l.versionInForce ? `现行第 ${l.versionInForce} 版` : '未公布'}</Tag>
            </Space>
          ),
          children: <ListCard summary={l} canPublish={canPublish} onChanged={lists.reload} />,
        }))}
      />
      <DraftModal open={drafting} onClose={() => setDrafting(false)} onSaved={lists.reload} />
    </Page>
  );
}
