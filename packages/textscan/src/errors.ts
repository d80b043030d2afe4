/** Error codes of the text engine; callers branch on `code`, never on the message. */
export type TextscanErrorCode = 'lexicon.parse_error' | 'lexicon.invalid_rule' | 'near_dup.invalid_input';

/** What is wrong with one rule or line. */
export type RuleProblemKind =
  | 'syntax'
  | 'invalid_field'
  | 'duplicate_id'
  | 'empty_term'
  | 'bad_context'
  | 'invalid_regex'
  | 'unsafe_regex'
  | 'invalid_domain';

export interface RuleProblem {
  problem: RuleProblemKind;
  /** 1-based line in a lexicon file, when the rule came from one. */
  line?: number;
  /** Index of the rule in the array given to compileLexicon. */
  index?: number;
  rule?: string;
  reason: string;
}

export class TextscanError extends Error {
  readonly code: TextscanErrorCode;
  readonly details: readonly RuleProblem[];

  constructor(code: TextscanErrorCode, details: readonly RuleProblem[], options?: { cause?: unknown }) {
    const first = details[0];
    const where = first?.line !== undefined ? `line ${first.line}: ` : first?.index !== undefined ? `rule #${first.index}: ` : '';
    const more = details.length > 1 ? ` (+${details.length - 1} more)` : '';
    super(`${code}: ${where}${first?.reason ?? 'invalid input'}${more}`, options);
    this.name = 'TextscanError';
    this.code = code;
    this.details = details;
  }
}
