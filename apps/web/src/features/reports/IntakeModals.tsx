import { Form, Select } from 'antd';
import { REJECT_REASONS, type ReportDetail, type RejectReason } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { useShowError } from '../../lib/use-show-error';
import { FormModal, ReasonItem } from './FormModal';
import { idOptions, jurisdictionOptions } from './report-options';
import { useReportAction, useReportOptions, type ReportActionInput } from './reports.api';
import { ReportPicker } from './ReportPicker';

export type IntakeAction = 'reject' | 'merge' | 'split' | 'forward' | 'assign';

/** The form's fields; each action shows (and its rules require) the ones it sends. */
interface Values {
  reasonCode: RejectReason;
  intoId: string;
  jurisdictionId: string;
  userId: string;
  reason: string;
}

/** The action with the body its route takes, from the form. */
function inputOf(id: string, action: IntakeAction, v: Values): ReportActionInput {
  switch (action) {
    case 'reject': return { id, action, body: { reasonCode: v.reasonCode, reason: v.reason.trim() } };
    case 'merge': return { id, action, body: { intoId: v.intoId, reason: v.reason.trim() } };
    case 'split': return { id, action, body: { reason: v.reason.trim() } };
    case 'forward': return { id, action, body: { jurisdictionId: v.jurisdictionId, reason: v.reason.trim() } };
    case 'assign': return { id, action, body: { userId: v.userId } };
  }
}

/** 不予受理, 合并, 拆分, 转属地 and 指派: small forms that end in one action route. */
export function IntakeModal({ report, action, onClose }: { report: ReportDetail; action: IntakeAction; onClose: () => void }) {
  const t = useT();
  const showError = useShowError();
  const options = useReportOptions().data;
  const run = useReportAction();
  const [form] = Form.useForm<Values>();
  const required = [{ required: true, message: t('common.required') }];

  const onFinish = (v: Values) =>
    run.mutate(
      inputOf(report.id, action, v),
      { onSuccess: onClose, onError: (err) => showError(err, form) },
    );

  return (
    <FormModal<Values>
      title={t(`rptIntake.${action}Title`, { no: report.trackingNo })}
      okText={t(`rptAction.${action}`)}
      submitId="report-action-submit"
      danger={action === 'reject'}
      pending={run.isPending}
      form={form}
      onFinish={onFinish}
      onClose={onClose}
    >
      {action === 'reject' && (
        <Form.Item name="reasonCode" label={t('rptIntake.reasonCode')} rules={required}>
          <Select options={REJECT_REASONS.map((r) => ({ value: r, label: t(`rptReject.${r}`) }))} data-testid="reject-reason-code" />
        </Form.Item>
      )}
      {action === 'merge' && (
        <Form.Item name="intoId" label={t('rptIntake.mergeInto')} extra={t('rptIntake.mergeHint')} rules={required}>
          <ReportPicker exclude={[report.id]} testId="merge-into" />
        </Form.Item>
      )}
      {action === 'forward' && (
        <Form.Item name="jurisdictionId" label={t('rptIntake.forwardTo')} rules={required}>
          <Select
            options={jurisdictionOptions(t, options).filter((j) => j.value !== report.jurisdictionId)}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="forward-jurisdiction"
          />
        </Form.Item>
      )}
      {action === 'assign' && (
        <Form.Item name="userId" label={t('rpt.assignee')} rules={required}>
          <Select options={idOptions(options?.assignees)} showSearch={{ optionFilterProp: 'label' }} data-testid="assign-user" />
        </Form.Item>
      )}
      {action === 'split' && <p>{t('rptIntake.splitHint', { into: report.mergedIntoTrackingNo ?? '—' })}</p>}
      {action !== 'assign' && <ReasonItem />}
    </FormModal>
  );
}
