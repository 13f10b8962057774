import { z } from 'zod';

/**
 * Chinese messages for schema failures. The field's label (its `.describe('企业名称')`) is prefixed by the
 * validator, so these messages only say what is wrong with the value.
 */
const typeNames: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '是/否',
  object: '对象',
  array: '列表',
  date: '日期',
};

function describeIssue(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return '必填';
      return `应为${typeNames[issue.expected] ?? issue.expected}`;
    case 'too_small':
      if (issue.origin === 'string') return `至少 ${String(issue.minimum)} 个字符`;
      if (issue.origin === 'array') return `至少 ${String(issue.minimum)} 项`;
      return issue.inclusive ? `不能小于 ${String(issue.minimum)}` : `应大于 ${String(issue.minimum)}`;
    case 'too_big':
      if (issue.origin === 'string') return `不能超过 ${String(issue.maximum)} 个字符`;
      if (issue.origin === 'array') return `不能超过 ${String(issue.maximum)} 项`;
      return issue.inclusive ? `不能大于 ${String(issue.maximum)}` : `应小于 ${String(issue.maximum)}`;
    case 'invalid_format':
      if (issue.format === 'regex') return '格式不正确';
      if (issue.format === 'date') return '应为日期，格式 YYYY-MM-DD';
      if (issue.format === 'datetime') return '应为时间，格式 YYYY-MM-DDTHH:mm:ss+08:00';
      return '格式不正确';
    case 'invalid_value':
      return `取值无效，可选：${issue.values.map(String).join('、')}`;
    case 'unrecognized_keys':
      return `不支持的字段：${issue.keys.join('、')}`;
    case 'not_multiple_of':
      return `应为 ${String(issue.divisor)} 的倍数`;
    default:
      return '取值无效';
  }
}

let installed = false;
export function installChineseZodMessages(): void {
  if (installed) return;
  installed = true;
  z.config({ customError: (issue) => describeIssue(issue) });
}
