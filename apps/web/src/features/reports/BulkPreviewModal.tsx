import { useEffect, useState } from 'react';
import { Alert, Button, Modal, Result, Table, Tag, Typography } from 'antd';
import { useT } from '../../i18n';
import { testId } from '../../lib/test-id';
import { useShowError } from '../../lib/use-show-error';
import { BatchDrawer } from './BatchDrawer';
import { useBulkPreview, useBulkRun, type BulkInput, type BulkPreview, type BulkResult } from './bulk.api';
import { itemErrorText } from './report-errors';
import { ReportStateTag } from './ReportTags';
import { useReportOptions } from './reports.api';

type PreviewItem = BulkPreview['items'][number];

interface Props {
  input: BulkInput;
  onClose: () => void;
  /** after the batch ran and its result was seen */
  onDone: () => void;
}

/** What the batch would change for each report, then the run itself and the batch number to look it up. */
export function BulkPreviewModal({ input, onClose, onDone }: Props) {
  const t = useT();
  const showError = useShowError();
  const preview = useBulkPreview();
  const run = useBulkRun();
  const [result, setResult] = useState<BulkResult | null>(null);
  const [batchOpen, setBatchOpen] = useState(false);
  const { mutate } = preview;

  useEffect(() => mutate(input, { onError: (err) => showError(err) }), [input, mutate, showError]);

  const data = preview.data;
  const options = useReportOptions().data;
  // The server's change text is for logs; what the user needs is who gets the reports, or where they go.
  const assignee = options?.assignees.find((a) => a.id === input.params?.userId)?.name;
  const note = input.action === 'assign' ? t('rptBulk.toAssignee', { name: assignee ?? '—' }) : input.action === 'merge' ? t('rptBulk.intoPicked') : null;
  const confirm = () => run.mutate(input, { onSuccess: setResult, onError: (err) => showError(err) });

  const footer = result
    ? [<Button key="done" type="primary" onClick={onDone}>{t('common.close')}</Button>]
    : [
        <Button key="cancel" onClick={onClose}>{t('common.cancel')}</Button>,
        <Button key="ok" type="primary" loading={run.isPending} disabled={!data || data.applicable === 0} onClick={confirm} {...testId('bulk-confirm')}>
          {t('rptBulk.confirm', { count: data?.applicable ?? 0 })}
        </Button>,
      ];

  return (
    <Modal open width={820} title={t('rptBulk.previewTitle', { action: t(`rptBulkAction.${input.action}`) })} footer={footer} onCancel={result ? onDone : onClose} destroyOnHidden>
      {result ? (
        <Result
          status="success"
          title={t('rptBulk.done', { applied: result.applied, skipped: result.skipped })}
          subTitle={
            <span data-testid="bulk-batch-id">
              {t('rptBulk.batchNo')}
              <Typography.Text copyable className="rpt-mono">{result.batchId}</Typography.Text>
            </span>
          }
          extra={<Button onClick={() => setBatchOpen(true)} data-testid="bulk-batch-open">{t('rptBulk.viewBatch')}</Button>}
        />
      ) : (
        <>
          {data && (
            <Alert
              type={data.skipped > 0 ? 'warning' : 'info'}
              showIcon
              style={{ marginBottom: 12 }}
              title={t('rptBulk.summary', { applicable: data.applicable, skipped: data.skipped })}
            />
          )}
          <Table<PreviewItem>
            rowKey="id"
            size="small"
            loading={preview.isPending}
            dataSource={data?.items}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            data-testid="bulk-preview-table"
            columns={[
              { key: 'no', title: t('rpt.trackingNo'), render: (_, i) => <span className="rpt-mono">{i.trackingNo}</span> },
              {
                key: 'state',
                title: t('rptBulk.fromTo'),
                render: (_, i) => (
                  <span>
                    <ReportStateTag state={i.from} />→ {i.to ? <ReportStateTag state={i.to} /> : t('rptBulk.unchanged')}
                    {i.ok && note && <Typography.Text type="secondary">{note}</Typography.Text>}
                  </span>
                ),
              },
              {
                key: 'ok',
                title: t('rptBulk.check'),
                render: (_, i) => (i.ok ? <Tag color="success">{t('rptBulk.ok')}</Tag> : <Tag color="error">{itemErrorText(t, i.error) || t('rptBulk.skip')}</Tag>),
              },
            ]}
          />
        </>
      )}
      <BatchDrawer id={batchOpen && result ? result.batchId : null} onClose={() => setBatchOpen(false)} />
    </Modal>
  );
}
