import { queryOptions } from '@tanstack/react-query';

const HEALTH_REFRESH_MS = 10_000;

export interface Health {
  live: boolean;
  ready: boolean;
  /** `voz_voice_active_calls` from /metrics, or null when not exported. */
  liveCalls: number | null;
}

/** Reads one gauge from Prometheus text: `name value` on its own line. */
export function gaugeValue(metrics: string, name: string): number | null {
  const line = metrics.split('\n').find((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`));
  if (!line) return null;
  const value = Number(line.trim().split(/\s+/).pop());
  return Number.isFinite(value) ? value : null;
}

const ok = (path: string, signal: AbortSignal) => fetch(path, { signal, cache: 'no-store' }).then((r) => r.ok, () => false);

export const healthQuery = () =>
  queryOptions({
    queryKey: ['admin', 'health'],
    queryFn: async ({ signal }): Promise<Health> => {
      const [live, ready, metrics] = await Promise.all([
        ok('/healthz', signal),
        ok('/readyz', signal),
        fetch('/metrics', { signal, cache: 'no-store' }).then((r) => (r.ok ? r.text() : ''), () => ''),
      ]);
      return { live, ready, liveCalls: gaugeValue(metrics, 'voz_voice_active_calls') };
    },
    refetchInterval: HEALTH_REFRESH_MS,
    staleTime: 0,
  });
