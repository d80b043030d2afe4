import { Card, Flex, Tag, Timeline, Tooltip, Typography } from 'antd';
import type { ReportDetail } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { formatDateTime, shortHash } from '../../lib/format';
import { actionLabel, roleLabel, splitAction, stateLabel, subjectLabel } from './timeline-labels';

type Entry = ReportDetail['timeline'][number];

function EntryBody({ e }: { e: Entry }) {
  const t = useT();
  const role = roleLabel(t, e.actorRole);
  const { subject, action } = splitAction(e.action);
  const from = stateLabel(t, e.fromState, subject, action);
  const to = stateLabel(t, e.toState, subject, action);
  const moved = to !== null && e.toState !== e.fromState;
  return (
    <Flex vertical gap={2} data-testid="timeline-entry">
      <Flex gap={6} align="center" wrap>
        {subject !== 'report' && <Tag color={subject === 'order' ? 'cyan' : 'orange'} bordered={false}>{subjectLabel(t, subject)}</Tag>}
        <Typography.Text strong>{actionLabel(t, action, e.payload)}</Typography.Text>
        {moved && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {from ? `${from} → ${to}` : to}
          </Typography.Text>
        )}
        {e.batchId && <Tag bordered={false}>{t('rptTimeline.batch')}</Tag>}
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {formatDateTime(e.at, true)} · {e.actorRole === 'public' ? t('rptTimeline.public') : (e.actorName ?? t('rptTimeline.system'))}
        {role && e.actorRole !== 'public' && `（${role}）`}
      </Typography.Text>
      {e.reason && <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{e.reason}</Typography.Text>}
      <Tooltip title={t('rptTimeline.hashHint', { hash: e.hash })}>
        <Typography.Text type="secondary" className="rpt-mono" style={{ fontSize: 11 }}>
          #{e.seq} · {shortHash(e.hash)}
        </Typography.Text>
      </Tooltip>
    </Flex>
  );
}

/**
 * 时间线: the event log of the report and of its transfers and orders, newest first (the server sends
 * them in time order; `seq` counts within each record's own hash chain).
 */
export function TimelineSection({ report: r }: { report: ReportDetail }) {
  const t = useT();
  const entries = [...r.timeline].reverse();
  return (
    <Card
      size="small"
      title={t('rptDetail.timeline', { count: entries.length })}
      className="rpt-section"
      styles={{ body: { maxHeight: 'calc(100vh - 140px)', overflowY: 'auto' } }}
      data-testid="timeline"
    >
      <Timeline items={entries.map((e) => ({ key: `${e.action}-${e.seq}-${e.hash}`, content: <EntryBody e={e} /> }))} />
    </Card>
  );
}
