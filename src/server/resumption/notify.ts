import type { NewNotification } from '../notifications/notifications.ts';
import { notify } from '../notifications/notifications.ts';
import type { Q } from './config.store.ts';

/**
 * In-app notifications of 复工复产 (tasks, deadlines, decisions) through the platform's message centre: to an
 * enterprise (all its administrators), to the users of a department, to one officer, or to the command-centre
 * users whose region covers an enterprise.
 */
export class Notices {
  private readonly items: NewNotification[] = [];
  private readonly departments: { departmentIds: number[]; n: Omit<NewNotification, 'userId' | 'enterpriseId'> }[] = [];
  private readonly command: { enterpriseId: number; n: Omit<NewNotification, 'userId' | 'enterpriseId'> }[] = [];

  toEnterprise(enterpriseId: number, n: Omit<NewNotification, 'userId' | 'enterpriseId'>) {
    this.items.push({ ...n, enterpriseId });
    return this;
  }

  toUser(userId: number, n: Omit<NewNotification, 'userId' | 'enterpriseId'>) {
    this.items.push({ ...n, userId });
    return this;
  }

  toDepartments(departmentIds: number[], n: Omit<NewNotification, 'userId' | 'enterpriseId'>) {
    this.departments.push({ departmentIds, n });
    return this;
  }

  /** Leaders whose region is the enterprise's city, county or zone (or the province). */
  toCommandCentre(enterpriseId: number, n: Omit<NewNotification, 'userId' | 'enterpriseId'>) {
    this.command.push({ enterpriseId, n });
    return this;
  }

  /** Writes everything in the caller's transaction. */
  async send(trx: Q, at: string): Promise<void> {
    const out = [...this.items];
    for (const d of this.departments) {
      if (d.departmentIds.length === 0) continue;
      const users = await trx
        .selectFrom('users')
        .select('id')
        .where('role', '=', 'dept')
        .where('disabled', '=', 0)
        .where('department_id', 'in', d.departmentIds)
        .execute();
      for (const u of users) out.push({ ...d.n, userId: u.id });
    }
    for (const c of this.command) {
      const e = await trx
        .selectFrom('enterprises')
        .select(['city_code', 'county_code', 'zone_code'])
        .where('id', '=', c.enterpriseId)
        .executeTakeFirst();
      if (!e) continue;
      const regions = [e.city_code, e.county_code, e.city_code.slice(0, 2), ...(e.zone_code ? [e.zone_code] : [])];
      const users = await trx
        .selectFrom('users')
        .select('id')
        .where('role', '=', 'leader')
        .where('disabled', '=', 0)
        .where('region_code', 'in', regions)
        .execute();
      for (const u of users) out.push({ ...c.n, userId: u.id });
    }
    await notify(trx, out, at);
  }
}
