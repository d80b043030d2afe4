import { Link } from 'react-router';
import { Alert, Card, Descriptions, Flex, List, Tag, Typography } from 'antd';
import type { ReportDetail } from '@tianlang/contracts';
import { useT, type TFunction } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { reportPath } from './ReportsTable';
import { ChannelTag, ReportStateTag } from './ReportTags';

/** same_url, or similar_text:0.87 (the similarity of the descriptions). */
function clusterReasonText(t: TFunction, reason: string): string {
  if (reason === 'same_url') return t('rptDetail.sameUrl');
  const m = /^similar_text:([\d.]+)$/.exec(reason);
  return m ? t('rptDetail.similarText', { pct: Math.round(Number(m[1]) * 100) }) : reason;
}

/** 聚类: reports merged into this one (all get the reply), where this one went, and look-alikes nearby. */
export function ClusterSection({ report: r }: { report: ReportDetail }) {
  const t = useT();
  const others = r.members.filter((m) => m.id !== r.id);
  return (
    <Card size="small" title={t('rptDetail.cluster', { count: r.clusterSize })} className="rpt-section" data-testid="report-cluster">
      {r.mergedIntoId && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={
            <span>
              {t('rptDetail.mergedInto')}
              <Link to={reportPath(r.mergedIntoId)} className="rpt-mono">{r.mergedIntoTrackingNo ?? r.mergedIntoId}</Link>
              {r.clusterReason && <Typography.Text type="secondary">（{clusterReasonText(t, r.clusterReason)}）</Typography.Text>}
            </span>
          }
        />
      )}
      {!r.mergedIntoId && r.clusterReason && <Descriptions size="small" items={[{ key: 'why', label: t('rptDetail.clusterReason'), children: clusterReasonText(t, r.clusterReason) }]} />}
      {others.length > 0 ? (
        <List
          size="small"
          header={<Typography.Text strong>{t('rptDetail.members')}</Typography.Text>}
          dataSource={others}
          renderItem={(m) => (
            <List.Item key={m.id}>
              <Flex gap={8} align="center">
                <Link to={reportPath(m.id)} className="rpt-mono">{m.trackingNo}</Link>
                <ChannelTag channel={m.channel} />
                <Typography.Text type="secondary">{formatDateTime(m.submittedAt)}</Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      ) : (
        !r.mergedIntoId && <Typography.Text type="secondary">{t('rptDetail.noMembers')}</Typography.Text>
      )}
      <Typography.Text strong style={{ display: 'block', marginTop: 12 }}>{t('rptDetail.related')}</Typography.Text>
      {r.related.length === 0 ? (
        <div><Typography.Text type="secondary">{t('rptDetail.noRelated')}</Typography.Text></div>
      ) : (
        <List
          size="small"
          dataSource={r.related}
          renderItem={(x) => (
            <List.Item key={`${x.id}-${x.relation}`}>
              <Flex gap={8} align="center" style={{ minWidth: 0 }}>
                <Tag color="geekblue" bordered={false}>{t(`rptRelation.${x.relation}`)}</Tag>
                <Link to={reportPath(x.id)} className="rpt-mono">{x.trackingNo}</Link>
                <ReportStateTag state={x.state} />
                <Typography.Text ellipsis type="secondary" style={{ maxWidth: 280 }}>{x.summary}</Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
