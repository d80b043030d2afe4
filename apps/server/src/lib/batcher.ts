/**
 * Natural batching of independent database work (group commit for writes, one query for many
 * lookups). An item starts at once while fewer than `maxInFlight` statements run; what arrives
 * meanwhile waits and goes out together with the next statement, up to `maxBatch` items. Alone, an
 * item waits for nobody; under load, one statement (one parse, plan, round trip and commit) carries
 * many. When a combined run fails, each of its items runs on its own, so a bad item fails alone and
 * the others still succeed.
 */
export interface BatcherOptions<T, R> {
  /** runs all items (atomically, for writes) and returns their results in order */
  runMany: (items: T[]) => Promise<R[]>;
  runOne: (item: T) => Promise<R>;
  maxBatch: number;
  maxInFlight: number;
}

interface Waiting<T, R> {
  item: T;
  resolve: (r: R) => void;
  reject: (err: unknown) => void;
}

export function createBatcher<T, R>(opts: BatcherOptions<T, R>) {
  if (opts.maxBatch < 1 || opts.maxInFlight < 1) throw new Error('maxBatch and maxInFlight must be at least 1');
  const queue: Waiting<T, R>[] = [];
  let inFlight = 0;
  const stats = { statements: 0, items: 0, fallbacks: 0, largest: 0 };

  const one = (w: Waiting<T, R>) => opts.runOne(w.item).then(w.resolve, w.reject);

  async function run(batch: Waiting<T, R>[]): Promise<void> {
    stats.statements++;
    stats.items += batch.length;
    stats.largest = Math.max(stats.largest, batch.length);
    if (batch.length === 1) return one(batch[0]!);
    let results: R[];
    try {
      results = await opts.runMany(batch.map((w) => w.item));
    } catch {
      stats.fallbacks++;
      await Promise.all(batch.map(one));
      return;
    }
    batch.forEach((w, i) => w.resolve(results[i]!));
  }

  function pump() {
    while (inFlight < opts.maxInFlight && queue.length > 0) {
      const batch = queue.splice(0, opts.maxBatch);
      inFlight++;
      void run(batch).finally(() => {
        inFlight--;
        pump();
      });
    }
  }

  return {
    run(item: T): Promise<R> {
      return new Promise<R>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        pump();
      });
    },
    /** statements run, items carried, combined runs that fell back to one by one, largest batch */
    stats: () => ({ ...stats }),
  };
}
export type Batcher<T, R> = ReturnType<typeof createBatcher<T, R>>;
