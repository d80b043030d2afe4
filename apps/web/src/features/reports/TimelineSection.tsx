import { Card, Flex, Tag, Timeline, Tooltip, Typography } from 'antd';
import type { ReportDetail } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { formatDateTime, shortHash } from '../../lib/format';
import { actionLabel, roleLabel, stateLabel } from './timeline-labels';

type Entry = ReportDetail['timeline'][number];

function EntryBody({ e }: { e: Entry }) {
  const t = useT();
  const role = roleLabel(t, e.actorRole);
  const from = stateLabel(t, e.fromState, e.action);
  const to = stateLabel(t, e.toState, e.action);
  const moved = to !== null && e.toState !== e.fromState;
  return (
    <Flex vertical gap={2} data-testid="timeline-entry">
      <Flex gap={6} align="center" wrap>
        <Typography.Text strong>{actionLabel(t, e.action, e.payload)}</Typography.Text>
        {moved && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {from ? `${from} → ${to}` : to}
          </Typography.Text>
        )}
        {e.batchId && <Tag bordered={false}>{t('rptTimeline.batch')}</Tag>}
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {formatDateTime(e.at, true)} · {e.actorName ?? t('rptTimeline.system')}
        {role && `（${role}）`}
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

/** 时间线: the report's event log, newest first; each row carries its place in the hash chain. */
export function TimelineSection({ report: r }: { report: ReportDetail }) {
  const t = useT();
  const entries = [...r.timeline].sort((a, b) => b.seq - a.seq);
  return (
    <Card size="small" title={t('rptDetail.timeline')} className="rpt-section" data-testid="timeline">
      <Timeline items={entries.map((e) => ({ key: e.seq, content: <EntryBody e={e} /> }))} />
    </Card>
  );
}
