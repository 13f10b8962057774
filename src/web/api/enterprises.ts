import { api } from './client.ts';
import type { Enterprise, FlagName, KeyList, PageOf, SizeClass } from './types.ts';

/** The list filters `GET /api/enterprises` and `POST /api/enterprises/exports` take. */
export interface EnterpriseFilter {
  q?: string;
  regionCode?: string;
  industrySection?: string;
  industryCode?: string;
  sizeClass?: SizeClass;
  flag?: FlagName;
  keyList?: KeyList;
  liaisonUserId?: number;
}

/** Only the filters that are set: the server's schema refuses empty strings. */
export function cleanFilter(filter: EnterpriseFilter): EnterpriseFilter {
  return Object.fromEntries(
    Object.entries(filter).filter(([, v]) => v !== undefined && v !== null && v !== ''),
  ) as EnterpriseFilter;
}

export const listEnterprises = (filter: EnterpriseFilter, page: number, pageSize: number, signal?: AbortSignal) =>
  api.get<PageOf<Enterprise>>('/api/enterprises', { ...cleanFilter(filter), page, pageSize }, signal ? { signal } : {});

export const getEnterprise = (id: number, signal?: AbortSignal) =>
  api.get<Enterprise>(`/api/enterprises/${id}`, undefined, signal ? { signal } : {});

/** What the enterprise form sends (money already in fen). */
export interface EnterpriseInput {
  creditCode?: string;
  name?: string;
  legalRep?: string;
  contactName?: string;
  contactPhone?: string;
  address?: string;
  regionCode?: string;
  zoneCode?: string | null;
  industryCode?: string;
  employees?: number;
  revenueFen?: number;
  assetsFen?: number;
  flags?: Partial<Record<FlagName, boolean>>;
  keyList?: KeyList | null;
  liaisonUserId?: number | null;
}

export const createEnterprise = (input: EnterpriseInput, idempotencyKey: string) =>
  api.post<Enterprise>('/api/enterprises', input, { headers: { 'Idempotency-Key': idempotencyKey } });

export const updateEnterprise = (id: number, patch: EnterpriseInput & { version: number }) =>
  api.patch<Enterprise>(`/api/enterprises/${id}`, patch);

export const startEnterpriseExport = (filter: EnterpriseFilter) =>
  api.post<{ jobId: number }>('/api/enterprises/exports', cleanFilter(filter));

/** Fields an enterprise administrator may change in its own profile (src/server/access/roles.ts). */
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

export const FLAG_NAMES: FlagName[] = [
  'aboveScaleIndustry',
  'aboveQuotaTrade',
  'epidemicSupplies',
  'essentials',
  'chainCore',
];

export const FLAG_COLORS: Record<FlagName, string> = {
  aboveScaleIndustry: 'blue',
  aboveQuotaTrade: 'cyan',
  epidemicSupplies: 'red',
  essentials: 'green',
  chainCore: 'purple',
};
