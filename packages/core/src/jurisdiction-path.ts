/**
 * 属地 paths: the materialized chain of jurisdiction ids from the root, "/city/district/town/", always
 * ending in the separator. A path's subtree is every path that starts with it *including* that separator,
 * so "/330100/3301/" never takes in "/330100/33011/" — the one rule every scope check rests on.
 */
export const PATH_SEPARATOR = '/';

/** The path as the prefix of exactly its own subtree: with its trailing separator. */
export const subtreePrefix = (path: string): string => (path.endsWith(PATH_SEPARATOR) ? path : `${path}${PATH_SEPARATOR}`);

/** Whether `path` is `root` or lies below it. */
export const isWithin = (path: string, root: string): boolean => subtreePrefix(path).startsWith(subtreePrefix(root));

/** A LIKE pattern matching `root`'s subtree: the prefix with LIKE's wildcards escaped (backslash), then `%`. */
export const subtreeLikePattern = (root: string): string => `${subtreePrefix(root).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
