export { compileLexicon, Lexicon } from './lexicon.js';
export { createScanner, type Scanner } from './scanner.js';
export { parseLexiconFile } from './lexicon-file.js';
export { createNearDupIndex, createMinHasher, type MinHasher, type NearDupHit, type NearDupIndex, type NearDupOptions } from './near-dup.js';
export { unsafeRegexReason } from './regex-rules.js';
export { pinyinForms } from './pinyin.js';
export { TextscanError, type RuleProblem, type RuleProblemKind, type TextscanErrorCode } from './errors.js';
export {
  NORMALIZATIONS,
  type CompileOptions,
  type DomainRuleInput,
  type MaskOptions,
  type Match,
  type Normalization,
  type NormalizeOptions,
  type ResolvedNormalizeOptions,
  type RegexRuleInput,
  type RuleInput,
  type RuleKind,
  type ScanOptions,
  type TermRuleInput,
} from './types.js';
export { t2sTable } from './t2s.js';
