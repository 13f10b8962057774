/**
 * Funding splits (资金分担): divide an amount in fen between levels by integer weights (1:1; 50:25:25) with exact
 * integer arithmetic. Largest-remainder method: each share gets ⌊amount × weight ÷ total⌋, and the fen left over go
 * one by one to the largest remainders (ties: the order the shares are listed). The parts always sum to the amount.
 */
import { FUNDING_LEVEL_LABEL } from './types.ts';
import type { FundingLevel, FundingSplit } from './types.ts';

export interface FundingShare {
  readonly level: FundingLevel;
  readonly label: string;
  readonly amountFen: number;
}

export function splitFen(amountFen: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(amountFen) || amountFen < 0) throw new Error(`金额应为非负整数分：${amountFen}`);
  if (weights.length === 0 || weights.some((w) => !Number.isSafeInteger(w) || w <= 0)) {
    throw new Error('分担份额应为正整数');
  }
  const total = weights.reduce((a, b) => a + b, 0);
  const big = BigInt(amountFen);
  const bigTotal = BigInt(total);
  const parts = weights.map((w) => big * BigInt(w));
  const floors = parts.map((x) => x / bigTotal);
  const remainders = parts.map((x) => x % bigTotal);
  let left = amountFen - floors.reduce((a, b) => a + Number(b), 0);
  const order = remainders.map((r, i) => ({ r, i })).sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  const out = floors.map(Number);
  for (let k = 0; left > 0; k++, left--) {
    const idx = (order[k % order.length] as { i: number }).i;
    out[idx] = (out[idx] as number) + 1;
  }
  return out;
}

/** Split a benefit amount according to a rule's funding split. */
export function splitFunding(amountFen: number, split: FundingSplit): FundingShare[] {
  const parts = splitFen(
    amountFen,
    split.shares.map((s) => s.weight),
  );
  return split.shares.map((s, i) => ({
    level: s.level,
    label: FUNDING_LEVEL_LABEL[s.level],
    amountFen: parts[i] as number,
  }));
}

/** `市:县区 = 1:1`, `中央:省:市 = 50:25:25`. */
export function describeFunding(split: FundingSplit): string {
  return `${split.shares.map((s) => FUNDING_LEVEL_LABEL[s.level]).join(':')} = ${split.shares.map((s) => s.weight).join(':')}${split.fund ? `（${split.fund}）` : ''}`;
}
