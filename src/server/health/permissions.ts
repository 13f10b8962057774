/**
 * Permissions of workforce health (员工健康) and passes (通行证), granted per role in src/server/access/roles.ts.
 * Which people a permission reaches is decided by scope (src/server/health/scope.ts): an enterprise administrator
 * its own roster, a CDC user the enterprises of its region, an employee only the person record linked to the
 * account.
 *
 * Checkpoint operators: there is no separate role. Passes are checked at the gates of enterprises (门岗, by the
 * enterprise administrator's accounts) and at road and community checkpoints (卡口, by grid officers), so both hold
 * `pass.scan`, as does the CDC. What `pass.scan` gives is deliberately narrow: the public key set, the signed
 * revocation list (pass numbers only) and uploading the device's own scan log. It reveals no person.
 *
 * A status is never a permission: no role can set one. Statuses come from the rules; the only manual path is a
 * two-person CDC override from a closed list of epidemic-prevention reasons (`health.override`).
 */
export const HEALTH_PERMISSIONS = [
  /** The roster (一人一档) and a person's health record, ID numbers masked. */
  'health.roster.read',
  /** Add and edit people, import rosters, link employee accounts, mark people who have left. */
  'health.roster.manage',
  /** See a full resident ID number; every view is audited. */
  'health.pii.reveal',
  /** Record facts the rules read (travel, arrival; medical facts are the CDC's). */
  'health.facts.manage',
  /** Declarations and who has not declared. */
  'health.declaration.read',
  /** Record declarations for employees (temperature taken at the gate, a workshop's batch upload). */
  'health.declaration.record',
  'health.anomaly.read',
  /** Move an anomaly case: isolation area and referral (enterprise, CDC), results (CDC only, in the domain). */
  'health.anomaly.manage',
  /** Propose, confirm (a second CDC user), reject, withdraw and revoke status overrides. */
  'health.override',
  'health.appeal.decide',
  /** Daily health summaries (counts only). */
  'health.summary.read',
  /** Read the risk-area register the rules read (the command centre, the CDC). */
  'health.risk_area.read',
  /** Add and end entries of the register; the service further requires a CDC user at city level. */
  'health.risk_area.manage',
  /** Personal-data exports, stamped with who and when. */
  'health.export',
  /** Run the daily summary or the retention purge now. */
  'health.admin',
  /** An employee's own status, declarations, appeals and pass. */
  'health.self',
  'pass.read',
  /** Issue printed cards (员工证) and revoke a lost pass. */
  'pass.issue',
  /** Rotate and retire signing keys. */
  'pass.keys.manage',
  /** Checkpoint: key set, signed revocation list, upload of the device's scan log. */
  'pass.scan',
  'pass.scan.read',
] as const;

export type HealthPermission = (typeof HEALTH_PERMISSIONS)[number];

type GrantedRole = 'leader' | 'dept' | 'cdc' | 'grid' | 'ent_admin' | 'employee' | 'bank';

export const HEALTH_ROLE_PERMISSIONS: Record<GrantedRole, readonly HealthPermission[]> = {
  leader: ['health.summary.read', 'health.risk_area.read'],
  dept: [],
  cdc: [
    'health.roster.read',
    'health.pii.reveal',
    'health.facts.manage',
    'health.declaration.read',
    'health.anomaly.read',
    'health.anomaly.manage',
    'health.override',
    'health.appeal.decide',
    'health.summary.read',
    'health.risk_area.read',
    'health.risk_area.manage',
    'health.export',
    'pass.read',
    'pass.scan',
    'pass.scan.read',
  ],
  grid: ['pass.scan'],
  ent_admin: [
    'health.roster.read',
    'health.roster.manage',
    'health.facts.manage',
    'health.declaration.read',
    'health.declaration.record',
    'health.anomaly.read',
    'health.anomaly.manage',
    'health.summary.read',
    'health.export',
    'pass.read',
    'pass.issue',
    'pass.scan',
    'pass.scan.read',
  ],
  employee: ['health.self'],
  bank: [],
};

/**
 * What the system administrator does not get although it holds every other permission: it runs the platform
 * (users, keys, retention), it does not judge people. Full ID numbers, overrides, appeals, anomaly steps, facts and
 * declarations belong to the CDC and the enterprise (design.md §4, §6).
 */
export const ADMIN_WITHHELD: readonly HealthPermission[] = [
  'health.pii.reveal',
  'health.override',
  'health.appeal.decide',
  'health.risk_area.manage',
  'health.anomaly.manage',
  'health.facts.manage',
  'health.declaration.record',
  'health.self',
];
