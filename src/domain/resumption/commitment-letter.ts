/**
 * 承诺书: the commitment letter an enterprise signs before resuming (seed 004 L3: 复工复产前必须…递交…承诺函; seed 003
 * L27: 提交备案信息或承诺书后，即可组织复工复产). The domain renders the text; the server renders it to PDF with the
 * signer and time and stores its hash.
 */
import type { Citation } from './citations.ts';
import { c003, c004 } from './citations.ts';
import { formatChineseDateTime, isIsoInstant } from './time.ts';

export const COMMITMENT_LETTER_TEMPLATE_ID = 'resumption-commitment';
export const COMMITMENT_LETTER_TEMPLATE_VERSION = 1;

export const COMMITMENT_PLACEHOLDERS = [
  'enterpriseName',
  'creditCode',
  'recipient',
  'listTitle',
  'signerName',
  'signerTitle',
  'signedAt',
] as const;

export type CommitmentPlaceholder = (typeof COMMITMENT_PLACEHOLDERS)[number];

export interface CommitmentClause {
  readonly text: string;
  readonly source: Citation;
}

export const COMMITMENT_LETTER_TEMPLATE = Object.freeze({
  id: COMMITMENT_LETTER_TEMPLATE_ID,
  version: COMMITMENT_LETTER_TEMPLATE_VERSION,
  title: '企业复工复产疫情防控承诺书',
  source: c004(3, '复工复产前必须向管委会递交《关于做好新型冠状病毒肺炎疫情防控工作的承诺函》'),
  salutation: '{{recipient}}：',
  preamble:
    '{{enterpriseName}}（统一社会信用代码：{{creditCode}}）已对照《{{listTitle}}》逐项自查，现申报复工复产，并郑重承诺：',
  clauses: [
    {
      text: '本企业已按规定做好疫情防控各项准备，达到复工复产条件；所填报的信息和提交的材料真实、完整、有效。',
      source: c003(27, '企业按规定做好防疫、达到复工复产条件，提交备案信息或承诺书后，即可组织复工复产'),
    },
    {
      text: '本企业主要负责人是疫情防控第一责任人，按照“谁用工、谁管理、谁负责”的要求履行疫情防控和生产经营主体责任。',
      source: c003(496, '按照“谁用工、谁管理、谁负责”的要求'),
    },
    {
      text: '严格落实《企事业单位复工复产疫情防控措施指南》等规定，防控措施落实到部门和个人。',
      source: c003(39, '严格落实《企事业单位复工复产疫情防控措施指南》等规定'),
    },
    {
      text: '每天对职工进行体温监测，每天汇总员工健康状况向当地疾控部门报告，发现异常情况及时报告并处置，严禁“带病上岗”。',
      source: c003(482, '各相关企业要每天对职工进行体温监测，发现异常情况及时报告'),
    },
    {
      text: '按分批返岗计划组织员工返岗，来自重点地区的人员落实14天隔离医学观察后方可上岗。',
      source: c003(482, '对来自重点地区的务工人员要落实14天隔离医学观察措施'),
    },
    {
      text: '企业和职工参与配合属地政府联防联控，配合相关部门开展事后现场核查。',
      source: c003(27, '相关部门通过开展事后现场核查等'),
    },
    {
      text: '如有隐瞒疫情信息、未做好复工防疫措施等情形，自愿接受停工停产、限期整改等处理，并依法承担相应责任。',
      source: c003(747, '要及时采取停工停产、限期整改措施'),
    },
  ] satisfies CommitmentClause[],
  signature: [
    '承诺企业（盖章）：{{enterpriseName}}',
    '法定代表人或主要负责人（签字）：{{signerName}}（{{signerTitle}}）',
    '签署时间：{{signedAt}}',
  ],
  clauseSources: [
    c003(76, '各单位主要负责人是疫情防控第一责任人'),
    c003(62, '要每天汇总员工健康状况，向当地疾控部门报告'),
    c004(6, '企业、职工参与配合属地政府、高新区管委会联防联控承诺要到位'),
  ] satisfies Citation[],
});

export interface CommitmentLetterInput {
  readonly enterpriseName: string;
  readonly creditCode: string;
  /** The receiving lead department, e.g. 南昌高新区管委会经济发展局. */
  readonly recipient: string;
  /** Title of the condition list self-assessed against. */
  readonly listTitle: string;
  readonly signerName: string;
  /** 法定代表人 / 总经理 … */
  readonly signerTitle: string;
  /** Instant of signing. */
  readonly signedAt: string;
}

export interface RenderedCommitmentLetter {
  readonly templateId: string;
  readonly templateVersion: number;
  readonly title: string;
  readonly salutation: string;
  readonly preamble: string;
  readonly clauses: readonly string[];
  readonly signature: readonly string[];
  /** Whole letter as plain text (the text that is signed and hashed). */
  readonly text: string;
}

const CREDIT_CODE_RE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

function fill(template: string, values: Readonly<Record<CommitmentPlaceholder, string>>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k as CommitmentPlaceholder] ?? `{{${k}}}`);
}

/** Renders the letter; every placeholder must have a value (errors name the field). */
export function renderCommitmentLetter(
  input: CommitmentLetterInput,
): { ok: true; letter: RenderedCommitmentLetter } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const labels: Record<Exclude<CommitmentPlaceholder, 'signedAt'>, string> = {
    enterpriseName: '企业名称',
    creditCode: '统一社会信用代码',
    recipient: '受理部门',
    listTitle: '自查清单名称',
    signerName: '签署人',
    signerTitle: '签署人职务',
  };
  for (const [k, label] of Object.entries(labels)) {
    if (!String(input[k as keyof CommitmentLetterInput] ?? '').trim()) errors.push(`${label}：不能为空`);
  }
  if (input.creditCode && !CREDIT_CODE_RE.test(input.creditCode)) errors.push('统一社会信用代码：应为18位代码');
  if (!isIsoInstant(input.signedAt)) errors.push('签署时间：格式错误');
  if (errors.length) return { ok: false, errors };
  const values: Record<CommitmentPlaceholder, string> = {
    enterpriseName: input.enterpriseName.trim(),
    creditCode: input.creditCode,
    recipient: input.recipient.trim(),
    listTitle: input.listTitle.trim(),
    signerName: input.signerName.trim(),
    signerTitle: input.signerTitle.trim(),
    signedAt: formatChineseDateTime(input.signedAt),
  };
  const t = COMMITMENT_LETTER_TEMPLATE;
  const salutation = fill(t.salutation, values);
  const preamble = fill(t.preamble, values);
  const clauses = t.clauses.map((c, i) => `${i + 1}. ${fill(c.text, values)}`);
  const signature = t.signature.map((s) => fill(s, values));
  const text = [t.title, '', salutation, preamble, ...clauses, '', ...signature].join('\n');
  return {
    ok: true,
    letter: {
      templateId: t.id,
      templateVersion: t.version,
      title: t.title,
      salutation,
      preamble,
      clauses,
      signature,
      text,
    },
  };
}

/** The signed letter kept on the application. */
export interface SignedCommitment {
  readonly templateId: string;
  readonly templateVersion: number;
  readonly signerName: string;
  readonly signerTitle: string;
  readonly signedAt: string;
  readonly text: string;
  /** The rendered PDF, once the server has produced it. */
  readonly pdfFileId?: string;
}

export function signCommitment(
  input: CommitmentLetterInput,
): { ok: true; commitment: SignedCommitment; letter: RenderedCommitmentLetter } | { ok: false; errors: string[] } {
  const r = renderCommitmentLetter(input);
  if (!r.ok) return r;
  return {
    ok: true,
    letter: r.letter,
    commitment: {
      templateId: r.letter.templateId,
      templateVersion: r.letter.templateVersion,
      signerName: input.signerName.trim(),
      signerTitle: input.signerTitle.trim(),
      signedAt: input.signedAt,
      text: r.letter.text,
    },
  };
}
