import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Modal, Tag, Typography } from 'antd';
import type { ReportDetail } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { useShowError } from '../../lib/use-show-error';
import { useRevealContact, type ContactReveal } from './reports.api';

/** 举报人: contact details stay masked; showing them in full is a separate, audited request. */
export function ReporterSection({ report: r }: { report: ReportDetail }) {
  const t = useT();
  const showError = useShowError();
  const reveal = useRevealContact();
  const [contact, setContact] = useState<ContactReveal | null>(null);
  const acc = r.reporterAccuracy;
  const rec = r.reporterRecord;
  const canReveal = r.contactMasked !== null && r.allowedActions.includes('reveal');

  const items = [
    {
      key: 'contact',
      label: t('rptDetail.contact'),
      children: r.contactMasked ? (
        <span>
          <span className="rpt-mono" data-testid="report-contact-masked">{r.contactMasked}</span>{' '}
          {r.contactShareable && <Tag color="blue" bordered={false}>{t('rptDetail.shareable')}</Tag>}
          {canReveal && (
            <Button
              size="small"
              type="link"
              loading={reveal.isPending}
              onClick={() => reveal.mutate(r.id, { onSuccess: setContact, onError: (err) => showError(err) })}
              data-testid="report-action-reveal"
            >
              {t('rptAction.reveal')}
            </Button>
          )}
        </span>
      ) : (
        <Typography.Text type="secondary">{t('rptDetail.anonymous')}</Typography.Text>
      ),
    },
    ...(r.reporterName
      ? [{ key: 'trusted', label: t('rptDetail.trustedReporter'), children: r.reporterName }]
      : []),
    ...(acc
      ? [{ key: 'accuracy', label: t('rptDetail.accuracy'), children: acc.decided > 0 ? t('rptDetail.accuracyValue', { upheld: acc.upheld, decided: acc.decided, pct: Math.round((acc.upheld / acc.decided) * 100) }) : t('rptDetail.accuracyNone') }]
      : []),
    ...(rec && rec.total > 1
      ? [{
          key: 'record',
          label: t('rptDetail.record'),
          children: (
            <span data-testid="report-reporter-record">
              {t('rptDetail.recordValue', { days: rec.days, total: rec.total, decided: rec.decided, unfounded: rec.unfounded })}{' '}
              <Typography.Text type="secondary">{t(`rptDetail.recordBasis.${rec.basis}`)}</Typography.Text>
            </span>
          ),
        }]
      : []),
    ...(r.reviewRequestedAt ? [{ key: 'review', label: t('rptDetail.review'), children: r.reviewReason ?? '—' }] : []),
  ];

  return (
    <Card size="small" title={t('rptDetail.reporter')} className="rpt-section">
      {rec?.flagged && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="report-reporter-flag"
          title={t('rptDetail.flagTitle', { days: rec.days, unfounded: rec.unfounded })}
          description={t(rec.basis === 'address' ? 'rptDetail.flagBodyAddress' : 'rptDetail.flagBody')}
        />
      )}
      <Descriptions size="small" column={1} items={items} />
      <Modal open={contact !== null} title={t('rptDetail.contactTitle', { no: r.trackingNo })} footer={null} onCancel={() => setContact(null)} destroyOnHidden>
        {contact && (
          <>
            <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('rptDetail.contactAudited')} />
            <Descriptions
              bordered
              size="small"
              column={1}
              data-testid="report-contact"
              items={[
                { key: 'phone', label: t('rptEntry.phone'), children: contact.phone ?? '—' },
                { key: 'email', label: t('rptEntry.email'), children: contact.email ?? '—' },
                { key: 'share', label: t('rptEntry.share'), children: t(contact.shareWithPartners ? 'common.yes' : 'common.no') },
              ]}
            />
          </>
        )}
      </Modal>
    </Card>
  );
}
