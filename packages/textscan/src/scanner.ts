import type { Lexicon } from './lexicon.js';
import type { Match, MaskOptions, ScanOptions } from './types.js';

/**
 * A long-lived scanner whose lexicon can be replaced without a restart: compile the new version
 * (slow, done aside), then swap (one reference assignment). A scan runs synchronously on the
 * lexicon it started with, so it never sees half an update.
 */
export interface Scanner {
  readonly lexicon: Lexicon;
  readonly version: string;
  /** Install `next` and return the lexicon it replaced. */
  swap(next: Lexicon): Lexicon;
  scan(text: string, opts?: ScanOptions): Match[];
  first(text: string, opts?: ScanOptions): Match | undefined;
  has(text: string, opts?: ScanOptions): boolean;
  mask(text: string, opts?: MaskOptions): string;
}

export function createScanner(initial: Lexicon): Scanner {
  let current = initial;
  return {
    get lexicon() {
      return current;
    },
    get version() {
      return current.version;
    },
    swap(next) {
      const previous = current;
      current = next;
      return previous;
    },
    scan: (text, opts) => current.scan(text, opts),
    first: (text, opts) => current.first(text, opts),
    has: (text, opts) => current.has(text, opts),
    mask: (text, opts) => current.mask(text, opts),
  };
}
