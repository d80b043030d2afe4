import { Col, DatePicker, Form, Input, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../i18n';
import { FormModal } from '../reports/FormModal';
import { FileField } from './FileField';
import { day, OfficersItem, useRecord, type OfficerRef, type RecordProps } from './record-form';
import { RectificationFields, type RectificationValues } from './RectificationFields';
import type { InspectionInput } from './registry.api';

interface InspectionValues {
  inspectedOn: Dayjs;
  officerIds: string[];
  findings: string;
  rectifications?: RectificationValues[];
  fileToken?: string;
}

/**
 * 实地检查: date, two or more officers, findings, rectification items with deadlines, the signed form.
 * For a task of a random draw, the officers the draw assigned are filled in.
 */
export function InspectionModal({ entityId, task, known = [], onClose }: RecordProps & { task?: { id: string; officers: OfficerRef[] } }) {
  const taskId = task?.id;
  const t = useT();
  const [form] = Form.useForm<InspectionValues>();
  const { submit, pending } = useRecord(entityId, 'inspections', 'regRecord.inspectionDone', onClose);
  const finish = (v: InspectionValues) =>
    submit(
      {
        inspectedOn: day(v.inspectedOn), officerIds: v.officerIds, findings: v.findings.trim(), taskId, fileToken: v.fileToken,
        rectifications: (v.rectifications ?? []).map((r) => ({ ...r, description: r.description.trim() })),
      } satisfies InspectionInput,
      form,
    );
  return (
    <FormModal<InspectionValues>
      title={task ? t('regRecord.inspectionForTask') : t('regRecord.inspectionTitle')}
      okText={t('common.save')}
      submitId="inspection-submit"
      width={760}
      pending={pending}
      form={form}
      initialValues={{ inspectedOn: dayjs(), rectifications: [], officerIds: task?.officers.map((o) => o.id) }}
      onFinish={finish}
      onClose={onClose}
    >
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="inspectedOn" label={t('regRecord.inspectedOn')} rules={[{ required: true, message: t('common.required') }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="inspection-date" />
          </Form.Item>
        </Col>
        <Col span={16}>
          <OfficersItem known={[...(task?.officers ?? []), ...known]} />
        </Col>
      </Row>
      <Form.Item name="findings" label={t('regRecord.findings')} rules={[{ required: true, whitespace: true, min: 2, message: t('regRecord.findingsRequired') }]}>
        <Input.TextArea rows={4} maxLength={5000} showCount placeholder={t('regRecord.findingsPlaceholder')} data-testid="inspection-findings" />
      </Form.Item>
      <RectificationFields />
      <Form.Item name="fileToken" label={t('regRecord.inspectionFile')}>
        <FileField testId="inspection-file" />
      </Form.Item>
    </FormModal>
  );
}

