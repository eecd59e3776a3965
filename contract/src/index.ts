// The HTTP API's shapes, one module per area; the backend validates with them and the portal
// types its forms with them, so neither re-declares a field.
export * from './admin.js';
export * from './admin-features.js';
export * from './analytics.js';
export * from './appointments.js';
export * from './auth.js';
export * from './billing.js';
export * from './calls.js';
export * from './catalog.js';
export * from './contacts.js';
export * from './dashboard.js';
export * from './document-version.js';
export * from './errors.js';
export * from './knowledge-base.js';
export * from './menu.js';
export * from './notifications.js';
export * from './orders.js';
export * from './pagination.js';
export * from './query-spec.js';
export * from './scalars.js';
export * from './service-hours.js';
export * from './settings.js';
export * from './tenant-features.js';
export * from './tenant-profile.js';
export * from './time-zone.js';
