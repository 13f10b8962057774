/**
 * Columnar facts for batch runs (免申即享 batches, simulation over the registry): one typed array per fact.
 *
 * - `number` columns (number, integer, date as day number since 1970-01-01): `Float64Array`, NaN = missing;
 * - `bool` columns: `Int8Array`, 1 / 0, -1 = missing;
 * - `code` columns (string, enum): `Int32Array` of indexes into a dictionary, -1 = missing.
 */
import { daysToIso, isoToDays } from './dates.ts';
import { FACT_BY_NAME } from './facts.ts';
import type { FactDefinition } from './facts.ts';
import type { FactValue, Facts } from './types.ts';

export type Column =
  | { readonly kind: 'number'; readonly type: 'number' | 'integer' | 'date'; readonly data: Float64Array }
  | { readonly kind: 'bool'; readonly data: Int8Array }
  | { readonly kind: 'code'; readonly data: Int32Array; readonly dictionary: string[] };

export interface FactTable {
  readonly length: number;
  readonly columns: Readonly<Record<string, Column>>;
}

export function columnFor(def: FactDefinition, length: number): Column {
  switch (def.type) {
    case 'number':
    case 'integer':
    case 'date':
      return { kind: 'number', type: def.type, data: new Float64Array(length).fill(NaN) };
    case 'boolean':
      return { kind: 'bool', data: new Int8Array(length).fill(-1) };
    case 'string':
      return { kind: 'code', data: new Int32Array(length).fill(-1), dictionary: [] };
    case 'enum':
      return {
        kind: 'code',
        data: new Int32Array(length).fill(-1),
        dictionary: (def.values ?? []).map((v) => v.value),
      };
  }
}

/** An empty table (all facts missing) with columns for the named facts. */
export function createFactTable(length: number, factNames: readonly string[]): FactTable {
  const columns: Record<string, Column> = {};
  for (const name of factNames) {
    const def = FACT_BY_NAME.get(name);
    if (!def) throw new Error(`未知事实：${name}`);
    columns[name] = columnFor(def, length);
  }
  return { length, columns };
}

/** Index of `value` in a code column's dictionary, adding it when new. */
export function codeOf(column: Extract<Column, { kind: 'code' }>, value: string): number {
  let i = column.dictionary.indexOf(value);
  if (i < 0) {
    column.dictionary.push(value);
    i = column.dictionary.length - 1;
  }
  return i;
}

/** Set one fact of row `i` (a `null` value marks it missing). */
export function setFact(table: FactTable, i: number, name: string, value: FactValue | null | undefined): void {
  const col = table.columns[name];
  if (!col) throw new Error(`表中没有事实列：${name}`);
  if (value === null || value === undefined) {
    col.data[i] = col.kind === 'number' ? NaN : -1;
    return;
  }
  if (col.kind === 'number') col.data[i] = col.type === 'date' ? isoToDays(String(value)) : Number(value);
  else if (col.kind === 'bool') col.data[i] = value ? 1 : 0;
  else col.data[i] = codeOf(col, String(value));
}

/** Build a table from situations (row objects). Columns: the given names, or every known fact that appears. */
export function buildFactTable(rows: readonly Facts[], factNames?: readonly string[]): FactTable {
  const names = factNames ?? [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((n) => FACT_BY_NAME.has(n));
  const table = createFactTable(rows.length, names);
  rows.forEach((row, i) => {
    for (const name of names) setFact(table, i, name, row[name]);
  });
  return table;
}

/** Row `i` back as a situation object (missing facts omitted). */
export function rowFacts(table: FactTable, i: number): Record<string, FactValue> {
  const out: Record<string, FactValue> = {};
  for (const [name, col] of Object.entries(table.columns)) {
    if (col.kind === 'number') {
      const v = col.data[i] as number;
      if (!Number.isNaN(v)) out[name] = col.type === 'date' ? daysToIso(v) : v;
    } else if (col.kind === 'bool') {
      const v = col.data[i] as number;
      if (v >= 0) out[name] = v === 1;
    } else {
      const v = col.data[i] as number;
      if (v >= 0) out[name] = col.dictionary[v] as string;
    }
  }
  return out;
}
