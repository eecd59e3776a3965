import type { Migration } from 'kysely';
import * as tables from './2026_12_05_150_notifications.js';
import * as view from './2026_12_05_910_notifications_view.js';

/** This module's migrations, a static record (bundling-safe), joined to the others by the composition root. */
export const notificationMigrations: Record<string, Migration> = {
  '2026_12_05_150_notifications': tables,
  '2026_12_05_910_notifications_view': view,
};
