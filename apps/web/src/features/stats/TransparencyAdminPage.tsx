import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Flex, Input, Popconfirm, Spin, Tag, Typography, message } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../lib/format';
import { useShowError } from '../../lib/use-show-error';
import { TransparencyView } from '../transparency-public/TransparencyView';
import { useApproveTransparency, useTransparencyPreview } from './stats.api';
import './stats.css';

/** 公开数据发布: a leader compares the month's current figures with the published version and approves (freezes) it. */
export function TransparencyAdminPage() {
  const { t, locale } = useI18n();
  const showError = useShowError();
  const [month, setMonth] = useState(() => dayjs().subtract(1, 'month').format('YYYY-MM'));
  const [correction, setCorrection] = useState('');
  const q = useTransparencyPreview(month);
  const approve = useApproveTransparency(month);
  const published = q.data?.published ?? null;
  const same = published && JSON.stringify(published.data) === JSON.stringify(q.data?.live);
  const submit = () => approve.mutate(published ? correction : undefined, {
    onSuccess: (v) => { void message.success(t('tp.approved', { v: v.version })); setCorrection(''); },
    onError: (err) => showError(err),
  });
  return (
    <div data-testid="transparency-admin">
      <PageHeader title={t('tp.title')} extra={<a href={`/transparency?month=${month}`} target="_blank" rel="noreferrer">{t('tp.viewPublic')}</a>} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex gap={12} align="center" wrap>
          <span>{t('tp.month')}</span>
          <DatePicker picker="month" allowClear={false} value={dayjs(`${month}-01`)} onChange={(d) => d && setMonth(d.format('YYYY-MM'))} data-testid="transparency-month-picker" />
          {published ? <Tag color="green">{t('tp.version', { v: published.version })}</Tag> : <Tag>{t('tp.notPublished')}</Tag>}
        </Flex>
      </Card>
      {!q.data ? <Spin /> : (
        <>
          {published && <Alert style={{ marginBottom: 12 }} type={same ? 'success' : 'warning'} showIcon message={same ? t('tp.same') : t('tp.diff')} />}
          <div className="tp-compare">
            <Card size="small" title={t('tp.live')}
              extra={published ? null : (
                <Popconfirm title={t('tp.confirm')} onConfirm={submit}>
                  <Button type="primary" loading={approve.isPending} data-testid="transparency-approve">{t('tp.approve')}</Button>
                </Popconfirm>
              )}>
              <TransparencyView data={q.data.live} locale={locale} />
              {published && !same && (
                <Flex vertical gap={8} style={{ marginTop: 12 }}>
                  <Typography.Text type="secondary">{t('tp.correctionHint')}</Typography.Text>
                  <Input.TextArea rows={2} maxLength={500} value={correction} onChange={(e) => setCorrection(e.target.value)} placeholder={t('tp.correction')} />
                  <Button type="primary" disabled={correction.trim().length < 2} loading={approve.isPending} onClick={submit}>{t('tp.correct')}</Button>
                </Flex>
              )}
            </Card>
            <Card size="small" title={t('tp.published')}>
              {published ? (
                <>
                  <Typography.Text type="secondary">{t('tp.approvedBy', { name: published.approvedBy, at: formatDateTime(published.approvedAt) })}</Typography.Text>
                  {published.correction && <p className="tp-correction">{published.correction}</p>}
                  <TransparencyView data={published.data} locale={locale} />
                </>
              ) : <Typography.Text type="secondary">{t('tp.notPublished')}</Typography.Text>}
            </Card>
          </div>
        </>
      )}
    </div>
  );
}
