/**
 * Permissions of 复工复产, granted per role in src/server/access/roles.ts. Which objects a permission reaches is
 * decided by scope (scope.ts): an enterprise acts on itself, a department on the applications it leads or reviews,
 * a grid officer on the checks assigned to it, the command centre on its region.
 */
export const RESUMPTION_PERMISSIONS = [
  /** Risk levels, modes, published lists, the map; one's own applications, tasks and notices. */
  'resumption.read',
  /** Risk levels, province-wide modes, green channel and closures, condition and approval lists, lead departments. */
  'resumption.configure',
  /** File, edit, sign and withdraw one's own applications; report workers back; answer rectification orders. */
  'resumption.apply',
  /** Lead-department intake (一口受理、一次性告知) and parallel review; dispatch on-site checks. */
  'resumption.review',
  /** On-site checks, findings, photos, re-checks and closing rectification orders (网格员 / 驻企联络员). */
  'resumption.inspect',
  /** The command centre: overdue reviews and escalations, decisions for overdue departments, stop orders lifted. */
  'resumption.command',
  /** 复工率 / 复岗率 dashboard, drill-down, on-time rates and the weekly report. */
  'resumption.stats',
] as const;

export type ResumptionPermission = (typeof RESUMPTION_PERMISSIONS)[number];

type GrantedRole = 'leader' | 'dept' | 'cdc' | 'grid' | 'ent_admin' | 'employee' | 'bank';

/** Administrators hold every permission; the other roles get these. */
export const RESUMPTION_ROLE_PERMISSIONS: Record<GrantedRole, readonly ResumptionPermission[]> = {
  leader: ['resumption.read', 'resumption.configure', 'resumption.command', 'resumption.stats'],
  dept: ['resumption.read', 'resumption.review', 'resumption.stats'],
  cdc: ['resumption.read', 'resumption.stats'],
  grid: ['resumption.read', 'resumption.inspect'],
  ent_admin: ['resumption.read', 'resumption.apply'],
  employee: [],
  bank: [],
};
