import { pinyin } from 'pinyin-pro';
import type { NormalizedText } from './normalize.js';

export interface PinyinForm {
  rule: number;
  form: 'full' | 'initials';
}

const LETTERS = /^[a-z]+$/;

/** The pinyin and pinyin-initials spellings of a term ('赌博' → dubo, db); ü is written v. */
export function pinyinForms(term: string): { full?: string; initials?: string } {
  const han = [...term].filter((ch) => /\p{Script=Han}/u.test(ch)).length;
  if (han < 2) return {};
  const syllables = pinyin(term, { toneType: 'none', type: 'array', v: true, nonZh: 'consecutive' }).map((s) => s.toLowerCase());
  const full = syllables.join('');
  const initials = syllables.map((s) => s[0] ?? '').join('');
  return {
    ...(LETTERS.test(full) ? { full } : {}),
    ...(LETTERS.test(initials) && initials.length >= 2 ? { initials } : {}),
  };
}

/**
 * Pinyin forms of the opt-in terms, matched against whole runs of Latin letters in the normalized
 * text. A run must equal a form exactly, so "dubo" or "d b" is a hit for 赌博 but "feedback"
 * (which contains "db") is not. Mixed forms such as 赌bo are not matched.
 */
export class PinyinIndex {
  private readonly forms = new Map<string, PinyinForm[]>();
  private minLength = Infinity;
  private maxLength = 0;

  /** With `collapseRepeats` (the text's repeats are folded), keys are folded the same way. */
  private readonly collapseRepeats: boolean;

  constructor(collapseRepeats: boolean) {
    this.collapseRepeats = collapseRepeats;
  }

  add(rule: number, term: string): void {
    const { full, initials } = pinyinForms(term);
    const fold = (s: string) => (this.collapseRepeats ? s.replace(/(.)\1+/g, '$1') : s);
    if (full) this.put(fold(full), { rule, form: 'full' });
    if (initials) this.put(fold(initials), { rule, form: 'initials' });
  }

  private put(key: string, form: PinyinForm): void {
    const list = this.forms.get(key);
    if (list) list.push(form);
    else this.forms.set(key, [form]);
    this.minLength = Math.min(this.minLength, key.length);
    this.maxLength = Math.max(this.maxLength, key.length);
  }

  get size(): number {
    return this.forms.size;
  }

  /** Calls `hit(first, last, form)` with unit indexes of each matching run. Return true to stop. */
  scan(nt: NormalizedText, hit: (first: number, last: number, form: PinyinForm) => boolean): void {
    if (this.forms.size === 0) return;
    const { units } = nt;
    let i = 0;
    while (i < nt.length) {
      if (!isLetter(units[i]!)) {
        i++;
        continue;
      }
      let j = i;
      while (j < nt.length && isLetter(units[j]!)) j++;
      const len = j - i;
      if (len >= this.minLength && len <= this.maxLength) {
        let key = '';
        for (let k = i; k < j; k++) key += String.fromCharCode(units[k]! | 0x20);
        for (const form of this.forms.get(key) ?? []) if (hit(i, j - 1, form)) return;
      }
      i = j;
    }
  }
}

function isLetter(u: number): boolean {
  return (u >= 0x61 && u <= 0x7a) || (u >= 0x41 && u <= 0x5a);
}
