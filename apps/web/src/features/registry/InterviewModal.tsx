import { Col, DatePicker, Form, Input, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../i18n';
import { FormModal } from '../reports/FormModal';
import { FileField } from './FileField';
import { day, OfficersItem, trimmed, useRecord, type RecordProps } from './record-form';
import { RectificationFields, type RectificationValues } from './RectificationFields';
import type { InterviewInput } from './registry.api';

interface InterviewValues {
  heldOn: Dayjs;
  grounds: string;
  persons: { name: string; position?: string }[];
  officerIds: string[];
  recordFileToken?: string;
  rectifications?: RectificationValues[];
}

/** 约谈: grounds, the operator's people, two or more officers, the record, rectification items. */
export function InterviewModal({ entityId, known, onClose }: RecordProps) {
  const t = useT();
  const [form] = Form.useForm<InterviewValues>();
  const { submit, pending } = useRecord(entityId, 'interviews', 'regRecord.interviewDone', onClose);
  const finish = (v: InterviewValues) =>
    submit(
      {
        heldOn: day(v.heldOn), grounds: v.grounds.trim(), officerIds: v.officerIds, recordFileToken: v.recordFileToken,
        persons: v.persons.map((p) => ({ name: p.name.trim(), position: trimmed(p.position) })),
        rectifications: (v.rectifications ?? []).map((r) => ({ ...r, description: r.description.trim() })),
      } satisfies InterviewInput,
      form,
    );
  return (
    <FormModal<InterviewValues>
      title={t('regRecord.interviewTitle')}
      okText={t('common.save')}
      submitId="interview-submit"
      width={760}
      pending={pending}
      form={form}
      initialValues={{ heldOn: dayjs(), persons: [{ name: '' }], rectifications: [] }}
      onFinish={finish}
      onClose={onClose}
    >
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="heldOn" label={t('regRecord.heldOn')} rules={[{ required: true, message: t('common.required') }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={16}>
          <OfficersItem known={known} />
        </Col>
      </Row>
      <Form.Item name="grounds" label={t('regRecord.grounds')} rules={[{ required: true, whitespace: true, min: 2, message: t('regRecord.groundsRequired') }]}>
        <Input.TextArea rows={3} maxLength={3000} showCount placeholder={t('regRecord.groundsPlaceholder')} />
      </Form.Item>
      <Form.Item label={t('regRecord.persons')} required>
        <Form.List name="persons">
          {(fields, { add, remove }) => (
            <>
              {fields.map(({ key, name }) => (
                <Row key={key} gutter={8}>
                  <Col span={9}>
                    <Form.Item name={[name, 'name']} rules={[{ required: true, whitespace: true, message: t('regRecord.personRequired') }]} style={{ marginBottom: 4 }}>
                      <Input placeholder={t('regRecord.personName')} maxLength={50} />
                    </Form.Item>
                  </Col>
                  <Col span={13}>
                    <Form.Item name={[name, 'position']} style={{ marginBottom: 4 }}>
                      <Input placeholder={t('regRecord.personPosition')} maxLength={100} />
                    </Form.Item>
                  </Col>
                  <Col span={2}>
                    {fields.length > 1 && (
                      <a onClick={() => remove(name)} aria-label={t('reg.remove')}>
                        ✕
                      </a>
                    )}
                  </Col>
                </Row>
              ))}
              <a onClick={() => add({ name: '' })}>{t('regRecord.addPerson')}</a>
            </>
          )}
        </Form.List>
      </Form.Item>
      <RectificationFields />
      <Form.Item name="recordFileToken" label={t('regRecord.recordFile')}>
        <FileField />
      </Form.Item>
    </FormModal>
  );
}

