// Small statistics and formatting helpers.

/** @param {readonly number[]} values */
export const median = (values) => quantile(values, 0.5);

/**
 * Nearest-rank quantile of unsorted numbers; NaN for none.
 * @param {readonly number[]} values @param {number} q between 0 and 1
 */
export function quantile(values, q) {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return /** @type {number} */ (sorted[rank]);
}

/** 12345.6 -> "12 346" style grouping is hard to read in Markdown; use plain thousands commas. @param {number} n */
export const int = (n) => Math.round(n).toLocaleString("en-US");
/** @param {number} n @param {number} [digits] */
export const fixed = (n, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : "n/a");

/**
 * The median over rounds of `f(sample, reference)`, both from the same round: how the benchmarks
 * compare two things measured side by side.
 * @template T
 * @param {readonly T[]} samples one per round
 * @param {readonly T[]} reference one per round, in the same order
 * @param {(sample: T, reference: T) => number} f
 */
export const medianPerRound = (samples, reference, f) => median(samples.map((x, i) => f(x, /** @type {T} */ (reference[i]))));
