import { useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Alert, App, Button, Card, Checkbox, Form, Input, InputNumber, Result, Select, Space, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { errorMessage, isApiError } from '../../api/client.ts';
import type { DeclarationOutcome } from '../../api/health.ts';
import { declare, getMyHealth, newIdempotencyKey, todayProgress } from '../../api/health.ts';
import { applyFieldErrors, clearFieldErrors } from '../../lib/forms.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useRequest } from '../../lib/useRequest.ts';
import {
  DECLARATION_PLACES,
  DECLARATION_PLACE_LABEL,
  FEVER_THRESHOLD_C,
  SYMPTOMS,
  SYMPTOM_CODES,
  Temperature,
  symptomText,
} from './labels.tsx';

interface Values {
  temperatureC?: number | null;
  symptoms?: string[];
  place?: string;
  address?: string;
}

/** 每日健康申报 on the employee's phone: temperature, symptoms, where they are; sent with an Idempotency-Key. */
export default function DeclarePage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const me = useRequest((signal) => getMyHealth(signal), 'my-health');
  const [saving, setSaving] = useState(false);
  const [done, setDone] = useState<{ outcome: DeclarationOutcome; temperatureC: number; symptoms: string[] } | null>(
    null,
  );
  // One key per declaration: a retry after a lost answer sends the same key, so the server records it once.
  const key = useRef<string>(newIdempotencyKey());
  const temperature = Form.useWatch('temperatureC', form);

  const today = todayProgress(me.data);

  const submit = async (v: Values) => {
    clearFieldErrors(form);
    setSaving(true);
    try {
      const result = await declare(
        {
          temperatureC: Number(v.temperatureC),
          symptoms: v.symptoms ?? [],
          location: { place: v.place ?? 'home', ...(v.address?.trim() ? { address: v.address.trim() } : {}) },
        },
        key.current,
      );
      key.current = newIdempotencyKey();
      setDone({ outcome: result, temperatureC: Number(v.temperatureC), symptoms: v.symptoms ?? [] });
      me.reload();
    } catch (error) {
      // A network failure keeps the key: pressing 提交 again retries the same declaration.
      const { unmapped } = applyFieldErrors(form, error, (f) =>
        f === 'location.place' ? 'place' : f === 'location.address' ? 'address' : f,
      );
      if (!isApiError(error) || unmapped.length > 0 || error.errors.length === 0) message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  if (done) {
    const anomaly = done.outcome.anomaly;
    return (
      <Card data-testid="declare-done">
        <Result
          status={anomaly ? 'warning' : 'success'}
          title={done.outcome.duplicate ? '这条申报已经提交过' : anomaly ? '申报成功：体温或症状异常' : '申报成功'}
          subTitle={
            anomaly ? (
              <span data-testid="declare-anomaly">
                已同时通知本企业和疾控部门。请立即到单位隔离观察区暂时隔离，不要自行前往人员密集场所，等待专人安排就医。
              </span>
            ) : (
              '今天的健康情况已上报，请继续做好个人防护。'
            )
          }
          extra={[
            <Button key="status" type="primary" block onClick={() => navigate('/me/status')}>
              查看我的返岗状态
            </Button>,
            <Button key="again" block style={{ marginTop: 8 }} onClick={() => setDone(null)}>
              再次申报
            </Button>,
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          体温 <Temperature value={done.temperatureC} /> · 症状：{symptomText(done.symptoms)}
        </Typography.Paragraph>
      </Card>
    );
  }

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Link to="/me">
        <ArrowLeftOutlined /> 返回
      </Link>
      <Typography.Title level={4} style={{ margin: 0 }}>
        每日健康申报
      </Typography.Title>
      {today && (
        <Alert
          type={today.made >= today.required ? 'success' : 'info'}
          showIcon
          data-testid="declare-today"
          message={`今天需申报 ${today.required} 次，已申报 ${today.made} 次`}
          description={
            today.required > 1
              ? '居住集体宿舍或处于隔离期间的员工每天测温申报 2 次（上午、下午各一次）。'
              : today.required === 0
                ? me.data?.declarationRequirement.basis
                : '每天测温并如实申报；出现发热、咳嗽等症状请立即申报。'
          }
        />
      )}
      {me.error && !me.data ? <Alert type="warning" showIcon message={errorMessage(me.error)} /> : null}
      <Card size="small">
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={(v) => void submit(v)}
          initialValues={{ symptoms: [], place: 'home' }}
          data-testid="declare-form"
        >
          <Form.Item
            name="temperatureC"
            label="体温（℃）"
            rules={[
              { required: true, message: '体温：请填写体温' },
              { type: 'number', min: 34, max: 43, message: '体温：应在 34.0℃ 至 43.0℃ 之间，请复测后重新填写' },
            ]}
            extra={
              typeof temperature === 'number' && temperature >= FEVER_THRESHOLD_C ? (
                <Typography.Text type="danger">体温≥37.3℃，提交后将通知企业和疾控部门</Typography.Text>
              ) : undefined
            }
          >
            <InputNumber
              style={{ width: '100%' }}
              step={0.1}
              precision={1}
              inputMode="decimal"
              placeholder="如 36.5"
              aria-label="体温"
              size="large"
            />
          </Form.Item>
          <Form.Item name="symptoms" label="今天是否有以下症状（没有则不选）">
            <Checkbox.Group style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 8 }}>
              {SYMPTOM_CODES.map((c) => (
                <Checkbox key={c} value={c}>
                  {SYMPTOMS[c].label}
                </Checkbox>
              ))}
            </Checkbox.Group>
          </Form.Item>
          <Form.Item name="place" label="现在所在地" rules={[{ required: true, message: '所在地：请选择' }]}>
            <Select
              aria-label="现在所在地"
              options={DECLARATION_PLACES.map((p) => ({ value: p, label: DECLARATION_PLACE_LABEL[p] }))}
            />
          </Form.Item>
          <Form.Item name="address" label="详细地址（选填）" rules={[{ max: 200, message: '详细地址：不超过200字' }]}>
            <Input placeholder="如 青山湖区某小区 3 栋" aria-label="详细地址" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={saving} data-testid="declare-submit">
            提交申报
          </Button>
        </Form>
      </Card>
      {(me.data?.recentDeclarations.length ?? 0) > 0 && (
        <Card size="small" title="最近申报">
          {me.data!.recentDeclarations.slice(0, 6).map((d) => (
            <div key={d.id} style={{ display: 'flex', justifyContent: 'space-between', padding: '4px 0', gap: 8 }}>
              <span>{formatDateTime(d.at)}</span>
              <span>
                <Temperature value={d.temperatureC} /> {d.symptoms.length ? symptomText(d.symptoms) : ''}
              </span>
            </div>
          ))}
        </Card>
      )}
    </Space>
  );
}
