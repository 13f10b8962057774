import { api } from './client.ts';
import type { PageOf } from './types.ts';

/** 电子通行证 / 员工证 (src/server/passes/routes.ts). */
export interface PassView {
  id: number;
  personId: number;
  enterpriseId: number;
  kid: number;
  card: boolean;
  status: string;
  statusLabel: string;
  admits: boolean;
  issuedAt: string;
  validUntil: string;
  revokedAt: string | null;
  revokedReason: string | null;
  token?: string;
  svg?: string;
  personName?: string;
  team?: string | null;
}

export interface MyPass {
  personName: string;
  enterpriseName: string;
  status: string | null;
  statusLabel: string;
  pass: PassView | null;
  message: string | null;
}

export interface CardsIssued {
  jobId: number;
  issued: number;
  revoked: number;
  skipped: { personId: number; name: string; statusLabel: string }[];
}

export const getMyPass = (signal?: AbortSignal) => api.get<MyPass>('/api/passes/me', undefined, { signal });

export const listPasses = (
  query: { live?: boolean; card?: boolean; page?: number; pageSize?: number },
  signal?: AbortSignal,
) => api.get<PageOf<PassView>>('/api/passes', query, { signal });

export const revokePass = (id: number, reason: string) =>
  api.post<{ id: number; revocationVersion: number }>(`/api/passes/${id}/revoke`, { reason });

export const issueCards = (body: { personIds?: number[] }) => api.post<CardsIssued>('/api/passes/cards', body);

export const cardsPdfUrl = (jobId: number) => `/api/passes/cards/${jobId}/pdf`;

export interface PassKeyView {
  kid: number;
  publicKey: string;
  activeFrom: string;
  signUntil?: string;
  retiredAt?: string;
  retiredReason?: string;
}

export const getPassKeys = (signal?: AbortSignal) =>
  api.get<{ version: number; keys: PassKeyView[] }>('/api/passes/keys', undefined, { signal });

export const rotatePassKey = () => api.post<{ kid: number; keySetVersion: number }>('/api/passes/keys/rotate', {});

export const retirePassKey = (kid: number, reason: string) =>
  api.post<{ kid: number; keySetVersion: number }>(`/api/passes/keys/${kid}/retire`, { reason });
