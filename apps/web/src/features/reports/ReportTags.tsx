import { Tag, Tooltip } from 'antd';
import type { DeadlineStatus, ReportChannel, ReportState } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import type { OrderState, TransferState } from './subcases.api';

const stateColors: Record<ReportState, string> = {
  submitted: 'gold', accepted: 'blue', rejected: 'default', merged: 'purple', assessing: 'cyan',
  disposing: 'geekblue', transferred: 'orange', disposed: 'green', answered: 'green', closed: 'default',
};
const deadlineColors: Record<DeadlineStatus, string> = { on_time: 'success', at_risk: 'warning', overdue: 'error' };
const transferColors: Record<TransferState, string> = { sent: 'gold', signed: 'blue', replied: 'green', returned: 'red' };
const orderColors: Record<OrderState, string> = { issued: 'gold', answered: 'blue', rechecked: 'green', escalated: 'red' };

/** 11-23 15:29: the year is left out where the column is narrow (the full time is in the tooltip). */
export const shortTime = (iso: string) => formatDateTime(iso).slice(5);

export function ReportStateTag({ state, testId }: { state: ReportState; testId?: string }) {
  const t = useT();
  return (
    <Tag color={stateColors[state]} data-testid={testId}>
      {t(`rptState.${state}`)}
    </Tag>
  );
}

export function ChannelTag({ channel }: { channel: ReportChannel }) {
  const t = useT();
  return <Tag bordered={false}>{t(`rptChannel.${channel}`)}</Tag>;
}

/** Due time with its status: green in time, orange close to the limit, red past it. */
export function DeadlineTag({ dueAt, status, compact }: { dueAt: string | null; status: DeadlineStatus | null; compact?: boolean }) {
  const t = useT();
  if (!dueAt) return <span>—</span>;
  return (
    <Tooltip title={t('rpt.dueAt', { time: formatDateTime(dueAt) })}>
      <span className="rpt-deadline">
        <span>{compact ? shortTime(dueAt) : formatDateTime(dueAt)}</span>
        {status && <Tag color={deadlineColors[status]}>{t(`rptDeadline.${status}`)}</Tag>}
      </span>
    </Tooltip>
  );
}

export function TrustedBadge() {
  const t = useT();
  return (
    <Tooltip title={t('rpt.trustedHint')}>
      <Tag color="magenta">{t('rpt.trusted')}</Tag>
    </Tooltip>
  );
}

export function TransferStateTag({ state }: { state: TransferState }) {
  const t = useT();
  return <Tag color={transferColors[state]}>{t(`rptTransferState.${state}`)}</Tag>;
}

export function OrderStateTag({ state }: { state: OrderState }) {
  const t = useT();
  return <Tag color={orderColors[state]}>{t(`rptOrderState.${state}`)}</Tag>;
}
