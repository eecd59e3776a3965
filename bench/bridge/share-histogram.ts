/**
 * The bridge's own share as the server reports it: the Prometheus histogram
 * `voz_voice_bridge_share_seconds` (observed at each call's end, never per frame), read from
 * `/metrics` text. Buckets give a bound, not an exact percentile: the p99 printed is the upper
 * bound of the bucket that holds it.
 */
export const SHARE_METRIC = 'voz_voice_bridge_share_seconds';

/** Cumulative counts per upper bound (seconds, ascending; the last is +Inf). */
export interface ShareHistogram {
  le: number[];
  cumulative: number[];
}

const sampleLine = /^([a-zA-Z_:][\w:]*)(?:\{([^}]*)\})?\s+(\S+)/;

/** Sum of every series of `name` (any labels), or 0 when the text has none. */
export function metricSum(text: string, name: string): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    const m = sampleLine.exec(line);
    if (m?.[1] === name) sum += Number(m[3]);
  }
  return sum;
}

/** The histogram `name` from /metrics text (series with other labels added together); null when absent. */
export function parseHistogram(text: string, name: string = SHARE_METRIC): ShareHistogram | null {
  const byLe = new Map<number, number>();
  for (const line of text.split('\n')) {
    const m = sampleLine.exec(line);
    if (m?.[1] !== `${name}_bucket`) continue;
    const le = /(?:^|,)le="([^"]+)"/.exec(m[2] ?? '')?.[1];
    if (le === undefined) continue;
    const bound = le === '+Inf' ? Infinity : Number(le);
    byLe.set(bound, (byLe.get(bound) ?? 0) + Number(m[3]));
  }
  if (byLe.size === 0) return null;
  const le = [...byLe.keys()].sort((a, b) => a - b);
  return { le, cumulative: le.map((b) => byLe.get(b)!) };
}

/** Several runs' histograms (same buckets) as one. */
export function mergeHistograms(hs: readonly ShareHistogram[]): ShareHistogram | null {
  if (hs.length === 0) return null;
  const le = hs[0]!.le;
  for (const h of hs) if (h.le.length !== le.length || h.le.some((b, i) => b !== le[i])) throw new Error('share histograms with different buckets');
  return { le, cumulative: le.map((_, i) => hs.reduce((n, h) => n + h.cumulative[i]!, 0)) };
}

export function sampleCount(h: ShareHistogram): number {
  return h.cumulative[h.cumulative.length - 1] ?? 0;
}

/** Upper bound (seconds) of the bucket holding the q-quantile (nearest rank); null with no samples. */
export function quantileBound(h: ShareHistogram, q: number): number | null {
  const n = sampleCount(h);
  if (n === 0) return null;
  const rank = Math.max(1, Math.ceil(q * n));
  return h.le[h.cumulative.findIndex((c) => c >= rank)]!;
}
