import { Descriptions, Empty, Tag, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { CheckCircleTwoTone, CloseCircleTwoTone, QuestionCircleTwoTone } from '@ant-design/icons';
import type { FactValue, StackingOutcome, TraceStep } from '../api/policies.ts';

const STEP_LABEL: Record<TraceStep['step'], string> = {
  'in-force': '有效期',
  jurisdiction: '适用地区',
  condition: '条件',
  formula: '计算',
  cap: '封顶',
  stacking: '就高不重复',
};

/** A fact value as a reviewer reads it. */
export function factValueText(
  value: FactValue | null | undefined,
  unit?: string | null,
  values?: readonly (string | { value: string; label: string })[] | null,
): string {
  if (value === null || value === undefined) return '（缺）';
  if (typeof value === 'boolean') return value ? '是' : '否';
  const choice = values?.find((v) => typeof v !== 'string' && v.value === value);
  if (choice && typeof choice !== 'string') return choice.label;
  if (typeof value === 'number' && unit === '分') {
    return `${(value / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;
  }
  return unit && typeof value === 'number' ? `${value.toLocaleString('zh-CN')} ${unit}` : String(value);
}

function resultIcon(result: TraceStep['result'], step: TraceStep['step']) {
  if (result === true) return <CheckCircleTwoTone twoToneColor="#52c41a" aria-label="满足" />;
  if (result === false) {
    return step === 'cap' ? (
      <CheckCircleTwoTone twoToneColor="#52c41a" aria-label="未触及上限" />
    ) : (
      <CloseCircleTwoTone twoToneColor="#ff4d4f" aria-label="不满足" />
    );
  }
  if (result === null) return <QuestionCircleTwoTone twoToneColor="#faad14" aria-label="无法判断" />;
  return null;
}

function valuesText(values: Record<string, FactValue | null>): string {
  const entries = Object.entries(values);
  if (entries.length === 0) return '';
  return entries.map(([k, v]) => `${k} = ${v === null ? '（缺）' : String(v)}`).join('；');
}

function toNodes(steps: readonly TraceStep[], prefix: string): DataNode[] {
  return steps.map((s, i) => {
    const key = `${prefix}-${i}`;
    const values = valuesText(s.values);
    return {
      key,
      title: (
        <span data-testid="trace-step" data-step={s.step}>
          <Tag color={s.step === 'cap' ? 'orange' : s.step === 'stacking' ? 'purple' : 'default'}>
            {STEP_LABEL[s.step] ?? s.step}
          </Tag>
          {resultIcon(s.result, s.step)} <Typography.Text strong>{s.label}</Typography.Text>
          {s.detail && s.detail !== s.label && (
            <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
              {s.detail}
            </Typography.Text>
          )}
          {values && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} className="ss-mono">
              所见数值：{values}
            </Typography.Text>
          )}
        </span>
      ),
      children: s.children?.length ? toNodes(s.children, key) : undefined,
    };
  });
}

function keysOf(nodes: DataNode[]): string[] {
  return nodes.flatMap((n) => [String(n.key), ...keysOf((n.children as DataNode[] | undefined) ?? [])]);
}

/**
 * The rule trace viewer: every step of a decision (有效期、地区、each condition with the values it saw, the formula,
 * the cap, the stacking group), expanded.
 */
export function PolicyTrace({
  trace,
  capped,
  stacking,
  amountText,
}: {
  trace: readonly TraceStep[];
  capped?: boolean;
  stacking?: StackingOutcome | null;
  amountText?: string;
}) {
  if (trace.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有判断过程" />;
  const nodes = toNodes(trace, 't');
  return (
    <div data-testid="policy-trace">
      {(amountText !== undefined || capped !== undefined || stacking) && (
        <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
          {amountText !== undefined && <Descriptions.Item label="金额">{amountText}</Descriptions.Item>}
          {capped !== undefined && (
            <Descriptions.Item label="封顶">
              {capped ? <Tag color="orange">已按上限封顶</Tag> : '未触及上限'}
            </Descriptions.Item>
          )}
          {stacking && (
            <Descriptions.Item label="就高不重复">
              <span data-testid="trace-stacking">
                同组“{stacking.group}”：
                {stacking.kept
                  ? '本项金额最高，予以保留'
                  : `按就高原则保留 ${stacking.keptRuleId ?? '其他条款'}，本项不重复享受`}
                {stacking.provisional ? '（同组其他条款尚待补充信息，结果可能变化）' : ''}
              </span>
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
      <Tree treeData={nodes} defaultExpandedKeys={keysOf(nodes)} selectable={false} blockNode showLine />
    </div>
  );
}
