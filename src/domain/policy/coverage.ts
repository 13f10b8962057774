/**
 * Policy-fulfilment statistics reported by every township, street and department (seed 002 L43–L57:
 * 惠企政策兑现金额、兑现企业数、企业受益覆盖面), dispatched weekly (一周一调度, seed 002 L463).
 */

export interface PaymentRecord {
  readonly enterpriseId: string;
  /** Region code of the enterprise (grouped by its first six digits, the county). */
  readonly regionCode: string;
  readonly amountFen: number;
  readonly policyId?: string;
}

export interface CoverageRow {
  /** County code, or `合计`. */
  readonly key: string;
  /** 兑现金额 (fen). */
  readonly amountFen: number;
  /** 兑现企业数: distinct enterprises paid. */
  readonly enterprisesPaid: number;
  /** Enterprises in the registry for this key. */
  readonly enterprises: number;
  /** 企业受益覆盖面 = enterprisesPaid ÷ enterprises (0 when there are none). */
  readonly coverage: number;
}

/**
 * Totals and per-county rows from payment records and registry counts. An enterprise paid under several policies
 * counts once; negative amounts (reversals) are summed as given.
 */
export function fulfilmentCoverage(
  payments: readonly PaymentRecord[],
  enterprisesByCounty: Readonly<Record<string, number>>,
  options: { policyIds?: readonly string[] } = {},
): { total: CoverageRow; byCounty: CoverageRow[] } {
  const keep = options.policyIds ? new Set(options.policyIds) : null;
  const amounts = new Map<string, number>();
  const paid = new Map<string, Set<string>>();
  const allPaid = new Set<string>();
  let total = 0;
  for (const p of payments) {
    if (keep && (!p.policyId || !keep.has(p.policyId))) continue;
    const key = p.regionCode.slice(0, 6);
    amounts.set(key, (amounts.get(key) ?? 0) + p.amountFen);
    const set = paid.get(key) ?? new Set<string>();
    set.add(p.enterpriseId);
    paid.set(key, set);
    allPaid.add(p.enterpriseId);
    total += p.amountFen;
  }
  const keys = [...new Set([...Object.keys(enterprisesByCounty), ...amounts.keys()])].sort();
  const row = (key: string, amountFen: number, enterprisesPaid: number, enterprises: number): CoverageRow => ({
    key,
    amountFen,
    enterprisesPaid,
    enterprises,
    coverage: enterprises === 0 ? 0 : enterprisesPaid / enterprises,
  });
  const byCounty = keys.map((k) => row(k, amounts.get(k) ?? 0, paid.get(k)?.size ?? 0, enterprisesByCounty[k] ?? 0));
  const registered = Object.values(enterprisesByCounty).reduce((a, b) => a + b, 0);
  return { total: row('合计', total, allPaid.size, registered), byCounty };
}
