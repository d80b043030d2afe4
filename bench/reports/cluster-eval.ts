/**
 * Scores clusters against ground truth: pairwise precision and recall over every report (from the
 * contingency table of predicted × true clusters, so no sampling), and per kind of near-duplicate.
 */
import { createMinHasher } from '@tianlang/textscan';
import type { GenReport, VariantKind } from './gen';

const pairs = (n: number) => (n * (n - 1)) / 2;

export interface Scored { precision: number; recall: number; predictedPairs: number; truePairs: number; truePositivePairs: number }

/** Pairwise precision/recall; `predicted[i]` and `truth[i]` are cluster labels of report i. */
export function pairwise(predicted: ArrayLike<number>, truth: ArrayLike<number>): Scored {
  const cells = new Map<string, number>();
  const byPred = new Map<number, number>();
  const byTrue = new Map<number, number>();
  for (let i = 0; i < predicted.length; i++) {
    const p = predicted[i]!;
    const t = truth[i]!;
    cells.set(`${p}:${t}`, (cells.get(`${p}:${t}`) ?? 0) + 1);
    byPred.set(p, (byPred.get(p) ?? 0) + 1);
    byTrue.set(t, (byTrue.get(t) ?? 0) + 1);
  }
  let tp = 0;
  let pp = 0;
  let tt = 0;
  for (const n of cells.values()) tp += pairs(n);
  for (const n of byPred.values()) pp += pairs(n);
  for (const n of byTrue.values()) tt += pairs(n);
  return { precision: pp ? tp / pp : 1, recall: tt ? tp / tt : 1, predictedPairs: pp, truePairs: tt, truePositivePairs: tp };
}

/** Per kind: how many near-duplicates joined their original's cluster, and how many joined a wrong one. */
export function byKind(kinds: readonly VariantKind[], predicted: ArrayLike<number>, truth: ArrayLike<number>) {
  const out: Record<string, { count: number; joinedOriginal: number; joinedWrong: number; recall: number }> = {};
  for (let i = 0; i < kinds.length; i++) {
    const k = kinds[i]!;
    const o = (out[k] ??= { count: 0, joinedOriginal: 0, joinedWrong: 0, recall: 0 });
    o.count++;
    const joined = predicted[i] !== i;
    if (k === 'original') { if (joined) o.joinedWrong++; continue; }
    if (predicted[i] === predicted[truth[i]!]) o.joinedOriginal++;
    else if (joined) o.joinedWrong++;
  }
  for (const o of Object.values(out)) o.recall = o.count ? Math.round((o.joinedOriginal / o.count) * 1000) / 1000 : 0;
  return out;
}

/**
 * What other thresholds would give, on a sample: for each text near-duplicate the estimated
 * similarity to its original (a miss below the threshold), and for unrelated reports sharing a band
 * key the best similarity (a false merge above it). Same hasher settings as the server's clustering.
 */
export function thresholdSweep(sample: GenReport[], thresholds: number[]) {
  const hasher = createMinHasher({ shingle: 3, hashes: 64, bands: 16 });
  const sigs = sample.map((r) => hasher.signature(r.input.description));
  const buckets = new Map<number, number[]>();
  const variantSims: number[] = [];
  const unrelatedBest: number[] = [];
  const indexOf = new Map<number, number>(sample.flatMap((r, i) => (r.kind === 'original' ? [[r.label, i] as const] : [])));
  sample.forEach((r, i) => {
    const sig = sigs[i];
    if (!sig) return;
    const keys = hasher.bandKeys(sig);
    let best = 0;
    const seen = new Set<number>();
    for (const k of keys) for (const j of buckets.get(k) ?? []) {
      if (seen.has(j) || sample[j]!.label === r.label) continue;
      seen.add(j);
      best = Math.max(best, hasher.estimate(sig, sigs[j]!));
    }
    if (seen.size) unrelatedBest.push(best);
    if (r.kind !== 'original' && r.kind !== 'url') {
      const o = indexOf.get(r.label);
      const os = o === undefined ? undefined : sigs[o];
      if (os) variantSims.push(hasher.estimate(sig, os));
    }
    if (r.kind === 'original') for (const k of keys) (buckets.get(k) ?? buckets.set(k, []).get(k)!).push(i);
  });
  return thresholds.map((t) => ({
    threshold: t,
    textVariantsAtOrAbove: Math.round((variantSims.filter((s) => s >= t).length / Math.max(1, variantSims.length)) * 1000) / 1000,
    unrelatedCandidatesAtOrAbove: unrelatedBest.filter((s) => s >= t).length,
    textVariants: variantSims.length, unrelatedWithACandidate: unrelatedBest.length,
  }));
}
