import type { Role } from '../db/schema.ts';

/** The signed-in user as every service sees it. */
export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string | null;
  departmentId: number | null;
  enterpriseId: number | null;
  bankId: number | null;
  mustChangePassword: boolean;
}
