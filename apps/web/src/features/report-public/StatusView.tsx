import { useT } from '../../i18n';
import { Banner } from './Field';
import { formatTime } from './format';
import type { PublicStatus } from './public.api';
import { ReviewForm } from './ReviewForm';
import { StageSteps } from './StageSteps';
import type { StatusCredentials } from './StatusQueryForm';

interface Props {
  status: PublicStatus;
  credentials: StatusCredentials;
  reviewJustRequested: boolean;
  onReviewRequested: (status: PublicStatus) => void;
}

/** What the reporter may see: the staged status, the outcome and the reply — never internal notes. */
export function StatusView({ status, credentials, reviewJustRequested, onReviewRequested }: Props) {
  const t = useT();
  return (
    <section className="rp-card rp-status" aria-labelledby="status-current" data-testid="status-view">
      <div className="rp-status-head">
        <div>
          <div className="rp-muted">{t('pub.status.trackingNo')}</div>
          <div className="rp-mono rp-strong">{status.trackingNo}</div>
        </div>
        <div className={`rp-stage-badge rp-stage-${status.stage}`} id="status-current" data-testid="status-stage" data-stage={status.stage}>
          <span className="rp-sr-only">{t('pub.status.current')}：</span>
          {t(`pub.stage.${status.stage}`)}
        </div>
      </div>
      <dl className="rp-facts">
        <div>
          <dt>{t('pub.status.category')}</dt>
          <dd>{status.categoryName}</dd>
        </div>
        <div>
          <dt>{t('pub.status.submittedAt')}</dt>
          <dd>{formatTime(status.submittedAt)}</dd>
        </div>
      </dl>

      <h2>{t('pub.status.progress')}</h2>
      <StageSteps status={status} />

      {status.outcome && (
        <>
          <h2>{t('pub.status.outcome')}</h2>
          <p className="rp-outcome" data-testid="status-outcome" data-outcome={status.outcome}>
            {t(`pub.outcome.${status.outcome}`)}
          </p>
        </>
      )}

      <h2>{t('pub.status.reply')}</h2>
      {status.reply ? (
        <>
          {/* plain text node: whatever the reply contains is shown, never interpreted */}
          <div className="rp-reply" data-testid="status-reply">
            {status.reply}
          </div>
          {status.repliedAt && <p className="rp-muted">{t('pub.status.repliedAt', { time: formatTime(status.repliedAt) })}</p>}
        </>
      ) : (
        <p className="rp-muted">{t('pub.status.noReply')}</p>
      )}

      {reviewJustRequested && <Banner kind="info" testId="review-done">{t('pub.review.done')}</Banner>}
      {!reviewJustRequested && status.reviewRequestedAt && (
        <p className="rp-muted" data-testid="review-requested">
          {t('pub.review.requested', { time: formatTime(status.reviewRequestedAt) })}
        </p>
      )}
      {status.canRequestReview && <ReviewForm credentials={credentials} onRequested={onReviewRequested} />}
    </section>
  );
}
