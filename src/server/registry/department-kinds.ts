/**
 * Departments that take part (design.md §1), by stable kind. Each kind exists at city level and in each county;
 * the list is configurable (admins add or deactivate departments), this is only the starting set.
 */
export const DEPARTMENT_KINDS = [
  { kind: 'gxj', short: '工信', suffix: '工业和信息化局' },
  { kind: 'fgw', short: '发改', suffix: '发展和改革委员会' },
  { kind: 'scjg', short: '市场监管', suffix: '市场监督管理局' },
  { kind: 'wjw', short: '卫健', suffix: '卫生健康委员会' },
  { kind: 'cdc', short: '疾控', suffix: '疾病预防控制中心' },
  { kind: 'rsj', short: '人社', suffix: '人力资源和社会保障局' },
  { kind: 'jrb', short: '金融办', suffix: '地方金融监督管理局' },
  { kind: 'swj', short: '商务', suffix: '商务局' },
  { kind: 'czj', short: '财政', suffix: '财政局' },
  { kind: 'tax', short: '税务', suffix: '税务局' },
  { kind: 'jtj', short: '交通', suffix: '交通运输局' },
  { kind: 'zrzy', short: '自然资源', suffix: '自然资源局' },
  { kind: 'zjj', short: '住建', suffix: '住房和城乡建设局' },
  { kind: 'zsj', short: '政数', suffix: '政务服务数据管理局' },
  { kind: 'tjj', short: '统计', suffix: '统计局' },
  { kind: 'nyj', short: '农业农村', suffix: '农业农村局' },
  { kind: 'wlj', short: '文旅', suffix: '文化广电新闻出版旅游局' },
  { kind: 'gaj', short: '公安', suffix: '公安局' },
  { kind: 'yjj', short: '应急', suffix: '应急管理局' },
  { kind: 'sthj', short: '生态环境', suffix: '生态环境局' },
] as const;
