/** Small edits that turn a report's text into a labelled near-duplicate (what copy-and-paste reporters do). */

export type TextEdit = 'chars' | 'punct' | 'append' | 'trad' | 'mixed';

const EDITS: readonly [TextEdit, number][] = [['chars', 30], ['punct', 20], ['append', 20], ['trad', 15], ['mixed', 15]];
const PUNCT = new Set('，。！？、；：… ~'.split(''));
const PUNCT_OUT = ['，', '。', '！', '？', ' ', '', '', '!!'];
const isSurrogate = (c: number) => c >= 0xd800 && c <= 0xdfff;

/** A few characters replaced (1–3 % of the text, at least one). */
export function changeChars(text: string, rnd: () => number, prose: (n: number) => string): string {
  const chars = [...text];
  const n = Math.max(1, Math.round(chars.length * (0.01 + rnd() * 0.02)));
  for (let i = 0; i < n; i++) {
    const at = Math.floor(rnd() * chars.length);
    let c = prose(1);
    if (isSurrogate(c.charCodeAt(0))) c = '的';
    chars[at] = c;
  }
  return chars.join('');
}

/** Punctuation replaced, dropped or doubled; a space here and there. */
export function changePunct(text: string, rnd: () => number): string {
  let out = '';
  for (const ch of text) {
    if (PUNCT.has(ch) && rnd() < 0.6) out += PUNCT_OUT[Math.floor(rnd() * PUNCT_OUT.length)];
    else out += ch;
    if (rnd() < 0.02) out += ' ';
  }
  return `${out}！！`;
}

/** A sentence added at the end, as when someone forwards a report with a remark. */
export const appendSentence = (text: string, rnd: () => number, prose: (n: number) => string) =>
  `${text}补充：${prose(8 + Math.floor(rnd() * 23))}。`;

/** The whole text, or a contiguous half of it, in traditional characters. */
export function toTrad(text: string, rnd: () => number, convert: (s: string) => string): string {
  if (rnd() < 0.6) return convert(text);
  const half = Math.floor(text.length / 2);
  let at = Math.floor(rnd() * (text.length - half));
  if (isSurrogate(text.charCodeAt(at))) at++;
  return text.slice(0, at) + convert(text.slice(at, at + half)) + text.slice(at + half);
}

export function textVariant(text: string, rnd: () => number, prose: (n: number) => string, convert: (s: string) => string): { text: string; edit: TextEdit } {
  let r = rnd() * 100;
  const edit = EDITS.find(([, w]) => (r -= w) < 0)?.[0] ?? 'chars';
  switch (edit) {
    case 'chars': return { text: changeChars(text, rnd, prose), edit };
    case 'punct': return { text: changePunct(text, rnd), edit };
    case 'append': return { text: appendSentence(text, rnd, prose), edit };
    case 'trad': return { text: toTrad(text, rnd, convert), edit };
    case 'mixed': {
      const second = [(t: string) => changePunct(t, rnd), (t: string) => appendSentence(t, rnd, prose), (t: string) => toTrad(t, rnd, convert)];
      return { text: second[Math.floor(rnd() * second.length)]!(changeChars(text, rnd, prose)), edit };
    }
  }
}
