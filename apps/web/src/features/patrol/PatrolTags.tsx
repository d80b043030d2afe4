import { Tag, Tooltip } from 'antd';
import type { FETCH_STATUSES, PatrolItemView } from '@tianlang/contracts';
import { isMessageKey, useT, type TFunction } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import type { PatrolItemStatus } from './patrol.api';
import type { RuleKind } from './lexicon.api';
import type { SourceKind } from './sources.api';

type HitStatus = PatrolItemView['hits'][number]['status'];
type FetchStatus = (typeof FETCH_STATUSES)[number];

const itemColors: Record<PatrolItemStatus, string> = { pending: 'gold', clean: 'default', confirmed: 'red', dismissed: 'green' };
const hitColors: Record<HitStatus, string> = { pending: 'gold', confirmed: 'red', dismissed: 'green' };
const fetchColors: Record<FetchStatus, string> = { never: 'default', ok: 'success', not_modified: 'processing', error: 'error' };
const sourceColors: Record<SourceKind, string> = { api: 'purple', feed: 'blue', import: 'cyan', manual: 'geekblue' };

export function ItemStatusTag({ status }: { status: PatrolItemStatus }) {
  const t = useT();
  return <Tag color={itemColors[status]}>{t(`itemStatus.${status}`)}</Tag>;
}

export function HitStatusTag({ status }: { status: HitStatus }) {
  const t = useT();
  return <Tag color={hitColors[status]}>{t(`hitStatus.${status}`)}</Tag>;
}

export function SourceKindTag({ kind }: { kind: SourceKind }) {
  const t = useT();
  return <Tag color={sourceColors[kind]}>{t(`sourceKind.${kind}`)}</Tag>;
}

export function RuleKindTag({ kind }: { kind: RuleKind }) {
  const t = useT();
  return <Tag>{t(`ruleKind.${kind}`)}</Tag>;
}

/** A source's last error: an error code is localized; "HTTP 404" (and older free text) is shown as it is. */
export function fetchErrorText(t: TFunction, error: string | null): string {
  const key = `error.${error ?? ''}`;
  return isMessageKey(key) ? t(key) : error ?? '';
}

/** The last fetch result; a failure shows why on hover. */
export function FetchStatusTag({ status, error, at }: { status: FetchStatus; error: string | null; at: string | null }) {
  const t = useT();
  const tag = <Tag color={fetchColors[status]} data-testid="source-status">{t(`fetchStatus.${status}`)}</Tag>;
  const tip = status === 'error' ? fetchErrorText(t, error) : at ? formatDateTime(at, true) : null;
  return tip ? <Tooltip title={tip}>{tag}</Tooltip> : tag;
}
