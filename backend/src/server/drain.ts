/** Something that can finish its in-flight work on shutdown (e.g. active calls). */
export interface Drainable {
  name: string;
  drain(): Promise<void>;
}

export interface DrainOutcome {
  /** Names of drainables still busy when the time ran out. */
  timedOut: string[];
  /** Names of drainables whose drain failed (logged by the caller, never thrown). */
  failed: string[];
}

/**
 * Runs every drain at once and waits for all of them, or until `timeoutMs`, whichever is first.
 * Never throws: shutdown must go on whatever a drainable does.
 */
export async function drainAll(drainables: readonly Drainable[], timeoutMs: number): Promise<DrainOutcome> {
  const pending = new Set(drainables.map((d) => d.name));
  const failed: string[] = [];
  const all = Promise.all(
    drainables.map(async (d) => {
      try {
        await d.drain();
      } catch {
        failed.push(d.name);
      } finally {
        pending.delete(d.name);
      }
    }),
  );
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
    timer.unref();
  });
  await Promise.race([all, deadline]);
  clearTimeout(timer);
  return { timedOut: [...pending], failed };
}
