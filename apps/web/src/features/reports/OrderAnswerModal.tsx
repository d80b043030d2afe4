import { Descriptions, Form, Input, Select } from 'antd';
import { ORDER_ANSWERS, type OrderView } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { useShowError } from '../../lib/use-show-error';
import { FormModal } from './FormModal';
import { LegalBasisList } from './legal-basis';
import { UrlList } from './OrderCells';
import { useOrderAction, type OrderAnswer } from './subcases.api';

/** The platform's answer to an order: done, partly done or refused, always with a note. */
export function OrderAnswerModal({ order, onClose }: { order: OrderView; onClose: () => void }) {
  const t = useT();
  const showError = useShowError();
  const run = useOrderAction();
  const [form] = Form.useForm<{ answer: OrderAnswer; note: string }>();
  return (
    <FormModal
      title={t('rptOrder.answerTitle', { no: order.orderNo })}
      okText={t('rptOrder.answerSubmit')}
      submitId="order-answer-submit"
      pending={run.isPending}
      form={form}
      width={640}
      onFinish={(v) => run.mutate({ id: order.id, action: 'answer', body: { answer: v.answer, note: v.note.trim() } }, { onSuccess: onClose, onError: (err) => showError(err, form) })}
      onClose={onClose}
    >
      <Descriptions
        size="small"
        column={1}
        bordered
        style={{ marginBottom: 16 }}
        styles={{ label: { width: 100, whiteSpace: 'nowrap' } }}
        items={[
          { key: 'measure', label: t('rptDisposal.measure'), children: t(`rptMeasure.${order.measure}`) },
          { key: 'urls', label: t('rpt.urls'), children: <UrlList urls={order.urls} /> },
          { key: 'req', label: t('rptDisposal.requirement'), children: order.requirement },
          { key: 'basis', label: t('rptDisposal.legalBasis'), children: <LegalBasisList items={order.legalBasis} /> },
        ]}
      />
      <Form.Item name="answer" label={t('rptOrder.answer')} rules={[{ required: true, message: t('common.required') }]}>
        <Select options={ORDER_ANSWERS.map((a) => ({ value: a, label: t(`rptAnswer.${a}`) }))} data-testid="order-answer-select" />
      </Form.Item>
      <Form.Item name="note" label={t('rptOrder.answerNote')} extra={t('rptOrder.answerNoteHint')} rules={[{ required: true, whitespace: true, min: 2, message: t('rpt.reasonRequired') }]}>
        <Input.TextArea rows={4} maxLength={2000} showCount data-testid="order-answer-note" />
      </Form.Item>
    </FormModal>
  );
}
