/** Construction of the automaton: a trie from sorted patterns, then failure and output links. */

export interface Trie {
  nodes: number;
  edgeStart: Int32Array;
  edgeChar: Uint16Array;
  edgeTarget: Int32Array;
  outCount: Int32Array;
  entryNode: Int32Array;
  /** Entry ids of the non-empty patterns, sorted by pattern. */
  order: number[];
}

/**
 * Entry ids of the non-empty patterns in pattern order (UTF-16 code units, ties by id): a counting
 * sort on the first unit, then a comparison sort inside each (small) bucket.
 */
function sortedOrder(patterns: readonly string[]): { order: number[]; totalChars: number } {
  const counts = new Int32Array(0x10001);
  let totalChars = 0;
  for (const p of patterns) {
    if (p.length === 0) continue;
    counts[p.charCodeAt(0) + 1]!++;
    totalChars += p.length;
  }
  for (let c = 1; c <= 0x10000; c++) counts[c] = counts[c]! + counts[c - 1]!;
  const starts = counts.slice(0, 0x10000);
  const order = new Array<number>(counts[0x10000]!);
  for (let i = 0; i < patterns.length; i++) {
    const p = patterns[i]!;
    if (p.length > 0) order[starts[p.charCodeAt(0)]!++] = i;
  }
  const cmp = (a: number, b: number) => (patterns[a]! < patterns[b]! ? -1 : patterns[a]! > patterns[b]! ? 1 : a - b);
  for (let c = 0; c < 0x10000; c++) {
    const from = counts[c]!;
    const to = counts[c + 1]!;
    if (to - from < 2) continue;
    if (to - from <= 16) {
      for (let i = from + 1; i < to; i++) {
        const x = order[i]!;
        let j = i - 1;
        while (j >= from && cmp(order[j]!, x) > 0) order[j + 1] = order[j--]!;
        order[j + 1] = x;
      }
    } else {
      const part = order.slice(from, to).sort(cmp);
      for (let i = from; i < to; i++) order[i] = part[i - from]!;
    }
  }
  return { order, totalChars };
}

export function buildTrie(patterns: readonly string[]): Trie {
  const { order, totalChars } = sortedOrder(patterns);
  // From sorted patterns, the children of a node are created in increasing unit order.
  const cap = totalChars + 1;
  const firstChild = new Int32Array(cap).fill(-1);
  const nextSibling = new Int32Array(cap).fill(-1);
  const lastChild = new Int32Array(cap).fill(-1);
  const nodeChar = new Uint16Array(cap);
  const outCount = new Int32Array(cap);
  const entryNode = new Int32Array(patterns.length).fill(-1);
  const path: number[] = [0];
  let nodes = 1;
  let prev = '';
  for (const e of order) {
    const p = patterns[e]!;
    let lcp = 0;
    const max = Math.min(p.length, prev.length);
    while (lcp < max && p.charCodeAt(lcp) === prev.charCodeAt(lcp)) lcp++;
    path.length = lcp + 1;
    for (let d = lcp; d < p.length; d++) {
      const parent = path[d]!;
      const node = nodes++;
      nodeChar[node] = p.charCodeAt(d);
      if (lastChild[parent]! < 0) firstChild[parent] = node;
      else nextSibling[lastChild[parent]!] = node;
      lastChild[parent] = node;
      path.push(node);
    }
    const end = path[p.length]!;
    entryNode[e] = end;
    outCount[end]!++;
    prev = p;
  }
  const edgeStart = new Int32Array(nodes + 1);
  const edgeChar = new Uint16Array(Math.max(nodes - 1, 1));
  const edgeTarget = new Int32Array(Math.max(nodes - 1, 1));
  let k = 0;
  for (let s = 0; s < nodes; s++) {
    edgeStart[s] = k;
    for (let c = firstChild[s]!; c >= 0; c = nextSibling[c]!) {
      edgeChar[k] = nodeChar[c]!;
      edgeTarget[k] = c;
      k++;
    }
  }
  edgeStart[nodes] = k;
  return { nodes, edgeStart, edgeChar, edgeTarget, outCount, entryNode, order };
}

function find(t: Trie, s: number, c: number): number {
  let lo = t.edgeStart[s]!;
  let hi = t.edgeStart[s + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const m = t.edgeChar[mid]!;
    if (m === c) return t.edgeTarget[mid]!;
    if (m < c) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Failure links by breadth-first search; `reports[s]` when s or a suffix state has an output. */
export function linkFailures(t: Trie): { fail: Int32Array; outLink: Int32Array; reports: Uint8Array; bfs: Int32Array } {
  const { nodes, edgeStart, edgeChar, edgeTarget, outCount } = t;
  const fail = new Int32Array(nodes);
  const outLink = new Int32Array(nodes);
  const reports = new Uint8Array(nodes);
  const queue = new Int32Array(nodes);
  let head = 0;
  let tail = 0;
  queue[tail++] = 0;
  while (head < tail) {
    const s = queue[head++]!;
    for (let j = edgeStart[s]!; j < edgeStart[s + 1]!; j++) {
      const child = edgeTarget[j]!;
      const c = edgeChar[j]!;
      let f = 0;
      if (s !== 0) {
        for (let g = fail[s]!; ; g = fail[g]!) {
          const next = find(t, g, c);
          if (next >= 0) {
            f = next;
            break;
          }
          if (g === 0) break;
        }
      }
      fail[child] = f;
      outLink[child] = outCount[f]! > 0 ? f : outLink[f]!;
      reports[child] = outCount[child]! > 0 || outLink[child] !== 0 ? 1 : 0;
      queue[tail++] = child;
    }
  }
  return { fail, outLink, reports, bfs: queue };
}
