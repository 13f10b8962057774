import { useState } from 'react';
import { Alert, App, Button, Col, DatePicker, Form, Input, Modal, Row, Select, Space, Switch, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { errorMessage } from '../../api/client.ts';
import type { ContactEvent, TravelStay } from '../../api/health.ts';
import { updateFacts } from '../../api/health.ts';
import { applyFieldErrors, clearFieldErrors } from '../../lib/forms.ts';

interface Values {
  travelKnown: boolean;
  travel: { regionCode?: string; place?: string; range?: [Dayjs, Dayjs] }[];
  contactsKnown: boolean;
  contacts: { lastContactOn?: Dayjs; with?: 'confirmed' | 'asymptomatic'; note?: string }[];
}

/**
 * 录入返岗判定事实: the 14-day travel (places with GB/T 2260 codes and dates; the CDC's risk-area register says what
 * each place was at the time) and, for the CDC, close contacts. Unknown stays unknown (the rules defer the person);
 * "none" is recorded as an empty list.
 */
export function FactsEditor({
  open,
  personId,
  personName,
  version,
  travel,
  contacts,
  canContacts,
  onClose,
  onSaved,
}: {
  open: boolean;
  personId: number;
  personName: string;
  version: number;
  travel: TravelStay[] | undefined;
  contacts: ContactEvent[] | undefined;
  canContacts: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const travelKnown = Form.useWatch('travelKnown', form);
  const contactsKnown = Form.useWatch('contactsKnown', form);

  const save = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    clearFieldErrors(form);
    setSaving(true);
    const facts: { travel?: TravelStay[]; contacts?: ContactEvent[] } = {};
    if (v.travelKnown) {
      facts.travel = (v.travel ?? []).map((t) => ({
        regionCode: t.regionCode!.trim(),
        place: t.place!.trim(),
        from: t.range![0].format('YYYY-MM-DD'),
        to: t.range![1].format('YYYY-MM-DD'),
      }));
    }
    if (canContacts && v.contactsKnown) {
      facts.contacts = (v.contacts ?? []).map((c) => ({
        lastContactOn: c.lastContactOn!.format('YYYY-MM-DD'),
        with: c.with!,
        ...(c.note?.trim() ? { note: c.note.trim() } : {}),
      }));
    }
    try {
      await updateFacts(personId, version, facts);
      message.success('已保存，返岗状态已按规则重新判定');
      onSaved();
    } catch (error) {
      const { mapped, unmapped } = applyFieldErrors(form, error, (f) => f.replace(/^facts\./, ''));
      if (mapped === 0 || unmapped.length) message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={`录入判定事实：${personName}`}
      okText="保存并重新判定"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={onClose}
      destroyOnClose
      width={720}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="返岗规则读取这些事实：不确定的请不要填写（规则按“信息不全”暂缓返岗），确认没有的请打开开关并留空。"
      />
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        data-testid="facts-form"
        initialValues={{
          travelKnown: travel !== undefined,
          travel: (travel ?? []).map((t) => ({
            regionCode: t.regionCode,
            place: t.place,
            range: [dayjs(t.from), dayjs(t.to)],
          })),
          contactsKnown: contacts !== undefined,
          contacts: (contacts ?? []).map((c) => ({
            lastContactOn: dayjs(c.lastContactOn),
            with: c.with,
            note: c.note,
          })),
        }}
      >
        <Form.Item name="travelKnown" label="已核实近14天旅居史" valuePropName="checked">
          <Switch aria-label="已核实近14天旅居史" />
        </Form.Item>
        {travelKnown && (
          <Form.List name="travel">
            {(fields, { add, remove }) => (
              <>
                {fields.length === 0 && (
                  <Typography.Paragraph type="secondary">近14天没有离开本市（如有外出请添加）。</Typography.Paragraph>
                )}
                {fields.map((f) => (
                  <Row key={f.key} gutter={8} align="top">
                    <Col xs={24} sm={6}>
                      <Form.Item
                        name={[f.name, 'regionCode']}
                        label="行政区划代码"
                        rules={[
                          { required: true, message: '行政区划代码：请填写' },
                          { pattern: /^\d{2}(\d{2}){0,2}$/, message: '行政区划代码：应为2、4或6位' },
                        ]}
                      >
                        <Input placeholder="如 420100" inputMode="numeric" />
                      </Form.Item>
                    </Col>
                    <Col xs={24} sm={7}>
                      <Form.Item
                        name={[f.name, 'place']}
                        label="地点"
                        rules={[{ required: true, whitespace: true, message: '地点：请填写' }]}
                      >
                        <Input placeholder="如 湖北省武汉市" maxLength={60} />
                      </Form.Item>
                    </Col>
                    <Col xs={22} sm={10}>
                      <Form.Item
                        name={[f.name, 'range']}
                        label="停留日期"
                        rules={[{ required: true, message: '停留日期：请选择到达和离开日期' }]}
                      >
                        <DatePicker.RangePicker style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col xs={2} sm={1} style={{ paddingTop: 36 }}>
                      <MinusCircleOutlined onClick={() => remove(f.name)} aria-label="删除" />
                    </Col>
                  </Row>
                ))}
                <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add()} style={{ marginBottom: 16 }}>
                  添加一段旅居
                </Button>
              </>
            )}
          </Form.List>
        )}
        {canContacts && (
          <>
            <Form.Item name="contactsKnown" label="已核实接触史（疾控）" valuePropName="checked">
              <Switch aria-label="已核实接触史" />
            </Form.Item>
            {contactsKnown && (
              <Form.List name="contacts">
                {(fields, { add, remove }) => (
                  <>
                    {fields.length === 0 && (
                      <Typography.Paragraph type="secondary">没有与病例或无症状感染者的密切接触。</Typography.Paragraph>
                    )}
                    {fields.map((f) => (
                      <Space key={f.key} align="start" wrap>
                        <Form.Item
                          name={[f.name, 'lastContactOn']}
                          label="末次接触日期"
                          rules={[{ required: true, message: '末次接触日期：请选择' }]}
                        >
                          <DatePicker />
                        </Form.Item>
                        <Form.Item
                          name={[f.name, 'with']}
                          label="接触对象"
                          rules={[{ required: true, message: '接触对象：请选择' }]}
                        >
                          <Select
                            style={{ width: 160 }}
                            options={[
                              { value: 'confirmed', label: '确诊病例' },
                              { value: 'asymptomatic', label: '无症状感染者' },
                            ]}
                          />
                        </Form.Item>
                        <Form.Item name={[f.name, 'note']} label="备注">
                          <Input maxLength={200} />
                        </Form.Item>
                        <MinusCircleOutlined
                          style={{ marginTop: 36 }}
                          onClick={() => remove(f.name)}
                          aria-label="删除"
                        />
                      </Space>
                    ))}
                    <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add()}>
                      添加一次接触
                    </Button>
                  </>
                )}
              </Form.List>
            )}
          </>
        )}
      </Form>
    </Modal>
  );
}
