import type { RegionLevel, Role } from '../api/types.ts';

/** Chinese names the server does not send with every record. */
export const REGION_LEVEL_LABEL: Record<RegionLevel, string> = {
  province: '省',
  city: '市',
  county: '县（区）',
  township: '乡镇（街道）',
  village: '村（社区）',
  grid: '网格',
  building: '楼栋',
  zone: '功能区',
};

/** Role names, the same as the server's ROLE_LABEL (src/server/access/roles.ts); used before /api/reference loads. */
export const ROLE_LABEL: Record<Role, string> = {
  admin: '系统管理员',
  leader: '指挥部领导',
  dept: '部门审核人员',
  cdc: '疾控人员',
  grid: '网格员/驻企联络员',
  ent_admin: '企业管理员',
  employee: '企业员工',
  bank: '银行/担保机构人员',
};

export const ROLES = Object.keys(ROLE_LABEL) as Role[];

/** Government roles: they work on the registry of a region. */
export const GOVERNMENT_ROLES: readonly Role[] = ['admin', 'leader', 'dept', 'cdc', 'grid'];

export const AUDIT_ACTION_LABEL: Record<string, string> = {
  'auth.login': '登录',
  'auth.login_failed': '登录失败',
  'auth.lockout': '账号锁定',
  'auth.logout': '退出登录',
  'auth.password_changed': '修改密码',
  'enterprise.create': '登记企业',
  'enterprise.update': '修改企业',
  'enterprise.import_uploaded': '上传导入文件',
  'enterprise.import': '确认导入企业',
  'enterprise.import_cancelled': '放弃导入',
  'enterprise.export': '导出企业名录',
  'region.create': '新建网格/楼栋',
  'region.rename': '网格/楼栋更名',
  'department.create': '新建部门',
  'department.update': '修改部门',
  'user.create': '新建用户',
  'user.update': '修改用户',
  'user.password_reset': '重置密码',
  'user.unlock': '解除锁定',
};

export const AUDIT_OBJECT_LABEL: Record<string, string> = {
  user: '用户',
  enterprise: '企业',
  import: '导入批次',
  region: '区域',
  department: '部门',
  export: '导出',
};

export const DEPARTMENT_KIND_LABEL: Record<string, string> = {
  gxj: '工信',
  fgw: '发改',
  scjg: '市场监管',
  wjw: '卫健',
  cdc: '疾控',
  rsj: '人社',
  jrb: '金融办',
  swj: '商务',
  czj: '财政',
  tax: '税务',
  jtj: '交通',
  zrzy: '自然资源',
  zjj: '住建',
  zsj: '政数',
  tjj: '统计',
  nyj: '农业农村',
  wlj: '文旅',
  gaj: '公安',
  yjj: '应急',
  sthj: '生态环境',
};

/** Shown until `/api/reference` has loaded; the same texts as the server's FLAG_LABEL and KEY_LIST_LABEL. */
export const FLAG_LABEL_FALLBACK = {
  aboveScaleIndustry: '规模以上工业',
  aboveQuotaTrade: '限额以上商贸',
  epidemicSupplies: '防疫物资生产',
  essentials: '生活必需品保供',
  chainCore: '产业链核心配套',
} as const;

export const KEY_LIST_LABEL_FALLBACK = {
  national: '全国性重点保障企业',
  provincial: '省级重点企业',
  municipal: '市级重点企业',
} as const;

export const SIZE_CLASS_LABEL_FALLBACK = { large: '大型', medium: '中型', small: '小型', micro: '微型' } as const;
