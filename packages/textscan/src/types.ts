/** The switchable normalizations, in the order they are reported on a match. */
export const NORMALIZATIONS = [
  'width',
  'case',
  'traditional',
  'separators',
  'repeats',
  'numbers',
  'homoglyphs',
  'splitForms',
  'pinyin',
] as const;
export type Normalization = (typeof NORMALIZATIONS)[number];

export interface NormalizeOptions {
  /** Full-width ASCII and the ideographic space to half-width. */
  width?: boolean;
  /** Lower-case (every cased letter whose lower case is one UTF-16 unit). */
  case?: boolean;
  /** Traditional to simplified Chinese, character by character (OpenCC tables). */
  traditional?: boolean;
  /** Skip separators and noise (spaces, symbols, zero-width and combining marks) between characters. */
  separators?: boolean;
  /** A run of the same character counts once (a term with a doubled character still needs the double). */
  repeats?: boolean;
  /** ①, ⑴, ⒈, 一, 壹, superscripts and full-width digits to ASCII digits. */
  numbers?: boolean;
  /** Cyrillic/Greek look-alikes, Kangxi radicals, compatibility ideographs, enclosed and math letters. */
  homoglyphs?: boolean;
  /** Two-part split forms of characters from a table (弓长 → 张, 氵去 → 法). */
  splitForms?: boolean;
  /** Pinyin and pinyin initials for term rules that opt in. */
  pinyin?: boolean;
  /** Most separator characters skipped in a row; a longer run breaks a match. Default 3. */
  maxGap?: number;
  /** Let separator skipping cross sentence punctuation (。，！？；：、 and ASCII ,;!?). Line breaks never. */
  bridgePunctuation?: boolean;
}

export type ResolvedNormalizeOptions = Required<NormalizeOptions>;

interface RuleInputBase {
  /** Stable id for hit statistics; default `<kind>:<pattern>`. */
  id?: string;
  category: string;
  /** 1 (lowest) … 5 (highest); default 3. */
  severity?: number;
  /** Source line, set by parseLexiconFile and quoted in errors. */
  line?: number;
}

export interface TermRuleInput extends RuleInputBase {
  kind: 'term';
  term: string;
  /** Contexts that contain the term and make it no hit, e.g. 禁止赌博 for 赌博. */
  allow?: readonly string[];
  /** Also match the term's pinyin and pinyin initials (runs of Latin letters in the text). */
  pinyin?: boolean;
}

export interface RegexRuleInput extends RuleInputBase {
  kind: 'regex';
  pattern: string;
  /** Any of `i`, `m`, `s`, `u`. */
  flags?: string;
  /** Extra check on the matched digits, e.g. `luhn` for bank card numbers. */
  check?: 'luhn';
}

export interface DomainRuleInput extends RuleInputBase {
  kind: 'domain';
  /** A host name; it and all its sub-domains are hits. */
  domain: string;
}

export type RuleInput = TermRuleInput | RegexRuleInput | DomainRuleInput;
export type RuleKind = RuleInput['kind'];

export interface Match {
  /** UTF-16 offset in the original text, inclusive. */
  start: number;
  /** UTF-16 offset in the original text, exclusive. */
  end: number;
  /** The original text of the span. */
  text: string;
  /** The rule's term, pattern or domain. */
  term: string;
  /** The rule id. */
  rule: string;
  kind: RuleKind;
  category: string;
  severity: number;
  /** The normalizations this hit needed, empty for a verbatim hit (shared, frozen arrays). */
  normalizations: readonly Normalization[];
}

export interface ScanOptions {
  /** Only rules of these categories. */
  categories?: readonly string[];
  /** Only rules with at least this severity. */
  minSeverity?: number;
}

export interface MaskOptions extends ScanOptions {
  /** Replacement for each code point of a matched span. Default ＊ (U+FF0A). */
  mask?: string;
}

export interface CompileOptions {
  /** true (default): all normalizations; false: verbatim matching; or pick them one by one. */
  normalize?: boolean | NormalizeOptions;
  /** A label for this compiled version; default a hash of the rules. */
  version?: string;
}
