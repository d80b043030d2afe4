import { Form, Radio } from 'antd';
import { RECHECK_RESULTS, type OrderView, type TransferView } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { useShowError } from '../../lib/use-show-error';
import { FormModal, ReasonItem } from './FormModal';
import { useOrderAction, useTransferAction, type RecheckResult } from './subcases.api';

/** 复核: after the platform answered, the office checks the content itself and records what it found. */
export function RecheckModal({ order, onClose }: { order: OrderView; onClose: () => void }) {
  const t = useT();
  const showError = useShowError();
  const run = useOrderAction();
  const [form] = Form.useForm<{ result: RecheckResult; note: string }>();
  return (
    <FormModal
      title={t('rptOrder.recheckTitle', { no: order.orderNo })}
      okText={t('rptOrder.recheck')}
      submitId="order-recheck-submit"
      pending={run.isPending}
      form={form}
      onFinish={(v) => run.mutate({ id: order.id, action: 'recheck', body: { result: v.result, note: v.note.trim() } }, { onSuccess: onClose, onError: (err) => showError(err, form) })}
      onClose={onClose}
    >
      <Form.Item name="result" label={t('rptOrder.recheckResult')} extra={t('rptOrder.recheckHint')} rules={[{ required: true, message: t('common.required') }]}>
        <Radio.Group
          optionType="button"
          options={RECHECK_RESULTS.map((r) => ({ value: r, label: t(`rptRecheck.${r}`) }))}
          data-testid="order-recheck-result"
        />
      </Form.Item>
      <ReasonItem name="note" label={t('rptOrder.recheckNote')} testid="order-recheck-note" />
    </FormModal>
  );
}

/** 催办 (office) and 退回 (partner): a transfer action that needs only a reason. */
interface TransferReasonProps {
  transfer: TransferView;
  action: 'urge' | 'return';
  onClose: () => void;
  /** after the change was recorded; defaults to onClose */
  onDone?: () => void;
}

export function TransferReasonModal({ transfer, action, onClose, onDone = onClose }: TransferReasonProps) {
  const t = useT();
  const showError = useShowError();
  const run = useTransferAction();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <FormModal
      title={t(action === 'urge' ? 'rptTransfer.urgeTitle' : 'rptTransfer.returnTitle', { no: transfer.trackingNo })}
      okText={t(action === 'urge' ? 'rptTransfer.urge' : 'rptTransfer.return')}
      submitId={`transfer-${action}-submit`}
      danger={action === 'return'}
      pending={run.isPending}
      form={form}
      onFinish={(v) => run.mutate({ id: transfer.id, action, body: { reason: v.reason.trim() } }, { onSuccess: onDone, onError: (err) => showError(err, form) })}
      onClose={onClose}
    >
      <ReasonItem placeholder={t(action === 'urge' ? 'rptTransfer.urgePlaceholder' : 'rptTransfer.returnPlaceholder')} testid={`transfer-${action}-reason`} />
    </FormModal>
  );
}
