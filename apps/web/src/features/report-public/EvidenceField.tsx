import { useT } from '../../i18n';
import { EVIDENCE_LIMITS, EVIDENCE_TYPES, MAX_EVIDENCE_PER_REPORT } from './enums';
import { fieldId } from './Field';
import { formatBytes, shortSha } from './format';
import type { EvidenceItem } from './use-evidence';

interface Props {
  items: EvidenceItem[];
  rejected: string[];
  onAdd: (files: FileList) => void;
  onRemove: (id: number) => void;
  error?: string;
}

const ACCEPT = Object.keys(EVIDENCE_TYPES).join(',');

export function EvidenceField({ items, rejected, onAdd, onRemove, error }: Props) {
  const t = useT();
  const full = items.length >= MAX_EVIDENCE_PER_REPORT;
  const id = fieldId('evidence');
  return (
    <div className={error ? 'rp-field rp-field-error' : 'rp-field'}>
      <div className="rp-label" id={`${id}-label`}>
        {t('pub.evidence.label')}
        <span className="rp-optional">{t('pub.form.optional')}</span>
      </div>
      <p className="rp-hint" id={`${id}-hint`}>
        {t('pub.evidence.hint', {
          image: formatBytes(EVIDENCE_LIMITS.image), pdf: formatBytes(EVIDENCE_LIMITS.pdf),
          video: formatBytes(EVIDENCE_LIMITS.video), max: MAX_EVIDENCE_PER_REPORT,
        })}
      </p>
      <div className="rp-evidence-pick">
        <label className={full ? 'rp-secondary-button rp-disabled' : 'rp-secondary-button'}>
          {t('pub.evidence.choose')}
          <input
            id={id}
            className="rp-file-input"
            type="file"
            multiple
            accept={ACCEPT}
            disabled={full}
            data-testid="report-evidence-input"
            aria-describedby={`${id}-hint`}
            onChange={(e) => {
              if (e.target.files) onAdd(e.target.files);
              // the same file may be chosen again after a removal
              e.target.value = '';
            }}
          />
        </label>
        <span className="rp-muted">{t('pub.evidence.count', { count: items.length, max: MAX_EVIDENCE_PER_REPORT })}</span>
      </div>
      {rejected.length > 0 && (
        <ul className="rp-error-list" role="alert">
          {rejected.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      )}
      {items.length > 0 && (
        <ul className="rp-evidence-list" data-testid="report-evidence-list">
          {items.map((item) => (
            <EvidenceRow key={item.id} item={item} onRemove={() => onRemove(item.id)} />
          ))}
        </ul>
      )}
      {error && <p className="rp-error">{error}</p>}
    </div>
  );
}

function EvidenceRow({ item, onRemove }: { item: EvidenceItem; onRemove: () => void }) {
  const t = useT();
  const percent = Math.round(item.progress * 100);
  return (
    <li className={`rp-evidence rp-evidence-${item.status}`} data-testid="report-evidence-item" data-status={item.status}>
      <div className="rp-evidence-main">
        <span className="rp-evidence-name" title={item.name}>
          {item.name}
        </span>
        <span className="rp-muted">{formatBytes(item.size)}</span>
      </div>
      {item.status === 'checking' && (
        <div className="rp-progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round((item.proof ?? 0) * 100)} aria-label={t('pub.pow.solving')}>
          <div className="rp-progress-bar" style={{ width: `${Math.round((item.proof ?? 0) * 100)}%` }} />
          <span className="rp-progress-text">{t('pub.evidence.checking', { percent: Math.round((item.proof ?? 0) * 100) })}</span>
        </div>
      )}
      {item.status === 'uploading' && (
        <div className="rp-progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-label={item.name}>
          <div className="rp-progress-bar" style={{ width: `${percent}%` }} />
          <span className="rp-progress-text">{t('pub.evidence.uploading', { percent })}</span>
        </div>
      )}
      {item.status === 'done' && item.sha256 && (
        <div className="rp-evidence-meta">
          <span className="rp-ok">✓ {t('pub.evidence.done')}</span>
          <code className="rp-sha" title={t('pub.evidence.shaTitle', { hash: item.sha256 })} data-testid="report-evidence-sha">
            {t('pub.evidence.sha', { hash: shortSha(item.sha256) })}
          </code>
          {item.stripped && <span className="rp-muted">{t('pub.evidence.stripped')}</span>}
        </div>
      )}
      {item.status === 'failed' && <p className="rp-error">{t('pub.evidence.failed', { error: item.error ?? '' })}</p>}
      <button type="button" className="rp-link-button rp-evidence-remove" aria-label={t('pub.evidence.removeLabel', { name: item.name })} onClick={onRemove}>
        {t('pub.evidence.remove')}
      </button>
    </li>
  );
}
