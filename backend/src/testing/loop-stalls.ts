import { monitorEventLoopDelay } from 'node:perf_hooks';

const RESOLUTION_MS = 5;

/**
 * The worst event-loop stall (ms) while a timing assertion's window runs. In the e2e tests the
 * server, the simulated phone and the Realtime fake share one loop; on a starved 2-core box
 * (three test workers) the whole process can be descheduled for tens of ms, which delays every
 * party alike. A budget adds the stall, capped well below the failure it guards against, so it
 * judges the bridge and not the box.
 */
export function watchLoopStalls(): { stop(): number } {
  const h = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  h.enable();
  return {
    stop() {
      h.disable();
      // Samples are the time between two ticks of its timer: the resolution itself is no stall.
      return Math.max(0, h.max / 1e6 - RESOLUTION_MS);
    },
  };
}
