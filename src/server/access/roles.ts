import type { Role } from '../db/schema.ts';
import { RESUMPTION_PERMISSIONS, RESUMPTION_ROLE_PERMISSIONS } from '../resumption/permissions.ts';
import { POLICY_PERMISSIONS, POLICY_ROLE_PERMISSIONS } from '../policies/permissions.ts';
import { ADMIN_WITHHELD, HEALTH_PERMISSIONS, HEALTH_ROLE_PERMISSIONS } from '../health/permissions.ts';

/** What a role may do. Which objects it may do it to is decided by its scope (scope.ts). */
export const PERMISSIONS = [
  'enterprise.read',
  'enterprise.create',
  'enterprise.update',
  'enterprise.import',
  'enterprise.export',
  'region.read',
  'region.manage',
  'department.read',
  'department.manage',
  'bank.read',
  'user.read',
  'liaison.read',
  'user.manage',
  'audit.read',
  ...RESUMPTION_PERMISSIONS,
  ...POLICY_PERMISSIONS,
  ...HEALTH_PERMISSIONS,
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_LABEL: Record<Role, string> = {
  admin: '系统管理员',
  leader: '指挥部领导',
  dept: '部门审核人员',
  cdc: '疾控人员',
  grid: '网格员/驻企联络员',
  ent_admin: '企业管理员',
  employee: '企业员工',
  bank: '银行/担保机构人员',
};

export const ROLES = Object.keys(ROLE_LABEL) as Role[];

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS.filter((p) => !(ADMIN_WITHHELD as readonly string[]).includes(p)),
  leader: [
    'enterprise.read',
    'enterprise.export',
    'region.read',
    'region.manage',
    'department.read',
    'bank.read',
    'liaison.read',
    ...POLICY_ROLE_PERMISSIONS.leader,
    ...RESUMPTION_ROLE_PERMISSIONS.leader,
    ...HEALTH_ROLE_PERMISSIONS.leader,
  ],
  dept: [
    'enterprise.read',
    'enterprise.create',
    'enterprise.update',
    'enterprise.import',
    'enterprise.export',
    'region.read',
    'region.manage',
    'department.read',
    'liaison.read',
    ...POLICY_ROLE_PERMISSIONS.dept,
    ...RESUMPTION_ROLE_PERMISSIONS.dept,
    ...HEALTH_ROLE_PERMISSIONS.dept,
  ],
  cdc: [
    'enterprise.read',
    'region.read',
    'department.read',
    ...POLICY_ROLE_PERMISSIONS.cdc,
    ...RESUMPTION_ROLE_PERMISSIONS.cdc,
    ...HEALTH_ROLE_PERMISSIONS.cdc,
  ],
  grid: [
    'enterprise.read',
    'enterprise.create',
    'region.read',
    ...POLICY_ROLE_PERMISSIONS.grid,
    ...RESUMPTION_ROLE_PERMISSIONS.grid,
    ...HEALTH_ROLE_PERMISSIONS.grid,
  ],
  ent_admin: [
    'enterprise.read',
    'enterprise.update',
    ...POLICY_ROLE_PERMISSIONS.ent_admin,
    ...RESUMPTION_ROLE_PERMISSIONS.ent_admin,
    ...HEALTH_ROLE_PERMISSIONS.ent_admin,
  ],
  employee: [
    'enterprise.read',
    ...POLICY_ROLE_PERMISSIONS.employee,
    ...RESUMPTION_ROLE_PERMISSIONS.employee,
    ...HEALTH_ROLE_PERMISSIONS.employee,
  ],
  bank: [
    'bank.read',
    ...POLICY_ROLE_PERMISSIONS.bank,
    ...RESUMPTION_ROLE_PERMISSIONS.bank,
    ...HEALTH_ROLE_PERMISSIONS.bank,
  ],
};

export function hasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export function permissionsOf(role: Role): readonly Permission[] {
  return ROLE_PERMISSIONS[role];
}

/** Fields an enterprise administrator may change in its own profile; the rest belong to government users. */
export const ENTERPRISE_SELF_EDITABLE = [
  'legalRep',
  'contactName',
  'contactPhone',
  'address',
  'employees',
  'revenueFen',
  'assetsFen',
  'industryCode',
] as const;
