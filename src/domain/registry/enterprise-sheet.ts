import type { CellValue } from '../spreadsheet/cells.ts';
import { cellCode, cellNumber, cellText, cellYesNo, wanYuanToFen } from '../spreadsheet/cells.ts';

/**
 * The columns of the enterprise table (一企一档) as people keep it in Excel: money in 万元, yes/no flags,
 * the place as county and township names or as a region code. The export writes the same columns, so an
 * exported file can be edited and imported again.
 */
export const ENTERPRISE_COLUMNS = [
  { key: 'creditCode', header: '统一社会信用代码', aliases: ['社会信用代码', '信用代码'], required: true, width: 22 },
  { key: 'name', header: '企业名称', aliases: ['单位名称', '企业名'], required: true, width: 32 },
  { key: 'legalRep', header: '法定代表人', aliases: ['法人代表', '法人'], required: true, width: 10 },
  { key: 'contactName', header: '联系人', aliases: [], required: true, width: 10 },
  { key: 'contactPhone', header: '联系电话', aliases: ['手机号', '电话'], required: true, width: 14 },
  { key: 'countyName', header: '县（区）', aliases: ['县区', '区县', '所在县区'], required: false, width: 10 },
  { key: 'townshipName', header: '乡镇（街道）', aliases: ['乡镇街道', '乡镇', '街道'], required: false, width: 14 },
  { key: 'regionCode', header: '区域代码', aliases: ['区划代码'], required: false, width: 16 },
  { key: 'zoneName', header: '功能区', aliases: ['所属功能区', '园区'], required: false, width: 18 },
  { key: 'address', header: '地址', aliases: ['企业地址', '经营地址', '注册地址'], required: true, width: 30 },
  { key: 'industryCode', header: '行业代码', aliases: ['国民经济行业代码'], required: true, width: 9 },
  {
    key: 'employees',
    header: '从业人员（人）',
    aliases: ['从业人员', '职工人数', '员工人数'],
    required: true,
    width: 10,
  },
  {
    key: 'revenueWan',
    header: '营业收入（万元）',
    aliases: ['营业收入', '上年营业收入（万元）'],
    required: true,
    width: 14,
  },
  { key: 'assetsWan', header: '资产总额（万元）', aliases: ['资产总额'], required: true, width: 14 },
  { key: 'aboveScaleIndustry', header: '规模以上工业', aliases: ['规上工业', '是否规上'], required: false, width: 8 },
  { key: 'aboveQuotaTrade', header: '限额以上商贸', aliases: ['限上商贸', '是否限上'], required: false, width: 8 },
  { key: 'epidemicSupplies', header: '防疫物资生产', aliases: [], required: false, width: 8 },
  { key: 'essentials', header: '生活必需品保供', aliases: [], required: false, width: 8 },
  { key: 'chainCore', header: '产业链核心配套', aliases: [], required: false, width: 8 },
  { key: 'keyList', header: '重点企业名单', aliases: ['重点企业'], required: false, width: 12 },
] as const;

export type EnterpriseColumnKey = (typeof ENTERPRISE_COLUMNS)[number]['key'];

export const ENTERPRISE_HEADER_ALIASES: Record<string, readonly string[]> = Object.fromEntries(
  ENTERPRISE_COLUMNS.map((c) => [c.key, [c.header, ...c.aliases]]),
);

export const KEY_LIST_BY_TEXT: Record<string, 'national' | 'provincial' | 'municipal'> = {
  国家级: 'national',
  全国性: 'national',
  全国性重点保障企业: 'national',
  省级: 'provincial',
  省级重点企业: 'provincial',
  市级: 'municipal',
  市级重点企业: 'municipal',
};

export interface EnterpriseSheetRow {
  /** The fields as the API takes them (still to be checked by the schema and the registry). */
  candidate: Record<string, unknown>;
  /** How the row names its place when it gives no region code. */
  place: { countyName: string; townshipName: string; zoneName: string };
  errors: { field: string; message: string }[];
  /** The row as read, for the error report. */
  raw: Record<string, string>;
}

/** Phone numbers arrive as numbers or with separators (154-0000-0102, 0791 8888 6666). */
function phoneOf(value: CellValue): string {
  const text = cellCode(value);
  const digits = text.replace(/[-\s()]/g, '');
  if (/^1\d{10}$/.test(digits)) return digits;
  return text.replace(/^\((0\d{2,3})\)/, '$1-');
}

/** An industry code typed as a number loses its leading zero (01 → 1, 0111 → 111): put it back. */
function industryCodeOf(value: CellValue): string {
  const text = cellCode(value);
  if (/^\d$/.test(text)) return `0${text}`;
  if (/^\d{3}$/.test(text)) return `0${text}`;
  return text;
}

export function readEnterpriseRow(
  cells: readonly CellValue[],
  columns: ReadonlyMap<string, number>,
): EnterpriseSheetRow {
  const cell = (key: EnterpriseColumnKey): CellValue => {
    const index = columns.get(key);
    return index === undefined ? null : cells[index];
  };
  const errors: { field: string; message: string }[] = [];
  const raw: Record<string, string> = {};
  for (const c of ENTERPRISE_COLUMNS) raw[c.key] = cellText(cell(c.key));

  const candidate: Record<string, unknown> = {
    creditCode: cellCode(cell('creditCode')),
    name: cellText(cell('name')),
    legalRep: cellText(cell('legalRep')),
    contactName: cellText(cell('contactName')),
    contactPhone: phoneOf(cell('contactPhone')),
    address: cellText(cell('address')),
    industryCode: industryCodeOf(cell('industryCode')),
  };
  const regionCode = cellCode(cell('regionCode'));
  if (regionCode) candidate.regionCode = regionCode;

  const employees = cellNumber(cell('employees'), '从业人员');
  if (!employees.ok) errors.push({ field: 'employees', message: employees.message });
  else candidate.employees = employees.value ?? undefined;

  for (const [key, field, label] of [
    ['revenueWan', 'revenueFen', '营业收入'],
    ['assetsWan', 'assetsFen', '资产总额'],
  ] as const) {
    const fen = wanYuanToFen(cell(key), label);
    if (!fen.ok) errors.push({ field, message: fen.message });
    else candidate[field] = fen.value ?? undefined;
  }

  const flags: Record<string, boolean> = {};
  for (const [key, label] of [
    ['aboveScaleIndustry', '规模以上工业'],
    ['aboveQuotaTrade', '限额以上商贸'],
    ['epidemicSupplies', '防疫物资生产'],
    ['essentials', '生活必需品保供'],
    ['chainCore', '产业链核心配套'],
  ] as const) {
    const yes = cellYesNo(cell(key), label);
    if (!yes.ok) errors.push({ field: `flags.${key}`, message: yes.message });
    else flags[key] = yes.value;
  }
  candidate.flags = flags;

  const keyListText = cellText(cell('keyList'));
  if (keyListText) {
    const keyList = KEY_LIST_BY_TEXT[keyListText];
    if (!keyList)
      errors.push({ field: 'keyList', message: `重点企业名单：应为“国家级”“省级”或“市级”，实际为“${keyListText}”` });
    else candidate.keyList = keyList;
  }

  return {
    candidate,
    place: {
      countyName: cellText(cell('countyName')),
      townshipName: cellText(cell('townshipName')),
      zoneName: cellText(cell('zoneName')),
    },
    errors,
    raw,
  };
}

export function isBlankRow(cells: readonly CellValue[]): boolean {
  return cells.every((c) => cellText(c) === '');
}
