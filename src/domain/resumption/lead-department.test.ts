import { describe, expect, it } from 'vitest';
import type { LeadDepartmentRule } from './lead-department.ts';
import { leadDepartmentFor, regionAncestors, validateLeadDepartmentRules } from './lead-department.ts';

const rules: LeadDepartmentRule[] = [
  { regionCode: '360100', enterpriseType: '*', departmentCode: 'nc-fgw', departmentName: '南昌市发展改革委' },
  { regionCode: '360100', enterpriseType: 'industry', departmentCode: 'nc-gxj', departmentName: '南昌市工信局' },
  { regionCode: '360111', enterpriseType: 'industry', departmentCode: 'qsh-gxj', departmentName: '青山湖区工信局' },
  { regionCode: 'NCGX', enterpriseType: '*', departmentCode: 'ncgx-jfj', departmentName: '高新区经发局' },
];

describe('lead department (一口受理, 003:L27)', () => {
  it('picks the most specific region, exact type before *', () => {
    expect(leadDepartmentFor(rules, '360111', 'industry')?.departmentCode).toBe('qsh-gxj');
    expect(leadDepartmentFor(rules, '360111', 'construction')?.departmentCode).toBe('nc-fgw');
    expect(leadDepartmentFor(rules, '360102', 'industry')?.departmentCode).toBe('nc-gxj');
    expect(leadDepartmentFor(rules, ['NCGX', ...regionAncestors('360111')], 'industry')?.departmentCode).toBe(
      'ncgx-jfj',
    );
    expect(leadDepartmentFor(rules, '360402', 'industry')).toBeUndefined();
    expect(regionAncestors('360111')).toEqual(['360111', '360100', '360000']);
    expect(regionAncestors('360000')).toEqual(['360000']);
  });

  it('one lead department per region and type', () => {
    expect(validateLeadDepartmentRules(rules)).toEqual([]);
    expect(
      validateLeadDepartmentRules([
        ...rules,
        {
          regionCode: '360111',
          enterpriseType: 'industry',
          departmentCode: 'qsh-fgw',
          departmentName: '青山湖区发改委',
        },
      ]),
    ).toEqual([
      '牵头部门配置：360111「industry」同时配置了青山湖区工信局和青山湖区发改委，同一区域同一类型只能明确一家牵头部门',
    ]);
  });
});
