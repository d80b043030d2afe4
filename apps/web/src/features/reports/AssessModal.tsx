import { Form, Input, Rate, Select } from 'antd';
import type { ReportDetail } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { useCan } from '../../lib/session';
import { useShowError } from '../../lib/use-show-error';
import { EntityRefSelect } from './EntityRef';
import { FormModal } from './FormModal';
import { categoryOptions } from './report-options';
import { useReportAction, useReportOptions } from './reports.api';
import { SEVERITIES } from './severity';

interface Values {
  categoryCode: string;
  zoneCode?: string;
  severity: number;
  entityRef?: string;
  note: string;
}

/** 研判: confirm or correct the category, grade the severity, name the entity concerned. */
export function AssessModal({ report, onClose }: { report: ReportDetail; onClose: () => void }) {
  const t = useT();
  const showError = useShowError();
  const options = useReportOptions().data;
  const run = useReportAction();
  const [form] = Form.useForm<Values>();
  // Picking an entity searches the register; without registry.read the link is left as it is.
  const canPickEntity = useCan()('registry.read');
  const currentEntity = report.entity?.id ?? null;

  const onFinish = (v: Values) =>
    run.mutate(
      {
        id: report.id,
        action: 'assessment',
        body: {
          categoryCode: v.categoryCode !== report.categoryCode ? v.categoryCode : undefined,
          zoneCode: (v.zoneCode ?? null) !== report.zoneCode ? (v.zoneCode ?? null) : undefined,
          severity: v.severity,
          // sent only when changed: a link to an entity outside the officer's scope (not shown) is kept
          entityRef: canPickEntity && (v.entityRef ?? null) !== currentEntity ? (v.entityRef ?? null) : undefined,
          note: v.note.trim(),
        },
      },
      { onSuccess: onClose, onError: (err) => showError(err, form) },
    );

  return (
    <FormModal<Values>
      title={t('rptAssess.title', { no: report.trackingNo })}
      okText={t('rptAssess.submit')}
      submitId="assess-submit"
      pending={run.isPending}
      form={form}
      width={600}
      initialValues={{
        categoryCode: report.categoryCode,
        zoneCode: report.zoneCode ?? undefined,
        severity: report.severity ?? 3,
        entityRef: currentEntity ?? undefined,
      }}
      onFinish={onFinish}
      onClose={onClose}
    >
      <Form.Item name="categoryCode" label={t('rptAssess.category')} extra={t('rptAssess.categoryHint')}>
        <Select options={categoryOptions(options, 'category')} showSearch={{ optionFilterProp: 'label' }} data-testid="assess-category" />
      </Form.Item>
      <Form.Item name="zoneCode" label={t('rpt.zone')}>
        <Select allowClear options={categoryOptions(options, 'zone')} data-testid="assess-zone" />
      </Form.Item>
      <Form.Item name="severity" label={t('rptAssess.severity')} extra={t('rptAssess.severityHint')} rules={[{ required: true, message: t('common.required') }]}>
        <Rate count={5} allowClear={false} tooltips={SEVERITIES.map((n) => t(`rptSeverity.${n}`))} data-testid="assess-severity" />
      </Form.Item>
      {canPickEntity && (
        <Form.Item name="entityRef" label={t('rptAssess.entity')} extra={t('rptAssess.entityHint')}>
          <EntityRefSelect initial={report.entity} testId="assess-entity" />
        </Form.Item>
      )}
      <Form.Item name="note" label={t('rptAssess.note')} rules={[{ required: true, whitespace: true, min: 2, message: t('rpt.reasonRequired') }]}>
        <Input.TextArea rows={4} maxLength={2000} showCount placeholder={t('rptAssess.notePlaceholder')} data-testid="assess-note" />
      </Form.Item>
    </FormModal>
  );
}
