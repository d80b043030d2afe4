import { Form, Input, InputNumber } from 'antd';
import { useT } from '../../i18n';
import { useShowError } from '../../lib/use-show-error';
import { FormModal } from './FormModal';
import { useSaveSla, type SlaInput } from './sla.api';

/** Sets a category's accept / dispose / reply deadlines at the user's own level. */
export function SlaFormModal({ code, name, initial, onClose }: { code: string; name: string; initial: Omit<SlaInput, 'reason'>; onClose: () => void }) {
  const t = useT();
  const showError = useShowError();
  const save = useSaveSla();
  const [form] = Form.useForm<SlaInput>();
  const days = (field: 'accept' | 'dispose' | 'reply', max: number) => (
    <Form.Item name={field} label={t(`sla.${field}`)} rules={[{ required: true, type: 'integer', min: 1, max, message: t('common.required') }]}>
      <InputNumber min={1} max={max} precision={0} style={{ width: 140 }} data-testid={`sla-${field}`} />
    </Form.Item>
  );
  return (
    <FormModal<SlaInput>
      title={t('sla.editTitle', { name })}
      okText={t('common.save')}
      submitId="sla-submit"
      pending={save.isPending}
      form={form}
      width={520}
      initialValues={initial}
      onFinish={(v) => save.mutate({ code, input: { ...v, reason: v.reason.trim() } }, { onSuccess: onClose, onError: (err) => showError(err, form) })}
      onClose={onClose}
    >
      {days('accept', 30)}
      {days('dispose', 60)}
      {days('reply', 30)}
      <Form.Item name="reason" label={t('sla.reason')} rules={[{ required: true, whitespace: true, min: 2, message: t('common.required') }]}>
        <Input.TextArea rows={2} maxLength={500} placeholder={t('sla.reasonPlaceholder')} />
      </Form.Item>
    </FormModal>
  );
}
