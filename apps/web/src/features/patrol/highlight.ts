/** A highlighted range of a text, in UTF-16 code units (String.prototype.slice offsets), end exclusive. */
export interface Span {
  start: number;
  end: number;
}

export interface Segment<T extends Span> {
  start: number;
  end: number;
  text: string;
  /** The spans covering this piece; empty for plain text. */
  spans: T[];
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Moves an offset that would cut a surrogate pair in half to the pair's edge, widening the span. */
function snap(text: string, offset: number, towardStart: boolean): number {
  const i = Math.min(Math.max(Math.trunc(offset), 0), text.length);
  if (i > 0 && i < text.length && isHigh(text.charCodeAt(i - 1)) && isLow(text.charCodeAt(i))) return towardStart ? i - 1 : i + 1;
  return i;
}

/**
 * Cuts the text at every span boundary; each piece lists the spans over it. Overlapping and nested
 * spans simply share pieces, so any set of spans renders as a flat run of text and marks.
 * Out-of-range offsets are clamped and empty spans dropped.
 */
export function segmentText<T extends Span>(text: string, spans: readonly T[]): Segment<T>[] {
  const ranges = spans
    .map((span) => ({ span, start: snap(text, span.start, true), end: snap(text, span.end, false) }))
    .filter((r) => r.end > r.start);
  const cuts = [...new Set([0, text.length, ...ranges.flatMap((r) => [r.start, r.end])])].sort((a, b) => a - b);
  const segments: Segment<T>[] = [];
  for (let i = 0; i < cuts.length - 1; i++) {
    const start = cuts[i]!;
    const end = cuts[i + 1]!;
    const over = ranges.filter((r) => r.start <= start && r.end >= end).map((r) => r.span);
    segments.push({ start, end, text: text.slice(start, end), spans: over });
  }
  return segments;
}
