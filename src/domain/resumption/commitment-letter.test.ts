import { describe, expect, it } from 'vitest';
import {
  COMMITMENT_LETTER_TEMPLATE,
  COMMITMENT_PLACEHOLDERS,
  renderCommitmentLetter,
  signCommitment,
} from './commitment-letter.ts';

const input = {
  enterpriseName: '南昌示例电子有限公司',
  creditCode: '91360106MA35XXXX0K',
  recipient: '南昌高新区管委会经济发展局',
  listTitle: '江西省中高风险地区企业复工复产条件清单',
  signerName: '王建国',
  signerTitle: '法定代表人',
  signedAt: '2020-02-10T01:30:00Z',
};

describe('commitment letter (承诺书)', () => {
  it('renders with the enterprise, signer and Shanghai time', () => {
    const r = renderCommitmentLetter(input);
    if (!r.ok) throw new Error(r.errors.join());
    expect(r.letter.title).toBe('企业复工复产疫情防控承诺书');
    expect(r.letter.salutation).toBe('南昌高新区管委会经济发展局：');
    expect(r.letter.preamble).toContain(
      '南昌示例电子有限公司（统一社会信用代码：91360106MA35XXXX0K）已对照《江西省中高风险地区企业复工复产条件清单》逐项自查',
    );
    expect(r.letter.signature).toEqual([
      '承诺企业（盖章）：南昌示例电子有限公司',
      '法定代表人或主要负责人（签字）：王建国（法定代表人）',
      '签署时间：2020年2月10日 09:30',
    ]);
    expect(r.letter.clauses).toHaveLength(COMMITMENT_LETTER_TEMPLATE.clauses.length);
    expect(r.letter.text).not.toMatch(/\{\{/);
    expect(r.letter.text).toContain('严禁“带病上岗”');
    expect(r.letter.text).toContain('停工停产、限期整改');
  });

  it('every placeholder is used by the template', () => {
    const all = [
      COMMITMENT_LETTER_TEMPLATE.salutation,
      COMMITMENT_LETTER_TEMPLATE.preamble,
      ...COMMITMENT_LETTER_TEMPLATE.signature,
    ].join();
    for (const p of COMMITMENT_PLACEHOLDERS) expect(all).toContain(`{{${p}}}`);
  });

  it('names each missing field', () => {
    const r = renderCommitmentLetter({ ...input, signerName: ' ', creditCode: '123', signedAt: '2020-02-10' });
    expect(r).toEqual({
      ok: false,
      errors: ['签署人：不能为空', '统一社会信用代码：应为18位代码', '签署时间：格式错误'],
    });
  });

  it('signCommitment keeps the signed text, signer and time', () => {
    const r = signCommitment(input);
    if (!r.ok) throw new Error(r.errors.join());
    expect(r.commitment).toMatchObject({
      templateId: 'resumption-commitment',
      templateVersion: 1,
      signerName: '王建国',
      signedAt: input.signedAt,
    });
    expect(r.commitment.text).toBe(r.letter.text);
  });
});
