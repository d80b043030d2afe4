import { useT } from '../../i18n';
import { MAIN_STAGES, type PublicStage } from './enums';
import { formatTime } from './format';
import type { PublicStatus } from './public.api';

interface Step {
  stage: PublicStage;
  at: string | null;
  state: 'done' | 'current' | 'pending';
}

/** The stages reached, with their times, followed by the ones still ahead on the normal path. */
export function stepsOf(status: PublicStatus): Step[] {
  const reached = status.steps.length > 0 ? status.steps : [{ stage: status.stage, at: status.submittedAt }];
  const steps: Step[] = reached.map((s, i) => ({ stage: s.stage, at: s.at, state: i === reached.length - 1 ? 'current' : 'done' }));
  const index = (MAIN_STAGES as readonly PublicStage[]).indexOf(status.stage);
  if (index >= 0) {
    for (const stage of MAIN_STAGES.slice(index + 1)) {
      if (!reached.some((s) => s.stage === stage)) steps.push({ stage, at: null, state: 'pending' });
    }
  }
  return steps;
}

export function StageSteps({ status }: { status: PublicStatus }) {
  const t = useT();
  return (
    <ol className="rp-steps" data-testid="status-steps">
      {stepsOf(status).map((step, i) => (
        <li key={`${step.stage}-${i}`} className={`rp-step rp-step-${step.state} rp-stage-${step.stage}`} aria-current={step.state === 'current' ? 'step' : undefined}>
          <span className="rp-step-dot" aria-hidden="true" />
          <span className="rp-step-name">{t(`pub.stage.${step.stage}`)}</span>
          <span className="rp-step-time">{step.at ? formatTime(step.at) : t('pub.status.pending')}</span>
        </li>
      ))}
    </ol>
  );
}
