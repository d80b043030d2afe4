import { Form, Input, Radio } from 'antd';
import { RECHECK_RESULTS, REPLY_CHANNELS, type OrderView, type ReplyChannel, type TransferView } from '@tianlang/contracts';
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

/** 代录回函: the unit answered outside the system (公文, 电话, 邮件); the office enters it, saying how it came. */
export function RecordReplyModal({ transfer, onClose }: { transfer: TransferView; onClose: () => void }) {
  const t = useT();
  const showError = useShowError();
  const run = useTransferAction();
  const [form] = Form.useForm<{ text: string; channel: ReplyChannel }>();
  return (
    <FormModal
      title={t('rptTransfer.recordReplyTitle', { no: transfer.trackingNo })}
      okText={t('rptTransfer.recordReply')}
      submitId="transfer-record-reply-submit"
      pending={run.isPending}
      form={form}
      onFinish={(v) => run.mutate({ id: transfer.id, action: 'record-reply', body: { text: v.text.trim(), channel: v.channel } }, { onSuccess: onClose, onError: (err) => showError(err, form) })}
      onClose={onClose}
    >
      <Form.Item name="channel" label={t('rptTransfer.recordReplyChannel')} extra={t('rptTransfer.recordReplyHint')} rules={[{ required: true, message: t('common.required') }]}>
        <Radio.Group optionType="button" options={REPLY_CHANNELS.map((c) => ({ value: c, label: t(`replyChannel.${c}`) }))} data-testid="transfer-record-reply-channel" />
      </Form.Item>
      <Form.Item name="text" label={t('rptTransfer.recordReplyText')} rules={[{ required: true, whitespace: true, min: 5, message: t('common.required') }]}>
        <Input.TextArea rows={5} maxLength={5000} showCount data-testid="transfer-record-reply-text" />
      </Form.Item>
    </FormModal>
  );
}
