/**
 * Permissions of 惠企政策兑现, granted per role in src/server/access/roles.ts. Which policies and enterprises a
 * permission reaches is decided by scope: a department acts on the policies its department kind owns
 * (ownership.ts) for enterprises in its region; an enterprise on itself; a leader reads its region.
 */
export const POLICY_PERMISSIONS = [
  /** The catalogue, the facts vocabulary, evaluation, policy lists. */
  'policy.read',
  /** Matches, applications and the payee account of one's own enterprise. */
  'policy.apply',
  /** Review applications and objections, run and approve 免申即享 batches, record facts the department holds. */
  'policy.review',
  /** Payment orders: export for the budget system and bank, mark paid. */
  'policy.pay',
  /** Publish or withdraw a policy, set its review and 公示 limits. */
  'policy.publish',
  /** Simulate a draft rule over the registry. */
  'policy.simulate',
  /** Statistics (兑现金额、兑现企业数、覆盖面) and the weekly dispatch table. */
  'policy.stats',
  /** Official figures and dates (LPR, 疫情解除日期 …). */
  'policy.config',
] as const;

export type PolicyPermission = (typeof POLICY_PERMISSIONS)[number];

type GrantedRole = 'leader' | 'dept' | 'cdc' | 'grid' | 'ent_admin' | 'employee' | 'bank';

/** Administrators hold every permission; the other roles get these. */
export const POLICY_ROLE_PERMISSIONS: Record<GrantedRole, readonly PolicyPermission[]> = {
  leader: ['policy.read', 'policy.stats'],
  dept: ['policy.read', 'policy.review', 'policy.pay', 'policy.publish', 'policy.simulate', 'policy.stats'],
  cdc: ['policy.read'],
  grid: ['policy.read'],
  ent_admin: ['policy.read', 'policy.apply'],
  employee: ['policy.read'],
  bank: ['policy.read'],
};
