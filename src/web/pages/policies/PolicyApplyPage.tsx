import { useMemo, useRef, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { Alert, App, Button, Card, Descriptions, Form, Input, Result, Space, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { api, errorMessage, isApiError } from '../../api/client.ts';
import type { FactValue, MatchItem } from '../../api/policies.ts';
import { getMatches, getPolicy, submitApplication, uploadAttachment } from '../../api/policies.ts';
import { useCurrentUser } from '../../auth/AuthContext.tsx';
import { Page } from '../../components/Page.tsx';
import { factValueText } from '../../components/PolicyTrace.tsx';
import { useRequest } from '../../lib/useRequest.ts';
import { LoadFailed } from '../errors/ErrorPages.tsx';
import { FactInput, SourceRef, yuan } from './common.tsx';

interface ApplyValues {
  facts: Record<string, FactValue | null>;
  accountName: string;
  bankName: string;
  accountNo: string;
}

/** 快申快享 / 在线申请: the form filled from 一企一档, the facts only the enterprise knows, the payee account, files. */
export default function PolicyApplyPage() {
  const { ruleId = '' } = useParams();
  const [params] = useSearchParams();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<ApplyValues>();
  const enterpriseId = user.enterpriseId ?? 0;
  const asOf = params.get('asOf') ?? undefined;
  const policyId = ruleId.split('.')[0] ?? '';
  const data = useRequest(
    async (signal) => {
      const [matches, policy] = await Promise.all([
        getMatches(enterpriseId, { asOf, all: true }, signal),
        getPolicy(policyId, signal),
      ]);
      return { matches, policy };
    },
    `${ruleId}|${asOf ?? ''}`,
  );
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [saving, setSaving] = useState(false);
  const [estimate, setEstimate] = useState<string | null>(null);
  const idempotencyKey = useRef(crypto.randomUUID());

  const item: MatchItem | undefined = data.data?.matches.items.find((i) => i.ruleId === ruleId);
  const rule = data.data?.policy.rules.find((r) => r.id === ruleId);
  const known = useMemo(() => new Map((data.data?.matches.facts ?? []).map((f) => [f.name, f])), [data.data]);
  const initial = useMemo(() => {
    if (!data.data || !rule) return undefined;
    const facts: Record<string, FactValue | null> = {};
    for (const f of rule.applicationFacts) facts[f.name] = known.get(f.name)?.value ?? null;
    const payee = data.data.matches.payeeAccount;
    return {
      facts,
      accountName: payee?.accountName ?? data.data.matches.enterprise.name,
      bankName: payee?.bankName ?? '',
      accountNo: payee?.accountNo ?? '',
    };
  }, [data.data, rule, known]);

  if (data.error && !data.loading) return <LoadFailed detail={errorMessage(data.error)} onRetry={data.reload} />;
  if (data.data && (!rule || !item)) {
    return (
      <Result
        status="warning"
        title="该政策条款未发布或不适用于本企业"
        extra={<Button onClick={() => navigate('/policy-matches')}>返回</Button>}
      />
    );
  }

  const factsOf = (v: ApplyValues) =>
    Object.fromEntries(Object.entries(v.facts ?? {}).filter(([, x]) => x !== null && x !== undefined && x !== ''));

  const runEstimate = async () => {
    try {
      const v = form.getFieldsValue();
      const res = await api.post<{ results: MatchItem[] }>('/api/policies/evaluate', {
        enterpriseId,
        facts: factsOf(v),
        ...(asOf ? { asOf } : {}),
      });
      const r = res.results.find((x) => x.ruleId === ruleId);
      if (!r) return setEstimate(null);
      setEstimate(
        r.eligible === true
          ? `符合条件，测算金额 ${yuan(r.payableFen ?? r.amountFen)}${r.capped ? '（已封顶）' : ''}`
          : r.eligible === false
            ? '按所填信息不符合条件'
            : `还需补充：${r.missingFacts.map((n) => known.get(n)?.label ?? rule?.applicationFacts.find((f) => f.name === n)?.label ?? n).join('、')}`,
      );
    } catch (error) {
      setEstimate(errorMessage(error));
    }
  };

  const submit = async (v: ApplyValues) => {
    setSaving(true);
    try {
      const created = await submitApplication(
        {
          ruleId,
          facts: factsOf(v),
          payee: { accountName: v.accountName.trim(), bankName: v.bankName.trim(), accountNo: v.accountNo.trim() },
        },
        idempotencyKey.current,
      );
      for (const f of files) {
        if (f.originFileObj) await uploadAttachment(created.id, f.originFileObj);
      }
      message.success(`已提交申请，测算金额 ${yuan(created.amountFen)}，请等待主管部门审核`);
      navigate(`/policy-applications/${created.id}`);
    } catch (error) {
      if (isApiError(error) && error.errors.length) {
        form.setFields(
          error.errors.map((e) => ({
            name: (e.field.startsWith('facts.')
              ? ['facts', e.field.slice(6)]
              : [e.field.replace(/^payee\./, '')]) as never,
            errors: [e.message],
          })),
        );
      }
      message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Page title={rule ? `申请：${rule.title}` : '申请'} loading={!data.data}>
      {rule && item && initial && (
        <Form<ApplyValues>
          form={form}
          layout="vertical"
          initialValues={initial}
          onFinish={(v) => void submit(v)}
          data-testid="apply-form"
          style={{ maxWidth: 880 }}
        >
          <Card size="small" title="政策条款" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={1}>
              <Descriptions.Item label="享受标准">
                {rule.benefit.label}
                {rule.benefit.formula ? ` = ${rule.benefit.formula}` : ''}
              </Descriptions.Item>
              <Descriptions.Item label="办理方式">{rule.howToClaim}</Descriptions.Item>
              <Descriptions.Item label="依据">
                <SourceRef source={rule.source} text={rule.sourceText} />
              </Descriptions.Item>
              <Descriptions.Item label="当前测算">
                {item.eligible === true
                  ? yuan(item.payableFen ?? item.amountFen)
                  : item.eligible === null
                    ? '待补充信息'
                    : '不符合'}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card size="small" title="一企一档信息（自动带入，如有误请先更新企业档案）" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={{ xs: 1, md: 2 }} data-testid="prefilled-facts">
              {rule.requiredFacts
                .filter((n) => known.has(n) && !rule.applicationFacts.some((f) => f.name === n))
                .map((n) => {
                  const f = known.get(n)!;
                  return (
                    <Descriptions.Item key={n} label={f.label}>
                      {factValueText(f.value, f.unit, f.values)}（{f.originLabel}）
                    </Descriptions.Item>
                  );
                })}
            </Descriptions>
          </Card>
          <Card size="small" title="申请信息" style={{ marginBottom: 16 }}>
            {rule.applicationFacts.length === 0 && <Typography.Text type="secondary">无需另行填写。</Typography.Text>}
            {rule.applicationFacts.map((f) => {
              const info = known.get(f.name);
              const missing = item.missing.find((m) => m.name === f.name);
              return (
                <Form.Item
                  key={f.name}
                  name={['facts', f.name]}
                  label={`${f.label}${f.unit === '分' ? '（元）' : f.unit ? `（${f.unit}）` : ''}`}
                  extra={missing?.description ?? info?.description}
                  rules={[{ required: true, message: `${f.label}：请填写` }]}
                >
                  <FactInput fact={{ ...f, values: missing?.values ?? info?.values ?? null }} />
                </Form.Item>
              );
            })}
            <Space>
              <Button onClick={() => void runEstimate()}>按所填信息测算</Button>
              {estimate && <Typography.Text data-testid="apply-estimate">{estimate}</Typography.Text>}
            </Space>
          </Card>
          <Card size="small" title="收款账户" style={{ marginBottom: 16 }}>
            <Form.Item
              name="accountName"
              label="收款账户名"
              rules={[{ required: true, message: '收款账户名：请填写' }]}
            >
              <Input />
            </Form.Item>
            <Form.Item name="bankName" label="开户银行" rules={[{ required: true, message: '开户银行：请填写' }]}>
              <Input />
            </Form.Item>
            <Form.Item
              name="accountNo"
              label="收款账号"
              rules={[
                { required: true, message: '收款账号：请填写' },
                { pattern: /^\d{8,32}$/, message: '收款账号：应为 8–32 位数字' },
              ]}
            >
              <Input inputMode="numeric" />
            </Form.Item>
          </Card>
          <Card size="small" title="证明材料" style={{ marginBottom: 16 }}>
            <Upload
              multiple
              fileList={files}
              beforeUpload={() => false}
              onChange={({ fileList }) => setFiles(fileList)}
              accept=".pdf,.jpg,.jpeg,.png,.doc,.docx,.xls,.xlsx"
            >
              <Button icon={<UploadOutlined />}>选择文件</Button>
            </Upload>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              PDF、图片、Word、Excel，单个不超过 20 MB。
            </Typography.Text>
          </Card>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            message="提交即承诺所填信息真实；主管部门将核对共享数据，审核通过后公示，公示无异议后拨付。"
          />
          <Button type="primary" htmlType="submit" loading={saving} data-testid="apply-submit">
            提交申请
          </Button>
        </Form>
      )}
    </Page>
  );
}
