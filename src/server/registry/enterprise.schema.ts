import { z } from 'zod';
import { validateCreditCode } from '../../domain/registry/credit-code.ts';

/**
 * The enterprise fields a user supplies (一企一档). Shared by the API and the Excel import so both say the same
 * thing about the same mistake. References (region, industry, liaison) are checked by the service.
 */
export const creditCodeField = z
  .string()
  .describe('统一社会信用代码')
  .transform((value, ctx) => {
    const result = validateCreditCode(value);
    if (!result.ok) {
      ctx.addIssue({ code: 'custom', message: result.message });
      return z.NEVER;
    }
    return result.value;
  });

const phone = z
  .string()
  .trim()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/, '应为手机号（11 位）或带区号的固定电话')
  .describe('联系电话');

const fen = (label: string) => z.number().int().min(0).max(9_000_000_000_000_000).describe(label);

export const KEY_LISTS = ['national', 'provincial', 'municipal'] as const;
export const KEY_LIST_LABEL: Record<(typeof KEY_LISTS)[number], string> = {
  national: '全国性重点保障企业',
  provincial: '省级重点企业',
  municipal: '市级重点企业',
};

export const enterpriseFlagsSchema = z.object({
  aboveScaleIndustry: z.boolean().describe('规模以上工业'),
  aboveQuotaTrade: z.boolean().describe('限额以上商贸'),
  epidemicSupplies: z.boolean().describe('防疫物资生产'),
  essentials: z.boolean().describe('生活必需品保供'),
  chainCore: z.boolean().describe('产业链核心配套'),
});

export const enterpriseInputSchema = z.object({
  creditCode: creditCodeField,
  name: z.string().trim().min(2).max(100).describe('企业名称'),
  legalRep: z.string().trim().min(1).max(50).describe('法定代表人'),
  contactName: z.string().trim().min(1).max(50).describe('联系人'),
  contactPhone: phone,
  address: z.string().trim().min(2).max(200).describe('地址'),
  regionCode: z
    .string()
    .regex(/^\d{6,18}$/, '应为县（区）及以下的区划代码')
    .describe('所在区域'),
  zoneCode: z
    .string()
    .regex(/^Z\d{6}$/, '格式不正确')
    .nullable()
    .optional()
    .describe('功能区'),
  industryCode: z
    .string()
    .regex(/^\d{2}(\d{2})?$/, '应为 2 位大类或 4 位小类代码')
    .describe('行业代码'),
  employees: z.number().int().min(0).max(10_000_000).describe('从业人员'),
  revenueFen: fen('营业收入'),
  assetsFen: fen('资产总额'),
  flags: enterpriseFlagsSchema.partial().optional().describe('标记'),
  keyList: z.enum(KEY_LISTS).nullable().optional().describe('重点企业名单'),
  liaisonUserId: z.number().int().positive().nullable().optional().describe('驻企联络员'),
});
export type EnterpriseInput = z.output<typeof enterpriseInputSchema>;

export const enterprisePatchSchema = enterpriseInputSchema
  .omit({ creditCode: true })
  .partial()
  .extend({ version: z.number().int().positive().describe('版本号') });
export type EnterprisePatch = z.output<typeof enterprisePatchSchema>;
