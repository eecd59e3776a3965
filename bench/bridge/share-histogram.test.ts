import { describe, expect, it } from 'vitest';
import { mergeHistograms, metricSum, parseHistogram, quantileBound, sampleCount } from './share-histogram.js';

// As prom-client writes it: cumulative buckets, then sum and count.
const METRICS = `# HELP voz_voice_bridge_share_seconds The bridge's own share
# TYPE voz_voice_bridge_share_seconds histogram
voz_voice_bridge_share_seconds_bucket{le="0.00005"} 60
voz_voice_bridge_share_seconds_bucket{le="0.0001"} 90
voz_voice_bridge_share_seconds_bucket{le="0.00025"} 98
voz_voice_bridge_share_seconds_bucket{le="0.0005"} 99
voz_voice_bridge_share_seconds_bucket{le="0.001"} 100
voz_voice_bridge_share_seconds_bucket{le="+Inf"} 100
voz_voice_bridge_share_seconds_sum 0.007
voz_voice_bridge_share_seconds_count 100
# TYPE voz_voice_calls_total counter
voz_voice_calls_total{dialect="ga",end_reason="twilio_closed"} 18
voz_voice_calls_total{dialect="ga",end_reason="realtime_lost"} 2
voz_voice_calls_total_extra 7
`;

describe('the bridge share histogram from /metrics', () => {
  it('reads the cumulative buckets in order, +Inf last', () => {
    const h = parseHistogram(METRICS)!;
    expect(h.le).toEqual([0.00005, 0.0001, 0.00025, 0.0005, 0.001, Infinity]);
    expect(h.cumulative).toEqual([60, 90, 98, 99, 100, 100]);
    expect(sampleCount(h)).toBe(100);
  });

  it('gives the upper bound of the bucket holding a quantile (nearest rank)', () => {
    const h = parseHistogram(METRICS)!;
    expect(quantileBound(h, 0.5)).toBe(0.00005);
    expect(quantileBound(h, 0.6)).toBe(0.00005);
    expect(quantileBound(h, 0.61)).toBe(0.0001);
    expect(quantileBound(h, 0.99)).toBe(0.0005);
    expect(quantileBound(h, 1)).toBe(0.001);
  });

  it('says +Inf when the quantile lies past the last finite bucket, and nothing without samples', () => {
    expect(quantileBound({ le: [0.001, Infinity], cumulative: [90, 100] }, 0.99)).toBe(Infinity);
    expect(quantileBound({ le: [0.001, Infinity], cumulative: [0, 0] }, 0.99)).toBeNull();
  });

  it('is absent from metrics text without it', () => {
    expect(parseHistogram('voz_voice_calls_total 3\n')).toBeNull();
  });

  it('adds series that differ only by other labels, and runs with the same buckets', () => {
    const two = parseHistogram('x_bucket{mode="a",le="1"} 1\nx_bucket{mode="b",le="1"} 2\nx_bucket{le="+Inf",mode="a"} 3\nx_bucket{le="+Inf",mode="b"} 4\n', 'x')!;
    expect(two).toEqual({ le: [1, Infinity], cumulative: [3, 7] });
    expect(mergeHistograms([two, two])).toEqual({ le: [1, Infinity], cumulative: [6, 14] });
    expect(mergeHistograms([])).toBeNull();
    expect(() => mergeHistograms([two, { le: [2, Infinity], cumulative: [1, 1] }])).toThrow(/different buckets/);
  });

  it('sums every series of a counter, and only that counter', () => {
    expect(metricSum(METRICS, 'voz_voice_calls_total')).toBe(20);
    expect(metricSum(METRICS, 'voz_voice_active_calls')).toBe(0);
  });
});
