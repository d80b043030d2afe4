/**
 * Replace every code point inside the given spans with `mask`. Text outside the spans is copied
 * unchanged; overlapping and adjacent spans are merged first.
 */
export function mask(text: string, spans: readonly { start: number; end: number }[], mask: string): string {
  if (spans.length === 0) return text;
  const sorted = spans.map((s) => [s.start, s.end] as const).sort((a, b) => a[0] - b[0]);
  let out = '';
  let pos = 0;
  let i = 0;
  while (i < sorted.length) {
    let [start, end] = sorted[i]!;
    i++;
    while (i < sorted.length && sorted[i]![0] <= end) end = Math.max(end, sorted[i++]![1]);
    start = Math.max(start, pos);
    out += text.slice(pos, start);
    for (let j = start; j < end; j++) {
      const c = text.charCodeAt(j);
      if (c >= 0xd800 && c <= 0xdbff && j + 1 < end && (text.charCodeAt(j + 1) & 0xfc00) === 0xdc00) j++;
      out += mask;
    }
    pos = Math.max(pos, end);
  }
  return out + text.slice(pos);
}
