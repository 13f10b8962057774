import { useState } from 'react';
import { App, DatePicker, Form, Input, InputNumber, Modal, Steps } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { errorMessage } from '../../api/client.ts';
import type { AnomalyCase } from '../../api/health.ts';
import { moveAnomaly } from '../../api/health.ts';
import type { CurrentUser } from '../../api/types.ts';
import { formatDateTime } from '../../lib/format.ts';
import { applyFieldErrors, clearFieldErrors } from '../../lib/forms.ts';
import { ANOMALY_STATE_LABEL } from './labels.tsx';
import type { AnomalyState } from './labels.tsx';

/** Next steps of a case (src/domain/health/anomaly-case.ts ANOMALY_TRANSITIONS) and who may take them. */
export const NEXT: Record<string, AnomalyState[]> = {
  reported: ['isolated', 'referred', 'closed_recheck_normal'],
  isolated: ['referred', 'closed_recheck_normal'],
  referred: ['excluded', 'observation', 'suspected', 'confirmed'],
  observation: ['excluded', 'suspected', 'confirmed'],
  suspected: ['excluded', 'confirmed'],
};
export const ENTERPRISE_MAY: AnomalyState[] = ['isolated', 'referred'];

export const ACTION_LABEL: Partial<Record<AnomalyState, string>> = {
  isolated: '送隔离观察区',
  referred: '转诊（专人专车）',
  observation: '结果：留院观察',
  suspected: '结果：疑似病例',
  excluded: '结果：排除',
  confirmed: '结果：确诊病例',
  closed_recheck_normal: '复测正常（误报）',
};

/** The flow of a case with the time of each step: 上报 → 隔离观察区 → 转诊 → 结果. */
export function CaseTimeline({ c }: { c: AnomalyCase }) {
  const t0 = new Date(c.detectedAt).getTime();
  return (
    <Steps
      direction="vertical"
      size="small"
      current={c.history.length - 1}
      data-testid="anomaly-timeline"
      items={c.history.map((e) => {
        const minutes = Math.round((new Date(e.at).getTime() - t0) / 60_000);
        return {
          title: ANOMALY_STATE_LABEL[e.to as AnomalyState] ?? e.to,
          description: (
            <span>
              {formatDateTime(e.at)}
              {e.from ? `（发现后 ${minutes} 分钟）` : ''}
              {e.to === 'isolated' && c.isolationArea ? ` · ${c.isolationArea}` : ''}
              {e.to === 'referred' && c.facility ? ` · ${c.facility}` : ''}
              {e.note ? ` · ${e.note}` : ''}
            </span>
          ),
        };
      })}
    />
  );
}

interface StepValues {
  at?: Dayjs;
  isolationArea?: string;
  facility?: string;
  recheckTemperatureC?: number;
  note?: string;
}

export function StepModal({
  target,
  onClose,
  onDone,
}: {
  target: { c: AnomalyCase; to: AnomalyState } | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<StepValues>();
  const [saving, setSaving] = useState(false);
  const to = target?.to;

  const submit = async () => {
    if (!target) return;
    let v: StepValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    clearFieldErrors(form);
    setSaving(true);
    try {
      await moveAnomaly(target.c.id, {
        to: target.to,
        version: target.c.version,
        ...(v.at ? { at: v.at.format('YYYY-MM-DDTHH:mm:ssZ') } : {}),
        ...(v.isolationArea ? { isolationArea: v.isolationArea.trim() } : {}),
        ...(v.facility ? { facility: v.facility.trim() } : {}),
        ...(v.recheckTemperatureC !== undefined ? { recheckTemperatureC: v.recheckTemperatureC } : {}),
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      });
      message.success(`已记录：${ANOMALY_STATE_LABEL[target.to]}`);
      form.resetFields();
      onDone();
    } catch (error) {
      const { mapped, unmapped } = applyFieldErrors(form, error);
      if (mapped === 0 || unmapped.length) message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={Boolean(target)}
      title={target ? `${target.c.personName ?? '员工'}：${ACTION_LABEL[target.to]}` : ''}
      okText="确认记录"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnClose
    >
      <Form<StepValues> form={form} layout="vertical" preserve={false} data-testid="anomaly-step-form">
        {to === 'isolated' && (
          <Form.Item
            name="isolationArea"
            label="隔离观察区"
            rules={[{ required: true, whitespace: true, message: '隔离观察区：请填写隔离观察区域' }]}
          >
            <Input aria-label="隔离观察区" placeholder="如 厂区东门临时隔离室" />
          </Form.Item>
        )}
        {to === 'referred' && (
          <Form.Item
            name="facility"
            label="转诊机构"
            rules={[{ required: true, whitespace: true, message: '转诊机构：请填写定点医疗机构或发热门诊' }]}
          >
            <Input aria-label="转诊机构" placeholder="如 南昌大学第一附属医院发热门诊" />
          </Form.Item>
        )}
        {to === 'closed_recheck_normal' && (
          <Form.Item
            name="recheckTemperatureC"
            label="复测体温（℃）"
            rules={[{ required: true, message: '复测体温：请填写复测体温' }]}
          >
            <InputNumber step={0.1} precision={1} min={34} max={43} style={{ width: '100%' }} aria-label="复测体温" />
          </Form.Item>
        )}
        <Form.Item name="at" label="处置时间" extra="不填则为当前时间；不能早于上一步的时间。">
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%' }}
            disabledDate={(d) => d.isAfter(dayjs())}
            aria-label="处置时间"
          />
        </Form.Item>
        <Form.Item name="note" label="说明（选填）" rules={[{ max: 500, message: '说明：不超过500字' }]}>
          <Input.TextArea rows={2} aria-label="说明" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The steps this user may take next on a case (results are the CDC's). */
export function nextStepsFor(user: CurrentUser, c: AnomalyCase): AnomalyState[] {
  if (!user.permissions.includes('health.anomaly.manage')) return [];
  return (NEXT[c.state] ?? []).filter((to) => user.role === 'cdc' || ENTERPRISE_MAY.includes(to));
}
