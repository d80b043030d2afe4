import { Col, DatePicker, Form, Input, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../i18n';
import { FormModal } from '../reports/FormModal';
import { FileField } from './FileField';
import { day, trimmed, useRecord, type RecordProps } from './record-form';
import type { PledgeInput } from './registry.api';

interface PledgeValues {
  signedOn: Dayjs;
  signer?: string;
  note?: string;
  fileToken?: string;
}

/** 自律承诺书: signed date, who signed, the scanned pledge. */
export function PledgeModal({ entityId, onClose }: RecordProps) {
  const t = useT();
  const [form] = Form.useForm<PledgeValues>();
  const { submit, pending } = useRecord(entityId, 'pledges', 'regRecord.pledgeDone', onClose);
  const finish = (v: PledgeValues) =>
    submit({ signedOn: day(v.signedOn), signer: trimmed(v.signer), note: trimmed(v.note), fileToken: v.fileToken } satisfies PledgeInput, form);
  return (
    <FormModal<PledgeValues>
      title={t('regRecord.pledgeTitle')}
      okText={t('common.save')}
      submitId="pledge-submit"
      pending={pending}
      form={form}
      initialValues={{ signedOn: dayjs() }}
      onFinish={finish}
      onClose={onClose}
    >
      <Row gutter={12}>
        <Col span={10}>
          <Form.Item name="signedOn" label={t('regRecord.signedOn')} rules={[{ required: true, message: t('common.required') }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item name="signer" label={t('regRecord.signer')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="fileToken" label={t('regRecord.pledgeFile')}>
        <FileField testId="pledge-file" />
      </Form.Item>
      <Form.Item name="note" label={t('reg.note')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}

