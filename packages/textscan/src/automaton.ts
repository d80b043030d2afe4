/**
 * Aho–Corasick automaton over UTF-16 code units, stored as flat typed arrays: a dense
 * 65,536-entry table for the root; per other state a 32-byte record; sorted edge arrays (CSR),
 * or a dense row over the alphabet for states with many edges; bit filters that let most units
 * skip the edge search; failure links; and an output link per state. States are numbered
 * breadth-first with reporting states last; see the constructor.
 */

import { buildTrie, linkFailures } from './trie.js';

/** Called for every hit; `end` is the index of the last unit of the hit. Return true to stop. */
export type HitSink = (end: number, entry: number) => boolean;

/** States with at most this many edges are searched linearly and filtered by 32 bits. */
const SMALL_MAX = 7;
/** Bigger states get a 512-bit filter (16 ints) of their edge units (bits u & 511). */
const WIDE_INTS = 16;
/** Ints per state record in `info` (a power of two: the scan computes s << 3). */
const STRIDE = 8;
/** Ints in a state's failure-chain filter: 128 bits, bit (u & 127). */
const CHAIN_INTS = 4;
/** States with at least this many edges get a dense row over the alphabet instead of a search. */
const DENSE_MIN = 32;

export class Automaton {
  readonly states: number;
  /** States with an output on their suffix chain are numbered from here on. */
  private readonly firstReporting: number;
  /** Dense transitions of the root (0 = stay at the root). */
  private readonly root: Int32Array;
  /**
   * Per state s, at 8s: first edge (or dense row offset), end of edges (-1 for a dense row),
   * failure state, a filter of its edge units (small states: 32 bits, bit u & 31; bigger ones:
   * the offset of their 512-bit filter in `wide`), then 128 bits (bit u & 127): the units that
   * any state on its failure chain (root excluded) has an edge for. When a unit is not in that
   * filter, no state on the chain can take it and the scan goes straight to the root table.
   * The filters keep most units from touching the edge arrays or dense rows, which are too big
   * to stay in cache.
   */
  private readonly info: Int32Array;
  /** Per edge e: [2e] code unit, [2e+1] target state; a state's edges are sorted by unit. */
  private readonly edges: Int32Array;
  /** The alphabet: class of each code unit that occurs in a pattern (1…), 0 for the others. */
  private readonly classOf: Uint16Array;
  /** Rows of (alphabet size + 1) targets for the states with many edges. */
  private readonly dense: Int32Array;
  /** 512-bit filters of the states with more than SMALL_MAX edges; small and hot in cache. */
  private readonly wide: Int32Array;
  /** The next state with an own output on the suffix chain after s; 0 when none. */
  private readonly outLink: Int32Array;
  private readonly outStart: Int32Array;
  private readonly outEntry: Int32Array;

  /** patterns[i] is the pattern of entry i; empty patterns are ignored. */
  constructor(patterns: readonly string[]) {
    const trie = buildTrie(patterns);
    const { nodes, edgeStart, edgeChar, edgeTarget, outCount, entryNode, order } = trie;
    const { fail, outLink, reports, bfs } = linkFailures(trie);

    // Renumber in breadth-first order, so the shallow states that nearly every unit visits share
    // a few cache lines, and put the states that report last, so the scan loop tests
    // `s >= firstReporting` instead of reading an array for every unit.
    const newId = new Int32Array(nodes);
    let quiet = 0;
    for (const s of bfs) if (!reports[s]) newId[s] = quiet++;
    let loud = quiet;
    for (const s of bfs) if (reports[s]) newId[s] = loud++;
    this.firstReporting = quiet;
    this.states = nodes;

    const classOf = new Uint16Array(0x10000);
    let classes = 0;
    for (let j = 0; j < edgeStart[nodes]!; j++) if (classOf[edgeChar[j]!] === 0) classOf[edgeChar[j]!] = ++classes;
    let denseRows = 0;
    for (let s = 1; s < nodes; s++) if (edgeStart[s + 1]! - edgeStart[s]! >= DENSE_MIN) denseRows++;
    const dense = new Int32Array(denseRows * (classes + 1));
    let row = 0;
    let wideStates = 0;
    for (let s = 1; s < nodes; s++) if (edgeStart[s + 1]! - edgeStart[s]! > SMALL_MAX) wideStates++;
    const wide = new Int32Array(wideStates * WIDE_INTS);
    let wideAt = 0;

    const own = new Int32Array(nodes);
    const ownWide = new Int32Array(CHAIN_INTS * nodes);
    for (let s = 1; s < nodes; s++) {
      for (let j = edgeStart[s]!; j < edgeStart[s + 1]!; j++) {
        const c = edgeChar[j]!;
        own[s] = own[s]! | (1 << (c & 31));
        const w = CHAIN_INTS * s + ((c >>> 5) & (CHAIN_INTS - 1));
        ownWide[w] = ownWide[w]! | (1 << (c & 31));
      }
    }
    const chain = new Int32Array(CHAIN_INTS * nodes);
    for (const s of bfs) {
      if (s === 0) continue;
      for (let w = 0; w < CHAIN_INTS; w++) chain[CHAIN_INTS * s + w] = ownWide[CHAIN_INTS * s + w]! | chain[CHAIN_INTS * fail[s]! + w]!;
    }

    const info = new Int32Array(STRIDE * nodes);
    const edges = new Int32Array(2 * Math.max(edgeStart[nodes]!, 1));
    let k = 0;
    const byNew = new Int32Array(nodes);
    for (let s = 0; s < nodes; s++) byNew[newId[s]!] = s;
    for (let ns = 0; ns < nodes; ns++) {
      const s = byNew[ns]!;
      const isDense = s !== 0 && edgeStart[s + 1]! - edgeStart[s]! >= DENSE_MIN;
      const offset = row * (classes + 1);
      info[STRIDE * ns] = isDense ? offset : k;
      for (let j = edgeStart[s]!; j < edgeStart[s + 1]!; j++) {
        if (isDense) dense[offset + classOf[edgeChar[j]!]!] = newId[edgeTarget[j]!]!;
        else {
          edges[2 * k] = edgeChar[j]!;
          edges[2 * k + 1] = newId[edgeTarget[j]!]!;
          k++;
        }
      }
      if (isDense) row++;
      info[STRIDE * ns + 1] = isDense ? -1 : k;
      info[STRIDE * ns + 2] = newId[fail[s]!]!;
      if (edgeStart[s + 1]! - edgeStart[s]! > SMALL_MAX && s !== 0) {
        for (let j = edgeStart[s]!; j < edgeStart[s + 1]!; j++) {
          const h = edgeChar[j]! & 511;
          wide[wideAt + (h >>> 5)] = wide[wideAt + (h >>> 5)]! | (1 << (h & 31));
        }
        info[STRIDE * ns + 3] = wideAt;
        wideAt += WIDE_INTS;
      } else info[STRIDE * ns + 3] = own[s]!;
      for (let w = 0; w < CHAIN_INTS; w++) info[STRIDE * ns + 4 + w] = chain[CHAIN_INTS * s + w]!;
    }
    const link = new Int32Array(nodes);
    const outStart = new Int32Array(nodes + 1);
    for (let ns = 0; ns < nodes; ns++) {
      const s = byNew[ns]!;
      link[ns] = newId[outLink[s]!]!;
      outStart[ns + 1] = outStart[ns]! + outCount[s]!;
    }
    const outEntry = new Int32Array(outStart[nodes]!);
    const fill = outStart.slice(0, nodes);
    for (const e of order) outEntry[fill[newId[entryNode[e]!]!]!++] = e;
    const root = new Int32Array(0x10000);
    for (let j = edgeStart[0]!; j < edgeStart[1]!; j++) root[edgeChar[j]!] = newId[edgeTarget[j]!]!;

    this.root = root;
    this.info = info;
    this.edges = edges.subarray(0, 2 * Math.max(k, 1)).slice();
    this.classOf = classOf;
    this.dense = dense;
    this.wide = wide;
    this.outLink = link;
    this.outStart = outStart;
    this.outEntry = outEntry;
  }

  /** The state after reading unit c in state s (following failure links as needed). */
  private next(s: number, c: number): number {
    const { info, edges } = this;
    const bit = 1 << (c & 31);
    while (s !== 0) {
      const at = s << 3;
      if ((info[at + 4 + ((c >>> 5) & 3)]! & bit) === 0) break;
      let lo = info[at]!;
      let hi = info[at + 1]!;
      const filter = info[at + 3]!;
      let t = 0;
      if (hi >= 0 && hi - lo <= SMALL_MAX) {
        if ((filter & bit) !== 0) {
          for (; lo < hi; lo++) {
            if (edges[2 * lo] === c) {
              t = edges[2 * lo + 1]!;
              break;
            }
          }
        }
      } else if (((this.wide[filter + ((c & 511) >>> 5)]! >>> (c & 31)) & 1) !== 0) {
        if (hi < 0) t = this.dense[lo + this.classOf[c]!]!;
        else {
          hi--;
          while (lo <= hi) {
            const mid = (lo + hi) >>> 1;
            const m = edges[2 * mid]!;
            if (m === c) {
              t = edges[2 * mid + 1]!;
              break;
            }
            if (m < c) lo = mid + 1;
            else hi = mid - 1;
          }
        }
      }
      if (t !== 0) return t;
      s = info[at + 2]!;
    }
    return this.root[c]!;
  }

  /** Scan a string directly: the verbatim path, one charCodeAt per unit and no allocation. */
  scanString(text: string, sink: HitSink): void {
    const n = text.length;
    const firstReporting = this.firstReporting;
    let s = 0;
    for (let i = 0; i < n; i++) {
      s = this.next(s, text.charCodeAt(i));
      if (s >= firstReporting && this.emit(s, i, sink)) return;
    }
  }

  /** Scan a normalized stream; the same loop as scanString over a typed array. */
  scanUnits(units: Uint16Array, n: number, sink: HitSink): void {
    const firstReporting = this.firstReporting;
    let s = 0;
    for (let i = 0; i < n; i++) {
      s = this.next(s, units[i]!);
      if (s >= firstReporting && this.emit(s, i, sink)) return;
    }
  }

  private emit(first: number, end: number, sink: HitSink): boolean {
    const { outStart, outEntry, outLink } = this;
    for (let s = first; s !== 0; s = outLink[s]!) {
      for (let j = outStart[s]!; j < outStart[s + 1]!; j++) if (sink(end, outEntry[j]!)) return true;
    }
    return false;
  }

  /** Bytes held by the typed arrays. */
  get byteLength(): number {
    return [this.root, this.info, this.edges, this.classOf, this.dense, this.wide, this.outLink, this.outStart, this.outEntry].reduce((sum, a) => sum + a.byteLength, 0);
  }
}
