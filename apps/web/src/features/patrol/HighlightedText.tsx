import { Fragment, useMemo, type ReactNode } from 'react';
import { segmentText, type Segment, type Span } from './highlight';
import './patrol.css';

interface Props<T extends Span> {
  text: string;
  spans: readonly T[];
  /** Renders one highlighted piece; it must render `segment.text` as text, never as HTML. */
  renderMark: (segment: Segment<T>) => ReactNode;
  testId?: string;
}

/** Text with ranges marked, whitespace and line breaks kept as written. */
export function HighlightedText<T extends Span>({ text, spans, renderMark, testId }: Props<T>) {
  const segments = useMemo(() => segmentText(text, spans), [text, spans]);
  return (
    <div className="patrol-text" data-testid={testId}>
      {segments.map((segment) =>
        segment.spans.length > 0 ? <Fragment key={segment.start}>{renderMark(segment)}</Fragment> : <Fragment key={segment.start}>{segment.text}</Fragment>,
      )}
    </div>
  );
}
