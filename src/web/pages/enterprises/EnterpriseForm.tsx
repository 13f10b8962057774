import type { ReactNode } from 'react';
import { useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import { ApiError } from '../../api/client.ts';
import type { EnterpriseInput } from '../../api/enterprises.ts';
import { ENTERPRISE_SELF_EDITABLE, FLAG_NAMES, createEnterprise, updateEnterprise } from '../../api/enterprises.ts';
import { fetchZones } from '../../api/regions.ts';
import type { Enterprise, FlagName, KeyList } from '../../api/types.ts';
import { useCurrentUser } from '../../auth/AuthContext.tsx';
import { RegionCascader } from '../../components/RegionCascader.tsx';
import { UserSelect } from '../../components/UserSelect.tsx';
import { newIdempotencyKey } from '../../lib/deployment.ts';
import { fenToWanYuanInput, wanYuanToFen } from '../../lib/format.ts';
import { applyFieldErrors, clearFieldErrors } from '../../lib/forms.ts';
import { FLAG_LABEL_FALLBACK, KEY_LIST_LABEL_FALLBACK } from '../../lib/labels.ts';
import { useReference } from '../../lib/reference.ts';
import { useRequest } from '../../lib/useRequest.ts';

export type EnterpriseFormMode = 'create' | 'edit' | 'self';

interface FormValues {
  creditCode: string;
  name: string;
  legalRep: string;
  contactName: string;
  contactPhone: string;
  address: string;
  regionCode: string | null;
  zoneCode: string | null;
  industryCode: string | undefined;
  employees: number | null;
  revenueWan: string;
  assetsWan: string;
  flags: Record<FlagName, boolean>;
  keyList: KeyList | null;
  liaisonUserId: number | null;
}

/** API field → the form field that edits it. */
const FORM_FIELD: Record<string, string> = { revenueFen: 'revenueWan', assetsFen: 'assetsWan' };
const API_FIELD: Record<string, string> = { revenueWan: 'revenueFen', assetsWan: 'assetsFen' };

function valuesOf(e: Enterprise | undefined): Partial<FormValues> {
  if (!e) {
    return {
      flags: {
        aboveScaleIndustry: false,
        aboveQuotaTrade: false,
        epidemicSupplies: false,
        essentials: false,
        chainCore: false,
      },
      zoneCode: null,
      keyList: null,
      liaisonUserId: null,
      regionCode: null,
    };
  }
  return {
    creditCode: e.creditCode,
    name: e.name,
    legalRep: e.legalRep,
    contactName: e.contactName,
    contactPhone: e.contactPhone,
    address: e.address,
    regionCode: e.regionCode,
    zoneCode: e.zoneCode,
    industryCode: e.industryCode,
    employees: e.employees,
    revenueWan: fenToWanYuanInput(e.revenueFen),
    assetsWan: fenToWanYuanInput(e.assetsFen),
    flags: { ...e.flags },
    keyList: e.keyList,
    liaisonUserId: e.liaisonUserId,
  };
}

/** The form's values as the API takes them (money in fen). */
function inputOf(v: FormValues): EnterpriseInput {
  const revenue = wanYuanToFen(v.revenueWan ?? '');
  const assets = wanYuanToFen(v.assetsWan ?? '');
  return {
    creditCode: v.creditCode?.trim().toUpperCase(),
    name: v.name?.trim(),
    legalRep: v.legalRep?.trim(),
    contactName: v.contactName?.trim(),
    contactPhone: v.contactPhone?.trim(),
    address: v.address?.trim(),
    regionCode: v.regionCode ?? undefined,
    zoneCode: v.zoneCode ?? null,
    industryCode: v.industryCode,
    employees: v.employees ?? undefined,
    revenueFen: revenue.ok ? revenue.fen : undefined,
    assetsFen: assets.ok ? assets.fen : undefined,
    flags: { ...v.flags },
    keyList: v.keyList ?? null,
    liaisonUserId: v.liaisonUserId ?? null,
  };
}

const moneyRule = {
  validator: (_: unknown, value: string | undefined) => {
    const parsed = wanYuanToFen(value ?? '');
    return parsed.ok ? Promise.resolve() : Promise.reject(new Error(parsed.message));
  },
};

function Section({ title, children, extra }: { title: string; children: ReactNode; extra?: ReactNode }) {
  return (
    <Card title={title} size="small" extra={extra} style={{ marginBottom: 16 }}>
      <Row gutter={16}>{children}</Row>
    </Card>
  );
}

const half = { xs: 24, md: 12 } as const;

export interface EnterpriseFormProps {
  mode: EnterpriseFormMode;
  enterprise?: Enterprise;
  onSaved: (enterprise: Enterprise) => void;
  onCancel: () => void;
  /** After a conflict (409): load the current version again. */
  onReload?: () => void;
}

/**
 * 一企一档 form. Government users edit every field; an enterprise administrator ('self') edits only the fields the
 * server lets it (ENTERPRISE_SELF_EDITABLE), the rest are shown but locked. Edits send `version`; only the fields
 * that changed are sent.
 */
export function EnterpriseForm({ mode, enterprise, onSaved, onCancel, onReload }: EnterpriseFormProps) {
  const user = useCurrentUser();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const { reference } = useReference();
  const zones = useRequest(() => fetchZones(), 'zones');
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<{ detail: string; more: string[] } | null>(null);
  const [idempotencyKey] = useState(newIdempotencyKey);
  const initial = useMemo(() => valuesOf(enterprise), [enterprise]);

  const editable = (field: string): boolean => {
    if (mode === 'create') return true;
    if (field === 'creditCode') return false;
    if (mode === 'self') return (ENTERPRISE_SELF_EDITABLE as readonly string[]).includes(API_FIELD[field] ?? field);
    return true;
  };
  const canPickLiaison = user.permissions.includes('user.read');
  const flagLabels = reference?.flags ?? FLAG_LABEL_FALLBACK;
  const keyListLabels = reference?.keyLists ?? KEY_LIST_LABEL_FALLBACK;

  const industryOptions = useMemo(() => {
    const groups = (reference?.industries ?? []).map((s) => ({
      label: `${s.code} ${s.name}`,
      options: s.divisions.map((d) => ({ value: d.code, label: `${d.code} ${d.name}` })),
    }));
    const current = enterprise?.industryCode;
    if (current && current.length === 4) {
      groups.unshift({
        label: '当前行业小类',
        options: [{ value: current, label: `${current} ${enterprise?.industryName ?? ''}（小类）` }],
      });
    }
    return groups;
  }, [reference, enterprise]);

  const conflict = (detail: string) => {
    modal.confirm({
      title: '该企业信息已被他人修改',
      content: `${detail}。重新加载将显示最新信息，您在本页未保存的修改会丢失。`,
      okText: '重新加载',
      cancelText: '留在此页',
      onOk: () => onReload?.(),
    });
  };

  const onFinish = async (values: FormValues) => {
    setProblem(null);
    clearFieldErrors(form);
    const input = inputOf(values);
    let body: EnterpriseInput = input;
    if (mode !== 'create' && enterprise) {
      const before = inputOf({ ...(initial as FormValues) });
      const changed: EnterpriseInput = {};
      for (const key of Object.keys(input) as (keyof EnterpriseInput)[]) {
        if (key === 'creditCode' || !editable(FORM_FIELD[key] ?? key)) continue;
        if (key === 'flags') {
          const flags = FLAG_NAMES.filter((f) => input.flags?.[f] !== before.flags?.[f]);
          if (flags.length) changed.flags = Object.fromEntries(flags.map((f) => [f, Boolean(input.flags?.[f])]));
          continue;
        }
        if (key === 'liaisonUserId' && !canPickLiaison) continue;
        if (JSON.stringify(input[key] ?? null) !== JSON.stringify(before[key] ?? null)) {
          (changed as Record<string, unknown>)[key] = input[key];
        }
      }
      if (Object.keys(changed).length === 0) {
        message.info('没有需要保存的修改');
        return;
      }
      body = changed;
    } else {
      if (!body.zoneCode) delete body.zoneCode;
      if (!body.keyList) delete body.keyList;
      if (!body.liaisonUserId) delete body.liaisonUserId;
    }
    setSaving(true);
    try {
      const saved =
        mode === 'create' || !enterprise
          ? await createEnterprise(body, idempotencyKey)
          : await updateEnterprise(enterprise.id, { ...body, version: enterprise.version });
      message.success(mode === 'create' ? '企业已登记' : '已保存');
      onSaved(saved);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && error.field === 'version') {
        conflict(error.detail);
        return;
      }
      const { mapped, unmapped } = applyFieldErrors(form, error, (field) => FORM_FIELD[field] ?? field);
      const detail = error instanceof ApiError ? error.detail : '保存失败，请稍后重试';
      setProblem({
        detail: mapped > 0 ? '请按提示修改标红的内容后再保存。' : detail,
        more: mapped > 0 ? unmapped : [],
      });
      if (mapped > 0) {
        const first = form.getFieldsError().find((f) => f.errors.length > 0);
        if (first) form.scrollToField(first.name, { block: 'center' });
      } else {
        window.scrollTo({ top: 0, behavior: 'smooth' });
      }
    } finally {
      setSaving(false);
    }
  };

  const locked = (field: string) => !editable(field);

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={onFinish}
      scrollToFirstError={{ block: 'center' }}
      data-testid="enterprise-form"
    >
      {mode === 'self' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message="企业可修改法定代表人、联系人、联系电话、地址、从业人员、营业收入、资产总额和行业；其余信息由主管部门维护。"
        />
      )}
      {problem && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message="保存失败"
          description={
            <>
              <div>{problem.detail}</div>
              {problem.more.map((m) => (
                <div key={m}>{m}</div>
              ))}
            </>
          }
          data-testid="form-error"
        />
      )}
      <Section title="基本信息">
        <Col {...half}>
          <Form.Item
            name="name"
            label="企业名称"
            rules={[
              { required: true, whitespace: true, message: '请填写企业名称' },
              { min: 2, max: 100, message: '企业名称：2–100 个字' },
            ]}
          >
            <Input disabled={locked('name')} maxLength={100} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="creditCode"
            label="统一社会信用代码"
            rules={[
              { required: mode === 'create', whitespace: true, message: '请填写统一社会信用代码' },
              { len: 18, message: '统一社会信用代码：应为 18 位' },
            ]}
            normalize={(v: string) => v?.toUpperCase()}
          >
            <Input disabled={locked('creditCode')} maxLength={18} className="ss-mono" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="legalRep"
            label="法定代表人"
            rules={[{ required: true, whitespace: true, message: '请填写法定代表人' }]}
          >
            <Input disabled={locked('legalRep')} maxLength={50} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="contactName"
            label="联系人"
            rules={[{ required: true, whitespace: true, message: '请填写联系人' }]}
          >
            <Input disabled={locked('contactName')} maxLength={50} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="contactPhone"
            label="联系电话"
            rules={[
              { required: true, whitespace: true, message: '请填写联系电话' },
              {
                pattern: /^\s*(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)\s*$/,
                message: '联系电话：应为手机号（11 位）或带区号的固定电话',
              },
            ]}
          >
            <Input disabled={locked('contactPhone')} inputMode="tel" maxLength={20} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="address"
            label="地址"
            rules={[
              { required: true, whitespace: true, message: '请填写地址' },
              { min: 2, max: 200, message: '地址：2–200 个字' },
            ]}
          >
            <Input disabled={locked('address')} maxLength={200} />
          </Form.Item>
        </Col>
      </Section>

      <Section title="所在区域">
        <Col {...half}>
          {locked('regionCode') ? (
            <Form.Item label="所在区域">
              <Input disabled value={enterprise?.regionPath ?? ''} />
            </Form.Item>
          ) : (
            <Form.Item
              name="regionCode"
              label="所在区域"
              rules={[{ required: true, message: '请选择所在区域（县区 → 乡镇街道 → 村社区 / 网格）' }]}
              extra="至少选到县（区）；能选到乡镇（街道）或村（社区）、网格更好。"
            >
              <RegionCascader placeholder="县（区） / 乡镇（街道） / 村（社区） / 网格" />
            </Form.Item>
          )}
        </Col>
        <Col {...half}>
          <Form.Item name="zoneCode" label="功能区" extra="不选时按所在乡镇（街道）归属的功能区。">
            <Select
              disabled={locked('zoneCode')}
              allowClear
              placeholder="不属于功能区"
              loading={zones.loading}
              options={(zones.data ?? []).map((z) => ({ value: z.code, label: z.name }))}
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          {canPickLiaison && !locked('liaisonUserId') ? (
            <Form.Item name="liaisonUserId" label="驻企联络员" extra="网格员/驻企联络员账号。">
              <UserSelect role="grid" placeholder="搜索网格员姓名或用户名" initialLabel={enterprise?.liaisonName} />
            </Form.Item>
          ) : (
            <Form.Item label="驻企联络员" extra={mode === 'self' ? undefined : '联络员由系统管理员指派。'}>
              <Input disabled value={enterprise?.liaisonName ?? '未指派'} />
            </Form.Item>
          )}
        </Col>
      </Section>

      <Section title="行业与规模">
        <Col {...half}>
          <Form.Item
            name="industryCode"
            label="行业（GB/T 4754-2017 大类）"
            rules={[{ required: true, message: '请选择行业' }]}
          >
            <Select
              disabled={locked('industryCode')}
              showSearch
              optionFilterProp="label"
              placeholder="输入行业名称或代码搜索"
              options={industryOptions}
              loading={!reference}
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="employees" label="从业人员（人）" rules={[{ required: true, message: '请填写从业人员' }]}>
            <InputNumber
              disabled={locked('employees')}
              min={0}
              max={10_000_000}
              precision={0}
              style={{ width: '100%' }}
              inputMode="numeric"
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="revenueWan"
            label="营业收入（万元）"
            rules={[{ required: true, message: '请填写营业收入' }, moneyRule]}
            extra="上年营业收入，单位万元，可填 6 位小数。"
          >
            <Input disabled={locked('revenueWan')} suffix="万元" inputMode="decimal" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="assetsWan"
            label="资产总额（万元）"
            rules={[{ required: true, message: '请填写资产总额' }, moneyRule]}
          >
            <Input disabled={locked('assetsWan')} suffix="万元" inputMode="decimal" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Typography.Text type="secondary">
            企业规模（大型、中型、小型、微型）由行业、从业人员、营业收入和资产总额自动划分。
          </Typography.Text>
        </Col>
      </Section>

      <Section title="标记与重点企业名单">
        <Col span={24}>
          <Form.Item label="标记" style={{ marginBottom: 8 }}>
            <Space wrap size={[16, 4]}>
              {FLAG_NAMES.map((f) => (
                <Form.Item key={f} name={['flags', f]} valuePropName="checked" noStyle>
                  <Checkbox disabled={locked('flags')}>{flagLabels[f]}</Checkbox>
                </Form.Item>
              ))}
            </Space>
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="keyList" label="重点企业名单">
            <Select
              disabled={locked('keyList')}
              allowClear
              placeholder="不在重点企业名单"
              options={Object.entries(keyListLabels).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
        </Col>
      </Section>

      <Space style={{ marginBottom: 24 }} wrap>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="enterprise-save">
          {mode === 'create' ? '登记企业' : '保存'}
        </Button>
        <Button onClick={onCancel} disabled={saving}>
          取消
        </Button>
      </Space>
    </Form>
  );
}
