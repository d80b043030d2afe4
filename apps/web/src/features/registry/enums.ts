import type {
  ENTITY_GRADES, ENTITY_STATUSES, ENTITY_TYPES, FILING_KINDS, RECTIFICATION_STATES, RegistryColumn, TASK_STATES,
} from '@tianlang/contracts';
import { enumList } from '../../lib/enum-list';

// The contracts re-export these from the schema module; see enumList for why they are restated here.
export const ENTITY_TYPE_LIST = enumList<(typeof ENTITY_TYPES)[number]>()([
  'website', 'app', 'mini_program', 'weibo', 'wechat_official', 'toutiao', 'douyin', 'kuaishou', 'live_room', 'forum_group', 'led_screen', 'other',
]);
export const GRADE_LIST = enumList<(typeof ENTITY_GRADES)[number]>()(['key', 'general', 'watch']);
export const STATUS_LIST = enumList<(typeof ENTITY_STATUSES)[number]>()(['active', 'closed']);
export const FILING_KIND_LIST = enumList<(typeof FILING_KINDS)[number]>()(['icp', 'license', 'app_filing', 'algorithm', 'news_license', 'other']);
export const RECTIFICATION_STATE_LIST = enumList<(typeof RECTIFICATION_STATES)[number]>()(['open', 'rectified', 'not_rectified']);
export const TASK_STATE_LIST = enumList<(typeof TASK_STATES)[number]>()(['open', 'done', 'cancelled']);
/** Spreadsheet columns in the order of the template (import) and of the export dialog. */
export const COLUMN_LIST = enumList<RegistryColumn>()([
  'name', 'type', 'url', 'icpNo', 'appId', 'accountId', 'platformName', 'operatorName', 'contactPerson', 'contactPhone',
  'contactEmail', 'jurisdictionCode', 'jurisdictionName', 'grade', 'gradeReason', 'tags', 'officerUsername', 'status', 'note',
]);
/** Contact columns carry personal information: left out of an export unless chosen. */
export const CONTACT_COLUMNS: readonly RegistryColumn[] = ['contactPerson', 'contactPhone', 'contactEmail'];

export type EntityType = (typeof ENTITY_TYPE_LIST)[number];
export type EntityGrade = (typeof GRADE_LIST)[number];
export type EntityStatus = (typeof STATUS_LIST)[number];
export type FilingKind = (typeof FILING_KIND_LIST)[number];
export type RectificationState = (typeof RECTIFICATION_STATE_LIST)[number];
export type TaskState = (typeof TASK_STATE_LIST)[number];

/** Types that are accounts on a platform: the form asks for the platform and the account id. */
export const ACCOUNT_TYPE_LIST: readonly EntityType[] = ['weibo', 'wechat_official', 'toutiao', 'douyin', 'kuaishou', 'live_room', 'forum_group'];
