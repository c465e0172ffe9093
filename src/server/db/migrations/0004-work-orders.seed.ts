import type { CategoryAttribute, HandlerKind } from '../../../shared/work-orders.js';

/**
 * The catalogue and calendar a new deployment starts with; both are edited in the UI afterwards.
 * Frozen here (not imported from a module that may change) so the migration always seeds the same.
 */
export interface SeedCategory {
  code: string;
  parentCode: string | null;
  name: string;
  nameEn: string;
  description: string;
  handlerKind: HandlerKind;
  signHours: number;
  resolveDays: number;
  proxy: boolean;
  attributes: CategoryAttribute[];
  keywords: string;
  sort: number;
}

const group = (code: string, name: string, nameEn: string, sort: number): SeedCategory => ({
  code,
  parentCode: null,
  name,
  nameEn,
  description: '',
  handlerKind: 'community',
  signHours: 2,
  resolveDays: 3,
  proxy: false,
  attributes: [],
  keywords: '',
  sort,
});

const leaf = (
  parentCode: string,
  code: string,
  name: string,
  nameEn: string,
  options: Partial<SeedCategory> = {},
): SeedCategory => ({
  code: `${parentCode}.${code}`,
  parentCode,
  name,
  nameEn,
  description: options.description ?? '',
  handlerKind: options.handlerKind ?? 'community',
  signHours: options.signHours ?? 2,
  resolveDays: options.resolveDays ?? 3,
  proxy: options.proxy ?? false,
  attributes: options.attributes ?? [],
  keywords: options.keywords ?? '',
  sort: options.sort ?? 0,
});

const documentKinds: CategoryAttribute = {
  code: 'document_kind',
  datatype: 'singlevaluelist',
  required: true,
  description: '证件类型',
  order: 1,
  values: [
    { key: 'id_card', name: '居民身份证' },
    { key: 'residence', name: '户口簿' },
    { key: 'social_security', name: '社保卡' },
    { key: 'disability', name: '残疾人证' },
  ],
};

export const SEED_CATEGORIES: SeedCategory[] = [
  group('livelihood', '民生求助', 'Help with daily life', 1),
  leaf('livelihood', 'elderly_care', '独居老人照料', 'Care for an elderly person living alone', {
    keywords: 'dujulaoren 独居 老人 照料 空巢',
    attributes: [
      {
        code: 'care_need',
        datatype: 'multivaluelist',
        required: false,
        description: '需要的照料',
        order: 1,
        values: [
          { key: 'meals', name: '送餐' },
          { key: 'cleaning', name: '打扫' },
          { key: 'medical', name: '就医陪护' },
          { key: 'company', name: '陪伴聊天' },
        ],
      },
    ],
    sort: 1,
  }),
  leaf('livelihood', 'hardship', '困难救助', 'Hardship relief', { keywords: 'kunnan 低保 救助', sort: 2 }),
  leaf('livelihood', 'repair', '房屋维修', 'Home repair', { keywords: 'weixiu 漏水 维修 水电', sort: 3 }),
  leaf('livelihood', 'urgent', '紧急求助', 'Emergency help', {
    resolveDays: 0,
    signHours: 1,
    keywords: 'jinji 紧急 急',
    sort: 4,
  }),
  group('environment', '环境卫生', 'Environment and sanitation', 2),
  leaf('environment', 'corridor', '楼道堆物', 'Clutter in the stairwell', {
    keywords: 'loudao 楼道 堆物',
    sort: 1,
  }),
  leaf('environment', 'garbage', '垃圾清运', 'Garbage collection', {
    handlerKind: 'street',
    keywords: 'laji 垃圾',
    sort: 2,
  }),
  leaf('environment', 'lighting', '路灯照明', 'Street lighting', {
    handlerKind: 'street',
    keywords: 'ludeng 路灯',
    sort: 3,
  }),
  group('employment', '就业', 'Employment', 3),
  leaf('employment', 'job_seeking', '求职登记', 'Register as a job seeker', {
    handlerKind: 'street',
    keywords: 'qiuzhi 求职 工作 就业',
    attributes: [
      {
        code: 'wanted_job',
        datatype: 'string',
        required: false,
        description: '意向岗位',
        order: 1,
      },
    ],
    sort: 1,
  }),
  leaf('employment', 'training', '技能培训', 'Skills training', {
    handlerKind: 'district',
    keywords: 'peixun 培训 创业',
    sort: 2,
  }),
  leaf('policy', 'general', '政策咨询', 'Policy question', {
    keywords: 'zhengce 咨询 政策',
    sort: 1,
  }),
  group('complaint', '投诉', 'Complaint', 5),
  leaf('complaint', 'service', '服务投诉', 'Complaint about a service', {
    resolveDays: 13,
    handlerKind: 'street',
    keywords: 'tousu 投诉',
    sort: 1,
  }),
  group('suggestion', '建议', 'Suggestion', 6),
  leaf('suggestion', 'general', '意见建议', 'Suggestion', {
    resolveDays: 13,
    keywords: 'jianyi 建议',
    sort: 1,
  }),
  group('proxy', '代办', 'Proxy services', 7),
  leaf('proxy', 'documents', '证件代办', 'Documents on a resident’s behalf', {
    proxy: true,
    keywords: 'zhengjian 证件 代办 身份证',
    attributes: [documentKinds],
    sort: 1,
  }),
  leaf('proxy', 'social_security', '社保代办', 'Social security on a resident’s behalf', {
    proxy: true,
    handlerKind: 'street',
    keywords: 'shebao 社保 医保 养老',
    sort: 2,
  }),
  leaf('proxy', 'land_acquisition', '征地拆迁咨询', 'Land acquisition and resettlement', {
    proxy: true,
    handlerKind: 'district',
    resolveDays: 13,
    keywords: 'zhengdi 征地 拆迁 回迁',
    sort: 3,
  }),
];
// 政策咨询 is a group with one leaf; its group row goes before its leaf for the foreign key.
SEED_CATEGORIES.splice(
  SEED_CATEGORIES.findIndex((c) => c.code === 'policy.general'),
  0,
  group('policy', '政策咨询', 'Policy questions', 4),
);

export interface SeedCalendarDay {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
}

const range = (from: string, to: string, name: string): SeedCalendarDay[] => {
  const days: SeedCalendarDay[] = [];
  for (
    let day = new Date(`${from}T00:00:00Z`);
    day <= new Date(`${to}T00:00:00Z`);
    day.setUTCDate(day.getUTCDate() + 1)
  ) {
    days.push({ date: day.toISOString().slice(0, 10), kind: 'holiday', name });
  }
  return days;
};
const workday = (date: string, name: string): SeedCalendarDay => ({ date, kind: 'workday', name });

/**
 * 2026 as published by the General Office of the State Council in November 2025. 2027 holds the statutory
 * holidays on their lunar dates without the adjusted weekend working days, which the State
 * Council publishes late in the year before: administrators complete it in the calendar page.
 */
export const SEED_CALENDAR: SeedCalendarDay[] = [
  ...range('2026-01-01', '2026-01-03', '元旦'),
  workday('2026-01-04', '元旦调休上班'),
  workday('2026-02-14', '春节调休上班'),
  ...range('2026-02-15', '2026-02-23', '春节'),
  workday('2026-02-28', '春节调休上班'),
  ...range('2026-04-04', '2026-04-06', '清明节'),
  ...range('2026-05-01', '2026-05-05', '劳动节'),
  workday('2026-05-09', '劳动节调休上班'),
  ...range('2026-06-19', '2026-06-21', '端午节'),
  workday('2026-09-20', '国庆节调休上班'),
  ...range('2026-09-25', '2026-09-27', '中秋节'),
  ...range('2026-10-01', '2026-10-07', '国庆节'),
  workday('2026-10-10', '国庆节调休上班'),
  ...range('2027-01-01', '2027-01-01', '元旦'),
  ...range('2027-02-05', '2027-02-11', '春节'),
  ...range('2027-04-05', '2027-04-05', '清明节'),
  ...range('2027-05-01', '2027-05-03', '劳动节'),
  ...range('2027-06-09', '2027-06-09', '端午节'),
  ...range('2027-09-15', '2027-09-15', '中秋节'),
  ...range('2027-10-01', '2027-10-07', '国庆节'),
];
