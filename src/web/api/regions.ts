import { api } from './client.ts';
import type { CurrentUser, ItemsOf, Region, RegionDetail, RegionLevel } from './types.ts';
import { DEPLOYMENT_CITY } from '../lib/deployment.ts';

export function regionLevelOf(code: string): RegionLevel | null {
  if (/^Z\d{6}$/.test(code)) return 'zone';
  const byLength: Record<number, RegionLevel> = {
    2: 'province',
    4: 'city',
    6: 'county',
    9: 'township',
    12: 'village',
    15: 'grid',
    18: 'building',
  };
  return /^\d+$/.test(code) ? (byLength[code.length] ?? null) : null;
}

export const fetchChildren = (parent: string | null, signal?: AbortSignal) =>
  api
    .get<ItemsOf<Region>>('/api/regions', parent ? { parent } : undefined, signal ? { signal } : {})
    .then((r) => r.items);

export const fetchRegion = (code: string, signal?: AbortSignal) =>
  api.get<RegionDetail>(`/api/regions/${encodeURIComponent(code)}`, undefined, signal ? { signal } : {});

export const fetchZones = () => api.get<ItemsOf<Region>>('/api/regions/zones').then((r) => r.items);

/** The region a user's work starts from: their own, or the deployment's city for users without one. */
export function scopeRootCode(user: CurrentUser): string {
  return user.regionCode ?? DEPLOYMENT_CITY.code;
}

/**
 * The first level a region picker offers: for a city-wide (or wider) scope its counties, for a narrower scope the
 * user's own region (a county, township, zone …) as the single top entry.
 */
export async function pickerRoots(user: CurrentUser, mode: 'below' | 'node'): Promise<Region[]> {
  const root = scopeRootCode(user);
  const level = regionLevelOf(root);
  if (mode === 'below' && (level === 'city' || level === 'province')) return fetchChildren(root);
  return [await fetchRegion(root)];
}
