import { Card, Table, Tag, Typography } from 'antd';
import type { PublicStage } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { testId } from '../../lib/test-id';
import { useMyTrustedReports, type TrustedReport } from './trusted.api';

const stageColors: Record<PublicStage, string> = {
  submitted: 'gold', accepted: 'blue', handling: 'geekblue', finished: 'green', rejected: 'default', reviewing: 'purple',
};

/** The volunteer's own reports, as the public status page shows them: stage and reply, no internal notes. */
export function TrustedList() {
  const t = useT();
  const list = useMyTrustedReports();
  return (
    <Card title={t('rptTrusted.listTitle', { total: list.data?.total ?? 0 })}>
      <Table<TrustedReport>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.data?.items}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        onRow={(r) => testId(`trusted-row-${r.trackingNo}`)}
        expandable={{
          rowExpandable: (r) => r.reply !== null,
          expandedRowRender: (r) => (
            <div>
              <Typography.Text type="secondary">{t('rptTrusted.repliedAt', { time: formatDateTime(r.repliedAt) })}</Typography.Text>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 4 }}>{r.reply}</Typography.Paragraph>
            </div>
          ),
        }}
        columns={[
          { key: 'no', title: t('rpt.trackingNo'), render: (_, r) => <span className="rpt-mono">{r.trackingNo}</span> },
          { key: 'category', title: t('rpt.category'), render: (_, r) => r.categoryName },
          { key: 'stage', title: t('rptTrusted.stage'), render: (_, r) => <Tag color={stageColors[r.stage]}>{t(`rptStage.${r.stage}`)}</Tag> },
          { key: 'outcome', title: t('rptDetail.outcome'), render: (_, r) => (r.outcome ? t(`rptOutcome.${r.outcome}`) : '—') },
          { key: 'submitted', title: t('rpt.submittedAt'), render: (_, r) => formatDateTime(r.submittedAt) },
        ]}
      />
    </Card>
  );
}
