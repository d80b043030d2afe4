import { Converter } from 'opencc-js/t2cn';

let table: Uint16Array | undefined;

/**
 * Traditional → simplified, one BMP character to one BMP character, built once per process from
 * OpenCC's dictionaries (standard, Taiwan and Hong Kong variants). Phrase-level conversions are
 * left out on purpose: a span in the original text must map to a span in the normalized text.
 * Characters whose simplified form is outside the BMP are left as they are.
 */
export function t2sTable(): Uint16Array {
  if (table) return table;
  const chars: string[] = [];
  for (let c = 0x3400; c < 0xa000; c++) chars.push(String.fromCharCode(c));
  for (let c = 0xf900; c < 0xfb00; c++) chars.push(String.fromCharCode(c));
  const joined = chars.join('\n');
  const built = new Uint16Array(0x10000);
  for (const from of ['hk', 'tw', 't'] as const) {
    const out = Converter({ from, to: 'cn' })(joined).split('\n');
    if (out.length !== chars.length) continue;
    for (let i = 0; i < chars.length; i++) {
      const src = chars[i]!;
      const dst = out[i]!;
      if (dst.length === 1 && dst !== src) built[src.charCodeAt(0)] = dst.charCodeAt(0);
    }
  }
  table = built;
  return built;
}
