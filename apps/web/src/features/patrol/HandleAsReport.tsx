import { Button } from 'antd';
import { useNavigate } from 'react-router';
import type { PatrolItemView } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { useCan } from '../../lib/session';
import { useShowError } from '../../lib/use-show-error';
import { useHandleAsReport } from './patrol.api';

/** On a confirmed item: open (or start) its report in the reports loop, where disposals are recorded. */
export function HandleAsReport({ item }: { item: PatrolItemView }) {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  const showError = useShowError();
  const run = useHandleAsReport();
  if (item.status !== 'confirmed' || !can('reports.read')) return null;
  return (
    <Button
      type="primary"
      loading={run.isPending}
      onClick={() => run.mutate(item.id, { onSuccess: (r) => navigate(`/console/reports/${r.reportId}`), onError: (err) => showError(err) })}
      data-testid="patrol-to-report"
    >
      {t('item.toReport')}
    </Button>
  );
}
