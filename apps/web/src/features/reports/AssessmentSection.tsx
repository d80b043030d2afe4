import { Card, Descriptions, Typography } from 'antd';
import type { ReportDetail } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { EntityRefLabel } from './EntityRef';
import { categoryName } from './report-options';
import { useReportOptions } from './reports.api';
import { severityLabel } from './severity';

/** 研判: category as it now stands, severity, the entity concerned, the analyst's latest note; then the outcome. */
export function AssessmentSection({ report: r }: { report: ReportDetail }) {
  const t = useT();
  const options = useReportOptions().data;
  const note = [...r.timeline].reverse().find((e) => /assess/.test(e.action))?.reason;
  const items = [
    { key: 'category', label: t('rpt.category'), children: r.categoryName },
    { key: 'zone', label: t('rpt.zone'), children: categoryName(options, r.zoneCode) },
    { key: 'severity', label: t('rptAssess.severity'), children: severityLabel(t, r.severity) },
    { key: 'entity', label: t('rptAssess.entity'), children: <EntityRefLabel entity={r.entity} entityRef={r.entityRef} /> },
    ...(note ? [{ key: 'note', label: t('rptAssess.note'), children: note }] : []),
    ...(r.rejectReason ? [{ key: 'reject', label: t('rptIntake.reasonCode'), children: t(`rptReject.${r.rejectReason}`) }] : []),
    ...(r.outcome ? [{ key: 'outcome', label: t('rptDetail.outcome'), children: t(`rptOutcome.${r.outcome}`) }] : []),
    ...(r.publicReply
      ? [{ key: 'reply', label: t('rptDetail.publicReply'), children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{r.publicReply}</Typography.Paragraph> }]
      : []),
  ];
  return (
    <Card size="small" title={t('rptDetail.assessment')} className="rpt-section" data-testid="report-assessment">
      <Descriptions size="small" column={{ xs: 1, md: 2 }} items={items} />
    </Card>
  );
}
