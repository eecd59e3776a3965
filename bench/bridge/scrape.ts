/** Reads a bench server's `/metrics` once its calls have ended (their histograms are observed then). */
import { metricSum, parseHistogram, type ShareHistogram } from './share-histogram.js';

const CALLS_ENDED = 'voz_voice_calls_total';
const WAIT_MS = 10_000;

/** The share histogram after `calls` calls have ended on the server at `port`; null if they never all end. */
export async function scrapeShare(port: number, calls: number): Promise<ShareHistogram | null> {
  const until = performance.now() + WAIT_MS;
  for (;;) {
    const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    if (metricSum(text, CALLS_ENDED) >= calls) return parseHistogram(text);
    if (performance.now() > until) {
      console.error(`bench: only ${metricSum(text, CALLS_ENDED)} of ${calls} calls ended after ${WAIT_MS} ms; no share figure for this run`);
      return null;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
