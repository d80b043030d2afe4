import { Card, Descriptions, Flex, Tag, Typography } from 'antd';
import type { ReportDetail } from '@tianlang/contracts';
import { isMessageKey, useT } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { EntityRefLabel } from './EntityRef';
import { LegalBasisList } from './legal-basis';

type Disposal = ReportDetail['disposals'][number];

/** 处置措施: each measure with the legal basis it rests on and the statement of reasons. */
export function DisposalsSection({ report: r }: { report: ReportDetail }) {
  const t = useT();
  // A referral records its transfer type where other kinds record their measure.
  const measure = (d: Disposal) => {
    const key = d.kind === 'referral' ? `rptTransferKind.${d.measure}` : `rptMeasure.${d.measure}`;
    return d.measure && isMessageKey(key) ? t(key) : d.measure;
  };
  return (
    <Card size="small" title={t('rptDetail.disposals', { count: r.disposals.length })} className="rpt-section" data-testid="report-disposals">
      {r.disposals.length === 0 && <Typography.Text type="secondary">{t('rptDetail.noDisposals')}</Typography.Text>}
      <Flex vertical gap={12}>
        {r.disposals.map((d) => (
          <div key={d.id} className="rpt-disposal">
            <Flex gap={8} align="center" wrap style={{ marginBottom: 6 }}>
              <Tag color="volcano">{t(`rptKind.${d.kind}`)}</Tag>
              {d.measure && <Tag>{measure(d)}</Tag>}
              {d.targetName && <Typography.Text strong>{d.targetName}</Typography.Text>}
              <Typography.Text type="secondary" style={{ marginLeft: 'auto', fontSize: 12 }}>
                {d.createdByName ?? '—'} · {formatDateTime(d.createdAt)}
              </Typography.Text>
            </Flex>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'basis', label: t('rptDisposal.legalBasis'), children: <LegalBasisList items={d.legalBasis} /> },
                { key: 'reasons', label: t('rptDisposal.reasons'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{d.reasons}</span> },
                ...(d.entityRef ? [{ key: 'entity', label: t('rptAssess.entity'), children: <EntityRefLabel entity={d.entity} entityRef={d.entityRef} /> }] : []),
              ]}
            />
          </div>
        ))}
      </Flex>
    </Card>
  );
}
