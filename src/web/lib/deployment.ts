/**
 * The city this installation serves. Region pickers for users without a region of their own (the system
 * administrator) start from here; everyone else starts from their own region.
 */
export const DEPLOYMENT_CITY = { code: '3601', name: '南昌市' } as const;

/** A fresh `Idempotency-Key`; works on plain http too, where crypto.randomUUID is not available. */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
