import { Card, Descriptions, Flex, Typography } from 'antd';
import type { ReportDetail } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { EvidenceList } from './EvidenceList';

/** A link the reporter gave: opened in a new tab, never telling the target where it came from. */
export function ExternalLink({ href }: { href: string }) {
  return (
    <Typography.Link href={href} target="_blank" rel="noopener noreferrer" style={{ wordBreak: 'break-all' }}>
      {href}
    </Typography.Link>
  );
}

/** 举报内容: the reporter's words as plain text, the links, platform and account, the evidence. */
export function ContentSection({ report: r }: { report: ReportDetail }) {
  const t = useT();
  const links = (urls: string[]) =>
    urls.length === 0 ? '—' : (
      <Flex vertical gap={2}>
        {urls.map((u) => (
          <ExternalLink key={u} href={u} />
        ))}
      </Flex>
    );
  return (
    <Card size="small" title={t('rptDetail.content')} className="rpt-section">
      <div className="rpt-text" data-testid="report-description">
        {r.description}
      </div>
      <Descriptions
        size="small"
        column={1}
        style={{ marginTop: 12 }}
        items={[
          { key: 'urls', label: t('rpt.urls'), children: links(r.urls) },
          ...(r.canonicalUrls.length > 0 ? [{ key: 'canonical', label: t('rptDetail.canonical'), children: links(r.canonicalUrls) }] : []),
          { key: 'platform', label: t('rpt.platform'), children: r.platformName ?? '—' },
          { key: 'account', label: t('rpt.account'), children: r.accountName ?? '—' },
        ]}
      />
      <Typography.Text strong style={{ display: 'block', margin: '8px 0 4px' }}>
        {t('rptDetail.evidence', { count: r.evidence.length })}
      </Typography.Text>
      <EvidenceList reportId={r.id} items={r.evidence} />
    </Card>
  );
}
