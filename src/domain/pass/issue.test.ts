import { describe, expect, it } from 'vitest';
import { CARDS_PER_PAGE, renderCardPages } from './card.ts';
import { CARD_VALIDITY_DAYS, passQrMatrix, passQrSvg, passValidUntil } from './issue.ts';
import { generatePassKeyPair, nodeSigner } from './node-crypto.ts';
import { epochSeconds, instantOfSeconds, issuePassSync } from './token.ts';

const signer = nodeSigner(1, generatePassKeyPair().privateKeyPkcs8);
const issuedAt = epochSeconds('2020-03-10T09:00:00+08:00');
const text = issuePassSync(
  {
    passId: 1,
    personRef: new Uint8Array(16),
    enterpriseId: 1,
    status: 'cleared',
    card: true,
    issuedAt,
    validUntil: passValidUntil(issuedAt, true),
  },
  signer,
);

describe('validity', () => {
  it('phone pass: until the end of the next day in Shanghai', () => {
    expect(instantOfSeconds(passValidUntil(issuedAt, false))).toBe('2020-03-11T16:00:00Z'); // 2020-03-12 00:00 +08:00
    expect(instantOfSeconds(passValidUntil(epochSeconds('2020-03-10T23:59:00+08:00'), false))).toBe(
      '2020-03-11T16:00:00Z',
    );
    expect(instantOfSeconds(passValidUntil(epochSeconds('2020-03-11T00:00:00+08:00'), false))).toBe(
      '2020-03-12T16:00:00Z',
    );
  });
  it(`printed card: ${CARD_VALIDITY_DAYS} days after the day of issue`, () => {
    expect(instantOfSeconds(passValidUntil(issuedAt, true))).toBe('2020-04-09T16:00:00Z'); // through 2020-04-09
  });
});

describe('QR code', () => {
  it('uses alphanumeric mode: a 156-character pass fits version 7 at level M', () => {
    const m = passQrMatrix(text);
    expect(m.version).toBe(7);
    expect(m.size).toBe(45);
    expect(m.dark).toHaveLength(45 * 45);
  });
  it('renders an SVG', () => {
    const svg = passQrSvg(text);
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 53 53"/);
    expect(svg).toContain('<path fill="#000" d="M');
  });
  it('refuses anything but a pass', () => {
    expect(() => passQrMatrix('hello')).toThrow('不是通行证');
  });
});

describe('printable cards (seed 004 L23: 15,000 员工证)', () => {
  const card = {
    passText: text,
    enterpriseName: '南昌某某电子有限公司',
    personName: '张三',
    team: '一车间',
    validUntilDate: '2020-04-09',
  };
  it('eight cards per A4 page', () => {
    const pages = renderCardPages(Array.from({ length: CARDS_PER_PAGE + 1 }, () => card));
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain('width="210mm" height="297mm"');
    expect(pages[0]!.match(/员工证</g)).toHaveLength(8);
    expect(pages[1]!.match(/员工证</g)).toHaveLength(1);
  });
  it('escapes text and never prints an ID number', () => {
    const [page] = renderCardPages([{ ...card, personName: '<b>李四</b>' }]);
    expect(page).toContain('&lt;b&gt;李四');
    expect(page).not.toMatch(/\d{17}[\dX]/);
  });
});
