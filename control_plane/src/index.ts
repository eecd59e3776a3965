// The control plane's public surface, mounted by the backend (see README.md).
export * from './usage/index.js';
export * from './billing/index.js';
