import type { Transaction } from 'kysely';
import { regionContainsEnterprise } from '../access/scope.ts';
import type { Database, EnterpriseRow } from '../db/schema.ts';
import { notify } from '../notifications/notifications.ts';
import type { NewNotification } from '../notifications/notifications.ts';

/**
 * In-app alerts (站内消息) through the platform's notifications: to an enterprise (every administrator of it reads
 * the same message) and to each CDC user whose region holds the enterprise. Written in the transaction that makes
 * the change, so an anomaly and its alerts commit together ("at once", seed 003 L62, L77).
 */
export async function cdcUsersFor(trx: Transaction<Database>, e: EnterpriseRow): Promise<number[]> {
  const users = await trx
    .selectFrom('users')
    .select(['id', 'region_code'])
    .where('role', '=', 'cdc')
    .where('disabled', '=', 0)
    .execute();
  return users.filter((u) => u.region_code === null || regionContainsEnterprise(u.region_code, e)).map((u) => u.id);
}

export async function alertEnterpriseAndCdc(
  trx: Transaction<Database>,
  e: EnterpriseRow,
  message: { kind: string; title: string; enterpriseBody: string; cdcBody: string; link: string },
  at: string,
): Promise<number> {
  const cdc = await cdcUsersFor(trx, e);
  const items: NewNotification[] = [
    { enterpriseId: e.id, kind: message.kind, title: message.title, body: message.enterpriseBody, link: message.link },
    ...cdc.map((userId) => ({
      userId,
      kind: message.kind,
      title: `${message.title}（${e.name}）`,
      body: message.cdcBody,
      link: message.link,
    })),
  ];
  await notify(trx, items, at);
  return cdc.length;
}
