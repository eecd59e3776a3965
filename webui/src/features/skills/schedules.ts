/** Schedules an owner picks by name; anything else is typed as a five-field cron. */
export const SCHEDULE_PRESETS: ReadonlyArray<{ cron: string | null; label: string }> = [
  { cron: null, label: 'Only when I run it' },
  { cron: '0 8 * * *', label: 'Every day at 8:00' },
  { cron: '0 8 * * 1', label: 'Every Monday at 8:00' },
  { cron: '0 8 1 * *', label: 'The 1st of each month at 8:00' },
];

export const CUSTOM = 'custom';

/** In words when it is a preset, else the cron itself. */
export function describeSchedule(cron: string | null): string {
  return SCHEDULE_PRESETS.find((p) => p.cron === cron)?.label ?? `Cron “${cron}”`;
}
