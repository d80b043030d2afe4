import { Card, Descriptions, Flex, Typography } from 'antd';
import type { ReportDetail } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { ActionBar } from './ActionBar';
import { categoryName } from './report-options';
import { useReportOptions } from './reports.api';
import { severityLabel } from './severity';
import { ChannelTag, DeadlineTag, ReportStateTag, TrustedBadge } from './ReportTags';

/** Tracking number, state and deadline at a glance, with the actions open to this user now. */
export function DetailHeader({ report: r }: { report: ReportDetail }) {
  const t = useT();
  const options = useReportOptions().data;
  return (
    <Card style={{ marginBottom: 16 }}>
      <Flex justify="space-between" align="flex-start" wrap gap={12}>
        <Flex vertical gap={6}>
          <Flex align="center" gap={8} wrap>
            <Typography.Title level={4} style={{ margin: 0 }} copyable={{ text: r.trackingNo }}>
              <span className="rpt-mono" style={{ fontSize: 20 }} data-testid="report-tracking-no">{r.trackingNo}</span>
            </Typography.Title>
            <ReportStateTag state={r.state} testId="report-state" />
            {r.trusted && <TrustedBadge />}
          </Flex>
          <Flex align="center" gap={8} wrap>
            <Typography.Text type="secondary">{t('rpt.deadline')}</Typography.Text>
            <DeadlineTag dueAt={r.dueAt} status={r.deadlineStatus} />
          </Flex>
        </Flex>
        <ActionBar report={r} />
      </Flex>
      <Descriptions
        size="small"
        style={{ marginTop: 16 }}
        column={{ xs: 1, md: 2, xl: 4 }}
        items={[
          { key: 'category', label: t('rpt.category'), children: r.categoryName },
          { key: 'zone', label: t('rpt.zone'), children: categoryName(options, r.zoneCode) },
          { key: 'channel', label: t('rpt.channel'), children: <ChannelTag channel={r.channel} /> },
          { key: 'submitted', label: t('rpt.submittedAt'), children: formatDateTime(r.submittedAt) },
          { key: 'jurisdiction', label: t('rpt.jurisdiction'), children: r.jurisdictionName },
          { key: 'assignee', label: t('rpt.assignee'), children: r.assigneeName ?? t('rpt.unassigned') },
          { key: 'severity', label: t('rptAssess.severity'), children: severityLabel(t, r.severity) },
          { key: 'priority', label: t('rpt.priority'), children: r.priority },
        ]}
      />
    </Card>
  );
}
