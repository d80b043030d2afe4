import { Form, Input, InputNumber, Select } from 'antd';
import { ACCOUNT_MEASURES, ORDER_DEFAULT_HOURS, ORDER_MEASURES, TRANSFER_DAYS, TRANSFER_KINDS, type DisposalKind, type TransferKind } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { idOptions, recipientOptions } from './report-options';
import { useReportOptions } from './reports.api';

/** The fields one kind of disposal needs besides legal basis and reasons. */
export function DisposalKindFields({ kind }: { kind: DisposalKind }) {
  const t = useT();
  const options = useReportOptions().data;
  const transferKind = Form.useWatch('transferKind') as TransferKind | undefined;
  const required = [{ required: true, message: t('common.required') }];
  const text = (min: number) => [{ required: true, whitespace: true, min, message: t('rptDisposal.textMin', { min }) }];

  switch (kind) {
    case 'order_platform':
      return (
        <>
          <Form.Item name="platformUnitId" label={t('rptDisposal.platform')} rules={required}>
            <Select options={idOptions(options?.platforms)} showSearch={{ optionFilterProp: 'label' }} data-testid="disposal-platform" />
          </Form.Item>
          <Form.Item name="measure" label={t('rptDisposal.measure')} rules={required}>
            <Select options={ORDER_MEASURES.map((m) => ({ value: m, label: t(`rptMeasure.${m}`) }))} data-testid="disposal-measure" />
          </Form.Item>
          <Form.Item name="requirement" label={t('rptDisposal.requirement')} rules={text(5)}>
            <Input.TextArea rows={3} maxLength={2000} showCount placeholder={t('rptDisposal.requirementPlaceholder')} data-testid="disposal-requirement" />
          </Form.Item>
          <Form.Item name="dueHours" label={t('rptDisposal.dueHours')} extra={t('rptDisposal.dueHoursHint', { hours: ORDER_DEFAULT_HOURS })}>
            <InputNumber min={1} max={360} precision={0} placeholder={String(ORDER_DEFAULT_HOURS)} suffix={t('rptDisposal.hours')} style={{ width: 160 }} />
          </Form.Item>
        </>
      );
    case 'account_action':
      return (
        <>
          <Form.Item name="accountName" label={t('rpt.account')} rules={text(1)}>
            <Input maxLength={200} data-testid="disposal-account" />
          </Form.Item>
          <Form.Item name="measure" label={t('rptDisposal.measure')} rules={required}>
            <Select options={ACCOUNT_MEASURES.map((m) => ({ value: m, label: t(`rptMeasure.${m}`) }))} data-testid="disposal-measure" />
          </Form.Item>
        </>
      );
    case 'referral':
      return (
        <>
          <Form.Item name="toUnitId" label={t('rptDisposal.department')} rules={required}>
            <Select options={recipientOptions(t, options)} showSearch={{ optionFilterProp: 'label' }} data-testid="disposal-department" />
          </Form.Item>
          <Form.Item name="transferKind" label={t('rptDisposal.transferKind')} rules={required}>
            <Select options={TRANSFER_KINDS.map((k) => ({ value: k, label: t(`rptTransferKind.${k}`) }))} data-testid="disposal-transfer-kind" />
          </Form.Item>
          <Form.Item name="note" label={t('rptDisposal.note')} extra={t('rptDisposal.noteHint')} rules={text(5)}>
            <Input.TextArea rows={3} maxLength={2000} showCount data-testid="disposal-note" />
          </Form.Item>
          <Form.Item
            name="dueDays"
            label={t('rptDisposal.dueDays')}
            extra={transferKind ? t('rptDisposal.dueDaysHint', { days: TRANSFER_DAYS[transferKind] }) : undefined}
          >
            <InputNumber min={1} max={30} precision={0} placeholder={transferKind ? String(TRANSFER_DAYS[transferKind]) : undefined} suffix={t('rptDisposal.workingDays')} style={{ width: 180 }} />
          </Form.Item>
        </>
      );
    case 'out_of_jurisdiction':
      return (
        <Form.Item name="targetOffice" label={t('rptDisposal.targetOffice')} extra={t('rptDisposal.targetOfficeHint')} rules={text(2)}>
          <Input maxLength={100} data-testid="disposal-target-office" />
        </Form.Item>
      );
    case 'no_violation':
      return null;
  }
}
