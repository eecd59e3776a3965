// The control plane's public surface, mounted by the backend's composition root (see README.md).
export * from './accounts/index.js';
export * from './usage/index.js';
export * from './billing/index.js';
export * from './provisioning/index.js';
