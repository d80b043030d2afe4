/**
 * Runtime constants of the registry (属地台账), free of zod so the web app can import them
 * without the schema library.
 */

/** Entity types, with the Chinese label used in the console and in the xlsx 类型 column. */
export const ENTITY_TYPES = [
  'website', 'app', 'mini_program', 'weibo', 'wechat_official', 'toutiao', 'douyin', 'kuaishou',
  'live_room', 'forum_group', 'led_screen', 'other',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];
export const ENTITY_TYPE_LABELS: Record<EntityType, string> = {
  website: '网站', app: '移动应用', mini_program: '小程序', weibo: '微博账号', wechat_official: '微信公众号',
  toutiao: '头条号', douyin: '抖音账号', kuaishou: '快手账号', live_room: '直播间', forum_group: '论坛/群组',
  led_screen: '户外LED屏', other: '其他',
};
/** Types identified by an account on a platform (the natural key is type + account id). */
export const ACCOUNT_TYPES = ['weibo', 'wechat_official', 'toutiao', 'douyin', 'kuaishou', 'live_room'] as const satisfies readonly EntityType[];

/** 分级: 重点 / 一般 / 观察. */
export const ENTITY_GRADES = ['key', 'general', 'watch'] as const;
export type EntityGrade = (typeof ENTITY_GRADES)[number];
export const ENTITY_GRADE_LABELS: Record<EntityGrade, string> = { key: '重点', general: '一般', watch: '观察' };

export const ENTITY_STATUSES = ['active', 'closed'] as const;
export type EntityStatus = (typeof ENTITY_STATUSES)[number];
export const ENTITY_STATUS_LABELS: Record<EntityStatus, string> = { active: '正常', closed: '已关停' };

/** 备案 kinds an entity may hold besides its ICP number. */
export const FILING_KINDS = ['icp', 'license', 'app_filing', 'algorithm', 'news_license', 'other'] as const;
export type FilingKind = (typeof FILING_KINDS)[number];

/** What raised a registry rectification item (整改事项, the rectifications module's items): an inspection or an interview. */
export const RECTIFICATION_SOURCES = ['inspection', 'interview'] as const;
export type RectificationSource = (typeof RECTIFICATION_SOURCES)[number];

/** Inspection tasks from a random draw (双随机). */
export const TASK_STATES = ['open', 'done', 'cancelled'] as const;
export type TaskState = (typeof TASK_STATES)[number];

export const IMPORT_STATES = ['parsing', 'previewed', 'committing', 'committed', 'failed'] as const;
export type ImportState = (typeof IMPORT_STATES)[number];

/**
 * ICP 备案号: 京ICP备12345678号, optionally -N for one site of the filing; the operating license
 * 京ICP证030173号 and 粤B2-20090059 are accepted in the same field. Normalized form (half-width,
 * upper-case ICP/B, no spaces) is what `ICP_PATTERN` checks; see @tianlang/core normalizeIcp.
 */
export const ICP_PROVINCES = '京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川蜀贵黔云滇藏陕秦甘陇青宁新港澳';
export const ICP_PATTERN = new RegExp(`^[${ICP_PROVINCES}](ICP备\\d{5,12}号(-\\d{1,4})?|ICP证\\d{5,12}号|B[12]-\\d{5,12})$`);

/** Import limits. */
export const IMPORT_MAX_ROWS = 100_000;
export const IMPORT_MAX_BYTES = 40 * 1024 * 1024;
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The columns of the registry spreadsheet (import and export), key → Chinese header. Import also
 * accepts the traditional-character spelling of each header and the key itself.
 */
export const REGISTRY_COLUMNS = {
  name: '名称', type: '类型', url: '网址', icpNo: 'ICP备案号', appId: '应用标识', accountId: '平台账号ID',
  platformName: '所在平台', operatorName: '运营主体', contactPerson: '联系人', contactPhone: '联系电话',
  contactEmail: '联系邮箱', jurisdictionCode: '属地编码', jurisdictionName: '属地', grade: '分级', gradeReason: '分级理由',
  tags: '标签', officerUsername: '责任人账号', status: '状态', note: '备注',
} as const;
export type RegistryColumn = keyof typeof REGISTRY_COLUMNS;
/** Columns an import must have. */
export const REQUIRED_IMPORT_COLUMNS: readonly RegistryColumn[] = ['name', 'type', 'grade'];

/** Draw (双随机) and rectification limits. */
export const DRAW_MAX_ENTITIES = 500;
export const DRAW_MAX_OFFICERS = 100;

/**
 * Event actions written by the registry (statistics count these):
 * 排查网络平台数 ← registry.entity_created + registry.inspection_recorded (distinct entities),
 * 实地检查数 ← registry.inspection_recorded, 签订承诺书数 ← registry.pledge_recorded, 约谈数 ← registry.interview_recorded.
 */
export const REGISTRY_EVENTS = [
  'registry.entity_created', 'registry.entity_updated', 'registry.entity_graded', 'registry.entity_moved',
  'registry.entity_closed', 'registry.entity_reopened', 'registry.contact_revealed', 'registry.pledge_recorded',
  'registry.inspection_recorded', 'registry.interview_recorded', 'registry.rectification_followed_up', 'registry.rectification_progress',
  'registry.task_assigned', 'registry.draw_made', 'registry.import_committed', 'registry.exported',
] as const;
export type RegistryEvent = (typeof REGISTRY_EVENTS)[number];
