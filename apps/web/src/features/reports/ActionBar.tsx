import { useState } from 'react';
import { App, Button, Flex } from 'antd';
import type { ReportDetail } from '@tianlang/contracts';
import { useT, type MessageKey } from '../../i18n';
import { useConfirmWithReason } from '../../components/use-confirm-with-reason';
import { useShowError } from '../../lib/use-show-error';
import { AssessModal } from './AssessModal';
import { DisposalModal } from './DisposalModal';
import { IntakeModal, type IntakeAction } from './IntakeModals';
import { ReplyModal } from './ReplyModal';
import { useReportAction } from './reports.api';

/** Buttons in working order; which of them show is decided by the server (allowedActions). */
const ORDER = ['claim', 'release', 'assign', 'accept', 'reject', 'merge', 'split', 'forward', 'assess', 'dispose', 'complete', 'reply', 'close'] as const;
type Action = (typeof ORDER)[number];
type Dialog = IntakeAction | 'assess' | 'dispose' | 'reply';

const PRIMARY: readonly Action[] = ['accept', 'assess', 'dispose', 'complete', 'reply', 'close'];
/** Steps that need no form: a confirmation with an optional reason. */
const CONFIRM = { accept: 'rptConfirm.accept', complete: 'rptConfirm.complete', close: 'rptConfirm.close' } as const satisfies Partial<Record<Action, MessageKey>>;
const isConfirmed = (a: Action): a is keyof typeof CONFIRM => a in CONFIRM;

export function ActionBar({ report }: { report: ReportDetail }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const run = useReportAction();
  const confirm = useConfirmWithReason();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const allowed = ORDER.filter((a) => report.allowedActions.includes(a));

  const direct = (action: 'claim' | 'release' | 'accept' | 'complete' | 'close', reason?: string) =>
    run.mutateAsync(action === 'claim' || action === 'release' ? { id: report.id, action } : { id: report.id, action, body: { reason } }).then(
      () => void message.success(t(`rptDone.${action}`)),
      (err: unknown) => showError(err),
    );

  const onClick = (a: Action) => {
    if (a === 'claim' || a === 'release') void direct(a);
    else if (isConfirmed(a))
      confirm({ title: t(CONFIRM[a], { no: report.trackingNo }), okText: t(`rptAction.${a}`), danger: false, onConfirm: (reason) => direct(a, reason) });
    else setDialog(a as Dialog);
  };

  if (allowed.length === 0) return null;
  return (
    <>
      <Flex wrap gap={8} data-testid="report-actions">
        {allowed.map((a) => (
          <Button
            key={a}
            type={PRIMARY.includes(a) ? 'primary' : 'default'}
            danger={a === 'reject'}
            loading={run.isPending && run.variables?.action === a}
            onClick={() => onClick(a)}
            data-testid={`report-action-${a}`}
          >
            {t(`rptAction.${a}`)}
          </Button>
        ))}
      </Flex>
      {(dialog === 'reject' || dialog === 'merge' || dialog === 'split' || dialog === 'forward' || dialog === 'assign') && (
        <IntakeModal report={report} action={dialog} onClose={() => setDialog(null)} />
      )}
      {dialog === 'assess' && <AssessModal report={report} onClose={() => setDialog(null)} />}
      {dialog === 'dispose' && <DisposalModal report={report} onClose={() => setDialog(null)} />}
      {dialog === 'reply' && <ReplyModal report={report} onClose={() => setDialog(null)} />}
    </>
  );
}
