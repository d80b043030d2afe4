import { describe, expect, it } from 'vitest';
import { isWithin, subtreeLikePattern, subtreePrefix } from './jurisdiction-path';

describe('jurisdiction paths', () => {
  it('a subtree prefix always ends with the separator', () => {
    expect(subtreePrefix('/330100/3301/')).toBe('/330100/3301/');
    expect(subtreePrefix('/330100/3301')).toBe('/330100/3301/');
  });

  it('a path is within itself and its ancestors, never within a sibling whose id it prefixes', () => {
    expect(isWithin('/330100/3301/', '/330100/3301/')).toBe(true);
    expect(isWithin('/330100/3301/330101/', '/330100/3301/')).toBe(true);
    expect(isWithin('/330100/3301/', '/330100/')).toBe(true);
    // the path-prefix bug class: a bare string prefix would take in the sibling 33011
    expect('/330100/33011/'.startsWith('/330100/3301')).toBe(true);
    expect(isWithin('/330100/33011/', '/330100/3301')).toBe(false);
    expect(isWithin('/330100/33011/', '/330100/3301/')).toBe(false);
    expect(isWithin('/330100/', '/330100/3301/')).toBe(false);
  });

  it('the LIKE pattern keeps the separator and escapes wildcards', () => {
    expect(subtreeLikePattern('/330100/3301')).toBe('/330100/3301/%');
    expect(subtreeLikePattern('/a_b/c%d/')).toBe('/a\\_b/c\\%d/%');
  });
});
