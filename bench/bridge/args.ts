/**
 * Command line of the bridge bench (arguments only, no environment):
 *   index.ts [calls=100] [seconds=10] [rounds=3] [--modes=bare,naive,bridge,app] [--ci]
 * `--ci` is the short regression gate (ci-gate.ts): by default 20 calls, 3 s, 3 rounds of bare,
 * bridge and app, a 1 s warm-up and no `direct` floor run; numbers given still override.
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
  /** The CI gate: judge same-run ratios against ci-gate.ts's tolerances, not the product targets. */
  ci: boolean;
  /** Audio before the measured window (the generator's warm-up). */
  warmupMs: number;
  /** Also run the generator against itself (its own floor, no server). */
  direct: boolean;
}

const FULL = { calls: 100, seconds: 10, rounds: 3, modes: [...RELAY_MODES], warmupMs: 2000 };
const CI = { calls: 20, seconds: 3, rounds: 3, modes: ['bare', 'bridge', 'app'] as RelayMode[], warmupMs: 1000 };

function count(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new RangeError(`${name} must be a positive integer, got ${raw}`);
  return n;
}

export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const ci = argv.includes('--ci');
  const defaults = ci ? CI : FULL;
  // bench/run-all.ts hands every bench the same arguments: skip the other benches' option values.
  const positional = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--database-url' && argv[i - 1] !== '--runs');
  const modesArg = argv.find((a) => a.startsWith('--modes='))?.slice('--modes='.length);
  const modes = modesArg === undefined ? [...defaults.modes] : modesArg.split(',').filter(Boolean);
  for (const m of modes) if (!(RELAY_MODES as readonly string[]).includes(m)) throw new RangeError(`unknown mode ${m} (modes: ${RELAY_MODES.join(', ')})`);
  if (!modes.includes('bare')) modes.unshift('bare');
  const rounds = count('rounds', positional[2], defaults.rounds);
  // Three interleaved rounds at least: one run's CPU cost swings by ±20 % here, the median does not.
  if (ci && rounds < 3) throw new RangeError(`--ci needs at least 3 rounds (medians), got ${rounds}`);
  return {
    calls: count('calls', positional[0], defaults.calls),
    seconds: count('seconds', positional[1], defaults.seconds),
    rounds,
    modes: [...new Set(modes)] as RelayMode[],
    ci,
    warmupMs: defaults.warmupMs,
    direct: !ci,
  };
}
