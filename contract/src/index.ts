// The HTTP API's shapes, one module per area; the backend validates with them and the portal
// types its forms with them, so neither re-declares a field.
export * from './admin.js';
export * from './auth.js';
export * from './billing.js';
export * from './errors.js';
export * from './notifications.js';
export * from './pagination.js';
