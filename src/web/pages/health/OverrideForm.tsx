import { useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { errorMessage } from '../../api/client.ts';
import type { Override } from '../../api/health.ts';
import { proposeOverride } from '../../api/health.ts';
import { applyFieldErrors, clearFieldErrors } from '../../lib/forms.ts';
import { OVERRIDE_REASONS, OVERRIDE_REASON_CODES, STATUS_INFO } from './labels.tsx';
import type { OverrideReasonCode } from '../../../domain/health/reasons.ts';

interface Values {
  reasonCode?: OverrideReasonCode;
  status?: string;
  evidenceRef?: string;
  expiresAt?: Dayjs;
  note?: string;
}

/**
 * 发起人工研判: a CDC user proposes a status for a person, for a reason from the closed list only, with evidence and
 * an expiry no later than the reason allows. It takes effect only when a different CDC user confirms it.
 */
export function OverrideFormModal({
  personId,
  personName,
  open,
  onClose,
  onProposed,
}: {
  personId: number;
  personName: string;
  open: boolean;
  onClose: () => void;
  onProposed: (o: Override) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const reasonCode = Form.useWatch('reasonCode', form);
  const reason = reasonCode ? OVERRIDE_REASONS[reasonCode] : undefined;

  const submit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    clearFieldErrors(form);
    setSaving(true);
    try {
      const o = await proposeOverride({
        personId,
        reasonCode: v.reasonCode!,
        status: v.status!,
        evidenceRef: v.evidenceRef!.trim(),
        expiresAt: v.expiresAt!.format('YYYY-MM-DDTHH:mm:ssZ'),
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      });
      message.success('已提交，待另一名疾控人员复核后生效');
      form.resetFields();
      onProposed(o);
    } catch (error) {
      const { mapped, unmapped } = applyFieldErrors(form, error);
      if (mapped === 0 || unmapped.length) message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={`发起人工研判：${personName}`}
      okText="提交复核"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnClose
      width={560}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="两人复核"
        description="研判只能从防疫理由清单中选择，须附证据材料并设有效期；提交后处于“待复核”，由另一名疾控人员确认后才生效，发起人不能自己确认。"
      />
      <Form<Values> form={form} layout="vertical" data-testid="override-form">
        <Form.Item name="reasonCode" label="研判理由" rules={[{ required: true, message: '研判理由：请从清单中选择' }]}>
          <Select
            aria-label="研判理由"
            placeholder="从防疫研判理由清单中选择"
            options={OVERRIDE_REASON_CODES.map((c) => ({ value: c, label: OVERRIDE_REASONS[c].label }))}
            onChange={(code: OverrideReasonCode) => {
              const def = OVERRIDE_REASONS[code];
              form.setFieldsValue({
                status: def.allowedStatuses.length === 1 ? def.allowedStatuses[0] : undefined,
                expiresAt: dayjs().add(def.maxDays, 'day').startOf('hour'),
              });
            }}
          />
        </Form.Item>
        {reason && (
          <Typography.Paragraph type="secondary" style={{ marginTop: -12 }}>
            依据：<span className="ss-mono">{reason.source}</span>“{reason.quote}”；最长 {reason.maxDays} 天。
          </Typography.Paragraph>
        )}
        <Form.Item name="status" label="研判状态" rules={[{ required: true, message: '研判状态：请选择' }]}>
          <Select
            aria-label="研判状态"
            disabled={!reason}
            options={(reason?.allowedStatuses ?? []).map((s) => ({ value: s, label: STATUS_INFO[s].label }))}
          />
        </Form.Item>
        <Form.Item
          name="evidenceRef"
          label={reason ? `证据材料（${reason.evidence}）` : '证据材料'}
          rules={[
            { required: true, whitespace: true, message: '证据材料：请填写证据编号' },
            { max: 200, message: '证据材料：不超过200字' },
          ]}
        >
          <Input aria-label="证据材料" placeholder={reason?.evidence ?? '证据编号'} />
        </Form.Item>
        <Form.Item
          name="expiresAt"
          label="有效期至"
          rules={[
            { required: true, message: '有效期至：请选择到期时间' },
            {
              validator: (_, value: Dayjs | undefined) => {
                if (!value || !reason) return Promise.resolve();
                if (value.isBefore(dayjs())) return Promise.reject(new Error('有效期至：必须晚于当前时间'));
                if (value.isAfter(dayjs().add(reason.maxDays, 'day')))
                  return Promise.reject(new Error(`有效期至：该理由最长${reason.maxDays}天`));
                return Promise.resolve();
              },
            },
          ]}
        >
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%' }}
            aria-label="有效期至"
          />
        </Form.Item>
        <Form.Item name="note" label="说明（选填）" rules={[{ max: 500, message: '说明：不超过500字' }]}>
          <Input.TextArea rows={2} aria-label="说明" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
