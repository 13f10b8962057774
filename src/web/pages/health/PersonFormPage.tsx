import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { App, Button, Card, Col, DatePicker, Form, Input, Row, Select, Space, Switch } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { errorMessage } from '../../api/client.ts';
import type { PersonInput } from '../../api/health.ts';
import { createPerson, getPerson, updatePerson } from '../../api/health.ts';
import { useCurrentUser } from '../../auth/AuthContext.tsx';
import { EnterpriseSelect } from '../../components/EnterpriseSelect.tsx';
import { Page } from '../../components/Page.tsx';
import { applyFieldErrors, clearFieldErrors } from '../../lib/forms.ts';
import { useRequest } from '../../lib/useRequest.ts';
import { LoadFailed } from '../errors/ErrorPages.tsx';
import { PERSON_CATEGORIES, PERSON_CATEGORY_LABEL, RETURN_MODES, RETURN_MODE_LABEL } from './labels.tsx';

interface Values {
  enterpriseId?: number | null;
  residentId?: string;
  name?: string;
  phone?: string;
  team?: string;
  post?: string;
  keyPost?: boolean;
  homeRegion?: string;
  dormitory?: boolean;
  returnBatch?: string;
  returnDate?: Dayjs | null;
  returnMode?: string | null;
  travelHistory?: string;
  contactHistory?: string;
  category?: string | null;
  needsCard?: boolean;
}

const orNull = (v: string | undefined) => (v && v.trim() ? v.trim() : null);

/** 新增 / 编辑员工档案. The ID number is entered once and never shown again in full. */
export default function PersonFormPage() {
  const { id } = useParams();
  const editing = id !== undefined;
  const personId = Number(id);
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const existing = useRequest(
    (signal) => (editing ? getPerson(personId, signal) : Promise.resolve(null)),
    `person-form-${id ?? 'new'}`,
  );
  const p = existing.data?.person;

  useEffect(() => {
    if (!p) return;
    form.setFieldsValue({
      name: p.name,
      phone: p.phone ?? undefined,
      team: p.team ?? undefined,
      post: p.post ?? undefined,
      keyPost: p.keyPost ?? false,
      homeRegion: p.homeRegion ?? undefined,
      dormitory: p.dormitory,
      returnBatch: p.returnBatch ?? undefined,
      returnDate: p.returnDate ? dayjs(p.returnDate) : null,
      returnMode: p.returnMode,
      travelHistory: p.travelHistory ?? undefined,
      contactHistory: p.contactHistory ?? undefined,
      category: p.category,
      needsCard: p.needsCard,
    });
  }, [form, p]);

  const save = async (v: Values) => {
    clearFieldErrors(form);
    setSaving(true);
    const body: PersonInput = {
      name: v.name?.trim(),
      phone: orNull(v.phone),
      team: orNull(v.team),
      post: orNull(v.post),
      keyPost: v.keyPost ?? false,
      homeRegion: orNull(v.homeRegion),
      dormitory: v.dormitory ?? false,
      returnBatch: orNull(v.returnBatch),
      returnDate: v.returnDate ? v.returnDate.format('YYYY-MM-DD') : null,
      returnMode: v.returnMode ?? null,
      travelHistory: orNull(v.travelHistory),
      contactHistory: orNull(v.contactHistory),
      category: v.category ?? null,
      needsCard: v.needsCard ?? false,
    };
    try {
      const saved = editing
        ? await updatePerson(personId, { ...body, version: p!.version })
        : await createPerson({
            ...body,
            residentId: v.residentId?.trim(),
            ...(v.enterpriseId ? { enterpriseId: v.enterpriseId } : {}),
          });
      message.success(editing ? '已保存' : '已新增员工档案');
      navigate(`/health/roster/${saved.id}`);
    } catch (error) {
      const { mapped, unmapped } = applyFieldErrors(form, error);
      if (mapped === 0 || unmapped.length) message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  if (existing.error && !existing.data) {
    return (
      <Page title="编辑员工档案">
        <LoadFailed detail={errorMessage(existing.error)} onRetry={existing.reload} />
      </Page>
    );
  }

  const col = { xs: 24, md: 12, xl: 8 };
  return (
    <Page title={editing ? `编辑员工档案${p ? `：${p.name}` : ''}` : '新增员工'} loading={editing && !p}>
      <Card>
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={(v) => void save(v)}
          initialValues={{ dormitory: false, keyPost: false, needsCard: false }}
          data-testid="person-form"
        >
          <Row gutter={16}>
            {!editing && user.role !== 'ent_admin' && (
              <Col {...col}>
                <Form.Item name="enterpriseId" label="企业" rules={[{ required: true, message: '企业：请选择' }]}>
                  <EnterpriseSelect />
                </Form.Item>
              </Col>
            )}
            <Col {...col}>
              <Form.Item
                name="name"
                label="姓名"
                rules={[
                  { required: true, whitespace: true, message: '姓名：不能为空' },
                  { max: 50, message: '姓名：不超过50字' },
                ]}
              >
                <Input aria-label="姓名" />
              </Form.Item>
            </Col>
            {editing ? (
              <Col {...col}>
                <Form.Item label="身份证号">
                  <Input value={p?.residentIdMasked} disabled aria-label="身份证号（脱敏）" />
                </Form.Item>
              </Col>
            ) : (
              <Col {...col}>
                <Form.Item
                  name="residentId"
                  label="身份证号"
                  extra="18位居民身份证号，保存后加密存储，页面只显示脱敏号码。"
                  rules={[
                    { required: true, whitespace: true, message: '身份证号：不能为空' },
                    { pattern: /^\s*\d{17}[\dXx]\s*$/, message: '身份证号：应为18位，最后一位可以是X' },
                  ]}
                >
                  <Input aria-label="身份证号" autoComplete="off" maxLength={20} />
                </Form.Item>
              </Col>
            )}
            <Col {...col}>
              <Form.Item
                name="phone"
                label="手机号"
                rules={[
                  { pattern: /^\s*(1[3-9]\d{9}|0\d{9,11})\s*$/, message: '手机号：应为11位手机号或带区号的固定电话' },
                ]}
              >
                <Input aria-label="手机号" inputMode="tel" />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item name="team" label="班组">
                <Input aria-label="班组" maxLength={50} />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item name="post" label="岗位">
                <Input aria-label="岗位" maxLength={50} />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item name="homeRegion" label="户籍地">
                <Input aria-label="户籍地" maxLength={100} />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item name="returnBatch" label="返岗批次">
                <Input aria-label="返岗批次" maxLength={30} />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item name="returnDate" label="返岗日期">
                <DatePicker style={{ width: '100%' }} aria-label="返岗日期" />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item name="returnMode" label="返岗方式">
                <Select
                  allowClear
                  aria-label="返岗方式"
                  options={RETURN_MODES.map((m) => ({ value: m, label: RETURN_MODE_LABEL[m] }))}
                />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item
                name="category"
                label="人员类别"
                extra="四类人员：确诊病例、疑似病例、发热留观人员、密切接触者"
              >
                <Select
                  allowClear
                  aria-label="人员类别"
                  options={PERSON_CATEGORIES.map((c) => ({ value: c, label: PERSON_CATEGORY_LABEL[c] }))}
                />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Space size={24} wrap>
                <Form.Item name="keyPost" label="重点岗位" valuePropName="checked">
                  <Switch aria-label="重点岗位" />
                </Form.Item>
                <Form.Item name="dormitory" label="住集体宿舍" valuePropName="checked">
                  <Switch aria-label="住集体宿舍" />
                </Form.Item>
                <Form.Item name="needsCard" label="无智能手机（发纸质员工证）" valuePropName="checked">
                  <Switch aria-label="无智能手机" />
                </Form.Item>
              </Space>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="travelHistory"
                label="旅居史（近14天）"
                extra="如实填写去过的地方和日期；没有外出请填“无”。"
                rules={[{ max: 500, message: '旅居史：不超过500字' }]}
              >
                <Input.TextArea rows={3} aria-label="旅居史" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="contactHistory"
                label="接触史"
                extra="与确诊、疑似病例或无症状感染者的接触情况；没有请填“无”。"
                rules={[{ max: 500, message: '接触史：不超过500字' }]}
              >
                <Input.TextArea rows={3} aria-label="接触史" />
              </Form.Item>
            </Col>
          </Row>
          <Space>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="person-save">
              保存
            </Button>
            <Button onClick={() => navigate(-1)}>取消</Button>
          </Space>
        </Form>
      </Card>
    </Page>
  );
}
