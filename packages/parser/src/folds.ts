/**
 * Fixed cross-validation folds for `npm run eval -- --folds K`: grouped by article (one file is one
 * article, so no article is ever split across folds) and stratified by outlet, so each fold holds
 * a share of every outlet's kind of text (readouts, transcripts, newspaper reports).
 */

/** The outlet of an annotation or article file: the name's last `_` suffix ("12_2022-03-01_nyt.json" -> "nyt"). */
export function outletOf(file: string): string {
  const base = file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const i = base.lastIndexOf('_');
  return i >= 0 && i < base.length - 1 ? base.slice(i + 1).toLowerCase() : 'unknown';
}

/**
 * Assigns each file to one of `k` folds. Deterministic: outlets in name order, files in name order
 * within each outlet, dealt round-robin with one counter running across outlets, so fold sizes
 * differ by at most one and an outlet with n files lands in min(n, k) folds.
 */
export function assignFolds(files: readonly string[], k: number): Map<string, number> {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`folds must be a positive integer, got ${k}`);
  const byOutlet = new Map<string, string[]>();
  for (const f of [...new Set(files)].sort()) {
    const o = outletOf(f);
    byOutlet.set(o, [...(byOutlet.get(o) ?? []), f]);
  }
  const fold = new Map<string, number>();
  let next = 0;
  for (const outlet of [...byOutlet.keys()].sort()) {
    for (const f of byOutlet.get(outlet) ?? []) {
      fold.set(f, next % k);
      next++;
    }
  }
  return fold;
}

/** Mean, population standard deviation, min and max of per-fold (or per-outlet) figures; NaNs are skipped. */
export function spread(values: readonly number[]): { mean: number; std: number; min: number; max: number; n: number } {
  const v = values.filter((x) => !Number.isNaN(x));
  if (v.length === 0) return { mean: Number.NaN, std: Number.NaN, min: Number.NaN, max: Number.NaN, n: 0 };
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  const std = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / v.length);
  return { mean, std, min: Math.min(...v), max: Math.max(...v), n: v.length };
}
