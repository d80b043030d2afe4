import type { API_KEY_SCOPES, PATROL_ITEM_STATUSES, PATROL_SOURCE_KINDS, RULE_KINDS } from '@tianlang/contracts';
import { enumList } from '../../lib/enum-list';

// The contracts declare these beside the patrol schemas; see enumList for why they are restated here.
export const ITEM_STATUSES = enumList<(typeof PATROL_ITEM_STATUSES)[number]>()(['pending', 'clean', 'confirmed', 'dismissed']);
export const SOURCE_KINDS = enumList<(typeof PATROL_SOURCE_KINDS)[number]>()(['feed', 'manual', 'import', 'api']);
export const RULE_KIND_LIST = enumList<(typeof RULE_KINDS)[number]>()(['term', 'regex', 'domain']);
export const KEY_SCOPES = enumList<(typeof API_KEY_SCOPES)[number]>()(['patrol.push', 'reports.submit']);
