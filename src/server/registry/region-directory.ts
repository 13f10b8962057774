import type { Db } from '../db/database.ts';
import type { RegionRow } from '../db/schema.ts';

/**
 * All region nodes in memory (Jiangxi to township, Nanchang villages, zones, grids, buildings: a few thousand rows).
 * Lists resolve names from here instead of joining; grids created at run time refresh it.
 */
export class RegionDirectory {
  private byCode = new Map<string, RegionRow>();
  private childrenOf = new Map<string, RegionRow[]>();
  private loaded: Promise<void> | null = null;

  constructor(private readonly db: Db) {}

  async ensureLoaded(): Promise<void> {
    this.loaded ??= this.reload();
    return this.loaded;
  }

  async reload(): Promise<void> {
    const rows = await this.db.kysely.selectFrom('regions').selectAll().orderBy('code').execute();
    this.byCode = new Map(rows.map((r) => [r.code, r]));
    this.childrenOf = new Map();
    for (const r of rows) {
      const parent = r.parent_code ?? '';
      let list = this.childrenOf.get(parent);
      if (!list) this.childrenOf.set(parent, (list = []));
      list.push(r);
    }
  }

  get(code: string | null | undefined): RegionRow | undefined {
    return code ? this.byCode.get(code) : undefined;
  }

  name(code: string | null | undefined): string | null {
    return this.get(code)?.name ?? null;
  }

  children(code: string | null): RegionRow[] {
    return this.childrenOf.get(code ?? '') ?? [];
  }

  /** Full name from the city down, e.g. 南昌市 / 青山湖区 / 湖坊镇. */
  path(code: string): string {
    const names: string[] = [];
    let node = this.get(code);
    while (node && node.level !== 'province') {
      names.unshift(node.name);
      node = this.get(node.parent_code);
    }
    return names.join(' / ');
  }

  zoneHasTownships(zoneCode: string): boolean {
    for (const r of this.byCode.values()) if (r.level === 'township' && r.zone_code === zoneCode) return true;
    return false;
  }

  all(): IterableIterator<RegionRow> {
    return this.byCode.values();
  }

  /** Find a county-level unit of a city by name, and a township by name within it (for Excel imports). */
  findByNames(countyName: string, townshipName?: string): RegionRow | undefined {
    const counties = [...this.byCode.values()].filter((r) => r.level === 'county' && r.name === countyName);
    if (counties.length !== 1) return undefined;
    if (!townshipName) return counties[0];
    const townships = this.children(counties[0]!.code).filter((r) => r.name === townshipName);
    return townships.length === 1 ? townships[0] : undefined;
  }
}
