import { useEffect, useRef } from 'react';
import { Form, Input, Segmented } from 'antd';
import { DISPOSAL_KINDS, type DisposalInput, type DisposalKind, type ReportDetail, type TransferKind } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { useCan } from '../../lib/session';
import { useShowError } from '../../lib/use-show-error';
import { EntityRefSelect } from './EntityRef';
import { DisposalKindFields } from './DisposalKindFields';
import { FormModal } from './FormModal';
import { categoryLegalBases, legalBasisKey, parseLegalBasisKey } from './legal-basis';
import { LegalBasisField } from './LegalBasisField';
import { useReportAction, useReportOptions } from './reports.api';

interface Values {
  kind: DisposalKind;
  legalBasis: string[];
  reasons: string;
  entityRef?: string;
  platformUnitId?: string;
  measure?: string;
  requirement?: string;
  dueHours?: number | null;
  accountName?: string;
  toUnitId?: string;
  transferKind?: TransferKind;
  note?: string;
  dueDays?: number | null;
  targetOffice?: string;
}

/** Only the fields of the chosen kind go to the server (its schema is strict). */
function toInput(v: Values): DisposalInput {
  const common = { legalBasis: v.legalBasis.map(parseLegalBasisKey), reasons: v.reasons.trim(), entityRef: v.entityRef || undefined };
  const s = (x: string | undefined) => x?.trim() ?? '';
  switch (v.kind) {
    case 'order_platform':
      return { kind: v.kind, ...common, platformUnitId: v.platformUnitId!, measure: v.measure as 'remove', requirement: s(v.requirement), dueHours: v.dueHours ?? undefined };
    case 'account_action':
      return { kind: v.kind, ...common, measure: v.measure as 'warn', accountName: s(v.accountName) };
    case 'referral':
      return { kind: v.kind, ...common, toUnitId: v.toUnitId!, transferKind: v.transferKind!, note: s(v.note), dueDays: v.dueDays ?? undefined };
    case 'no_violation':
      return { kind: v.kind, ...common };
    case 'out_of_jurisdiction':
      return { kind: v.kind, ...common, targetOffice: s(v.targetOffice) };
  }
}

/** 处置: one measure with its legal basis and statement of reasons; a report may get several. */
export function DisposalModal({ report, onClose }: { report: ReportDetail; onClose: () => void }) {
  const t = useT();
  const showError = useShowError();
  const options = useReportOptions().data;
  const run = useReportAction();
  const [form] = Form.useForm<Values>();
  const canPickEntity = useCan()('registry.read');
  const kind = (Form.useWatch('kind', form) as DisposalKind | undefined) ?? 'order_platform';
  // The category as corrected by the assessment is the one on the report now.
  const prefill = categoryLegalBases(options, [report.categoryCode, report.zoneCode]).map(legalBasisKey);
  const platform = options?.platforms.find((p) => p.name === report.platformName);
  // Opened before the options arrived (right after the page loads): prefill when they do, unless already chosen.
  const prefilled = useRef(!!options);
  useEffect(() => {
    if (!options || prefilled.current) return;
    prefilled.current = true;
    if (!form.isFieldTouched('legalBasis')) form.setFieldValue('legalBasis', [...new Set(prefill)]);
    if (!form.isFieldTouched('platformUnitId') && platform) form.setFieldValue('platformUnitId', platform.id);
  }, [options]); // once, when the options arrive

  const onFinish = (v: Values) =>
    run.mutate({ id: report.id, action: 'disposals', body: toInput(v) }, { onSuccess: onClose, onError: (err) => showError(err, form) });

  return (
    <FormModal<Values>
      title={t('rptDisposal.title', { no: report.trackingNo })}
      okText={t('rptDisposal.submit')}
      submitId="disposal-submit"
      pending={run.isPending}
      form={form}
      width={720}
      initialValues={{
        kind: 'order_platform',
        legalBasis: [...new Set(prefill)],
        platformUnitId: platform?.id,
        accountName: report.accountName ?? undefined,
        entityRef: report.entity?.id,
        transferKind: 'police',
      }}
      onFinish={onFinish}
      onClose={onClose}
    >
      <Form.Item name="kind" label={t('rptDisposal.kind')}>
        <Segmented<DisposalKind>
          block
          options={DISPOSAL_KINDS.map((k) => ({ value: k, label: t(`rptKind.${k}`) }))}
          onChange={() => form.setFieldValue('measure', undefined)}
          data-testid="disposal-kind"
        />
      </Form.Item>
      <DisposalKindFields kind={kind} />
      <LegalBasisField required={kind !== 'no_violation' && kind !== 'out_of_jurisdiction'} />
      <Form.Item
        name="reasons"
        label={t('rptDisposal.reasons')}
        extra={t('rptDisposal.reasonsHint')}
        rules={[{ required: true, whitespace: true, min: 5, message: t('rptDisposal.textMin', { min: 5 }) }]}
      >
        <Input.TextArea rows={4} maxLength={3000} showCount data-testid="disposal-reasons" />
      </Form.Item>
      {canPickEntity && (
        <Form.Item name="entityRef" label={t('rptAssess.entity')} extra={t('rptEntity.disposalHint')}>
          <EntityRefSelect initial={report.entity} testId="disposal-entity" />
        </Form.Item>
      )}
    </FormModal>
  );
}
