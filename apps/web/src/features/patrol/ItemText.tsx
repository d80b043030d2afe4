import type { PatrolItemView } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { HighlightedText } from './HighlightedText';
import { categoryLabel, normalizationLabel } from './labels';

type Hit = PatrolItemView['hits'][number];

interface Props {
  item: PatrolItemView;
  activeHitId: string | null;
  onHitClick: (id: string) => void;
}

/** The item's text with every hit marked; overlapping hits share a darker mark that names all of them. */
export function ItemText({ item, activeHitId, onHitClick }: Props) {
  const t = useT();
  const describe = (hit: Hit) => {
    const norms = hit.normalizations.map((n) => normalizationLabel(t, n)).join('、');
    return `${hit.pattern} · ${categoryLabel(t, hit.category)}${norms ? ` · ${t('hit.via', { norms })}` : ''}`;
  };
  return (
    <HighlightedText
      text={item.text}
      spans={item.hits}
      testId="patrol-item-text"
      renderMark={(seg) => {
        const classes = ['patrol-mark'];
        if (seg.spans.length > 1) classes.push('is-overlap');
        if (seg.spans.every((h) => h.status !== 'pending')) classes.push('is-decided');
        if (seg.spans.some((h) => h.id === activeHitId)) classes.push('is-active');
        return (
          <mark
            className={classes.join(' ')}
            title={seg.spans.map(describe).join('\n')}
            data-testid="patrol-hit"
            data-hit-ids={seg.spans.map((h) => h.id).join(' ')}
            onClick={() => onHitClick(seg.spans[0]!.id)}
          >
            {seg.text}
          </mark>
        );
      }}
    />
  );
}
