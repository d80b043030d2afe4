import { App, Form, Input, Modal, Select } from 'antd';
import { UNIT_KINDS, type UnitKind, type UnitView } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { JurisdictionSelect } from '../../components/JurisdictionSelect';
import { cleanReason, ReasonField } from '../../components/ReasonField';
import { useShowError } from '../../lib/use-show-error';
import { useCreateUnit, useUpdateUnit } from './units.api';

interface Values {
  name: string;
  shortName?: string;
  kind: UnitKind;
  jurisdictionId: string;
  contactPhone?: string;
  reason?: string;
}

const blankToUndefined = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);

/** Create (unit = null) or edit a unit. The kind is fixed once a unit exists. */
export function UnitFormModal({ unit, onClose }: { unit: UnitView | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const create = useCreateUnit();
  const update = useUpdateUnit();
  const onError = (err: unknown) => showError(err, form);
  const done = (text: string) => () => {
    void message.success(text);
    onClose();
  };

  const onFinish = (v: Values) => {
    const shortName = blankToUndefined(v.shortName);
    const contactPhone = blankToUndefined(v.contactPhone);
    if (unit) {
      const input = { name: v.name.trim(), shortName: shortName ?? null, jurisdictionId: v.jurisdictionId, contactPhone: contactPhone ?? null, reason: cleanReason(v.reason) };
      update.mutate({ id: unit.id, input }, { onSuccess: done(t('common.saved')), onError });
    } else {
      create.mutate({ name: v.name.trim(), shortName, kind: v.kind, jurisdictionId: v.jurisdictionId, contactPhone }, { onSuccess: done(t('common.created')), onError });
    }
  };

  return (
    <Modal
      open
      title={unit ? t('unit.editTitle') : t('unit.create')}
      okText={unit ? t('common.save') : t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={unit ? { ...unit, shortName: unit.shortName ?? undefined, contactPhone: unit.contactPhone ?? undefined } : undefined}
        data-testid="unit-form"
      >
        <Form.Item name="name" label={t('unit.name')} rules={[{ required: true, whitespace: true, max: 100, message: t('common.required') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="shortName" label={t('unit.shortName')}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="kind" label={t('unit.kind')} rules={[{ required: true, message: t('common.required') }]}>
          <Select disabled={unit !== null} options={UNIT_KINDS.map((k) => ({ value: k, label: t(`unitKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="jurisdictionId" label={t('unit.jurisdiction')} rules={[{ required: true, message: t('common.required') }]}>
          <JurisdictionSelect />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('unit.phone')} rules={[{ pattern: /^[0-9+\-() ]{5,30}$/, message: t('unit.phoneRule') }]}>
          <Input maxLength={30} />
        </Form.Item>
        {unit && <ReasonField />}
      </Form>
    </Modal>
  );
}
