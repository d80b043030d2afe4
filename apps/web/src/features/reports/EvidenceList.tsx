import { Flex, Image, List, Tag, Tooltip, Typography } from 'antd';
import type { ReportDetail } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { formatDateTime, shortHash } from '../../lib/format';
import { evidenceUrl } from './reports.api';

type Evidence = ReportDetail['evidence'][number];

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Evidence files with the hash taken at upload, so a copy can be checked against the record. */
export function EvidenceList({ reportId, items }: { reportId: string; items: Evidence[] }) {
  const t = useT();
  if (items.length === 0) return <Typography.Text type="secondary">{t('rptDetail.noEvidence')}</Typography.Text>;
  return (
    <List<Evidence>
      size="small"
      dataSource={items}
      data-testid="report-evidence"
      renderItem={(e) => {
        const url = evidenceUrl(reportId, e.id);
        return (
          <List.Item
            key={e.id}
            extra={e.kind === 'image' ? <Image src={url} className="rpt-thumb" alt={e.filename ?? e.id} width={96} height={72} /> : undefined}
            actions={[
              <a key="dl" href={url} download={e.filename ?? undefined} data-testid="evidence-download">
                {t('rptDetail.download')}
              </a>,
            ]}
          >
            <Flex vertical gap={2}>
              <Flex gap={6} align="center" wrap>
                <Tag>{t(`rptEvidence.${e.kind}`)}</Tag>
                <Typography.Text strong>{e.filename ?? t('rptDetail.unnamed')}</Typography.Text>
                <Typography.Text type="secondary">
                  {e.mime} · {formatBytes(e.size)}
                </Typography.Text>
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                SHA-256{' '}
                <Tooltip title={e.sha256}>
                  <Typography.Text copyable={{ text: e.sha256 }} className="rpt-mono" style={{ fontSize: 12 }}>
                    {shortHash(e.sha256)}
                  </Typography.Text>
                </Tooltip>
                {e.originalSha256 !== e.sha256 && (
                  <Tooltip title={t('rptDetail.strippedHint', { hash: e.originalSha256 })}>
                    <Tag style={{ marginLeft: 6 }}>{t('rptDetail.stripped')}</Tag>
                  </Tooltip>
                )}
                {' · '}
                {formatDateTime(e.createdAt)}
              </Typography.Text>
            </Flex>
          </List.Item>
        );
      }}
    />
  );
}
