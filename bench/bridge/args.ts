/**
 * Command line of the bridge bench (arguments only, no environment):
 *   index.ts [calls=100] [seconds=10] [rounds=3] [--modes=bare,naive,bridge,app]
 */
export const RELAY_MODES = ['bare', 'naive', 'bridge', 'app'] as const;
export type RelayMode = (typeof RELAY_MODES)[number];
export type Mode = 'direct' | RelayMode;

export interface BenchArgs {
  calls: number;
  seconds: number;
  rounds: number;
  /** Servers compared, in interleaved rounds; `bare` is always one of them (the ratios' base). */
  modes: RelayMode[];
}

function count(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new RangeError(`${name} must be a positive integer, got ${raw}`);
  return n;
}

export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const positional = argv.filter((a) => !a.startsWith('--'));
  const modesArg = argv.find((a) => a.startsWith('--modes='))?.slice('--modes='.length);
  const modes = modesArg === undefined ? [...RELAY_MODES] : modesArg.split(',').filter(Boolean);
  for (const m of modes) if (!(RELAY_MODES as readonly string[]).includes(m)) throw new RangeError(`unknown mode ${m} (modes: ${RELAY_MODES.join(', ')})`);
  if (!modes.includes('bare')) modes.unshift('bare');
  return {
    calls: count('calls', positional[0], 100),
    seconds: count('seconds', positional[1], 10),
    rounds: count('rounds', positional[2], 3),
    modes: [...new Set(modes)] as RelayMode[],
  };
}
