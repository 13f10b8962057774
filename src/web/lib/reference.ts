import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import type { IndustrySection, ReferenceData } from '../api/types.ts';

let cached: Promise<ReferenceData> | null = null;

/** `GET /api/reference` once per page load: industries, size classes, flags, key lists, role labels. */
export function loadReference(): Promise<ReferenceData> {
  cached ??= api.get<ReferenceData>('/api/reference').catch((error: unknown) => {
    cached = null;
    throw error;
  });
  return cached;
}

export function useReference(): { reference: ReferenceData | null; error: unknown } {
  const [reference, setReference] = useState<ReferenceData | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let active = true;
    loadReference().then(
      (r) => active && setReference(r),
      (e: unknown) => active && setError(e),
    );
    return () => {
      active = false;
    };
  }, []);
  return { reference, error };
}

/** "C 制造业 / 39 计算机、通信和其他电子设备制造业" for an industry code (2 or 4 digits). */
export function industryLabel(sections: IndustrySection[] | undefined, code: string | null | undefined): string {
  if (!code) return '—';
  for (const s of sections ?? []) {
    const d = s.divisions.find((x) => x.code === code.slice(0, 2));
    if (d) return `${d.code} ${d.name}${code.length > 2 ? `（${code}）` : ''}`;
  }
  return code;
}
