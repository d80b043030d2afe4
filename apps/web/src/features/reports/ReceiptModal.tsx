import { Alert, Descriptions, Modal, Typography } from 'antd';
import { useT } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import type { ReportReceipt } from './reports.api';

/** Tracking number and query code of a new report; the code is shown only this once. */
export function ReceiptModal({ receipt, own, onClose }: { receipt: ReportReceipt; /** the user's own report (a volunteer) */ own?: boolean; onClose: () => void }) {
  const t = useT();
  return (
    <Modal open title={t(own ? 'rptTrusted.receiptTitle' : 'rptEntry.receiptTitle')} onCancel={onClose} onOk={onClose} okText={t(own ? 'rptTrusted.receiptDone' : 'rptEntry.receiptDone')} cancelButtonProps={{ style: { display: 'none' } }}>
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t(own ? 'rptTrusted.receiptWarning' : 'rptEntry.receiptWarning')} />
      <Descriptions
        column={1}
        bordered
        size="small"
        items={[
          { key: 'no', label: t('rpt.trackingNo'), children: <Typography.Text copyable className="rpt-mono" data-testid="receipt-tracking-no">{receipt.trackingNo}</Typography.Text> },
          { key: 'code', label: t('rptEntry.queryCode'), children: <Typography.Text copyable className="rpt-mono" data-testid="receipt-query-code">{receipt.queryCode}</Typography.Text> },
          { key: 'at', label: t('rpt.submittedAt'), children: formatDateTime(receipt.submittedAt, true) },
        ]}
      />
    </Modal>
  );
}
